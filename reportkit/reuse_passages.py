"""The per-report half of `reportkit.reuse`: a report's passages, their comparison forms and
MinHash fingerprints, and how much of each a listed stock formula covers.

What the build's per-report stage "reuse" computes and caches lives here, apart from the
corpus-wide half (`reportkit.reuse`, `reportkit.reuse_index`): the stage's cache key follows
the code it imports, and changing how the corpus is compared must not recompute every report's
passages. `reportkit.reuse` explains the method and re-exports these functions.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

import numpy as np
import pandas as pd

from . import resources, schema
from .chinese import CJK, SELF_REFERENCE, SELF_REFERENCE_COUNTY, count_cjk
from .places import own_place_names

log = logging.getLogger(__name__)

# The passages table of the build is the first four columns; text and masked are worked on here.
PASSAGE_COLUMNS = [*schema.table("passages").names, "text", "masked"]

NUMBER_MARK = "#"
PLACE_MARK = "@"

_SPLIT = re.compile(r"[^。！？；!?;]*[。！？；!?;]?")
_SENTENCE_END = re.compile(r"[。！？；!?;]")
# Headings and titles follow the format the rules prescribe (党政主要负责人履行推进法治建设
# 第一责任人职责情况 …), so sharing them is structure, not copying.
HEADING_MAX_CHARS = 40
_COMMA = re.compile(r"[^，,、：:]*[，,、：:]?")
# Measure words that are not indicator units (indicators leave dates and durations out on
# purpose) but after which a numeral is still a count when comparing copied text (三年, 五天,
# 三轮), and 万 (三万人: the magnitude stands between the numeral and the unit).
_OTHER_MEASURES = ("万", "天", "年", "月", "日", "小时", "届", "轮", "辆", "亩", "平方米", "公里", "堂", "课")
_SELF_REFERENCE = re.compile(f"{SELF_REFERENCE.pattern}|{SELF_REFERENCE_COUNTY.pattern}")


@lru_cache(maxsize=1)
def _number_pattern() -> re.Pattern[str]:
    """Counts: arabic numbers (with 万/亿 and 余/多), Chinese numerals only before a measure word
    (the units of indicator_units.csv, simplified and Traditional, unless followed by what their
    not_followed_by forbids, and `_OTHER_MEASURES`; so 一是, 一部分 and 二十大 stay), and the
    */×/X placeholders of sample reports. The numeral run is bounded:
    unbounded, a long run of numerals backtracks quadratically."""
    words = dict.fromkeys(_OTHER_MEASURES, "")  # measure word → the characters that may not follow it
    for row in resources.indicator_units().itertuples():
        for form in [row.unit, *filter(None, row.traditional.split("|"))]:
            words[form] = row.not_followed_by  # 一部分 is no count, as for the indicators
    measure = "|".join(re.escape(w) + (f"(?![{re.escape(words[w])}])" if words[w] else "")
                       for w in sorted(words, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?:\d[\d.,]*|[*＊×]+|[零〇一二两三四五六七八九十百千]{{1,20}}(?=[余多]?(?:{measure})))[万亿千百]?[余多]?")
# Generic place names: two characters + suffix, unless the suffix is part of a common
# noun (城乡, 乡镇, 乡村, 农村, 社区, 辖区, 各村, 全县, ...), told apart by the
# character before or after it.
_GENERIC_PLACE = re.compile(
    rf"[{CJK}]{{2}}(?:"
    r"街道(?!办)|"
    r"(?<![城下返还家故各全本我该])乡(?![镇村贤土愁])|"
    r"(?<![城乡村小集各全本我该])镇(?![村街级])|"
    r"(?<![乡农政然范进点困贫各全本我该每两])村(?![民委级规务居])|"
    r"(?<![全本我该各市郡州])县(?![级域])|"
    r"(?<![社辖园景山城片地市郊老新库校林牧矿灾范护发能管格全本我该各战水])区(?![域级])"
    r")"
)
_NOT_COMPARED = re.compile(f"[^{CJK}A-Za-z0-9#@]+")


# --------------------------------------------------------------------------- passages


def mask_text(text: str, *, town: str | None = None, county: str | None = None) -> str:
    """Comparison form of TEXT: places → @, counts → #, punctuation and spaces removed.

    >>> mask_text("里心镇召开会议12次，覆盖全镇。", town="里心镇")
    '@召开会议#次覆盖@'
    >>> mask_text("大年乡召开会议*次，覆盖我乡。", town="大年乡")
    '@召开会议#次覆盖@'
    """
    return _masked(text, own_place_names(town, county))


def _masked(text: str, names) -> str:
    """`mask_text` with the report's own place NAMES worked out (once per report, not per passage)."""
    for name in names:
        text = text.replace(name, PLACE_MARK)
    text = _SELF_REFERENCE.sub(PLACE_MARK, text)
    text = _GENERIC_PLACE.sub(PLACE_MARK, text)
    text = _number_pattern().sub(NUMBER_MARK, text)
    return _NOT_COMPARED.sub("", text).lower()


