"""Table contracts: what every table the build writes contains, declared once.

Each table is one `Table`: its columns in order (name, dtype, a one-line description), its
primary key and what one row is. The columns' Chinese names and descriptions, which charts, the
workbook and this documentation show, live in the editable ``resources/columns_zh.csv``
(`Table.label_zh`), their one home. The build checks every table against its
contract (`validate`) when it assembles it and again before writing it; the tables section of
docs/architecture.md is generated from here (``python -m reportkit.schema --markdown``), and test
fixtures are made with `frame`, so that neither the documentation nor a fixture can disagree
with what the build writes. (PUDL's ``metadata/resources`` is the model.)

dtypes are pandas dtypes: ``str`` (text; pandas' string dtype or object columns of str),
``int64``, ``Int64`` (integer with missing values), ``float64`` and ``bool``.

>>> frame("reuse", doc_a=["a" * 16], doc_b=["b" * 16], passage_no_a=[3], passage_no_b=[7]).dtypes["passage_no_a"]
dtype('int64')
>>> TABLES["reuse"].label_zh("passage_no_a")
'报告甲段落号'
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

DTYPES = ("str", "int64", "Int64", "float64", "bool")

#: Section types and their Chinese names (the five statutory parts, the preamble).
SECTION_TYPES = {
    "measures": "主要举措和成效",
    "shortcomings": "不足和原因",
    "leadership": "第一责任人履职",
    "plans": "下一年度安排",
    "other": "其他情况",
    "preamble": "前言",
}
#: The five statutory parts of a report (the 2019 督察工作规定), in the order it lists them.
PART_TYPES = ("measures", "shortcomings", "leadership", "plans", "other")
STATUSES = ("ok", "warning", "error", "skipped")
REUSE_KINDS = ("same-town-other-year", "other-town", "same-town-same-year")


class SchemaError(ValueError):
    """A table that does not match its contract (a bug in reportkit: please report it)."""


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    description: str
    nullable: bool = False  # missing values (None / NaN / <NA>) allowed
    values: tuple[str, ...] = ()  # the values allowed, when the column is a code ("" for none)
    csv: bool = True  # False: kept in the .parquet file only (long texts)

    def __post_init__(self):
        if self.dtype not in DTYPES:
            raise ValueError(f"column {self.name}: dtype {self.dtype!r} is not one of {DTYPES}")
        if not isinstance(self.nullable, bool):  # a Chinese label given here: it belongs in columns_zh.csv
            raise TypeError(f"column {self.name}: nullable must be True or False, not {self.nullable!r} (Chinese "
                            "names go in reportkit/resources/columns_zh.csv)")


@dataclass(frozen=True)
class Table:
    name: str
    row: str  # what one row is: "one row per ..."
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    notes: str = ""  # a paragraph for the documentation
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self):
        self._index.update({c.name: c for c in self.columns})
        unknown = [k for k in self.primary_key if k not in self._index]
        if unknown or len(self._index) != len(self.columns):
            raise ValueError(f"table {self.name}: primary key {unknown} not among its columns, or a column repeats")

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def csv_columns(self) -> list[str]:
        return [c.name for c in self.columns if c.csv]

    def label_zh(self, name: str) -> str:
        """The Chinese name of column NAME, from resources/columns_zh.csv ('' when it has none)."""
        from .labels import column_info  # the resource is read only when a label is wanted

        self.column(name)  # a column the table does not have is an error, not ''
        return column_info(name, self.name)[0]

    def column(self, name: str) -> Column:
        try:
            return self._index[name]
        except KeyError:
            raise KeyError(f"table {self.name} has no column {name!r}; columns: {', '.join(self.names)}") from None


def _source(what: str) -> Column:
    return Column(f"{what}_source", "str", f"where `{what}` came from: manifest, title, body, clue, gazetteer, "
                  "page metadata, page address, towns named (a county the towns it names share), file name (', not in gazetteer' added to a town the gazetteer "
                  "does not know), or '' when unknown")


_DOC_ID = Column("doc_id", "str", "the report: 16 hex digits of the SHA-256 of its file's bytes; joins to documents")
_SECTION_TYPE = Column("section_type", "str", "statutory part: measures, leadership, shortcomings, plans, other "
                       "or preamble (text before the first heading)", values=tuple(SECTION_TYPES))
_START = Column("start", "int64", "offset where the text starts in documents.text")
_END = Column("end", "int64", "offset where the text ends in documents.text (exclusive)")

_TABLES = (
    Table("documents", "readable report (a byte-identical file, the same report in another format, or a part of a report another file holds whole is logged in build_log and counted once)", (
        _DOC_ID,
        Column("file", "str", "path of the file under the raw folder (POSIX style)"),
        Column("format", "str", "the reader it was read with (txt, docx, doc, pdf, html, mht; see reportkit.readers)"),
        Column("encoding", "str", "text encoding of a .txt/.html/.mht file ('' for .docx and .pdf)"),
        Column("level", "str", "township, county or unknown: which level of government wrote the report",
               values=("township", "county", "unknown")),
        Column("town", "str", "the township's bare official name with its suffix (大年乡, 北城街道), a gazetteer "
               "name unless town_source says 'not in gazetteer'; '' when unknown or unsure"),
        Column("town_code", "str", "the town's 9-digit division code (townships.csv): the key of a town across years "
               "and renamings (a town renamed after the table, 撤销英红镇，设立英红街道, keeps the old unit's code); '' "
               "when the gazetteer does not know it or several towns bear the name"),
        Column("town_type", "str", "镇, 乡, 街道, 民族乡 or 苏木, from the name"),
        Column("county", "str", "county-level division (县, 区, 县级市, 旗)"),
        Column("city", "str", "prefecture-level city, from the gazetteer"),
        Column("province", "str", "province, from the gazetteer"),
        Column("year", "Int64", "the year the report covers (not the year it was published)",
               nullable=True),
        Column("title", "str", "the report's title line (or the page's title field); a report without one is shown "
               "by its first lines"),
        Column("n_chars", "int64", "characters of the normalised text"),
        Column("is_partial", "bool", "the text is not the whole report (a page opening, a copy cut short): left out "
               "of the denominators of completeness, themes and density trends"),
        Column("partial_reason", "str", "why: elision marker, no report text, cut off, no closing part, no opening "
               "part, part missing, summary only, far shorter than reports of its kind (';'-separated); '' for a whole report"),
        Column("sha256", "str", "SHA-256 of the file's bytes (64 hex digits)"),
        *(_source(f) for f in ("town", "town_type", "county", "city", "province", "year", "level")),
        Column("publisher", "str", "publishing body named by a saved web page (发布机构)"),
        Column("publish_date", "str", "publication date named by a saved web page"),
        Column("text", "str", "the normalised text: every offset of every table points into it",
               csv=False),
        Column("raw_text", "str", "the decoded text before normalisation", csv=False),
    ), ("doc_id",), notes=(
        "`text` and `raw_text` stay in documents.parquet (zstd-compressed, like every parquet table) and are "
        "left out of documents.csv. `raw_text` is kept because normalisation changes every real report and "
        "cannot be undone, and it is cheap: half of the documents table, ~1.7 MB of parquet and ~0.1 s of "
        "writing per 1,000 reports. Data density is in the `density` table.")),
    Table("build_log", "file found under the raw folder (every file has exactly one row)", (
        Column("file", "str", "path of the file under the raw folder (POSIX style)"),
        Column("status", "str", "ok, warning, error or skipped", values=STATUSES),
        Column("message", "str", "what was wrong and what to do, several problems joined by '; '"),
        Column("codes", "str", "a short code per problem of `message`, in the same order, joined by ';' "
               "(no_year, duplicate, unmapped_heading, ...; listed in reportkit/problems.py)"),
    ), ("file",)),
    Table("manifest_log", "problem of the manifest itself (unknown column, duplicate row, missing file, invalid year)", (
        Column("file", "str", "the manifest's file name"),
        Column("line", "int64", "line of the manifest (0: the whole file)"),
        Column("status", "str", "warning (the row or cell is ignored) or error (the manifest is ignored)",
               values=("warning", "error")),
        Column("code", "str", "short code of the problem (unknown_column, file_not_found, ...; reportkit/problems.py)"),
        Column("message", "str", "what is wrong and what to do"),
    ), (), notes="No primary key: one line can have several problems."),
    Table("sections", "heading at any level, plus the preamble", (
        _DOC_ID,
        Column("section_no", "str", 'path of positions: "0" preamble, "1", "1.2", ...'),
        Column("level", "int64", "0 preamble, 1 一、-style, 2 （一）-style, 3 (1)/1、-style (as the report nests them)"),
        Column("heading", "str", "the heading clause (up to its first 。/；/：), '' for the preamble and for a "
               "first part the report never titled (its opening runs into （一）…, its later parts are 二、…)"),
        _SECTION_TYPE,
        Column("parent_section_no", "str", "section_no of the enclosing heading; missing at the top level", nullable=True),
        Column("text", "str", "documents.text[start:end]: the heading and everything under it"),
        _START, _END,
        Column("mixed_with", "str", "other parts a top-level heading also announces, ';'-separated "
               "(工作成效及存在的问题 is measures, mixed with shortcomings); '' for most"),
    ), ("doc_id", "section_no"), notes=(
        "Sub-headings inherit their part's type, except a 党政主要负责人/第一责任人 sub-heading inside the "
        "measures part, which is `leadership`, and a sub-heading that names the problems as a part of their own "
        "(一、工作情况 … （五）存在的问题), which is `shortcomings` (a 下一步 sub-heading after it `plans`). "
        "A report without numbered headings is one row of type `other`.")),
    Table("shortcomings", "numbered shortcoming item of a report's shortcomings part", (
        _DOC_ID,
        Column("item_no", "int64", "position of the item in its report (1, 2, ...)"),
        Column("text", "str", "the item's own words (its marker 一是/1、/（一） removed)"),
        Column("headline", "str", "the item's lead clause: its first, or the next when the first only sets the scene or names the review that found the fault (随着…，…; 虽然…，但…; 经督查，…), or the clause a figure's frame draws out (…，反映出…)"),
        Column("cluster", "int64", "cluster of similar items (numbered in order of first appearance)"),
        Column("cluster_terms", "str", "the cluster's top tf-idf terms, joined by '|'"),
        Column("theme", "str", "theme code from resources/themes.csv, or 'other'"),
        Column("theme_label", "str", "the theme's Chinese name (其他 for other)"),
        Column("theme_score", "float64", "the item's own keyword score for its theme (0 when taken from its cluster)"),
    ), ("doc_id", "item_no")),
    Table("completeness", "report: which of the five statutory parts it has", (
        _DOC_ID,
        *(Column(part, "bool", f"a section of type {part} is present") for part in PART_TYPES),
        Column("n_parts", "int64", "how many of the five parts are present"),
    ), ("doc_id",)),
    Table("indicators", "quantitative statement (a number with its unit)", (
        _DOC_ID,
        Column("section_type", "str", "type of the deepest section holding the figure ('' when none does)", values=("", *SECTION_TYPES)),
        Column("section_no", "str", "section_no of that section ('' when none)"),
        Column("span", "str", "documents.text[start:end]: the figure with what it counts"),
        Column("value", "float64", "the number; 万 folded in (1.2万人次 → 12000) except for money"),
        Column("unit", "str", "unit as in resources/indicator_units.csv (人次, 场, %, 万元, ...)"),
        Column("unit_kind", "str", "what the unit can be compared with: its compare_as in resources/"
               "indicator_units.csv (event for 场/场次/次, person for 人/名, person_time for 人次, money, percent, "
               "document for 份/册, case for 件/起, ...); compare figures only within one kind"),
        Column("qualifier", "str", "余, 多, 近, 约, 共, 累计, ... as written, several joined by ';'"),
        Column("subject", "str", "what is counted (调解矛盾纠纷)"),
        Column("category", "str", "category code from resources/indicator_categories.csv ('' when none fits)"),
        Column("sentence", "str", "the sentence the figure stands in"),
        _START, _END,
        Column("flags", "str", "flags joined by ';': rate_above_100, success_above_total; earlier_period (较2021年的13件; 2021年为13件 in a later year's report), change (比上年增加3件): quoted to compare, left out of comparable()"),
        Column("value_yuan", "float64", "money in yuan (12.5万元 → 125000); missing for other units",
               nullable=True),
    ), ("doc_id", "start", "end")),
    Table("density", "report × section type: indicators per 1,000 characters", (
        _DOC_ID,
        Column("section_type", "str", "a top-level section type, or all for the whole report",
               values=("all", *SECTION_TYPES)),
        Column("n_indicators", "int64", "indicators that start in those sections"),
        Column("n_chars", "int64", "characters of those sections (the largest section end for all)"),
        Column("indicators_per_1k_chars", "float64", "n_indicators per 1,000 n_chars; missing when n_chars is 0", nullable=True),
    ), ("doc_id", "section_type")),
    Table("term_counts", "report × section type × term", (
        _DOC_ID, _SECTION_TYPE,
        Column("term", "str", "a content word (jieba with the field's dictionary; stop words, numbers and the "
               "report's own place names left out)"),
        Column("n", "int64", "occurrences in the report's sections of that type"),
    ), ("doc_id", "section_type", "term")),
    Table("concept_counts", "report × section type × concept of resources/concepts.csv", (
        _DOC_ID, _SECTION_TYPE,
        Column("concept", "str", "concept code from resources/concepts.csv"),
        Column("label_zh", "str", "the concept's Chinese name"),
        Column("n", "int64", "occurrences of the concept's terms (0 when absent)"),
        Column("share", "float64", "n over all counted words of that report and section type"),
    ), ("doc_id", "section_type", "concept")),
    Table("passages", "comparable passage of a report (sentence-sized; headings and fragments left out)", (
        _DOC_ID,
        Column("passage_no", "int64", "position of the passage in its report (0, 1, ...)"),
        _START, _END,
    ), ("doc_id", "passage_no"), notes=(
        "The units that `reuse`, `boilerplate` and `originality` compare; the passage's text is "
        "documents.text[start:end].")),
    Table("reuse", "pair of near-duplicate passages in two different reports (boilerplate excluded)", (
        Column("doc_a", "str", "doc_id of the earlier report (year, then doc_id): the likely source"),
        Column("doc_b", "str", "doc_id of the later report, which repeats doc_a"),
        Column("passage_no_a", "int64", "passage_no of the passage in doc_a (see passages)"),
        Column("passage_no_b", "int64", "passage_no of the passage in doc_b (see passages)"),
        Column("similarity", "float64", "Jaccard similarity of the two passages' 4-character shingles (≥ 0.5)"),
        Column("kind", "str", "same-town-other-year, other-town or same-town-same-year", values=REUSE_KINDS),
    ), ("doc_a", "doc_b", "passage_no_a", "passage_no_b"), notes=(
        "Passages are compared after the report's own place names, 我镇/本乡 and counts are masked, so a "
        "copy with only the name and the figures changed scores ~1.0.")),
    Table("boilerplate", "passage that is a stock formula", (
        _DOC_ID,
        Column("passage_no", "int64", "passage_no of the passage (see passages)"),
        _START, _END,
        Column("text", "str", "documents.text[start:end]"),
        Column("n_towns", "int64", "towns whose reports hold the passage (its own included; a lower bound)"),
        Column("source", "str", "list (resources/boilerplate.txt), frequency, or both",
               values=("list", "frequency", "both")),
    ), ("doc_id", "passage_no"), notes=(
        "Listed in resources/boilerplate.txt, or found in the reports of at least "
        "min(50, max(3, 30 % of the towns)) towns. Never in `reuse`; left out of `originality`.")),
    Table("originality", "report: the share of its comparable text no other report shares", (
        _DOC_ID,
        Column("n_chars_compared", "int64", "characters of the report's comparable, non-boilerplate passages"),
        Column("n_chars_shared", "int64", "characters of those passages found in another report"),
        Column("originality", "float64", "1 - n_chars_shared / n_chars_compared; missing without comparable text", nullable=True),
        Column("n_reports_shared", "int64", "other reports it shares passages with"),
    ), ("doc_id",)),
)

#: Every table the build writes, by name, in the order they are documented.
TABLES: dict[str, Table] = {t.name: t for t in _TABLES}


def table(name: str) -> Table:
    """The contract of table NAME."""
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"no table {name!r}; tables: {', '.join(TABLES)}") from None


# --------------------------------------------------------------------------- checking


def _dtype_ok(series: pd.Series, dtype: str) -> bool:
    import pandas as pd

    if dtype == "str":
        # The string dtype, or object holding str and missing values only.
        return isinstance(series.dtype, pd.StringDtype) or (
            series.dtype == object and pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"))
    return str(series.dtype) == dtype


def validate(name: str, df: pd.DataFrame, *, keys: bool = True) -> pd.DataFrame:
    """Check DF against the contract of table NAME and return it unchanged.

    Checks the columns and their order, each column's dtype, missing values where none are
    allowed, coded values and (KEYS) that the primary key is unique. Raises `SchemaError`
    naming every problem.
    """
    spec = table(name)
    problems = []
    if list(df.columns) != spec.names:
        missing = [c for c in spec.names if c not in df.columns]
        extra = [c for c in df.columns if c not in spec.names]
        problems.append(f"columns {list(df.columns)} instead of {spec.names}"
                        + (f" (missing {missing})" if missing else "") + (f" (unexpected {extra})" if extra else ""))
    for column in spec.columns:
        if column.name not in df.columns:
            continue
        series = df[column.name]
        if not _dtype_ok(series, column.dtype):
            problems.append(f"column {column.name} has dtype {series.dtype}, expected {column.dtype}")
            continue
        if not column.nullable and len(series) and series.isna().any():
            problems.append(f"column {column.name} has {int(series.isna().sum())} missing values")
        if column.values and len(series):
            import pandas as pd

            unknown = sorted(set(pd.unique(series.dropna())) - set(column.values))
            if unknown:
                problems.append(f"column {column.name} has values {unknown[:5]} outside {list(column.values)}")
    if keys and spec.primary_key and not problems and len(df) and df.duplicated(list(spec.primary_key)).any():
        dup = df[df.duplicated(list(spec.primary_key), keep=False)][list(spec.primary_key)].head(3)
        problems.append(f"primary key ({', '.join(spec.primary_key)}) repeats: {dup.values.tolist()}")
    if problems:
        raise SchemaError(f"table {name} does not match its contract in reportkit/schema.py: " + "; ".join(problems))
    return df


def empty(name: str) -> pd.DataFrame:
    """A table with no rows and the contract's columns and dtypes."""
    return frame(name)


