"""Accuracy of town, county, year and headings on the development set of real reports.

    python -m tests.realworld.accuracy            # per-field accuracy, then every miss
    python -m tests.realworld.accuracy --quiet    # the summary only
    python -m tests.realworld.accuracy --as pdf   # each text typeset as a PDF first
                                                  # (or: wrapped, html, mht, docx, legacy, flat, traditional)

The development set (tests/realworld/cases/*.txt with a hand-checked *.json answer each) is
made of real report pages from many provinces, saved as an analyst would paste them. The texts
are built with the public API (`reportkit.build`, no manifest, no cache), exactly as a folder of
new reports would be, and compared with the answers:

- town: the bare official name (Simplified script); a county-level report must get no town;
- level: township or county (a report the build cannot place is "unknown", a miss);
- county: only where the text names the county (`county_evidence` "text"); a county matches under
  any name of the same unit (a former name: 横县 is 横州市 since 2021);
- county_by_address: where only the page's address shows the county (`county_evidence` "url"), the
  county a manifest `source_url` (or a saved page's address) gives;
- county_built: the county the build gives (from the text, or from the gazetteer when the town's
  name is one county's), for every answer with a county, whatever its evidence: what an analyst sees;
- year: the year the report covers, where the answer gives one;
- partial: the page opening is flagged `is_partial` (the answers say which texts are not whole);
- indicator precision and recall: on the pages with an ID.indicators.csv (every figure of the
  author's own work: file, span, value, unit, qualifier, subject, unsure), compared as the
  project's scorer compares the seeds: (value, unit) per page; a figure only an unsure answer
  has counts neither way;
- headings found: share of the answer's headings that the sections table has (a found heading
  matches when, both normalised, one starts with the other's first 12 characters, so a run-in
  heading found with its body still counts); headings real: share of the found headings
  (level > 0) that match an answer; level and section type: on the matched headings.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import unicodedata
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

CASES = Path(__file__).parent / "cases"
PREFIX = 12  # characters of a heading compared, as the project's scorer does


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


_PINYIN_NOTE = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def norm(text) -> str:
    """NFKC, Simplified script, no whitespace, no pinyin notes (規(guī)范 = 规范): how answers and
    outputs are compared."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ""
    text = _PINYIN_NOTE.sub("", unicodedata.normalize("NFKC", str(text)))
    return re.sub(r"\s+", "", _t2s().convert(text))


def load_cases(folder: Path = CASES) -> dict[str, dict]:
    """Answers by case id; each with its text file's path under `path`."""
    cases = {}
    for answer in sorted(folder.glob("*.json")):
        case = json.loads(answer.read_text(encoding="utf-8"))
        case["path"] = answer.with_suffix(".txt")
        figures = answer.with_name(f"{answer.stem}.indicators.csv")
        if figures.exists():
            case["indicators"] = pd.read_csv(figures, dtype=str, keep_default_na=False)
        cases[answer.stem] = case
    return cases


FORMS = ("text", "pdf", "wrapped", "html", "mht", "docx", "legacy", "flat", "traditional")


def build_cases(cases: dict[str, dict], form: str = "text") -> dict[str, pd.DataFrame]:
    """The reportkit tables of the case texts, built as a fresh folder of reports would be. FORM:
    the texts as saved (text), typeset as PDFs (pdf) or as text copied out of those (wrapped)
    (tests/realworld/printed.py); as a government site's page, that page saved in one file, a Word
    file, in GB18030 / Big5 or copied without its line breaks (html, mht, docx, legacy, flat:
    tests/realworld/saved.py); or converted to Traditional script, as mirror sites serve it (traditional)."""
    from reportkit import build

    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        if form == "text":
            for case in cases.values():
                shutil.copy(case["path"], raw / case["path"].name)
        else:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(2) as pool:
                list(pool.map(_print_case, [(case["path"], raw, form) for case in cases.values()]))
        return build(raw, manifest=None, out=None, cache_dir=None, jobs=2)