_n_cjk = count_cjk


def _is_heading(line: str) -> bool:
    """A title or heading line: short and without sentence-final punctuation."""
    line = line.strip()
    return len(line) <= HEADING_MAX_CHARS and not _SENTENCE_END.search(line)


def _pieces(text: str, *, max_chars: int, skip_headings: bool) -> list[tuple[int, int, int]]:
    """(start, end, line_no) of sentences/clauses, whitespace trimmed, in text order."""
    out: list[tuple[int, int, int]] = []
    offset = 0
    for line_no, line in enumerate(text.split("\n")):
        if skip_headings and _is_heading(line):
            offset += len(line) + 1
            continue
        for match in _SPLIT.finditer(line):
            seg = match.group()
            if not seg.strip():
                continue
            start = offset + match.start() + len(seg) - len(seg.lstrip())
            end = offset + match.start() + len(seg.rstrip())
            if end - start <= max_chars:
                out.append((start, end, line_no))
                continue
            # Overlong comma-only sentence: greedy chunks of whole clauses (~max_chars/2).
            chunk_start = start
            for clause in _COMMA.finditer(text, start, end):
                if clause.end() == clause.start():
                    continue
                if clause.end() - chunk_start >= max_chars // 2 or clause.end() >= end:
                    out.append((chunk_start, clause.end(), line_no))
                    chunk_start = clause.end()
        offset += len(line) + 1
    return out


def _merge_short(pieces: list[tuple[int, int, int]], text: str, *, min_cjk: int) -> list[tuple[int, int]]:
    """Merge pieces with fewer than MIN_CJK CJK chars into a neighbour on the same line."""
    merged: list[list[int]] = []
    pending: list[int] | None = None  # a short piece waiting to be glued to the next one
    for start, end, line in pieces:
        if pending is not None and pending[2] != line:
            merged.append(pending)
            pending = None
        if pending is not None:
            start = pending[0]
            pending = None
        if _n_cjk(text[start:end]) < min_cjk:
            pending = [start, end, line]
        else:
            merged.append([start, end, line])
    if pending is not None:
        merged.append(pending)
    # A short last piece of a line joins the previous piece of the same line.
    out: list[list[int]] = []
    for piece in merged:
        if out and out[-1][2] == piece[2] and _n_cjk(text[piece[0] : piece[1]]) < min_cjk:
            out[-1][1] = piece[1]
        else:
            out.append(piece)
    return [(s, e) for s, e, _ in out]


