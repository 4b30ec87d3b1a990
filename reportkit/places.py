"""China's administrative divisions, and finding their names in a report.

Two bundled gazetteers (see the README for their sources and licences):

- `gazetteer.csv`: every county-level division (县, 区, 县级市, 旗, 自治县 …) with its city and province
  (`county_words.csv` lists the names that are also ordinary words, 城区 or 老城区: they name a county only
  after its city, or written as a place);
- `townships.csv`: every township-level division (镇, 乡, 民族乡, 苏木, 街道 …) with its official
  division code and county; `township_former_names.csv` (when present) adds names that units bore in
  earlier years of the statistics bureau's tables, so a report that still uses them resolves to the
  unit's current code.

A town name found in a text is only trusted when it is a real division's name: a clause such as
现将我镇 or 充分发挥镇 ends in 镇 but names nothing. `town_mentions` finds, at every place where a
township suffix ends, the longest gazetteer name ending there (so 重庆市梁平区聚奎镇 yields 聚奎镇).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import resources
from .chinese import CJK_CHAR

TOWN_SUFFIXES = ("街道办事处", "街道", "民族苏木", "苏木", "民族乡", "镇", "乡")


@dataclass(frozen=True)
class County:
    adcode: str
    county: str
    city: str
    province: str
    alias: str  # "|"-separated other names: short forms (融水县, 融水自治县) and former names (梁平县)
    pinyin: str = ""  # "|"-separated spellings of its government site's domain (xuwen|xuwenxian|gdxw…)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(a for a in self.alias.split("|") if a)


class Town(NamedTuple):
    """One township-level unit. A named tuple, not a frozen dataclass: ~5 x faster to make (the
    town index makes them as names are looked up, `_NameIndex`)."""

    code: str  # 9-digit division code: the stable key of a town across years
    town: str  # the name as the report writes it (bare: 聚奎镇, 东关街道)
    town_type: str
    county_code: str
    county: str
    city: str
    province: str
    former: bool = False  # the name is one the unit bore earlier (township_former_names.csv)


@lru_cache(maxsize=1)
def load_gazetteer() -> tuple[County, ...]:
    """County-level divisions of China (reportkit/resources/gazetteer.csv; see README for its source)."""
    return tuple(County(**row) for row in resources.gazetteer().to_dict("records"))


def bare_town_name(name: str) -> str:
    """The name as reports and tables write it: 东关街道办事处 → 东关街道."""
    return name[: -len("办事处")] if name.endswith("街道办事处") else name


@lru_cache(maxsize=1)
def load_townships() -> tuple[Town, ...]:
    """Township-level divisions (reportkit/resources/townships.csv), current and former names."""
    index = _town_index()
    return tuple(index.town(i) for i in range(len(index.columns[0])))


class _NameIndex:
    """Town names → the township-level units that bear them. A unit's `Town` is made when a name of
    it is first looked up: every worker builds this index before its first report, and making all
    42,000 (most never named in a report) was half of the time it took."""

    def __init__(self, columns: tuple[list, ...], former: list[bool]) -> None:
        self.columns, self.former = columns, former  # the fields of `Town`, one list each, by row
        rows: dict[str, list[int]] = defaultdict(list)
        for i, name in enumerate(columns[1]):
            rows[name].append(i)
            if name.endswith("街道"):
                rows[name + "办事处"].append(i)
                if len(name) >= 4:  # 黄石街道 is written 黄石街 (黄石街党工委, 龙归街始终…)
                    rows[name[:-1]].append(i)
                    rows[name[:-2] + "办事处"].append(i)  # … and in 河南 三官庙办事处
            elif name.endswith("地区") and columns[2][i] == "other":
                rows[name + "办事处"].append(i)  # 北京's 南磨房地区 signs as 南磨房地区办事处
        self.rows = {name: tuple(found) for name, found in rows.items()}
        self.lengths = tuple(sorted({len(n) for n in self.rows}, reverse=True))  # longest first
        self._made: dict[str, tuple[Town, ...]] = {}

    def __contains__(self, name: str) -> bool:
        return name in self.rows

    def town(self, row: int) -> Town:
        return Town(*(column[row] for column in self.columns), former=self.former[row])

    def towns(self, name: str) -> tuple[Town, ...]:
        """The units called NAME (none: ())."""
        made = self._made.get(name)
        if made is None:
            made = self._made[name] = tuple(self.town(i) for i in self.rows.get(name, ()))
        return made


@lru_cache(maxsize=1)
def _town_index() -> _NameIndex:
    table = resources.townships()
    # Two units the tables name by their type alone (街道 of 皮山县): no report names a town so.
    table = table[~table["town"].map(bare_town_name).isin(["街道", "镇", "乡"])]
    fields = ("code", "town", "town_type", "county_code", "county", "city", "province")
    columns = tuple(table[c].tolist() for c in fields)  # lists, not 41,000 row objects
    columns[1][:] = [bare_town_name(name) for name in columns[1]]
    former = [False] * len(columns[0])
    row_of = {code: i for i, code in enumerate(columns[0])}
    names = resources.township_former_names()
    for code, former_name in zip(names["code"].tolist(), names["former_name"].tolist()):
        row, name = row_of.get(code), bare_town_name(former_name)
        if row is not None and name != columns[1][row]:  # the unit again, under the name it bore
            for column in columns:
                column.append(column[row])
            columns[1][-1] = name
            former.append(True)
    for row in range(len(former)):  # … and under the common form of a variant character the table uses
        if (name := columns[1][row].translate(_COMMON_FORMS)) != columns[1][row]:
            for column in columns:
                column.append(column[row])
            columns[1][-1] = name
            former.append(former[row])
    return _NameIndex(columns, former)


# Variant characters of the division table that reports write in their common form (宝格达音髙勒苏木 is
# written 宝格达音高勒苏木).
_COMMON_FORMS = str.maketrans({"髙": "高"})


def town_names() -> list[str]:
    """Every township name the gazetteer knows, current and former (bare: 东关街道)."""
    return _town_index().columns[1]


def is_place_name(name: str) -> bool:
    """Whether NAME is a county or a township the gazetteer knows by that very name. A membership
    test: unlike `towns_named`, it keeps nothing of the names it is asked about."""
    return name in _town_index() or name in _county_index().by_name


def towns_named(name: str) -> tuple[Town, ...]:
    """The township-level units called NAME (current or former name; 街道 and 街道办事处 alike)."""
    return _town_index().towns(name)


def towns_of_county(county_code: str) -> tuple[Town, ...]:
    """The township-level units a county has now (division code of 6 digits; former names left out)."""
    return _towns_by_county().get(county_code, ())


@lru_cache(maxsize=1)
def _towns_by_county() -> dict[str, tuple[Town, ...]]:
    by_county: dict[str, list[Town]] = defaultdict(list)
    for town in load_townships():
        if not town.former:
            by_county[town.county_code].append(town)
    return {code: tuple(towns) for code, towns in by_county.items()}


_SUFFIX_END = re.compile("|".join(TOWN_SUFFIXES) + "|街(?!道)|(?<!街道)办事处")
# What follows a street that is a road, not a 街道 (黄石街12号, 龙归街社区).
_ROAD_AFTER = set("0123456789号巷路弄社区村口东西南北中段")


@dataclass(frozen=True)
class TownMention:
    start: int
    end: int
    name: str  # bare name (…街道, never …街道办事处)
    towns: tuple[Town, ...]  # the units of that name


def town_mentions(text: str, *, min_chars: int = 3) -> list[TownMention]:
    """Gazetteer town names in TEXT, each the longest name ending where a township suffix ends.

    Names shorter than MIN_CHARS (a one-character stem: 渡镇) are left out unless asked for:
    in running text they are mostly fragments of words.
    """
    index = _town_index()
    counties = _county_index()
    found: list[TownMention] = []
    for m in _SUFFIX_END.finditer(text):
        end = m.end()
        if text[end - 1:end + 1] in counties.prefixes and _county_starts_at(text, end - 1, counties):
            continue  # 镇江市镇江新区, 商洛市镇安县: the 镇 begins a county's name (江市镇, 洛市镇 are no towns here)
        for length in index.lengths:
            if length < min_chars or length > end:
                continue
            name = text[end - length:end]
            if name in index:
                if cut := _county_glued_on(text, end - length, end, index):
                    length -= cut  # 汾阳市西河街道: 西河街道, not 贵阳's 市西河街道
                    name = text[end - length:end]
                if name.endswith("街"):
                    if text[end:end + 1] in _ROAD_AFTER:
                        break
                    name += "道"
                elif name.endswith("地区办事处"):
                    name = name[:-3]  # 南磨房地区办事处: the 地区 itself, no 街道
                elif name.endswith("办事处") and not name.endswith("街道办事处"):
                    name = name[:-3] + "街道"
                if found and found[-1].end > end - length:
                    found.pop()  # 八里街道 inside 八里街道办事处: keep the longer, later reading
                found.append(TownMention(end - length, end, bare_town_name(name), index.towns(text[end - length:end])))
                break
    return found


def _county_starts_at(text: str, start: int, counties: "_CountyIndex") -> bool:
    return any(text[start:start + length] in counties.by_name for length in counties.lengths)


def _county_glued_on(text: str, start: int, end: int, index: _NameIndex) -> int:
    """1 or 2 when the town name at START:END begins with the last characters of a county's name
    written before it and the rest is a town's name too (汾阳市|西河街道, where 市西河街道 is
    another town); else 0."""
    counties = _county_index().by_name
    for cut in (1, 2):
        if end - start - cut >= 3 and text[start + cut:end] in index and any(
                text[start - k:start + cut] in counties for k in range(1, min(start, 6) + 1)):
            return cut
    return 0


@dataclass(frozen=True)
class _CountyIndex:
    by_name: dict[str, list[County]]  # a county's name or alias → the counties that bear it
    lengths: tuple[int, ...]  # lengths of the names, longest first
    prefixes: frozenset[str]  # first two characters of every name
    probe: re.Pattern  # where a name may start: a first character followed by a second one
    as_a_place: frozenset[str]  # names that are words too (老城区): a county only where written as a place


@lru_cache(maxsize=1)
def _county_index() -> _CountyIndex:
    by_name: dict[str, list[County]] = {}
    words = resources.county_words()  # names that are also ordinary words (城区, 老城区 …)
    for county in load_gazetteer():
        for name in (county.county, *county.aliases):
            if name and words.get(name) != "after_its_city" and len(name) >= 2:
                by_name.setdefault(name, []).append(county)
            elif name in words and county.city:
                # with its city the name is a place again: 阳泉市城区 (not 晋城市城区), 兰州市城关区
                by_name.setdefault(county.city + name, []).append(county)
    firsts = "".join(sorted({re.escape(name[0]) for name in by_name}))
    seconds = "".join(sorted({re.escape(name[1]) for name in by_name}))
    return _CountyIndex(
        by_name=by_name,
        lengths=tuple(sorted({len(name) for name in by_name}, reverse=True)),
        prefixes=frozenset(name[:2] for name in by_name),
        probe=re.compile(f"(?=[{firsts}][{seconds}])"),
        as_a_place=frozenset(name for name, kind in words.items() if kind == "written_as_a_place" and name in by_name),
    )


def counties_named(name: str) -> list[County]:
    """The county-level units called NAME (or by its short form: 融水县 for 融水苗族自治县)."""
    return _county_index().by_name.get(name, [])


def county_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the county names in TEXT: leftmost first, the longest name at each
    position, never overlapping (what a regex alternation of the names, longest first, finds).

    A regex alternation of ~3,000 names tries them one by one at every position and was
    most of the cost of `infer_metadata`; here two character classes find the few places
    where a name can start and a dictionary look-up per length does the rest.
    """
    index = _county_index()
    found: list[tuple[int, int, str]] = []
    last_end = 0
    for probe in index.probe.finditer(text):
        start = probe.start()
        if start < last_end or text[start:start + 2] not in index.prefixes:
            continue
        for length in index.lengths:
            name = text[start:start + length]
            if len(name) < length:  # cut short by the end of the text: the shorter lengths try it
                continue
            if name in index.by_name:
                if length == 2 and not _short_county_stands_alone(text, start):
                    continue  # 范县 inside 示范县, 康县 inside 健康县城
                if name in index.as_a_place and not _written_as_a_place(text, start, start + length, index):
                    break  # 紧扣老城区改造, 建设现代化新城区: the old or new town quarter
                found.append((start, start + len(name), name))
                last_end = start + len(name)
                break
    return found