_DEFAULTS = {"str": "", "int64": 0, "Int64": None, "float64": 0.0, "bool": False}


def frame(name: str, data: dict | None = None, **columns) -> pd.DataFrame:
    """A table of NAME made from the given columns, the others filled with defaults, checked.

    The defaults are "" for text (the first allowed value for a code), 0 for numbers, False for
    booleans and missing values where the contract allows them. For test fixtures and examples: a fixture made this way cannot hold
    what the build never writes (text in a passage number, a renamed column).

    >>> frame("term_counts", doc_id=["a" * 16], section_type=["measures"], term=["调解"], n=[3]).shape
    (1, 4)
    """
    import pandas as pd

    spec = table(name)
    given = {**(data or {}), **columns}
    unknown = [c for c in given if c not in spec.names]
    if unknown:
        raise SchemaError(f"table {name} has no column(s) {unknown}; columns: {', '.join(spec.names)}")
    lengths = {len(v) for v in given.values()}
    if len(lengths) > 1:
        raise SchemaError(f"columns given for {name} differ in length: { {k: len(v) for k, v in given.items()} }")
    n = lengths.pop() if lengths else 0
    out = {}
    for column in spec.columns:
        default = None if column.nullable else column.values[0] if column.values else _DEFAULTS[column.dtype]
        values = list(given[column.name]) if column.name in given else [default] * n
        try:
            out[column.name] = pd.Series(values, dtype=column.dtype)
        except (TypeError, ValueError) as exc:
            raise SchemaError(f"column {column.name} of {name} must be {column.dtype}: {exc}") from None
    return validate(name, pd.DataFrame(out))