def passages(
    doc_id: str,
    text: str,
    *,
    town: str | None = None,
    county: str | None = None,
    min_cjk: int = 15,
    max_chars: int = 240,
    skip_headings: bool = True,
) -> pd.DataFrame:
    """Split one report into comparable passages.

    Returns ``doc_id, passage_no, start, end, text, masked`` where ``text`` is
    ``TEXT[start:end]`` (offsets into the normalised text) and ``masked`` the
    comparison form (see `mask_text`). Passages with fewer than MIN_CJK CJK
    characters after merging (一是…-stubs standing alone) are left out, and so are
    heading and title lines (at most 40 characters without 。！？；) unless
    SKIP_HEADINGS is False: their wording is prescribed, so sharing it is not reuse.

    >>> passages("d1", "一是强化组织领导。里心镇召开党委会议12次，专题研究法治政府建设工作。", town="里心镇").text.tolist()
    ['一是强化组织领导。里心镇召开党委会议12次，专题研究法治政府建设工作。']
    """
    text = text if isinstance(text, str) else ""
    spans = _merge_short(_pieces(text, max_chars=max_chars, skip_headings=skip_headings), text, min_cjk=min_cjk)
    rows = [(s, e, text[s:e]) for s, e in spans if _n_cjk(text[s:e]) >= min_cjk]
    names = own_place_names(town, county)
    frame = pd.DataFrame(
        {
            # made str here: a str column converted after the table is made cost as much as the splitting
            "doc_id": pd.array([doc_id] * len(rows), dtype="str"),
            "passage_no": np.arange(len(rows), dtype="int64"),
            "start": np.array([r[0] for r in rows], dtype="int64"),
            "end": np.array([r[1] for r in rows], dtype="int64"),
            "text": [r[2] for r in rows],
            "masked": [_masked(r[2], names) for r in rows],
        },
        columns=PASSAGE_COLUMNS,
    )
    return frame


def corpus_passages(documents: pd.DataFrame, *, min_cjk: int = 15, max_chars: int = 240) -> pd.DataFrame:
    """`passages` of every document (columns doc_id, town, county, text used)."""
    frames = [
        passages(row.doc_id, row.text, town=_str(row, "town"), county=_str(row, "county"),
                 min_cjk=min_cjk, max_chars=max_chars)
        for row in documents.itertuples(index=False)
    ]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("passage_no", "start", "end") else object)
                             for c in PASSAGE_COLUMNS})
    return pd.concat(frames, ignore_index=True)


def _str(row, name: str) -> str | None:
    value = getattr(row, name, None)
    return value if isinstance(value, str) and value else None


# ------------------------------------------------------------------------ fingerprints

_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


def _splitmix64(x: np.ndarray) -> np.ndarray:
    """Finaliser of splitmix64: a fast, well-mixing bijection on uint64 (wrapping arithmetic)."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Odd multipliers and offsets of the multiply-shift hash family (fixed by SEED)."""
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng.integers(0, 2**63, size=num_perm, dtype=np.uint64)
    return a, b


