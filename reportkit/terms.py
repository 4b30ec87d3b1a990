"""Words: a private jieba tokenizer, term counts and the statistics analysts run on them.

The tokenizer is a private ``jieba.Tokenizer`` loaded with the bundled domain dictionary
(resources/userdict.txt) and stop-word list (resources/stopwords.txt); the global jieba
tokenizer is never touched. Everything else is a pure function on tidy DataFrames:

- ``count_terms(sections) -> term_counts`` (doc_id, section_type, term, n)
- ``top_terms``, ``tfidf``, ``keyness`` on term_counts (+ documents for town/county/year)
- ``kwic`` (keywords in context) on documents or sections
- ``concept_counts`` with the editable concept dictionary (resources/concepts.csv)
- ``load_boilerplate`` / ``strip_boilerplate`` for stock political formulae (resources/boilerplate.txt)

>>> tok = load_tokenizer()
>>> tok.tokens("聘请法律顾问3名，拨打12345热线，落实行政执法“三项制度”")
['聘请', '法律顾问', '拨打', '12345热线', '行政执法“三项制度”']
"""
from __future__ import annotations

import hashlib
import logging
import os
import re
import stat
import tempfile
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property, lru_cache
from pathlib import Path
from sys import intern
from typing import Literal

import numpy as np
import pandas as pd

from . import resources, schema
from .chinese import JIEBA_HAN
from .config import ENGINES, default_engine

log = logging.getLogger(__name__)

# Bump when the tokenising rules in this module change (part of Tokenizer.version).
_RULES_VERSION = "terms-1"
# Frequency given to dictionary terms listed without one: high enough that a domain term
# wins over the general-language words it overlaps with (jieba's total is ~6e7).
DEFAULT_TERM_FREQ = 20000
TERM_COLUMNS = schema.table("term_counts").names
CONCEPT_COLUMNS = schema.table("concept_counts").names
KWIC_COLUMNS = ["doc_id", "town", "year", "section_type", "start", "pre", "keyword", "post"]

# jieba's own Han block: a dictionary term with anything else in it is matched before jieba runs.
_CJK_ONLY = re.compile(f"[{JIEBA_HAN}]+")
# Arabic numbers with decimal point, thousands separators or percent: not terms.
_BARE_NUMBER = re.compile(r"[0-9][0-9.,，%]*%?")
# Verdicts a tokenizer remembers (`Tokenizer.is_content`): ~10 MB at most.
_MAX_VERDICTS = 65_536
# Blocks whose words a jieba tokenizer remembers (`_remembering_cut`), and their longest: ~30 MB
# on reports (27 MB measured for 88,000 blocks), ~85 MB at worst.
_MAX_BLOCKS = 100_000
_MAX_BLOCK_CHARS = 64  # longer blocks hardly ever come back (~0.02 % of reports' text)


def _is_noise(token: str, *, drop_single: bool) -> bool:
    """Whitespace, punctuation/symbols, bare Arabic numbers and (optionally) single characters."""
    if not token.strip():
        return True
    if all(unicodedata.category(ch)[0] in "PSZ" for ch in token):
        return True
    if _BARE_NUMBER.fullmatch(token):
        return True
    return drop_single and len(token) == 1