def _print_case(job: tuple[Path, Path, str]) -> None:
    from tests.realworld.printed import hard_wrapped, pdf_bytes
    from tests.realworld.saved import LAYOUTS, flattened, legacy_encoded, single_file_page, web_page, word_document

    path, raw, form = job
    text = path.read_text(encoding="utf-8")
    if form == "pdf":
        (raw / f"{path.stem}.pdf").write_bytes(pdf_bytes(text))
    elif form in ("html", "mht"):  # the layouts in turn, the same one for a case every run
        layout = LAYOUTS[zlib.crc32(path.stem.encode()) % len(LAYOUTS)]
        page = web_page(text, layout) if form == "html" else single_file_page(text, layout)
        (raw / f"{path.stem}.{form}").write_bytes(page)
    elif form == "docx":
        (raw / f"{path.stem}.docx").write_bytes(word_document(text))
    elif form == "legacy":
        (raw / path.name).write_bytes(legacy_encoded(text))
    elif form == "flat":
        (raw / path.name).write_text(flattened(text), encoding="utf-8")
    elif form == "traditional":
        import opencc

        (raw / path.name).write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    else:
        (raw / path.name).write_text(hard_wrapped(text), encoding="utf-8")


def _same_county(found, wanted) -> bool:
    """The same county-level unit: the same name, or names of one unit (横县, renamed 横州市 in 2021:
    the build gives the current name, the key across years; an answer may give the name the report
    bore)."""
    from reportkit.places import counties_named

    found, wanted = norm(found), norm(wanted)
    if found == wanted:
        return True
    codes = {c.adcode for c in counties_named(wanted)}
    return bool(found and codes) and bool(codes & {c.adcode for c in counties_named(found)})


def _matches(found: str, wanted: str) -> bool:
    n = min(PREFIX, len(found), len(wanted))
    return n > 0 and found[:n] == wanted[:n]


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, miss: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(miss)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else float("nan")


def score(cases: dict[str, dict], tables: dict[str, pd.DataFrame]) -> dict[str, Tally]:
    docs = tables["documents"].assign(case=lambda d: d["file"].map(lambda f: Path(f).stem)).set_index("case")
    sections, indicators = tables["sections"], tables["indicators"]
    from reportkit.places import county_of_address

    tallies = {name: Tally() for name in ("town", "level", "county", "county_by_address", "county_built", "year",
                                          "partial", "headings_found", "headings_real", "heading_level",
                                          "section_type", "indicator_precision", "indicator_recall")}
    for case_id, case in cases.items():
        if case_id not in docs.index:
            tallies["town"].add(False, f"{case_id}: not built ({case['path'].name})")
            continue
        doc = docs.loc[case_id]
        want_town = norm(case.get("town") if case.get("level") != "county" else "")
        tallies["town"].add(norm(doc["town"]) == want_town,
                            f"{case_id}: town {doc['town']!r} ({doc['town_source']}), expected {want_town!r}")
        tallies["level"].add(doc["level"] == case["level"], f"{case_id}: level {doc['level']!r}, expected {case['level']!r}")
        if case.get("county") and case.get("county_evidence") == "text":
            tallies["county"].add(_same_county(doc["county"], case["county"]),
                                  f"{case_id}: county {doc['county']!r}, expected {case['county']!r}")
        if case.get("county") and case.get("county_evidence") == "url":
            found = county_of_address(case["url"], doc["text"])  # as the build does
            got = found.county if found else ""
            tallies["county_by_address"].add(_same_county(got, case["county"]),
                                             f"{case_id}: county {got!r} from {case['url']}, expected {case['county']!r}")
        if case.get("county"):
            tallies["county_built"].add(_same_county(doc["county"], case["county"]),
                                        f"{case_id}: county {doc['county']!r} ({doc['county_source']}), "
                                        f"expected {case['county']!r}")
        if case.get("year"):
            got = doc["year"]
            ok = not pd.isna(got) and int(got) == int(case["year"])
            tallies["year"].add(ok, f"{case_id}: year {got} ({doc['year_source']}), expected {case['year']}")
        if "partial" in case:
            tallies["partial"].add(bool(doc["is_partial"]) == bool(case["partial"]),
                                   f"{case_id}: is_partial {doc['is_partial']} ({doc['partial_reason']}), "
                                   f"expected {case['partial']}")
        rows = sections[(sections["doc_id"] == doc["doc_id"]) & (sections["level"] > 0)]
        found = [(norm(h), int(lvl), t, h) for h, lvl, t in zip(rows["heading"], rows["level"], rows["section_type"])]
        used: set[int] = set()
        for gold in case.get("headings", []):
            wanted = norm(gold["heading"])
            hit = next((i for i, f in enumerate(found) if i not in used and _matches(f[0], wanted)), None)
            tallies["headings_found"].add(hit is not None, f"{case_id}: heading not found: {gold['heading']}")
            if hit is None:
                continue
            used.add(hit)
            _, level, section_type, heading = found[hit]
            tallies["heading_level"].add(level == gold["level"],
                                         f"{case_id}: level {level}, expected {gold['level']}: {heading}")
            tallies["section_type"].add(section_type == gold["section_type"],
                                        f"{case_id}: type {section_type}, expected {gold['section_type']}: {heading}")
        for i, (_, _, _, heading) in enumerate(found):
            tallies["headings_real"].add(i in used, f"{case_id}: not a heading of the answer: {heading}")
        if "indicators" in case:
            got = indicators[indicators["doc_id"] == doc["doc_id"]]
            _score_indicators(case_id, case["indicators"], got, tallies)
    return tallies