def _shingle_hashes(masked: list[str], shingle_size: int) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the character shingles of each string, and each string's first row.

    Strings shorter than SHINGLE_SIZE count as one shingle (themselves).
    """
    k = shingle_size
    lengths = np.fromiter((len(s) for s in masked), dtype=np.int64, count=len(masked))
    joined = "".join(masked)
    cps = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]) if len(masked) else np.zeros(0, np.int64)
    n_sh = np.maximum(lengths - k + 1, 1)
    n_sh[lengths == 0] = 0
    first = np.concatenate([[0], np.cumsum(n_sh)[:-1]]) if len(masked) else np.zeros(0, np.int64)
    total = int(n_sh.sum())
    # Position of each shingle in JOINED and its width (k, or the whole short string).
    owner = np.repeat(np.arange(len(masked)), n_sh)
    pos = starts[owner] + (np.arange(total) - first[owner])
    width = np.minimum(lengths[owner], k)
    padded = np.concatenate([cps, np.zeros(k, np.uint64)])
    h = np.zeros(total, dtype=np.uint64)
    mult = np.uint64(0x100000001B3)
    with np.errstate(over="ignore"):
        for j in range(k):
            char = np.where(j < width, padded[pos + j], np.uint64(0))
            h = h * mult + char + np.uint64(1)
        h = _splitmix64(h ^ width.astype(np.uint64))
    return h, first


def _minhash(masked: list[str], *, num_perm: int, shingle_size: int, seed: int,
             batch_rows: int = 1 << 17) -> tuple[np.ndarray, np.ndarray]:
    """(signatures uint32 [n, num_perm], number of shingles) of the strings in MASKED."""
    a, b = _permutations(num_perm, seed)
    sigs = np.full((len(masked), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    counts = np.zeros(len(masked), dtype=np.int64)
    i = 0
    while i < len(masked):
        # Batches of strings bounded by their total length keep memory flat.
        j, size = i, 0
        while j < len(masked) and (size < batch_rows or j == i):
            size += len(masked[j]) + 1
            j += 1
        h, first = _shingle_hashes(masked[i:j], shingle_size)
        n = np.diff(np.append(first, len(h)))
        counts[i:j] = n
        nonempty = n > 0
        if len(h):
            # Layout (num_perm, shingles) keeps reduceat on contiguous rows; the shift to
            # the high 32 bits is monotonic, so it is applied after the minimum.
            perm = np.multiply(a[:, None], h[None, :])
            perm += b[:, None]
            mins = np.minimum.reduceat(perm, first[nonempty], axis=1)
            sigs[i:j][nonempty] = (mins >> np.uint64(32)).T.astype(np.uint32)
        i = j
    return sigs, counts


def fingerprints(
    passages: pd.DataFrame, *, num_perm: int = 64, shingle_size: int = 4, seed: int = 1
) -> pd.DataFrame:
    """MinHash signatures of the passages' shingle sets (pure; cache per document).

    Returns ``doc_id, passage_no, n_shingles, mh_00 … mh_{num_perm-1}`` (uint32). The
    share of equal ``mh_*`` columns of two passages estimates the Jaccard similarity of
    their sets of SHINGLE_SIZE-character shingles of ``masked``. SEED fixes the hash
    family, so signatures from different runs and processes are comparable.
    """
    sigs, counts = _minhash(passages["masked"].tolist(), num_perm=num_perm,
                            shingle_size=shingle_size, seed=seed)
    width = max(2, len(str(num_perm - 1)))
    frame = pd.DataFrame(sigs, columns=[f"mh_{i:0{width}d}" for i in range(num_perm)])
    frame.insert(0, "n_shingles", counts)
    frame.insert(0, "passage_no", passages["passage_no"].to_numpy(dtype="int64"))
    frame.insert(0, "doc_id", passages["doc_id"].astype("str").to_numpy())
    return frame


def form_hashes(masked: list[str]) -> np.ndarray:
    """64-bit hash of each comparison form (uint64): equal forms, equal hashes; two different forms
    share one with probability ~5e-20 a pair, so ~3e-6 that any two of 10 million forms do."""
    import hashlib

    return np.array([int.from_bytes(hashlib.blake2b(m.encode("utf-8"), digest_size=8).digest(), "little")
                     for m in masked], dtype=np.uint64)


def _signature_matrix(fingerprints: pd.DataFrame) -> np.ndarray:
    cols = [c for c in fingerprints.columns if c.startswith("mh_")]
    return fingerprints[cols].to_numpy(dtype=np.uint32)


# -------------------------------------------------------------------------- boilerplate


@lru_cache(maxsize=1)
def _boilerplate_pattern() -> re.Pattern[str] | None:
    """Regex of the masked phrases of resources/boilerplate.txt, or None if absent/empty."""
    gap = resources.BOILERPLATE_GAP
    phrases = {masked for phrase in resources.boilerplate()
               if len((masked := gap.join(mask_text(part) for part in phrase.split(gap))).replace(gap, "")) >= 4}
    if not phrases:
        log.info("no boilerplate.txt phrases; boilerplate is recognised by document frequency only")
        return None
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    # the masked form has no punctuation left: a gap spans any few characters
    return re.compile("|".join(resources.boilerplate_source(p, ".{0,24}?") for p in ordered))


def boilerplate_coverage(masked: pd.Series, *, pattern: re.Pattern[str] | None = None) -> pd.Series:
    """Share of each masked passage covered by phrases of the boilerplate list (0 without list)."""
    pattern = _boilerplate_pattern() if pattern is None else pattern
    if pattern is None:
        return pd.Series(0.0, index=masked.index)

    def cover(text: str) -> float:
        if not text:
            return 0.0
        return sum(m.end() - m.start() for m in pattern.finditer(text)) / len(text)

    return masked.map(cover).astype(float)