def _written_as_a_place(text: str, start: int, end: int, index: "_CountyIndex") -> bool:
    """Is the county name at START:END, an ordinary word too (老城区, 新城区), written as the place: after its
    city (洛阳市老城区), before one of its bodies (老城区委, 新城区人民政府) or towns (老城区西关街道), as the subject
    of the year's sentence (2023年，新城区坚持…), or opening or ending the text it is looked for in (a title, 老城区
    2023年…; the subject a caller found; the words before a town's name, `county_written_before`)?"""
    counties = index.by_name[text[start:end]]
    if start == 0 or end == len(text) or _AFTER_SHORT_COUNTY.match(text, end):
        return True
    if _YEAR_BEFORE.search(text[max(0, start - 8):start]):
        return True
    if any(county.city and text.endswith(county.city, 0, start) for county in counties):
        return True
    towns = town_mentions(text[end:end + 12])
    return bool(towns) and towns[0].start == 0 and any(
        town.county_code == county.adcode for town in towns[0].towns for county in counties)


_YEAR_BEFORE = re.compile(r"(?:19|20)\d\d年度?[，,]$")
# Before a two-character county name (范县, 新县): what may stand there when it is the county.
_BEFORE_SHORT_COUNTY = set("在对于与和及为向到自从是由经按据将属、，,。：:；;（(“《 \n市州省盟区")
# What follows 县 in words that are not a county's name (县级, 县直, 县属, 县域, 县内, 县城 …).
_COUNTY_WORD_AFTER = set("级直属域内外城乡")
_AFTER_SHORT_COUNTY = re.compile(r"(?:人民政府|政府|委|党委|司法局|人民法院|法院|检察院|公安局|人大|政协|第)")
# Words that end in a two-character county's first character (办理县人大代表建议 is not 理县, 创新县域 not
# 新县): before 县委, 县政府 or 县人大 they are the word, not the county.
_WORD_INTO_SHORT_COUNTY = {"办理", "处理", "管理", "治理", "受理", "审理", "清理", "梳理", "整理", "代理", "创新", "更新",
                           "重新", "振兴", "新兴", "健康", "示范", "规范", "防范", "贡献", "时代", "现代", "内容", "包容",
                           "交易", "贸易", "英雄", "安宁", "取代", "合理"}
