"""The per-report stages of a build: pure functions of one file's bytes, the bundled resources
and the `BuildConfig`, so that they can run in any process and be cached.

    parse    bytes → text, inferred metadata, sections, indicators, density
    terms    parsed → term counts, shortcoming items with their tokens
    reuse    parsed → passages (with their boilerplate CSV cells) and their MinHash fingerprints

Each `Stage` declares what its result depends on besides the file: the resource files it
reads, the part of the config it reads (`config_key`) and the stages before it (`after`). The
code it depends on is found, not declared: this module's source and every reportkit module the
stage function imports, directly or through them (reportkit.pipeline.cache reads the imports).

To add a stage: write ``def x_document(parsed, config) -> dict`` here, importing what it uses
inside it, and add a `Stage` to `STAGES`; its results arrive in each report's outcome under the
keys it returns (`pipeline/groups.group_tables` concatenates a group's tables and writes them).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..config import BuildConfig
from ..problems import Problem


@dataclass(frozen=True)
class Stage:
    name: str
    function: Callable[..., dict]  # reads_file: (data, name, config); otherwise (parsed, config)
    resources: tuple[str, ...]  # files of reportkit/resources/ it reads
    config_key: Callable[[BuildConfig], str]  # the part of the config its result depends on
    # What its result holds: key → "table" (a DataFrame), "str", "dict" (str → plain values),
    # "strs" (a list of str) or "problems" (a list of Problem). The cache uses no stored result of another shape.
    returns: dict[str, str]
    after: tuple[str, ...] = ()  # stages whose results it reads
    reads_file: bool = False


def parse_document(data: bytes, name: str, config: BuildConfig) -> dict:
    """Stage "parse": bytes of one file → text, inferred metadata, sections, indicators."""
    from ..indicators import density, extract_indicators
    from ..readers import extract
    from ..metadata import infer_metadata
    from ..normalize import normalize_text
    from ..pagechrome import split_chrome
    from ..partial import partial_reasons
    from ..sections import found_headings, split_sections, unmapped_heading_list
    from ..titles import other_document_kind

    extracted = extract(data, Path(name).suffix, name=name, limits=config.limits)
    # Page chrome (索引号, 首页 > …, 【打印】) is not the report; what it says is kept as hints.
    text, page = split_chrome(normalize_text(extracted.text))
    hints = {**page.as_hints(), **extracted.hints}
    sha256 = hashlib.sha256(data).hexdigest()
    doc_id = sha256[:16]  # stable: the same bytes always get the same id
    meta = infer_metadata(text, file_name=Path(name).name, hints=hints)
    sections = split_sections(text, doc_id=doc_id)
    indicators = extract_indicators(text, doc_id=doc_id, sections=sections,
                                    level=meta["level"], county=meta["county"] or "", town=meta["town"] or "",
                                    year=meta["year"] or "")
    warnings = list(extracted.warnings)
    if kind := other_document_kind(text, page_title=hints.get("page_title", "")):
        warnings.append(Problem("other_kind", f"reads as another kind of document ({kind}), not a 法治政府建设 annual "
                                              f"report; take it out of the folder if so, or keep it if it is one",
                                detail=kind))
    partial = partial_reasons(text, sections)
    if not found_headings(sections):
        warnings.append(Problem("no_headings", "no numbered headings found; the whole report is one section of type "
                                               "'other'"))
    for heading, section_type in unmapped_heading_list(sections):
        warnings.append(Problem("unmapped_heading", f"heading '{heading[:30]}' matches no rule in section_types.csv "
                                                    f"(typed {section_type}); add a row there to map it",
                                detail=heading))
    return {
        "doc_id": doc_id, "sha256": sha256, "format": extracted.format, "encoding": extracted.encoding,
        "hints": hints, "raw_text": extracted.text, "text": text, "meta": meta,
        "sections": sections, "indicators": indicators, "warnings": warnings, "partial": partial,
        # Density is per document; computed here it is parallel and cached (over the whole
        # corpus at once it costs O(documents × indicators)).
        "density": density(indicators, sections),
    }


def terms_document(parsed: dict, config: BuildConfig) -> dict:
    """Stage "terms": term counts and tokenised shortcoming items of one parsed document.

    The tokeniser is loaded once per process. Tokenising the items here (not corpus-wide in
    the parent) keeps the theme clustering cheap and adding one report cheap.
    """
    from ..places import own_place_names
    from ..item_cutting import shortcoming_items
    from ..shortcomings import item_tokens
    from ..terms import count_terms, default_tokenizer

    tokenizer = default_tokenizer(config.tokenizer)
    names = own_place_names(parsed["meta"].get("town"), parsed["meta"].get("county"))
    items = shortcoming_items(parsed["sections"])
    items["tokens"] = item_tokens(items, tokenize=tokenizer.tokens)
    term_counts = count_terms(parsed["sections"], tokenizer=tokenizer, drop_names=names)
    return {"term_counts": term_counts, "shortcoming_items": items}


def reuse_document(parsed: dict, config: BuildConfig) -> dict:
    """Stage "reuse": passages and their fingerprints, so the corpus-wide index is cheap to rebuild."""
    import pandas as pd

    from ..reuse_passages import boilerplate_coverage, fingerprints, form_hashes, passages
    from ..store import csv_lines

    meta, options = parsed["meta"], config.reuse
    table = passages(parsed["doc_id"], parsed["text"], town=meta.get("town", ""), county=meta.get("county", ""),
                     min_cjk=options.min_cjk, max_chars=options.max_chars)
    # Per passage, so the corpus-wide index need not: its share covered by boilerplate.txt, and
    # a hash of its comparison form.
    coverage = boilerplate_coverage(table["masked"]).to_numpy(dtype=float)
    form = form_hashes(table["masked"].tolist())
    # And its boilerplate CSV cells: which passages are boilerplate is known corpus-wide only,
    # and changes as reports arrive; formatting them here, once per report, spares the corpus
    # step the texts of every group at each build.
    csv = csv_lines([table[c].tolist() for c in BOILERPLATE_CELLS])
    # joined at once: three columns set one by one cost as much as computing them
    table = pd.concat([table, pd.DataFrame({"coverage": coverage, "form": form, "csv": csv}, index=table.index)], axis=1)
    return {"passages": table, "fingerprints": fingerprints(table, num_perm=options.num_perm,
                                                           shingle_size=options.shingle_size, seed=options.seed)}


#: The cells a boilerplate CSV row begins with (the passage's; then its counts), in order.
BOILERPLATE_CELLS = ("doc_id", "passage_no", "start", "end", "text")


def _tokenizer_version(config: BuildConfig) -> str:
    """The engine, its release, the dictionary rules: what the term counts depend on beyond the files."""
    from ..terms import Tokenizer

    return f"tokenizer={Tokenizer(engine=config.tokenizer).version}"


def _limits_read(config: BuildConfig) -> str:
    # Only the limits that change a successful result (the other limits turn a file into an
    # error, and errors are never cached).
    return f"max_pdf_pages={config.limits.max_pdf_pages},max_chars={config.limits.max_chars}"


#: The stages, in the order they run; a stage reads only the results of stages before it.
STAGES: dict[str, Stage] = {
    "parse": Stage("parse", parse_document, reads_file=True, config_key=_limits_read,
                   returns={"doc_id": "str", "sha256": "str", "format": "str", "encoding": "str", "hints": "dict",
                            "raw_text": "str", "text": "str", "meta": "dict", "sections": "table",
                            "indicators": "table", "warnings": "problems", "density": "table", "partial": "strs"},
                   resources=("radicals.csv", "gazetteer.csv", "county_words.csv", "townships.csv",
                              "township_former_names.csv", "section_types.csv", "indicator_categories.csv",
                              "indicator_units.csv", "indicator_exclusions.csv", "problem_table_columns.csv",
                              "other_documents.csv")),
    "terms": Stage("terms", terms_document, after=("parse",), config_key=_tokenizer_version,
                   returns={"term_counts": "table", "shortcoming_items": "table"},
                   # (the counts keep boilerplate); a problem list's columns decide its items
                   resources=("userdict.txt", "stopwords.txt", "problem_table_columns.csv")),
    # Passages are masked with the units of indicator_units.csv; boilerplate.txt gives their coverage.
    "reuse": Stage("reuse", reuse_document, after=("parse",), config_key=lambda c: f"reuse={c.reuse.per_report}",
                   returns={"passages": "table", "fingerprints": "table"},
                   resources=("indicator_units.csv", "boilerplate.txt")),
}
