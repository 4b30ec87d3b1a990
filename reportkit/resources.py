"""The analyst-editable resource files in reportkit/resources/: one loader each, and their hashes.

Each loader reads and parses its file once and returns the parsed content; the modules that use a
resource take it from here and never open the file themselves. An analyst may edit a file while a
notebook's kernel runs: `refresh`, called where a build or a public function starts, forgets every
parsed resource (and whatever reportkit derived from them) when a file has changed since. `digest` is a hash of a file's bytes: the build's cache keys
include the digests of the resources each stage reads, so an edited file recomputes exactly the
work that depends on it.

| file | loader | used by |
|---|---|---|
| radicals.csv | `radicals()` | normalize |
| gazetteer.csv | `gazetteer()` | places (metadata) |
| county_words.csv | `county_words()` | places (metadata: county names that are ordinary words) |
| townships.csv, township_former_names.csv | `townships()`, `township_former_names()` | places (metadata) |
| section_types.csv | `section_types()` | sections |
| indicator_units.csv | `indicator_units()`, `units_of_kind()` | indicators, reuse |
| indicator_categories.csv | `indicator_categories()` | indicators, notebooks |
| indicator_exclusions.csv | `indicator_exclusions()` | indicators |
| userdict.txt, stopwords.txt | `userdict()`, `stopwords()` | terms |
| boilerplate.txt | `boilerplate()` | terms, reuse |
| concepts.csv | `concepts()` | terms |
| themes.csv | `themes()` | shortcomings |
| unshared_words.txt | `unshared_words()` | shortcomings (the wording a theme is passed on through) |
| problem_table_columns.csv | `problem_table_columns()` | problem_lists (normalize, shortcomings) |
| other_documents.csv | `other_documents()` | titles (the build's warning that a file is another kind of document) |
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .config import resource_path

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

#: Files that may be deleted: reportkit then works without them (and says so where it matters).
OPTIONAL = frozenset({"boilerplate.txt"})


def path(name: str) -> Path:
    """Filesystem path of resource NAME (reportkit/resources/NAME)."""
    return resource_path(name)


_seen: list[tuple] = []  # the resource folder's (name, size, mtime) when the caches were last valid


def _stamp() -> tuple:
    """(name, size, modification time) of each file of the resource folder."""
    try:
        return tuple(sorted((e.name, status.st_size, status.st_mtime_ns)
                            for e in os.scandir(path("")) for status in [e.stat()]))
    except OSError:
        return ()


def refresh() -> bool:
    """Forget every parsed resource, and all reportkit derived from them (compiled patterns, the
    tokenizer, the digests in cache keys), when a file in the resource folder changed since the
    last call, or at the first: a rerun notebook cell after an edit then reads the edited file, and a
    build never keys results of the new file with the old file's digest. Whether anything was forgotten."""
    stamp = _stamp()
    if _seen and _seen[0] == stamp:
        return False
    _seen[:] = [stamp]  # (the first call forgets too: a resource may have been read before it)
    for module in [m for name, m in sys.modules.items() if name == "reportkit" or name.startswith("reportkit.")]:
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)) and getattr(value, "__module__", "") == module.__name__:
                value.cache_clear()
    return True


@lru_cache(maxsize=None)
def digest(name: str) -> str:
    """16 hex digits of the SHA-256 of resource NAME's bytes (of nothing when an optional file is absent)."""
    file = path(name)
    data = file.read_bytes() if file.exists() or name not in OPTIONAL else b""
    return hashlib.sha256(data).hexdigest()[:16]


def file_digest(file: str | Path) -> str:
    """The same hash for any file (a dictionary the analyst passes in place of a bundled one)."""
    return hashlib.sha256(Path(file).read_bytes()).hexdigest()[:16]


# --------------------------------------------------------------------------- plain-text lists