# What closes a noun phrase (a quote, a bracket): 和 after it is the conjunction, never 和县's first character.
_PHRASE_CLOSE = set("”’」』）)》")
# A county's slogans (平安盂县、法治盂县建设): the name after 法治/平安, before a list's comma, a quote
# mark or 建设.
_SLOGAN_BEFORE = ("法治", "平安")
_SLOGAN_AFTER = re.compile(r"(?:[、，,。；;”’」\s]|建设|$)")


def _short_county_stands_alone(text: str, start: int) -> bool:
    """Is the two-character county name at START a name (濮阳市范县, 在范县县委), not the tail of a
    word (法治政府建设示范县, 健康县城)?"""
    before = text[start - 1:start] if start else ""
    if text[start + 1:start + 2] == "县" and text[start + 2:start + 3] in _COUNTY_WORD_AFTER:
        return False  # 各乡（镇）和县级相关部门: 县级, 县直, 县域 … are words, not the county 和县
    # 和县 after a word is mostly 和 + 县: 领导和县委 (the leadership and the county committee).
    if text[max(0, start - 1):start + 1] in _WORD_INTO_SHORT_COUNTY:
        return False
    if text[start] == "和" and before in _PHRASE_CLOSE:
        return False  # 市委“138”和县委“1177”: after a closing quote, 和 joins the two committees
    if text[max(0, start - 2):start] in _SLOGAN_BEFORE and _SLOGAN_AFTER.match(text, start + 2):
        return True
    return not before or before in _BEFORE_SHORT_COUNTY or not CJK_CHAR.match(before) or (
        text[start] not in _BEFORE_SHORT_COUNTY and bool(_AFTER_SHORT_COUNTY.match(text, start + 2)))