class Tokenizer:
    """A private jieba tokenizer with the domain dictionary and stop words.

    Construction is cheap; the jieba prefix dictionary (~0.5 s) is loaded on first use.
    jieba's prefix-dict cache goes to the system temp dir under a reportkit-specific
    name (never jieba's global ``jieba.cache``), written atomically by jieba itself.

    Dictionary terms that contain anything but CJK characters (12345热线, E三明,
    互联网+政务服务, 行政执法“三项制度”) are matched first with a regex and kept whole:
    jieba's block regex (``re_han_default``) is module-global and, depending on the jieba
    version, splits blocks at digits, letters or punctuation, so a user-dictionary entry
    crossing such a boundary could never come out whole. Pre-matching works for every
    jieba version without patching the module.

    ``version`` is a short hash of the dictionary, the stop words, the jieba version and the
    rules in this module: use it in cache keys for term counts.
    """

    def __init__(
        self,
        *,
        userdict: str | Path | None = None,
        stopwords: str | Path | None = None,
        drop_single: bool = True,
        hmm: bool = True,
        engine: Literal["jieba", "rjieba"] = "jieba",
    ) -> None:
        if engine not in ENGINES:
            raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
        self.userdict_path = Path(userdict) if userdict is not None else resources.path("userdict.txt")
        self.stopwords_path = Path(stopwords) if stopwords is not None else resources.path("stopwords.txt")
        self.drop_single = drop_single
        self.hmm = hmm
        self.engine = engine
        self._lock = threading.Lock()

    def __getstate__(self) -> dict:
        # Ship only the settings to worker processes; each loads its own jieba engine.
        settings = ("userdict_path", "stopwords_path", "drop_single", "hmm", "engine")
        return {k: v for k, v in self.__dict__.items() if k in settings}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Tokenizer(userdict={str(self.userdict_path)!r}, version={self.version!r})"

    @cached_property
    def version(self) -> str:
        import importlib.metadata

        try:
            engine = f"{self.engine} {importlib.metadata.version(self.engine)}"
        except importlib.metadata.PackageNotFoundError:  # reported clearly when the engine is loaded
            engine = f"{self.engine} (not installed)"
        digest = hashlib.sha256()
        for part in (_RULES_VERSION, engine, f"single={self.drop_single},hmm={self.hmm}"):
            digest.update(part.encode() + b"\0")
        for path in (self.userdict_path, self.stopwords_path):
            digest.update(Path(path).read_bytes() + b"\0")
        return digest.hexdigest()[:16]

    @cached_property
    def dictionary(self) -> tuple[str, ...]:
        """The domain terms of the user dictionary."""
        return tuple(word for word, _, _ in resources.parse_userdict(self.userdict_path))

    @cached_property
    def stopwords(self) -> frozenset[str]:
        return frozenset(resources.read_lines(self.stopwords_path))

    @cached_property
    def _protected(self) -> re.Pattern | None:
        # Longest first so that 12345政务服务便民热线 wins over 12345热线.
        special = sorted((w for w in self.dictionary if not _CJK_ONLY.fullmatch(w)), key=len, reverse=True)
        return re.compile("|".join(map(re.escape, special))) if special else None

    @property
    def _cut(self):
        """TEXT -> tokens with the chosen engine, built once even when threads race for it."""
        cut = self.__dict__.get("_cut_function")
        if cut is None:
            with self._lock:
                cut = self._cut_function
        return cut

    @cached_property
    def _cut_function(self):
        engine, hmm = self._build_engine, self.hmm
        if self.engine == "rjieba":
            return lambda text: engine.cut(text, hmm)
        return _remembering_cut(engine, hmm)

    @cached_property
    def _build_engine(self):
        if self.engine == "rjieba":
            return self._build_rjieba()
        from .jieba_dictionary import import_jieba

        jieba = import_jieba()

        # jieba announces every dictionary load at DEBUG on its own stderr handler, once per worker
        # process; quiet while ours loads, and its level left as the host application set it.
        jieba_logger = logging.getLogger("jieba")
        level = jieba_logger.level
        jieba_logger.setLevel(logging.WARNING)
        try:
            return self._jieba_engine(jieba)
        finally:
            jieba_logger.setLevel(level)

    def _jieba_engine(self, jieba):
        from .jieba_dictionary import load_prefix_dict

        engine = jieba.Tokenizer()
        # jieba keeps its dictionary as a marshal file it trusts; in the shared temporary folder
        # anyone could plant one. Ours is plain data (~4 x faster to load), in a folder only this
        # user can write; jieba's own cache is never read (it would only be, were it reset).
        engine.tmp_dir = _private_cache_dir()
        engine.cache_file = f"reportkit-jieba-{jieba.__version__}.cache"
        with engine.lock:
            engine.FREQ, engine.total = load_prefix_dict(engine, Path(engine.tmp_dir))
            engine.initialized = True
        for word, freq, tag in self._domain_words(lambda word: engine.suggest_freq(word, False)):
            engine.add_word(word, freq, tag)
        return engine

    def _domain_words(self, suggest_freq):
        """(word, freq, tag) of the user dictionary, with a frequency for the words listed without one.

        The engine's suggested frequency just beats the word's own split; longer domain terms get
        a floor so that they also win against overlapping general words. Two-character terms
        don't: a high frequency there steals characters from neighbours (村居|民 for 村|居民).
        """
        for word, freq, tag in resources.parse_userdict(self.userdict_path):
            if freq is None:
                freq = suggest_freq(word)
                if len(word) > 2:
                    freq = max(freq, DEFAULT_TERM_FREQ)
            yield word, freq, tag

    def _build_rjieba(self):
        try:
            import rjieba
        except ImportError as exc:
            raise RuntimeError("engine='rjieba' needs the optional package: pip install rjieba "
                               "(or use the default engine jieba: --tokenizer jieba, REPORTKIT_TOKENIZER unset)") from exc
        engine = rjieba.Jieba()  # its own instance: rjieba's module-level one stays untouched
        for word, freq, tag in self._domain_words(engine.suggest_freq):
            engine.add_word(word, freq, tag)
        return engine

    def load(self) -> "Tokenizer":
        """Load jieba now instead of at the first call (e.g. to time it); returns self."""
        self._cut  # noqa: B018 - property access builds the engine
        return self

    def cut(self, text: str) -> list[str]:
        """All tokens of TEXT, in order, whitespace and punctuation included ("".join gives TEXT back)."""
        cut = self._cut
        out: list[str] = []
        pos = 0
        matches = self._protected.finditer(text) if self._protected is not None else ()
        for match in matches:
            if match.start() > pos:
                out.extend(cut(text[pos : match.start()]))
            out.append(match.group())
            pos = match.end()
        if pos < len(text):
            out.extend(cut(text[pos:]))
        return out

    def tokens(self, text: str) -> list[str]:
        """Content tokens of TEXT: stop words, punctuation, bare numbers and single characters removed."""
        is_content = self.is_content
        return [t for t in self.cut(text) if is_content(t)]

    def is_content(self, token: str) -> bool:
        """True for a content token: not a stop word, punctuation, a bare number or (drop_single) one character."""
        verdicts = self._verdicts
        keep = verdicts.get(token)
        if keep is None:
            if len(verdicts) >= _MAX_VERDICTS:  # a bound on the memory; the frequent tokens come back at once
                verdicts.clear()
            keep = verdicts[token] = token not in self.stopwords and not _is_noise(token, drop_single=self.drop_single)
        return keep

    @cached_property
    def _verdicts(self) -> dict[str, bool]:
        # Each distinct token is judged once per process, not once per report: a report has ~800.
        return {}


