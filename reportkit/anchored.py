"""A pattern tried only where the words every match of it opens with stand.

Python's ``re`` tries a pattern at every character of a text. The figure rules' patterns mostly hold words
(全镇共有, 周年, 个确立 …) a few characters from where their match begins, and those words stand a few times
in a report: a match can only begin a known number of characters before one of them. `AnchoredPattern.finditer`
returns what ``pattern.finditer`` returns (its non-empty matches, in order) but tries the pattern only at those
places, with ``pattern.match`` on the whole text, so that what it sees around them is the same
(tests/test_anchored.py holds it to that on many texts). Where no such words are known, or they stand so often
that trying each place costs more, the text is searched whole; where words every match holds somewhere are
known but not where, the search is skipped when none of them stands in the text.

The words are read from the compiled pattern's syntax tree (``re._parser``, a private module of the standard
library); a pattern that ignores case, can match nothing, or whose tree this reading does not know is searched
whole.
"""
from __future__ import annotations

import re
from itertools import product

try:
    from re import _parser as _sre
except ImportError:  # pragma: no cover - a Python without the module: every pattern is searched whole
    _sre = None

# A set of alternative words larger than this is not kept (a product of alternations grows fast).
_MAX_WORDS = 64
# Trying the pattern at one place costs about as much as searching this many characters.
_CHARS_PER_TRY = 40