def county_by_code(code: str) -> County | None:
    """The county-level unit with division code CODE (6 digits)."""
    return _counties_by_code().get(code)


@lru_cache(maxsize=1)
def _counties_by_code() -> dict[str, County]:
    return {c.adcode: c for c in load_gazetteer()}


def _spellings(county: County) -> list[str]:
    """The gazetteer's spellings of COUNTY's site: its name first (yuanmou), then the name and its
    initials after its province's and its city's initials (ynym, ynyuanmou, cxym, cxyuanmou)."""
    return [s for s in county.pinyin.split("|") if s]


def _site_prefixes(spellings: list[str]) -> list[str]:
    """The initials the spellings put before the county's name (yn, cx: province first), in order."""
    name = spellings[0] if spellings else ""
    return list(dict.fromkeys(s[:-len(name)] for s in spellings if name and s.endswith(name) and len(s) > len(name)))


@lru_cache(maxsize=1)
def _counties_by_pinyin() -> dict[str, list[County]]:
    by_spelling: dict[str, list[County]] = defaultdict(list)
    for county in load_gazetteer():
        spellings = _spellings(county)
        for spelling in dict.fromkeys([*spellings, *_province_and_city_spellings(spellings)]):
            by_spelling[spelling].append(county)
    return by_spelling