def _remembering_cut(engine, hmm: bool):
    """jieba's ``engine.cut(text, HMM=hmm)`` as a list, each block's words remembered.

    jieba cuts a text block by block (runs of ``re_han_default`` and what lies between them),
    each block on its own, so a block's words depend on the block alone: a block seen before is
    not cut again. Reports repeat their clauses (a shortcoming item is cut again from its
    section; stock phrases recur from report to report), and jieba's loop is most of the terms
    stage. The memory is bounded (`_MAX_BLOCKS`, `_MAX_BLOCK_CHARS`); the words are jieba's
    whatever it holds.
    """
    from .jieba_dictionary import import_jieba

    jieba = import_jieba()
    remembered: dict[str, tuple[str, ...]] = {}

    def cut(text: str) -> list[str]:
        words: list[str] = []
        for block in jieba.re_han_default.split(text):  # read at each call, as jieba's own cut does
            if not block:
                continue
            known = remembered.get(block)
            if known is None:
                known = engine.cut(block, HMM=hmm)
                if len(block) <= _MAX_BLOCK_CHARS:
                    if len(remembered) >= _MAX_BLOCKS:  # the frequent blocks come back at once
                        remembered.clear()
                    # Interned: a word found in many blocks is held once.
                    known = remembered[block] = tuple(map(intern, known))
            words.extend(known)
        return words

    return cut


def engine_name() -> str:
    """The tokenising engine used when none is given: ``REPORTKIT_TOKENIZER`` (jieba or rjieba), jieba by default.

    rjieba (Rust jieba-rs, MIT, optional) takes the same dictionary; on the seeds it gives the
    same count for every Chinese term, and `Tokenizer.tokens` runs ≈ 6 × faster (see docs/benchmarks.md).
    A build takes its engine from its `BuildConfig` (``reportkit build --tokenizer rjieba``), whose
    default is this; the term cache is keyed by the engine.
    """
    return default_engine()


@lru_cache(maxsize=None)
def _shared_tokenizer(engine: str) -> Tokenizer:
    return Tokenizer(engine=engine)


def default_tokenizer(engine: str | None = None) -> Tokenizer:
    """The tokenizer with the bundled resources (one per process and engine; loads on first use).

    ENGINE: jieba or rjieba; `engine_name()` when None.
    """
    return _shared_tokenizer(engine or engine_name())


def load_tokenizer(*, userdict: str | Path | None = None, stopwords: str | Path | None = None,
                   engine: str | None = None) -> Tokenizer:
    """A tokenizer with the given dictionary/stop-word files (bundled ones by default) and ENGINE."""
    if userdict is None and stopwords is None:
        return default_tokenizer(engine)
    return Tokenizer(userdict=userdict, stopwords=stopwords, engine=engine or engine_name())


# --------------------------------------------------------------------------- boilerplate


def load_boilerplate() -> list[str]:
    """The stock political formulae of resources/boilerplate.txt, in file order."""
    return list(resources.boilerplate())


# What a … in a boilerplate phrase spans in the text: a few words of the same clause.
_BOILERPLATE_GAP = r"[^，,。；;：:！!？?、\s]{0,24}?"


@lru_cache(maxsize=8)
def _boilerplate_regex(phrases: tuple[str, ...]) -> re.Pattern:
    ordered = sorted(set(phrases), key=len, reverse=True)  # longest variant first
    return re.compile("|".join(resources.boilerplate_source(p, _BOILERPLATE_GAP) for p in ordered))