def read_lines(file: str | Path) -> list[str]:
    """Non-empty lines of a UTF-8 list file, stripped, without the lines that start with #."""
    lines = []
    for line in Path(file).read_text(encoding="utf-8-sig").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def parse_userdict(file: str | Path) -> list[tuple[str, int | None, str | None]]:
    """Entries "term [freq] [tag]" of a jieba user dictionary."""
    entries = []
    for lineno, line in enumerate(read_lines(file), 1):
        parts = line.split()
        word = parts[0]
        freq = tag = None
        for extra in parts[1:]:
            if extra.isdigit():
                freq = int(extra)
            else:
                tag = extra
        if freq == 0:
            # jieba implements freq 0 through a module-global force-split table: refuse it.
            raise ValueError(f"{file}: entry {lineno} {word!r} has frequency 0; delete the line instead")
        entries.append((word, freq, tag))
    return entries


@lru_cache(maxsize=1)
def userdict() -> tuple[tuple[str, int | None, str | None], ...]:
    """The field's dictionary (userdict.txt): (term, frequency or None, tag or None)."""
    return tuple(parse_userdict(path("userdict.txt")))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Stop words (stopwords.txt)."""
    return frozenset(read_lines(path("stopwords.txt")))


@lru_cache(maxsize=1)
def unshared_words() -> frozenset[str]:
    """Words that name who or where, not what (unshared_words.txt): no shared wording between two items."""
    return frozenset(read_lines(path("unshared_words.txt")))


#: In a boilerplate phrase, … stands for a few words of the same clause: 现将…报告如下 matches
#: 现将2023年法治政府建设工作情况报告如下 (the year and the work's name vary from report to report).
BOILERPLATE_GAP = "…"


def boilerplate_source(phrase: str, gap: str) -> str:
    """Regex source of a boilerplate PHRASE, its literal parts escaped and each … made GAP.

    >>> boilerplate_source("现将…报告如下", ".{0,3}?")
    '现将.{0,3}?报告如下'
    """
    return gap.join(re.escape(part) for part in phrase.split(BOILERPLATE_GAP))


@lru_cache(maxsize=1)
def boilerplate() -> tuple[str, ...]:
    """Stock political formulae (boilerplate.txt), one phrase a line (… a gap of a few words), in file
    order; () without the file."""
    file = path("boilerplate.txt")
    return tuple(read_lines(file)) if file.is_file() else ()


# --------------------------------------------------------------------------- tables


@lru_cache(maxsize=None)
def _csv(name: str) -> pd.DataFrame:
    import pandas as pd

    # Every cell as text, empty cells "" (no NaN), a BOM from Excel tolerated.
    return pd.read_csv(path(name), dtype=str, keep_default_na=False, encoding="utf-8-sig")


def _table(name: str) -> pd.DataFrame:
    return _csv(name).copy()  # the cached frame stays as read


def radicals() -> dict[str, str]:
    """CJK radical look-alikes → the ordinary character (radicals.csv)."""
    table = _csv("radicals.csv")
    return dict(zip(table["radical"], table["character"]))


def gazetteer() -> pd.DataFrame:
    """China's county-level divisions (gazetteer.csv): adcode, county, city, province, alias
    ("|"-separated short forms and former names), pinyin (spellings of the county's site domain)."""
    return _table("gazetteer.csv")


def county_words() -> dict[str, str]:
    """Names of county-level units that are also ordinary words (county_words.csv) → when they name the county:
    `after_its_city` (城区, 郊区: only 阳泉市城区) or `written_as_a_place` (老城区, 新城区: after its city, before
    one of its towns or bodies, 老城区西关街道, 新城区委; never 老城区改造 or 现代化新城区)."""
    table = _csv("county_words.csv")
    return dict(zip(table["name"], table["counts_as_a_county"]))


def townships() -> pd.DataFrame:
    """China's township-level divisions (townships.csv): code, town, town_type, county_code, county,
    city, province."""
    return _table("townships.csv")


def township_former_names() -> pd.DataFrame:
    """Names townships bore in earlier tables (township_former_names.csv): code, former_name,
    current_name, source_year; empty when the file is absent."""
    import pandas as pd

    if not path("township_former_names.csv").exists():
        return pd.DataFrame(columns=["code", "former_name", "current_name", "source_year"])
    return _table("township_former_names.csv")


def problem_table_columns() -> pd.DataFrame:
    """Words of a problem list's column headers (problem_table_columns.csv): word, kind (problem: the column
    of the problems, 存在问题; other: a column that names no words of the problem, 整改措施, 责任单位), notes."""
    return _table("problem_table_columns.csv")


def section_types() -> pd.DataFrame:
    """Heading wording → section type (section_types.csv): section_type, pattern, kind, priority, notes."""
    return _table("section_types.csv")


def indicator_units() -> pd.DataFrame:
    """The units of indicators (indicator_units.csv): unit, kind, compare_as, traditional,
    not_followed_by, but_before (words after the unit that make it count despite not_followed_by:
    个 + 工作组), in_place_names, note."""
    return _table("indicator_units.csv")


@lru_cache(maxsize=None)
def units_of_kind(*kinds: str) -> frozenset[str]:
    """The units (simplified forms) whose `kind` in indicator_units.csv is one of KINDS."""
    table = _csv("indicator_units.csv")
    unknown = set(kinds) - set(table["kind"])
    if unknown:
        raise ValueError(f"no unit of kind {sorted(unknown)} in indicator_units.csv; kinds: "
                         f"{', '.join(sorted(set(table['kind'])))}")
    return frozenset(table.loc[table["kind"].isin(kinds), "unit"])


def indicator_categories() -> pd.DataFrame:
    """The indicator taxonomy (indicator_categories.csv): category, label_zh, keywords, units, priority
    (a category may have several rows; see `reportkit.indicators.categorize`)."""
    return _table("indicator_categories.csv")


@lru_cache(maxsize=1)
def indicator_exclusions() -> tuple[re.Pattern, ...]:
    """Compiled patterns of named slogans and numbers that are not measures (indicator_exclusions.csv)."""
    return tuple(re.compile(p) for p in _csv("indicator_exclusions.csv")["pattern"])


@lru_cache(maxsize=1)
def other_documents() -> tuple[tuple[str, re.Pattern, re.Pattern | None, str], ...]:
    """(where, pattern, unless, kind) of documents of another kind than the annual report
    (other_documents.csv): a text whose title lines (WHERE "title") or opening ("opening") the pattern
    finds, and UNLESS does not, is that KIND."""
    table = _csv("other_documents.csv")
    return tuple((row.where, re.compile(row.pattern), re.compile(row.unless) if row.unless else None, row.kind)
                 for row in table.itertuples())


@lru_cache(maxsize=4)
def _concepts(file: str) -> pd.DataFrame:
    import pandas as pd

    table = pd.read_csv(file, dtype=str, comment="#", skip_blank_lines=True, encoding="utf-8-sig")
    missing = {"concept", "label_zh", "term"} - set(table.columns)
    if missing:
        raise ValueError(f"{file}: missing columns {sorted(missing)}; expected concept,label_zh,term")
    table = table[["concept", "label_zh", "term"]].dropna(subset=["concept", "term"])
    table = table.apply(lambda s: s.str.strip())
    return table[table["term"] != ""].drop_duplicates(["concept", "term"]).reset_index(drop=True)


def concepts(file: str | Path | None = None) -> pd.DataFrame:
    """The concept dictionary (``concept, label_zh, term``) of concepts.csv, or of FILE."""
    return _concepts(str(file or path("concepts.csv"))).copy()


def _read_themes(file: str | Path) -> pd.DataFrame:
    import pandas as pd

    table = pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    missing = {"theme", "label_zh", "keywords"} - set(table.columns)
    if missing:
        raise ValueError(f"theme list {file} lacks columns {sorted(missing)}; need theme, label_zh, keywords")
    table = table[table["theme"].str.strip() != ""].reset_index(drop=True)
    if table["theme"].duplicated().any():
        raise ValueError(f"theme list {file} repeats themes: {sorted(table.loc[table['theme'].duplicated(), 'theme'])}")
    if "cues" not in table.columns:  # optional: a list without weak cues is a list of keywords only
        table["cues"] = ""
    return table[["theme", "label_zh", "keywords", "cues"]]


@lru_cache(maxsize=1)
def _bundled_themes() -> pd.DataFrame:
    return _read_themes(path("themes.csv"))


def themes(file: str | Path | None = None) -> pd.DataFrame:
    """The shortcoming themes (``theme, label_zh, keywords, cues``) of themes.csv, or of FILE (read
    afresh each time: an analyst's own list may change between calls; ``cues`` may be left out)."""
    return (_bundled_themes() if file is None else _read_themes(file)).copy()