def _province_and_city_spellings(spellings: list[str]) -> list[str]:
    """A county's site spelt after both its province's and its city's initials (yncxym: 云南 楚雄
    元谋), from the gazetteer's spellings after each (ynym, cxym)."""
    prefixes = _site_prefixes(spellings)
    if len(prefixes) != 2:
        return []
    province, city = prefixes
    return [province + s for s in spellings if s.startswith(city) and len(s) > len(city)]


@lru_cache(maxsize=1)
def _counties_by_initials() -> dict[str, list[County]]:
    """Counties by the initials of their name (pt: 坡头区; by: 白云区 of 广州 and of 贵阳), read off
    the spellings the gazetteer lists: its province's initials before its own (gdpt) and before
    its name (gdpotou)."""
    by_initials: dict[str, list[County]] = defaultdict(list)
    for county in load_gazetteer():
        spellings = _spellings(county)
        if not spellings:
            continue
        name = spellings[0]
        prefixes = _site_prefixes(spellings)
        initials = {s[len(p):] for s in spellings for p in prefixes if s.startswith(p) and not s.endswith(name)}
        for spelling in initials:
            if 2 <= len(spelling) < len(name):
                by_initials[spelling].append(county)
    return by_initials


# Web proxies and mirrors (WebVPN gateways among them) spell the site they copy in their first label,
# dots as hyphens: www-yutai-gov-cn.njmu.s5.bt8.net is www.yutai.gov.cn.
_PROXIED_HOST = re.compile(r"^(?P<host>(?:[a-z0-9]+-)+gov-cn)(?:-s)?\.")