def strip_boilerplate(text: str, *, phrases: Sequence[str] | None = None, replacement: str = " ") -> str:
    """TEXT with every boilerplate phrase replaced by REPLACEMENT (a space keeps words apart).

    >>> strip_boilerplate("我镇坚持以人民为中心，推进调解")
    '我镇 ，推进调解'
    >>> strip_boilerplate("现将2023年法治政府建设情况报告如下：")
    ' ：'
    """
    phrases = tuple(phrases) if phrases is not None else resources.boilerplate()
    if not phrases:
        return text
    return _boilerplate_regex(phrases).sub(replacement, text)


# --------------------------------------------------------------------------- term counts


def _innermost_pieces(sections: pd.DataFrame) -> Iterator[tuple[str, str, str]]:
    """(doc_id, section_type, text) for non-overlapping pieces of the sections table.

    Section rows nest (a level-1 row's text contains its level-2 children), so each doc is cut
    at every row start and end, and each piece goes to the shortest row covering it.
    """
    if "start" not in sections.columns or "end" not in sections.columns:
        for row in sections.itertuples(index=False):
            yield row.doc_id, getattr(row, "section_type", "all"), row.text
        return
    # Plain lists grouped once: a pandas groupby per call cost more than cutting the pieces.
    by_doc: dict = {}
    columns = (sections[c].tolist() for c in ("doc_id", "start", "end", "section_type", "text"))
    for doc_id, start, end, section_type, text in zip(*columns):
        if not pd.isna(doc_id):  # as groupby: rows without a doc_id belong to no document
            by_doc.setdefault(doc_id, []).append((int(start), int(end), section_type, text))
    for doc_id, rows in by_doc.items():
        bounds = sorted({r[0] for r in rows} | {r[1] for r in rows})
        for a, b in zip(bounds, bounds[1:]):
            covering = [r for r in rows if r[0] <= a and r[1] >= b]
            if not covering:
                continue  # a gap between sections (text no section claims)
            start, _, section_type, text = min(covering, key=lambda r: (r[1] - r[0], -r[0]))
            yield doc_id, section_type, text[a - start : b - start]


def count_terms_text(text: str, *, tokenizer: Tokenizer | None = None, drop_boilerplate: bool = False) -> Counter:
    """Counter of content tokens in one TEXT."""
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    tokenizer = tokenizer or default_tokenizer()
    if drop_boilerplate:
        text = strip_boilerplate(text)
    return Counter(tokenizer.tokens(text))


def _add_content_counts(target: Counter, text: str, tokenizer: Tokenizer) -> None:
    """Add the content tokens of TEXT to TARGET (what ``Counter(tokenizer.tokens(text))`` counts).

    All tokens are counted first and each distinct token is judged once: judging every token
    cost a third of the stage.
    """
    is_content = tokenizer.is_content
    for token, n in Counter(tokenizer.cut(text)).items():
        if is_content(token):
            target[token] += n


def count_terms(
    sections: pd.DataFrame,
    *,
    tokenizer: Tokenizer | None = None,
    drop_boilerplate: bool = False,
    drop_names: Sequence[str] = (),
) -> pd.DataFrame:
    """The term_counts table: ``doc_id, section_type, term, n`` (content tokens per doc and section type).

    SECTIONS is the sections table (doc_id, section_type, text, start, end, ...); nested rows are
    counted once, in their innermost section. A table without start/end (e.g. documents with
    doc_id and text) counts each row whole, under its section_type or "all".
    drop_boilerplate removes the phrases of resources/boilerplate.txt before counting; DROP_NAMES
    (e.g. the report's own town and county, see `metadata.own_place_names`) are removed too, so
    that a town's name does not come out as its most distinctive term.
    Rows are sorted by doc_id, section_type, n (descending) and term.
    """
    resources.refresh()  # a resource file edited since (a notebook rerun) is read again
    tokenizer = tokenizer or default_tokenizer()
    counts: dict[tuple[str, str], Counter] = {}
    for doc_id, section_type, text in _innermost_pieces(sections):
        if drop_boilerplate:
            text = strip_boilerplate(text)
        for name in drop_names:
            text = text.replace(name, " ")
        _add_content_counts(counts.setdefault((doc_id, section_type), Counter()), text, tokenizer)
    if counts and all(isinstance(d, str) and isinstance(s, str) for d, s in counts):
        # Sorted in Python, a (doc, section) at a time, and made from columns: a pandas sort of the
        # finished table, or a table of row tuples, cost more than the counting (same order).
        columns: tuple[list, list, list, list] = ([], [], [], [])
        for d, s in sorted(counts):
            ordered = sorted(counts[d, s].items(), key=lambda item: (-item[1], item[0]))
            columns[0].extend([d] * len(ordered))
            columns[1].extend([s] * len(ordered))
            columns[2].extend(term for term, _ in ordered)
            columns[3].extend(n for _, n in ordered)
        return pd.DataFrame({"doc_id": columns[0], "section_type": columns[1], "term": columns[2],
                             "n": np.array(columns[3], dtype="int64")}, columns=TERM_COLUMNS)
    rows = [(d, s, term, n) for (d, s), counter in counts.items() for term, n in counter.items()]
    out = pd.DataFrame(rows, columns=TERM_COLUMNS)
    out["n"] = out["n"].astype("int64")
    return out.sort_values(["doc_id", "section_type", "n", "term"], ascending=[True, True, False, True], ignore_index=True)