_REPEATS = tuple(op for op in (getattr(_sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
                 if op is not None)


def _exact(item) -> frozenset[str] | None:
    """The strings ITEM matches when they are few and fixed (a literal, a class of literals, an
    alternation or group of such), else None."""
    op, arg = item
    if op is _sre.LITERAL:
        return frozenset({chr(arg)})
    if op is _sre.IN:
        chars = set()
        for kind, value in arg:
            if kind is not _sre.LITERAL:  # a range, a category (\d), a negation: not few and fixed
                return None
            chars.add(chr(value))
        return frozenset(chars)
    if op is _sre.SUBPATTERN:
        return None if arg[1] & re.IGNORECASE else _exact_sequence(list(arg[-1]))
    if op is _sre.BRANCH:
        words: set[str] = set()
        for branch in arg[1]:
            exact = _exact_sequence(list(branch))
            if exact is None:
                return None
            words |= exact
        return frozenset(words) if len(words) <= _MAX_WORDS else None
    return None


def _exact_sequence(items: list) -> frozenset[str] | None:
    words = frozenset({""})
    for item in items:
        exact = _exact(item)
        if exact is None:
            return None
        words = _joined(words, exact)
        if words is None:
            return None
    return words


def _joined(before: frozenset[str], after: frozenset[str]) -> frozenset[str] | None:
    words = frozenset(a + b for a, b in product(before, after))
    return words if len(words) <= _MAX_WORDS else None


# An anchor: (words, fewest, most, back). Every match holds one of WORDS, which begins FEWEST to MOST characters
# after the match's start; or, when BACK is a character class, FEWEST or more characters after it, and the match
# begins at most MOST characters before the run of BACK's characters that ends where the word begins (a number of
# any length before 周年: its digits).
Anchor = tuple[frozenset, int, int, "str | None"]


def _anchors(items: list, anywhere: bool = False) -> list[list[Anchor]]:
    """Ways to anchor a match of the sequence ITEMS: each a list of anchors one of which every match meets
    (ANYWHERE: the items past one of any length too, their places then meaningless)."""
    ways: list[list[Anchor]] = []
    low = high = 0  # the width of the items before the one looked at
    back: str | None = ""  # the characters those items may match, when each matches single characters
    for index, item in enumerate(items):
        bounded = high < _sre.MAXREPEAT
        exact = _exact(item)
        if exact is not None and "" not in exact:
            words = exact  # with the exact items after it (全 + 镇|乡 + 共有|有)
            for after in items[index + 1:]:
                more = _exact(after)
                joined = _joined(words, more) if more is not None else None
                if joined is None or "" in joined:
                    break
                words = joined
            if bounded or anywhere:
                ways.append([(words, low, high, None)])
            elif back is not None:
                ways.append([(words, low, 0, back)])
        elif bounded or anywhere:
            op, arg = item
            inner: list[list[Anchor]] = []
            if op is _sre.SUBPATTERN and not arg[1] & re.IGNORECASE:
                inner = _anchors(list(arg[-1]), anywhere)
            elif op is _sre.BRANCH:
                each = [_best(_anchors(list(branch), anywhere), placed=not anywhere) for branch in arg[1]]
                if all(each):
                    inner = [[anchor for way in each for anchor in way]]
            elif op in _REPEATS and arg[0] >= 1:
                inner = _anchors(list(arg[2]), anywhere)  # its first round begins where it does
            ways += [[(words, low + fewest, high + most, run) for words, fewest, most, run in way] for way in inner]
        item_low, item_high = _width(item)
        low, high = low + item_low, high + item_high
        chars = _characters(item)
        back = back + chars if back is not None and chars is not None else None
        if high >= _sre.MAXREPEAT and back is None and not anywhere:
            break  # past an item of any length, of more than single characters, the items after it begin anywhere
    return ways


_CATEGORIES = {name: source for name, source in (
    ("CATEGORY_DIGIT", r"\d"), ("CATEGORY_NOT_DIGIT", r"\D"), ("CATEGORY_SPACE", r"\s"),
    ("CATEGORY_NOT_SPACE", r"\S"), ("CATEGORY_WORD", r"\w"), ("CATEGORY_NOT_WORD", r"\W"))}


def _characters(item) -> str | None:
    """The inside of a character class holding every character ITEM may match, when it matches single
    characters one by one ("" for an assertion, which matches none); None otherwise."""
    op, arg = item
    if op is _sre.LITERAL:
        return re.escape(chr(arg))
    if op is _sre.IN:
        parts = []
        for kind, value in arg:
            if kind is _sre.LITERAL:
                parts.append(re.escape(chr(value)))
            elif kind is _sre.RANGE:
                parts.append(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
            elif kind is _sre.CATEGORY and str(value) in _CATEGORIES:
                parts.append(_CATEGORIES[str(value)])
            else:  # a negated class: almost any character
                return None
        return "".join(parts)
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return ""
    if op in _REPEATS:
        return _characters_of(list(arg[2]))
    if op is _sre.SUBPATTERN and not arg[1] & re.IGNORECASE:
        return _characters_of(list(arg[-1]))
    if op is _sre.BRANCH:
        return _characters_of([item for branch in arg[1] for item in branch])
    return None


def _characters_of(items: list) -> str | None:
    parts = [_characters(item) for item in items]
    return None if any(part is None for part in parts) else "".join(parts)


def _width(item) -> tuple[int, int]:
    pattern = _sre.SubPattern(_sre.State(), [item])
    return pattern.getwidth()


def _best(ways: list[list[Anchor]], *, placed: bool = True) -> list[Anchor] | None:
    """The way that leaves the fewest places to try: a word of one character stands far more often than
    one of two, and that than one of three or more; each word is tried at each of its offsets (unless
    not PLACED: then only whether a word stands matters)."""
    def places(way: list[Anchor]) -> float:
        return sum((((most + _RUN if back is not None else most - fewest) + 1) if placed else 1)
                   * sum(_RARITY[min(len(word), 3)] for word in words) for words, fewest, most, back in way)
    return min(ways, key=places, default=None)


# How often a word of one, two, three or more characters stands in a report, relatively (a rough guess:
# the choice it makes is a matter of speed, never of what is found).
_RARITY = {1: 1.0, 2: 0.1, 3: 0.01}
_RUN = 3  # the characters a run before a word is guessed to hold


class AnchoredPattern:
    """PATTERN, tried only where its words stand (see the module)."""

    __slots__ = ("pattern", "anchors", "held")

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        # (finder of words, fewest, most, back): where a match may begin, as an Anchor says
        self.anchors: tuple[tuple[str | re.Pattern, int, int, re.Pattern | None], ...] = ()
        self.held: str | re.Pattern | None = None  # one of these words stands in every match
        if _sre is None or pattern.flags & re.IGNORECASE:
            return
        try:
            tree = _sre.parse(pattern.pattern, pattern.flags)
            if tree.getwidth()[0] == 0:
                return  # a pattern that may match nothing: searched whole
            way = _best(_anchors(list(tree)))
            held = _best(_anchors(list(tree), anywhere=True), placed=False)
        except Exception:  # a form of the private module's tree this reading does not know
            return
        if way:
            places: dict[tuple[int, int, str], set[str]] = {}
            for words, fewest, most, back in way:
                places.setdefault((fewest, most, back), set()).update(words)
            self.anchors = tuple((_finder(words), fewest, most, None if back is None else re.compile(f"[{back}]"))
                                 for (fewest, most, back), words in places.items())
        if held:
            self.held = _finder({word for words, _, _, _ in held for word in words})

    def __getattr__(self, name: str):  # match, fullmatch, split, groups, flags …: the pattern's own
        return getattr(self.pattern, name)

    def __repr__(self) -> str:
        return f"AnchoredPattern({self.pattern!r})"

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match]:
        """The matches of the pattern in TEXT, as ``pattern.finditer`` finds them (as a list)."""
        if endpos is None and self.held is not None and _first(self.held, text, pos) < 0:
            return []  # none of the words every match holds
        starts = self._starts(text) if self.anchors and endpos is None else None
        if starts is None:
            return list(self.pattern.finditer(text, pos, len(text) if endpos is None else endpos))
        found, position, match = [], pos, self.pattern.match
        for start in starts:
            if start >= position and (m := match(text, start)) is not None:
                found.append(m)
                position = m.end()  # (never empty: a pattern that may match nothing has no anchors)
        return found

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """The first match of the pattern in TEXT at or after POS, as ``pattern.search`` finds it."""
        if endpos is None and self.held is not None and _first(self.held, text, pos) < 0:
            return None
        starts = self._starts(text) if self.anchors and endpos is None else None
        if starts is None:
            return self.pattern.search(text, pos, len(text) if endpos is None else endpos)
        match = self.pattern.match
        return next((m for start in starts if start >= pos and (m := match(text, start)) is not None), None)

    def findall(self, text: str, pos: int = 0, endpos: int | None = None) -> list:
        """What ``pattern.findall`` returns: each match, its one group, or its groups."""
        if self.pattern.groups == 0:
            return [m.group() for m in self.finditer(text, pos, endpos)]
        if self.pattern.groups == 1:
            return [m.group(1) or "" for m in self.finditer(text, pos, endpos)]
        return [m.groups("") for m in self.finditer(text, pos, endpos)]

    def sub(self, repl, text: str, count: int = 0) -> str:
        """What ``pattern.sub`` returns (REPL a template or a function of the match)."""
        if count or not (self.anchors or self.held is not None):
            return self.pattern.sub(repl, text, count)
        pieces, last = [], 0
        for m in self.finditer(text):
            pieces += [text[last:m.start()], repl(m) if callable(repl) else m.expand(repl)]
            last = m.end()
        return "".join(pieces) + text[last:] if pieces else text

    def _starts(self, text: str) -> list[int] | None:
        """Every place a match may begin, in order (None when there are so many that a search is cheaper)."""
        budget = len(text) // _CHARS_PER_TRY
        starts: set[int] = set()
        for finder, fewest, most, back in self.anchors:
            for at in _places(finder, text):
                first = at
                if back is not None:  # the run of BACK's characters before the word
                    while first > 0 and back.match(text, first - 1):
                        first -= 1
                        if at - first > budget:
                            return None
                starts.update(range(max(0, first - most), at - fewest + 1))
                if len(starts) > budget:
                    return None
        return sorted(starts)


def _finder(words: set[str] | frozenset[str]) -> str | re.Pattern:
    """One word as it is, several as one alternation (their first characters are then looked for together);
    words no two of which can overlap in a text as a pattern whose finditer finds every place (one scan)."""
    if len(words) == 1 and _overlapping(words):
        return next(iter(words))
    finder = re.compile("|".join(re.escape(word) for word in sorted(words)))
    return _Disjoint(finder) if not _overlapping(words) else finder


class _Disjoint:
    """A finder whose words never overlap: each scan of it finds every place one stands."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern


def _overlapping(words) -> bool:
    """Can two of WORDS (or one with itself) stand in a text so that one begins inside the other (甲乙 and 乙丙,
    阿阿)? Then a scan that goes on after each found word would miss the second."""
    return any(first[i:].startswith(second) or second.startswith(first[i:])
               for first in words for second in words for i in range(1, len(first)))


def _places(finder, text: str) -> list[int]:
    """Where each of FINDER's words begins in TEXT, in order."""
    if isinstance(finder, _Disjoint):
        return [m.start() for m in finder.pattern.finditer(text)]
    places, at = [], _first(finder, text, 0)
    while at >= 0:
        places.append(at)
        at = _first(finder, text, at + 1)
    return places


def _first(finder, text: str, start: int) -> int:
    """Where the first of FINDER's words begins at or after START (-1 if nowhere); searched again from the
    next character, overlapping words are all found."""
    if isinstance(finder, str):
        return text.find(finder, start)
    m = (finder.pattern if isinstance(finder, _Disjoint) else finder).search(text, start)
    return m.start() if m else -1