def county_of_address(url: str, text: str = "") -> County | None:
    """The county whose government site URL is on, when its domain spells exactly one county's
    name (www.xuwen.gov.cn → 徐闻县). A spelling shared by several counties (fjyx: 尤溪县 and 云霄县),
    or one read with a trailing letter for the county's kind (jdzcjq: 昌江 + q for 区), counts only
    when TEXT names the city or province of exactly one of them, or else a town of exactly one of
    them (yunyang: 云阳县 and 郧阳区, and the text's 沙市镇 is in 云阳县); otherwise None.
    """
    from urllib.parse import urlsplit

    try:
        address = urlsplit(url if "//" in url else f"//{url}")
        host = address.hostname or ""
    except ValueError:
        return None
    if proxied := _PROXIED_HOST.match(host):  # a mirror's copy: www-yutai-gov-cn.njmu.s5.bt8.net
        host = proxied.group("host").replace("-", ".")
    if not host.endswith(".gov.cn"):
        return None
    raw_labels = host.split(".")[:-2]
    labels = [_SITE_WORDS.sub("", label) or label for label in raw_labels]
    spellings = [(label, raw, False) for label, raw in zip(labels, raw_labels)]
    # A city's site files a county's pages under the county's initials (www.sz.gov.cn/…/baq/: 深圳 sz
    # + 宝安 ba + q for 区), spelt as the gazetteer spells a county after its city's initials: a guess.
    segments = [seg for seg in address.path.lower().split("/")[:-1] if _PATH_SEGMENT.fullmatch(seg)]
    # (A city's site may spell itself with "city": www.yzcity.gov.cn/nyx/ is 永州 yz + 宁远 ny + x for 县.)
    city_labels = [_CITY_WORD.sub("", label) for label in labels]
    spellings += [(label + seg, label + seg, True) for label in dict.fromkeys(labels + city_labels)
                  if label and len(label) <= 4 for seg in segments]
    for spelling, raw, from_path in spellings:
        options, guessed = _address_options(spelling, raw)
        if guessed or from_path or len(options) > 1:  # a guess or a shared spelling: the text must confirm it
            named = [c for c in options if text and _named_in(c, text)]
            options = named if len(named) == 1 else [c for c in options if c.adcode in _counties_of_towns(text)]
        if len(options) == 1:
            return options[0]
    return None


_PATH_SEGMENT = re.compile(r"[a-z]{2,5}")
_CITY_WORD = re.compile(r"city$")


def _address_options(*spellings: str) -> tuple[list[County], bool]:
    """The counties a domain label spells, and whether that is a guess: as it is (no guess), or
    with a trailing word or letter for its kind (jdzcjq → jdzcj, a 区: a guess the caller confirms)."""
    by_pinyin = _counties_by_pinyin()
    for spelling in dict.fromkeys(spellings):
        if options := by_pinyin.get(spelling, []):
            return options, False
    for spelling in dict.fromkeys(spellings):
        for letter, kind in _KIND_LETTERS:
            if spelling.endswith(letter) and len(spelling) > len(letter) + 2:
                options = [c for c in by_pinyin.get(spelling[:-len(letter)], []) if c.county.endswith(kind)]
                if options:
                    return options, True
    # The county's initials (by.gov.cn, ptq.gov.cn: pt + q for 区), shared by many: a guess the text confirms.
    by_initials = _counties_by_initials()
    for spelling in dict.fromkeys(spellings):
        if options := list(by_initials.get(spelling, [])):
            return options, True
        for letter, kind in _KIND_LETTERS:
            if spelling.endswith(letter) and len(spelling) >= len(letter) + 2:
                if options := [c for c in by_initials.get(spelling[:-len(letter)], []) if c.county.endswith(kind)]:
                    return options, True
    return [], False