def _figure(value, unit) -> tuple[float, str] | None:
    """An indicator as the project's scorer compares it: its value (4 decimals) and its unit."""
    try:
        return round(float(value), 4), norm(unit).replace("％", "%")
    except (TypeError, ValueError):
        return None


def _score_indicators(case_id: str, answers: pd.DataFrame, found: pd.DataFrame, tallies: dict) -> None:
    """Indicator precision and recall of one page, as (value, unit) multisets: a found figure that
    only an unsure answer has counts neither way."""
    from collections import Counter

    sure, unsure, spans = Counter(), Counter(), {}
    for row in answers.itertuples():
        if (key := _figure(row.value, row.unit)) is not None:
            (unsure if str(row.unsure).strip() else sure)[key] += 1
            spans.setdefault(key, row.span)
    got = Counter(k for k in map(_figure, found["value"], found["unit"]) if k is not None)
    got_spans = dict(zip(map(_figure, found["value"], found["unit"]), found["span"]))
    right = got & sure
    for key, n in (got - sure - unsure).items():
        for _ in range(n):
            tallies["indicator_precision"].add(False, f"{case_id}: {key[0]:g} {key[1]} not an answer: {got_spans[key]}")
    for key, n in right.items():
        for _ in range(n):
            tallies["indicator_precision"].add(True, "")
            tallies["indicator_recall"].add(True, "")
    for key, n in (sure - got).items():
        for _ in range(n):
            tallies["indicator_recall"].add(False, f"{case_id}: {key[0]:g} {key[1]} not found: {spans[key]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print the summary only")
    parser.add_argument("--cases", type=Path, default=CASES, help="folder of *.txt + *.json cases")
    parser.add_argument("--as", dest="form", choices=FORMS, default="text",
                        help="the texts as saved, typeset as PDFs, as text copied out of those PDFs, as web "
                             "pages, as Word files, in a legacy encoding, or without line breaks")
    args = parser.parse_args(argv)
    cases = load_cases(args.cases)
    if not cases:
        print(f"no cases in {args.cases}")
        return 1
    tallies = score(cases, build_cases(cases, args.form))
    print(f"development set: {len(cases)} real reports ({args.cases}), {args.form}")
    for name, tally in tallies.items():
        print(f"  {name:16s} {tally.share:6.3f}  ({tally.right}/{tally.total})")
    if not args.quiet:
        for name, tally in tallies.items():
            if tally.misses:
                print(f"\n{name} misses:")
                print("\n".join(f"  {miss}" for miss in tally.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