# --------------------------------------------------------------------------- documentation


def dictionary() -> pd.DataFrame:
    """One row per column of every table: ``table, column, dtype, label_zh, description, primary_key``
    (a data dictionary, e.g. for a "columns" sheet beside the tables)."""
    import pandas as pd

    rows = [{"table": t.name, "column": c.name, "dtype": c.dtype, "label_zh": t.label_zh(c.name),
             "description": c.description, "primary_key": c.name in t.primary_key}
            for t in TABLES.values() for c in t.columns]
    return pd.DataFrame(rows)


BEGIN, END = "<!-- tables: generated by `python -m reportkit.schema --write docs/architecture.md` -->", \
    "<!-- end of generated tables -->"


def markdown() -> str:
    """The tables section of docs/architecture.md, from the contracts."""
    lines = [BEGIN, ""]
    for spec in TABLES.values():
        key = ", ".join(f"`{k}`" for k in spec.primary_key) or "none"
        lines += [f"### {spec.name}", "", f"One row per {spec.row}. Primary key: {key}.", "",
                  "| column | dtype | 中文 | what it holds |", "|---|---|---|---|"]
        for c in spec.columns:
            extra = "; may be missing" if c.nullable else ""
            extra += "; parquet only" if not c.csv else ""
            lines.append(f"| `{c.name}` | {c.dtype} | {spec.label_zh(c.name)} | {c.description.replace('|', '&#124;')}{extra} |")
        lines += [""] + ([spec.notes, ""] if spec.notes else [])
    return "\n".join(lines + [END])


def replace_section(document: str) -> str:
    """DOCUMENT with the text between the generated-tables markers replaced by `markdown()`."""
    start, stop = document.find(BEGIN), document.find(END)
    if start < 0 or stop < start:
        raise ValueError(f"the document has no generated tables section (markers {BEGIN!r} … {END!r})")
    return document[:start] + markdown() + document[stop + len(END):]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reportkit.schema", description="The table contracts.")
    parser.add_argument("--markdown", action="store_true", help="print the tables section of docs/architecture.md")
    parser.add_argument("--write", metavar="FILE", help="replace the generated tables section of FILE")
    args = parser.parse_args(argv)
    if args.write:
        from pathlib import Path

        path = Path(args.write)
        path.write_text(replace_section(path.read_text(encoding="utf-8")), encoding="utf-8")
    if args.markdown or not args.write:
        sys.stdout.write(markdown() + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