_KIND_LETTERS = (("qu", "区"), ("q", "区"), ("xian", "县"), ("x", "县"), ("shi", "市"), ("s", "市"))


def _counties_of_towns(text: str) -> set[str]:
    """Division codes of the counties that have a town of a name TEXT writes."""
    return {t.county_code for m in town_mentions(text) for t in m.towns} if text else set()


def _named_in(county: County, text: str) -> bool:
    """Does TEXT name COUNTY's city or province (汕尾市, 汕尾; 广东省, 广东)?"""
    names = {county.city, county.province}
    stems = {re.sub(r"(?:市|省|自治区|特别行政区|地区|自治州|盟)$", "", n) for n in names if n}
    return any(len(n) >= 2 and n in text for n in names | stems if n)


_SITE_WORDS = re.compile(r"(?:rmzf|zf|gov|www|net)$")


# China's 56 officially recognised peoples, longest first, so that 融水苗族自治县 → 融水 and
# 大通回族土族自治县 → 大通 (a "1–2 characters + 族" pattern would cut inside the place name).
_PEOPLES = sorted(
    """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山
    拉祜 水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克
    怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split(),
    key=len,
    reverse=True,
)
# 融水苗族自治县 → 融水, 北城街道 → 北城
_PLACE_SUFFIX = re.compile(
    rf"(?:(?:{'|'.join(_PEOPLES)})族)+自治[县旗州]$|(?:街道办事处|街道|苏木|[县区市旗乡镇])$"
)


@lru_cache(maxsize=1)
def county_aliases() -> dict[str, tuple[str, ...]]:
    return {c.county: c.aliases for c in load_gazetteer() if c.aliases}


def strip_place_suffix(name: str) -> str:
    """NAME without its kind: 融水苗族自治县 → 融水, 北城街道 → 北城, 方城县 → 方城."""
    return _PLACE_SUFFIX.sub("", name)


def own_place_names(*names: str | None) -> list[str]:
    """A document's own place names and their stems (≥ 2 characters), longest first.

    Used to keep a town's name out of what is compared between towns: its distinctive terms
    (大年 is not a theme of 大年乡) and its copied passages.

    >>> own_place_names("里心镇", "融水苗族自治县")
    ['融水苗族自治县', '融水自治县', '融水县', '里心镇', '融水', '里心']
    """
    found: set[str] = set()
    for name in names:
        if not isinstance(name, str) or not name.strip():
            continue
        name = name.strip()
        found.add(name)
        found.update(county_aliases().get(name, ()))  # 融水苗族自治县 is written 融水县 too
        if stem := place_stem(name):
            found.add(stem)
    return sorted(found, key=lambda n: (-len(n), n))


def division_stem(name: str) -> str:
    """A county's or a city's short name: 博罗县 → 博罗, 黔东南苗族侗族自治州 → 黔东南, 大兴安岭地区 → 大兴安岭."""
    return strip_place_suffix(re.sub(r"(?:地区|盟)$", "", name))


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Every city (prefecture) of the gazetteer, named in full and short (佛山市 and 佛山)."""
    return frozenset(n for county in load_gazetteer() if county.city
                     for n in (county.city, division_stem(county.city)) if len(n) >= 2)


def province_stem(name: str) -> str:
    """A province as reports write it short: 湖北省 → 湖北, 宁夏回族自治区 → 宁夏, 北京市 → 北京."""
    return re.sub(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$", "", name)


def place_stem(name: str) -> str:
    """A place as reports write it short: 融水苗族自治县 → 融水, 方城县 → 方城, 南阳市 → 南阳 (法治方城,
    围绕方城加快建设); '' when that leaves fewer than two characters."""
    aliases = county_aliases().get(name, ())
    stem = strip_place_suffix(aliases[0] if aliases else name)
    return stem if len(stem) >= 2 else ""
