"""The five seed reports saved in other forms read as their text: whole reports (not openings, as
the development set's pages are), with their shortcomings and plans, built without a manifest
(web pages, .mht, Word, Word 97–2003 .doc, flattened, legacy encodings, and PDFs typeset on A4).

Each form (tests/realworld/saved.py and printed.py; the .doc files, which need LibreOffice to make,
are stored in tests/fixtures/doc) is built as a fresh folder would be, and its
tables are compared with the text form's, report by report (matched by file stem): the town,
county, year and partial flag; every heading with its level and part; every figure; every
shortcoming item. The text form itself is held to the seed answers by test_metadata,
test_sections and test_indicators.
"""
from __future__ import annotations

import pandas as pd
import pytest

import reportkit as rk

from .conftest import RAW
from .realworld.printed import pdf_bytes
from .realworld.saved import LAYOUTS, flattened, legacy_encoded, single_file_page, web_page, word_document

SEEDS = sorted(RAW.glob("*.txt"))
DOC_FILES = RAW.parents[1] / "tests" / "fixtures" / "doc"


def _write(form: str, folder, index: int, path) -> None:
    text = path.read_text(encoding="utf-8")
    if form == "html":  # each seed in another layout
        (folder / f"{path.stem}.html").write_bytes(web_page(text, LAYOUTS[index % len(LAYOUTS)]))
    elif form == "mht":
        (folder / f"{path.stem}.mht").write_bytes(single_file_page(text, LAYOUTS[(index + 1) % len(LAYOUTS)]))
    elif form == "docx":
        (folder / f"{path.stem}.docx").write_bytes(word_document(text))
    elif form == "doc":  # the seed's Word file saved by LibreOffice's "MS Word 97" filter
        (folder / f"{path.stem}.doc").write_bytes((DOC_FILES / f"{path.stem}.doc").read_bytes())
    elif form == "flat":
        (folder / path.name).write_text(flattened(text), encoding="utf-8")
    elif form == "legacy":
        (folder / path.name).write_bytes(legacy_encoded(text))
    elif form == "pdf":
        (folder / f"{path.stem}.pdf").write_bytes(pdf_bytes(text))
    else:
        (folder / path.name).write_text(text, encoding="utf-8")


def _readings(form: str, tmp_path_factory) -> dict[str, pd.DataFrame]:
    """What an analyst compares, per table, keyed by the file's stem instead of its doc_id."""
    folder = tmp_path_factory.mktemp(form)
    for index, path in enumerate(SEEDS):
        _write(form, folder, index, path)
    tables = rk.build(folder, manifest=None, out=None, cache_dir=None, jobs=1)
    stems = dict(zip(tables["documents"]["doc_id"], tables["documents"]["file"].map(lambda f: f.rsplit(".", 1)[0])))

    def keyed(table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
        out = table.assign(report=table["doc_id"].map(stems))[["report", *columns]]
        return out.sort_values(["report", *columns[:1]], kind="stable").reset_index(drop=True)

    return {
        "documents": keyed(tables["documents"], ["town", "county", "year", "is_partial"]),
        "sections": keyed(tables["sections"], ["start", "section_no", "level", "heading", "section_type"]).drop(
            columns="start"),
        "indicators": keyed(tables["indicators"], ["start", "span", "value", "unit", "category"]).drop(columns="start"),
        "shortcomings": keyed(tables["shortcomings"], ["item_no", "text"]),
    }


@pytest.fixture(scope="module")
def text_readings(tmp_path_factory):
    return _readings("text", tmp_path_factory)


@pytest.mark.slow
@pytest.mark.parametrize("form", ["html", "mht", "docx", "doc", "flat", "legacy", "pdf"])
def test_seed_forms__a_whole_report_in_another_form_reads_as_its_text(form, text_readings, tmp_path_factory):
    got = _readings(form, tmp_path_factory)
    assert len(text_readings["shortcomings"]) >= 10 and len(text_readings["indicators"]) >= 50  # whole reports
    for name, expected in text_readings.items():
        if form == "pdf" and name == "sections":  # a PDF's text layer sets 2022 年 as 2022年: spacing aside
            got[name], expected = (t.assign(heading=t["heading"].str.replace(" ", "")) for t in (got[name], expected))
        pd.testing.assert_frame_equal(got[name], expected, check_dtype=False, obj=f"{form}: {name}")