# --------------------------------------------------------------------------- statistics


def _as_list(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def _with_variables(term_counts: pd.DataFrame, documents: pd.DataFrame | None, columns: Sequence[str]) -> pd.DataFrame:
    """TERM_COUNTS with the document variables COLUMNS joined from DOCUMENTS where missing."""
    missing = [c for c in columns if c not in term_counts.columns]
    if not missing:
        return term_counts
    if documents is None:
        raise ValueError(f"columns {missing} are not in term_counts; pass documents= to join them on doc_id")
    absent = [c for c in missing if c not in documents.columns]
    if absent:
        raise ValueError(f"columns {absent} are in neither term_counts nor documents; documents has {list(documents.columns)}")
    variables = documents[["doc_id", *missing]].drop_duplicates("doc_id")
    return term_counts.merge(variables, on="doc_id", how="left", validate="many_to_one")


def top_terms(
    term_counts: pd.DataFrame, documents: pd.DataFrame | None = None, *, by: str | Sequence[str] = ("town",), n: int = 20
) -> pd.DataFrame:
    """The N most frequent terms per group BY (document variables such as town, year, or section_type).

    Returns ``*by, term, n, share, rank``; share is n over all tokens of the group, rank 1 is the
    most frequent (ties broken by term so the result is stable).
    """
    by = _as_list(by)
    data = _with_variables(term_counts, documents, by)
    grouped = data.groupby([*by, "term"], as_index=False, dropna=False)["n"].sum()
    grouped["share"] = grouped["n"] / grouped.groupby(by, dropna=False)["n"].transform("sum")
    grouped = grouped.sort_values([*by, "n", "term"], ascending=[True] * len(by) + [False, True], ignore_index=True)
    grouped["rank"] = grouped.groupby(by, dropna=False).cumcount() + 1
    return grouped[grouped["rank"] <= n].reset_index(drop=True)


def tfidf(
    term_counts: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    by: str | Sequence[str] = "doc_id",
    smooth_idf: bool = True,
    sublinear_tf: bool = False,
    norm: Literal["l2"] | None = "l2",
) -> pd.DataFrame:
    """tf-idf over the corpus itself, grouped BY (a "document" is one group).

    Same formula as scikit-learn's TfidfTransformer:
    ``tf`` = count of the term in the group (``1 + ln(count)`` with sublinear_tf);
    ``df`` = number of groups containing the term, N = number of groups;
    ``idf = ln((1 + N) / (1 + df)) + 1`` (smooth_idf) or ``ln(N / df) + 1``;
    ``tfidf = tf * idf``, then divided by the group's Euclidean norm when norm="l2".
    Returns ``*by, term, tf, df, idf, tfidf`` sorted by group and tfidf descending.
    """
    by = _as_list(by)
    data = _with_variables(term_counts, documents, by)
    table = data.groupby([*by, "term"], as_index=False, dropna=False)["n"].sum()
    table = table[table["n"] > 0]
    n_groups = len(table[by].drop_duplicates())
    table["tf"] = np.log(table["n"]) + 1.0 if sublinear_tf else table["n"].astype(float)
    table["df"] = table.groupby("term")["n"].transform("size").astype("int64")
    if smooth_idf:
        table["idf"] = np.log((1 + n_groups) / (1 + table["df"])) + 1.0
    else:
        table["idf"] = np.log(n_groups / table["df"]) + 1.0
    table["tfidf"] = table["tf"] * table["idf"]
    if norm == "l2":
        table["tfidf"] /= np.sqrt((table["tfidf"] ** 2).groupby([table[c] for c in by], dropna=False).transform("sum"))
    elif norm is not None:
        raise ValueError(f"norm must be 'l2' or None, not {norm!r}")
    table = table.sort_values([*by, "tfidf", "term"], ascending=[True] * len(by) + [False, True], ignore_index=True)
    return table[[*by, "term", "tf", "df", "idf", "tfidf"]]


def _target_mask(data: pd.DataFrame, target, by: list[str]) -> pd.Series:
    if isinstance(target, Mapping):
        mask = pd.Series(True, index=data.index)
        for column, value in target.items():
            values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
            mask &= data[column].isin(values)
        description = dict(target)
    else:
        if len(by) != 1:
            raise ValueError("with several `by` columns, give target as a dict {column: value}")
        mask = data[by[0]] == target
        description = {by[0]: target}
    if not mask.any():
        column = next(iter(description))
        present = ", ".join(map(str, pd.unique(data[column]).tolist()[:10]))
        raise ValueError(f"target {description} matches no rows; {column} values present: {present}")
    if mask.all():
        raise ValueError(f"target {description} matches every row: there is no reference group")
    return mask


def keyness(
    term_counts: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    target,
    by: str | Sequence[str] = "doc_id",
    measure: Literal["chi2", "g2"] = "chi2",
    min_count: int = 5,
) -> pd.DataFrame:
    """Keyness of each term in a TARGET group against all the rest of the corpus.

    TARGET is a dict of column values ({"town": "大年乡"}, {"year": [2022, 2023]},
    {"section_type": "shortcomings"}; document variables are joined from DOCUMENTS) or a value
    of the column BY. For each term the 2x2 table is (term, other terms) x (target, reference);
    ``chi2`` is Pearson's chi-squared without continuity correction, ``g2`` the log-likelihood
    ratio (as scipy.stats.chi2_contingency with correction=False / lambda_="log-likelihood").
    The statistic is signed: negative when the term is under-represented in the target.
    p is from the chi-squared distribution with 1 degree of freedom. Terms with fewer than
    MIN_COUNT occurrences in the whole corpus are left out.
    Returns ``term, stat, p, n_target, n_reference`` sorted by stat descending.
    """
    from scipy import stats

    by = _as_list(by)
    needed = list(target) if isinstance(target, Mapping) else by
    data = _with_variables(term_counts, documents, needed)
    mask = _target_mask(data, target, by)
    table = pd.DataFrame(
        {
            "n_target": data[mask].groupby("term")["n"].sum(),
            "n_reference": data[~mask].groupby("term")["n"].sum(),
        }
    ).fillna(0).astype("int64")
    total_target, total_reference = table["n_target"].sum(), table["n_reference"].sum()
    table = table[table["n_target"] + table["n_reference"] >= min_count]
    a = table["n_target"].to_numpy(float)
    b = table["n_reference"].to_numpy(float)
    stat = _two_by_two(a, b, np.full_like(a, total_target), np.full_like(a, total_reference), measure)
    sign = np.where(a / total_target >= b / total_reference, 1.0, -1.0)
    out = pd.DataFrame(
        {
            "term": table.index.to_numpy(),
            "stat": sign * stat,
            "p": stats.chi2.sf(stat, 1),
            "n_target": table["n_target"].to_numpy(),
            "n_reference": table["n_reference"].to_numpy(),
        }
    )
    return out.sort_values(["stat", "term"], ascending=[False, True], ignore_index=True)


def _two_by_two(a: np.ndarray, b: np.ndarray, target: np.ndarray, reference: np.ndarray,
                measure: str) -> np.ndarray:
    """Each term's statistic (unsigned) of its 2x2 table: A of the TARGET's tokens, B of the REFERENCE's.
    Pearson's chi-squared (``chi2``) or the log-likelihood ratio (``g2``); a cell expected empty adds nothing."""
    from scipy import special

    total = target + reference
    observed = np.stack([a, b, target - a, reference - b])
    row = np.stack([a + b, a + b, total - a - b, total - a - b])
    expected = row * np.stack([target, reference, target, reference]) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "chi2":
            return np.nansum((observed - expected) ** 2 / expected, axis=0)
        if measure == "g2":
            return 2.0 * np.nansum(special.xlogy(observed, observed / expected), axis=0)
    raise ValueError(f"measure must be 'chi2' or 'g2', not {measure!r}")


def keyness_by(
    term_counts: pd.DataFrame,
    documents: pd.DataFrame | None = None,
    *,
    by: str = "town",
    n: int | None = None,
    measure: Literal["chi2", "g2"] = "chi2",
    min_count: int = 5,
) -> pd.DataFrame:
    """The keyness of every group of BY (a document variable such as town) against all the rest, in one pass.

    Each group's rows are what ``keyness(term_counts, documents, target={BY: group}, ...)`` gives,
    keeping only terms over-represented in the group (stat > 0), the N first of each (all when
    None). A group with no name (empty or missing) is no target but stays in the reference; with
    fewer than two groups there is nothing to compare. One pass over the table instead of one per
    group: at hundreds of towns the loop took minutes.
    Returns ``BY, term, stat, p, n_target, n_reference``, by group, stat descending, then term.
    """
    from scipy import stats

    columns = [by, "term", "stat", "p", "n_target", "n_reference"]
    data = _with_variables(term_counts, documents, [by])
    group = data[by].astype("object").where(data[by].notna(), "")
    named = group.astype(str).str.strip() != ""
    per_term = data.groupby("term")["n"].sum()
    total = float(per_term.sum())
    if group[named].nunique() < 2:
        return pd.DataFrame(columns=columns)
    pairs = data[named].groupby([group[named].rename(by), data.loc[named, "term"]])["n"].sum().reset_index()
    per_group = pairs.groupby(by)["n"].sum()
    pairs = pairs[pairs["term"].map(per_term) >= min_count]
    a = pairs["n"].to_numpy(float)
    b = pairs["term"].map(per_term).to_numpy(float) - a
    target = pairs[by].map(per_group).to_numpy(float)
    reference = total - target
    stat = _two_by_two(a, b, target, reference, measure)
    with np.errstate(divide="ignore", invalid="ignore"):
        over = a / target >= b / np.where(reference > 0, reference, np.nan)
    out = pd.DataFrame({by: pairs[by].to_numpy(), "term": pairs["term"].to_numpy(), "stat": stat,
                        "p": stats.chi2.sf(stat, 1), "n_target": pairs["n"].astype("int64").to_numpy(),
                        "n_reference": b.astype("int64")})
    out = out[over & (stat > 0)].sort_values([by, "stat", "term"], ascending=[True, False, True], kind="stable")
    if n is not None:
        out = out.groupby(by, sort=False).head(n)
    return out[columns].reset_index(drop=True)


# --------------------------------------------------------------------------- kwic


def _innermost_type(sections: pd.DataFrame, doc_id: str, position: int) -> str:
    rows = sections[(sections["doc_id"] == doc_id) & (sections["start"] <= position) & (sections["end"] > position)]
    if rows.empty:
        return ""
    return rows.loc[(rows["end"] - rows["start"]).idxmin(), "section_type"]


def kwic(
    data: pd.DataFrame,
    pattern: str | Sequence[str],
    *,
    window: int = 20,
    regex: bool = False,
    sections: pd.DataFrame | None = None,
    documents: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Keywords in context: every match of PATTERN with WINDOW characters either side.

    PATTERN is a term, a list of terms (each found on its own; overlapping matches of different
    terms are all listed, longest first) or, with ``regex=True``, a regular expression.
    DATA is the documents table (doc_id, text, town, year, ...) or the sections table. With
    documents, ``section_type`` (the statutory part the match is in) comes from SECTIONS if
    given, else from splitting the matched reports' texts (``split_sections``). With sections,
    nested rows are searched once: the context comes from the widest row and section_type from
    the innermost; town/year come from DOCUMENTS if given. ``start`` is the match offset in
    documents.text (in the row text when DATA has no start column). Contexts are exact
    substrings (line breaks kept).

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["聘请法律顾问参与决策"], "town": ["大年乡"], "year": [2023]})
    >>> kwic(docs, "法律顾问", window=2)[["pre", "keyword", "post"]].values.tolist()
    [['聘请', '法律顾问', '参与']]
    >>> kwic(docs, ["法律顾问", "决策"], window=2)[["keyword", "section_type"]].values.tolist()
    [['法律顾问', 'other'], ['决策', 'other']]
    """
    terms = [pattern] if isinstance(pattern, str) else [str(p) for p in pattern]
    if not terms or not all(terms):
        raise ValueError(f"pattern is empty: {pattern!r}; pass a term or a list of terms")
    if regex and len(terms) > 1:
        raise ValueError("regex=True takes one pattern; join alternatives with | instead of passing a list")
    if window < 0:
        raise ValueError(f"window is the characters shown either side, 0 or more, not {window!r}")
    if not {"doc_id", "text"} <= set(data.columns):
        raise ValueError("kwic searches the text of the documents or sections table (doc_id, text); this table has "
                         f"{', '.join(map(str, data.columns[:8]))}")
    compiled = [re.compile(t if regex else re.escape(t)) for t in sorted(set(terms), key=lambda t: (-len(t), t))]
    is_sections = "section_type" in data.columns and "start" in data.columns
    found = []
    for row in data.itertuples(index=False):
        text = row.text if isinstance(row.text, str) else ""
        offset = int(row.start) if is_sections else 0
        for regexp in compiled:
            for match in regexp.finditer(text):
                if match.end() == match.start():
                    continue  # empty regex matches carry no keyword
                s, e = match.start(), match.end()
                found.append(
                    {
                        "doc_id": row.doc_id,
                        "town": getattr(row, "town", pd.NA),
                        "year": getattr(row, "year", pd.NA),
                        "section_type": getattr(row, "section_type", ""),
                        "start": offset + s,
                        "pre": text[max(0, s - window) : s],
                        "keyword": match.group(),
                        "post": text[e : e + window],
                        "_width": len(text),
                    }
                )
    out = pd.DataFrame(found, columns=[*KWIC_COLUMNS, "_width"])
    if is_sections and not out.empty:
        # The innermost (narrowest) row gives the type, the widest row the context.
        keys = ["doc_id", "start", "keyword"]
        innermost = out.sort_values("_width").drop_duplicates(keys)[[*keys, "section_type"]]
        out = out.sort_values("_width", ascending=False).drop_duplicates(keys).drop(columns="section_type")
        out = out.merge(innermost, on=keys)
    elif not out.empty:
        if sections is None:
            sections = _sections_of(data[data["doc_id"].isin(out["doc_id"])])
        out["section_type"] = [_innermost_type(sections, d, s) for d, s in zip(out["doc_id"], out["start"])]
    if documents is not None and not out.empty:
        for column in ("town", "year"):
            if out[column].isna().all() and column in documents.columns:
                # doc_id as text: Series.map of categorical ids through a categorical Series picks wrong values
                first = documents.drop_duplicates("doc_id")
                values = first[column].set_axis(first["doc_id"].astype(str))
                out[column] = out["doc_id"].astype(str).map(values)
    return out.sort_values(["doc_id", "start", "keyword"], ignore_index=True)[KWIC_COLUMNS]


def _sections_of(documents: pd.DataFrame) -> pd.DataFrame:
    """The sections of these reports, split from their texts (when no sections table is given)."""
    from .sections import split_sections

    parts = [split_sections(text if isinstance(text, str) else "", doc_id=doc_id)
             for doc_id, text in zip(documents["doc_id"], documents["text"])]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["doc_id", "start", "end"])


# --------------------------------------------------------------------------- concepts


def load_concepts(path: str | Path | None = None) -> pd.DataFrame:
    """The concept dictionary (``concept, label_zh, term``) from resources/concepts.csv or PATH."""
    return resources.concepts(path)


def unknown_concept_terms(concepts: pd.DataFrame | None = None, tokenizer: Tokenizer | None = None) -> list[str]:
    """Concept terms the tokenizer cannot produce as one token (they would never be counted).

    Logs a warning naming them; add them to resources/userdict.txt to fix it.
    """
    concepts = load_concepts() if concepts is None else concepts
    tokenizer = tokenizer or default_tokenizer()
    unknown = sorted({t for t in concepts["term"] if tokenizer.cut(t) != [t]})
    if unknown:
        log.warning("%d concept terms are split by the tokenizer and never counted (add them to userdict.txt): %s",
                    len(unknown), "、".join(unknown))
    return unknown


def concept_counts(term_counts: pd.DataFrame, *, concepts: pd.DataFrame | None = None) -> pd.DataFrame:
    """Counts and shares of each concept per document and section type.

    Returns ``doc_id, section_type, concept, label_zh, n, share`` with a row for every concept in
    every (doc_id, section_type) of TERM_COUNTS (n = 0 when absent), where n sums the counts of
    the concept's terms and share = n / all tokens of that doc and section type. A term listed
    under several concepts counts for each.
    """
    concepts = load_concepts() if concepts is None else concepts
    totals = term_counts.groupby(["doc_id", "section_type"], as_index=False)["n"].sum().rename(columns={"n": "total"})
    labels = concepts.drop_duplicates("concept")[["concept", "label_zh"]]
    grid = totals.merge(labels, how="cross")
    # Only concept terms can hit: filter before the merge (term_counts has millions of rows at scale).
    hits = term_counts[term_counts["term"].isin(concepts["term"])].merge(concepts[["concept", "term"]], on="term")
    hits = hits.groupby(["doc_id", "section_type", "concept"], as_index=False)["n"].sum()
    out = grid.merge(hits, on=["doc_id", "section_type", "concept"], how="left")
    out["n"] = out["n"].fillna(0).astype("int64")
    out["share"] = out["n"] / out["total"]
    return out.sort_values(["doc_id", "section_type", "concept"], ignore_index=True)[CONCEPT_COLUMNS]


def _private_cache_dir() -> str:
    """A folder only this user can write, for jieba's dictionary cache: ``$XDG_CACHE_HOME/reportkit``
    (``~/.cache/reportkit``) when it is this user's and closed to others, else a new private
    temporary folder (jieba then rebuilds its dictionary, ~1 s, in this process)."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportkit"
    try:
        base.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = base.lstat()
        if stat.S_ISDIR(info.st_mode) and info.st_uid == getattr(os, "getuid", lambda: info.st_uid)() and not info.st_mode & 0o022:
            return str(base)
    except (OSError, RuntimeError):  # no home folder, read-only home
        pass
    return tempfile.mkdtemp(prefix="reportkit-jieba-")

