"""Who wrote a report and for which year: town, county, city, province, year, level.

Every field comes with a `*_source` saying where it came from (manifest / title / body / clue /
page metadata / gazetteer / file name), so an analyst can see how much to trust it. The manifest
always wins; a disagreement with the text is reported, not silently overwritten.

A town is only ever a real division's name. Candidates come from the title, the page's
publisher line, the opening and closing lines, repeated mentions, and the judicial office
(XX司法所) of a report that only says 我镇; each is looked up in the township gazetteer
(`places`), inside the county the text names when it names one, so a clause that happens to end
in 镇 (现将我镇, 充分发挥镇) is never a town, and a town written with its county (重庆市梁平区聚奎镇)
comes out bare (聚奎镇) with its division code. A name the gazetteer does not know (renamed, or
newer than the gazetteer) is kept only when the title itself names the issuing town, and its
source says "not in gazetteer".
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .chinese import (CJK, CJK_CHAR, DATE_AT_LINE_END, SELF_PREFIXES, SELF_REFERENCE_COUNTY, TOWNSHIP_UNITS,
                      marker_number)
from .normalize import to_simplified
from .pagechrome import split_chrome
from .places import (County, Town, TownMention, bare_town_name, counties_named, county_by_code, county_mentions,
                     county_of_address, load_gazetteer, town_mentions, towns_named, towns_of_county)

__all__ = ["FIELDS", "County", "Town", "infer_county", "infer_level", "infer_metadata", "infer_town",
           "infer_year", "load_gazetteer", "merge_manifest", "own_place_names", "title_of", "town_type_of"]

FIELDS = ("town", "town_type", "county", "city", "province", "year", "level")
NOT_IN_GAZETTEER = "not in gazetteer"

_YEAR = r"(20[0-4]\d)"
# 二〇二三年 / 二零二三年度 in titles and openings; digits only, so it cannot touch other numerals.
_CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
              "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
_CN_YEAR = re.compile(r"二[〇零○Ｏ][〇零○Ｏ一二三四]\s*[〇零○Ｏ一二三四五六七八九](?=\s*年)")


def _arabic_years(text: str) -> str:
    """二〇二三年 → 2023年 (nothing else is converted)."""
    return _CN_YEAR.sub(lambda m: "".join(_CN_DIGITS.get(c, "") for c in m.group()), text)


# "2021-2025年" and similar plan periods are not a report year.
_PERIOD = re.compile(r"20\d{2}\s*[-—–~至到]\s*20\d{2}\s*年?")
_TITLE_YEAR = re.compile(_YEAR + r"\s*年\s*度?")
_OPENING_YEAR = re.compile(r"(?:现将|^|\n|，|。)\s*(?:我[镇乡]|本[镇乡]|全[镇乡])?\s*" + _YEAR + r"\s*年(?:度)?(?:[，,以是]|来|全年|工作)")
_PLAN_HEADING_YEAR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*" + _YEAR + r"\s*年(?:度)?.{0,20}(?:安排|打算|计划|思路|工作要点)", re.M)
_DATE = re.compile(_YEAR + r"\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
# A date that ends the text (the signature: 2024年1月8日 / 2024年元月 / 二〇二四年一月八日).
_SIGNED_ON = re.compile(_YEAR + r"\s*年\s*(\d{1,2}|[元正一二三四五六七八九十]{1,3})\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?\s*$")


# A title's own span of years (黄姚镇2020—2022年法治政府建设工作情况), not a plan's in brackets (《纲要（2021—2025年）》).
_COVERED_YEARS = re.compile(r"(?<![（(《〈\d])" + _YEAR + r"\s*[-—–~至到]\s*" + _YEAR + r"\s*年")
# The date a report bears: on a line of its own under the title ((2024年1月16日)) or in its signature.
_DATED_LINE = re.compile(r"^\s*[（(]?\s*" + _YEAR + r"\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*[)）]?\s*$", re.M)


def _dated_early_in(year: str, text: str) -> bool:
    """Does TEXT bear a date in the first half of YEAR (under its title or in its signature)? A report
    so dated cannot cover YEAR's work."""
    dates = [(m.group(1), int(m.group(2))) for m in _DATED_LINE.finditer(text[:300])]
    if m := _SIGNED_ON.search(_arabic_years(text[-80:])):
        dates.append((m.group(1), _month(m.group(2))))
    return any(y == year and 1 <= month <= 6 for y, month in dates)


def _month(text: str) -> int:
    """1 for 1 / 一 / 元 / 正; 12 for 12 / 十二; 0 when not a month."""
    month = 1 if text in ("元", "正") else marker_number(text)
    return month if 1 <= month <= 12 else 0

_NAME_CHARS = f"[{CJK}]"
# A town name the gazetteer does not know is accepted from the title only in this shape: at the
# start of the title (after 中共 / 关于 / its county / the year), followed by the issuer's office,
# the year or the report's subject (2023年度包场镇法治政府建设工作报告).
_GLUED_DIVISION = re.compile(r"^.{2,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗)(?=.{2,}$)")
_TITLE_TOWN = re.compile(r"^(?:中共|关于)?(?:20\d\d\s*年度?)?(?P<name>" + _NAME_CHARS
                         + r"{2,6}?(?:街道办事处|民族乡|街道|苏木|镇|乡))"
                         r"(?=人民政府|党委|委员会|政府|办事处|20\d\d|二[〇零○Ｏ]|法治|依法)")
# … or from the subject of the report's first sentence, followed by its office or its first verb
# (2023年，龙泉湾街道坚持…; 今年以来，龙泉湾街道党工委、办事处高度重视…).
_OPENING_TOWN = re.compile(r"(?P<name>" + _NAME_CHARS + r"{2,6}?(?:街道|民族乡|苏木|镇|乡))(?:办事处)?"
                           r"(?:人民政府|党工委|党委|政府)?(?:[、和及][^，,。]{0,8})?"
                           r"(?=坚持|始终|深入|全面|认真|紧紧|积极|高度|围绕|聚焦|持续|扎实|不断|切实|牢固|严格)")
# Characters that start clauses and words that are not names (我镇, 全乡, 各乡镇, 法治建设纳入街道).
_NOT_NAME_CHARS = set("我本全该各每此其两多个等和与及的在对为将把由从向至于度年县区市省州盟旗委了着过是有")
_NOT_NAME_WORDS = re.compile(r"法治|建设|工作|推进|加强|开展|落实|乡镇|城乡|村镇|街镇|发挥|纳入|调整|内容|公开|上级|关于|"
                             r"推动|深化|覆盖|统筹|坚持|强化|夯实|压实|督促|指导|服务|建立|现将|印发|全面|基层")
_GENERIC_TOWNS = {"乡镇", "城乡", "村镇", "市镇", "集镇", "小城镇", "特色小镇", "乡村", "城镇", "重点镇", "中心镇",
                  "建制镇", "民族乡", "街道", "新城镇", "全乡镇", "各乡镇"}
# Offices named after their town (the report may only say 我镇): 里心司法所 → 里心镇.
_CLUE_OFFICE = re.compile(r"(" + _NAME_CHARS + r"{2,4}?)(?:司法所|派出所|财政所|人民法庭|卫生院|中心校|中心小学|"
                          r"供电所|市场监督管理所|市场监管所|国土所|自然资源所|林业站|综合文化站)")
# Words that stand before an office in a sentence without naming a town (联合派出所, 会同司法所).
_CLUE_VERB = re.compile(r"联合|会同|协同|配合|依托|联系|组织|协调|邀请|联动|通过|结合|带领|督促|指导|联手|携手|牵头|"
                        r"对接|协助|依靠|借助|整合|发挥|推动|加强|支持|包括|以及|开展|召集|召开|汇同")
# 我镇 / 本乡 / 全街道 / 我街 (not 该: "the said town" may be another one), with the unit captured;
# 街 is a street office's short form (我街, 全街), not a street (全街巷, 我街头).
_STREET_SHORT = "街(?![头巷路区口])"
_SELF_REFERENCE = re.compile(rf"[{SELF_PREFIXES.replace('该', '')}]({'|'.join(TOWNSHIP_UNITS)}|苏木|{_STREET_SHORT})")
_COUNTY_LEVEL_TITLE = re.compile(r"(县|区|市|旗)(?:人民政府|政府)?(?:关于)?" + r"(?:20\d{2}年度?)?" + r".{0,12}法治政府建设")

# What a report's title says: its topic and that it is a report.
_TITLE_TOPIC = re.compile(r"法治|法制|依法行政|依法治|述法")
_TITLE_KIND = re.compile(r"报告|总结|情况")
# What a title's first line holds when the rest follows on the next (XX镇人民政府关于2023年度 / 法治…
# 报告); a page's 排序 or 匹配度 above a whole title is not part of it.
_TITLE_START = re.compile(r"法治|法制|依法|关于|20\d\d|二[〇零○]|政府|委员会|党委|党工委|办事处|街道|镇|乡|苏木|县|区|市|旗")
_ISSUER_LINE = re.compile(r"(?:政府|委员会|党委|党工委|办事处|街道|镇|乡|苏木)$")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")
MAX_TITLE_CHARS = 80
_TITLE_SCAN_LINES = 40


def _simplified(text: str) -> str:
    """Titles and short fragments in Simplified script: a page below the Traditional threshold
    may still write its town 三張鎮."""
    return to_simplified(text) if text and not text.isascii() else text


# A page's own <title> tail: …报告_公开目录_上海市宝山区人民政府门户网站
_SITE_TAIL = re.compile(r"(?:[_|｜]+[^_|｜]*)*[_|｜]+[^_|｜]*(?:网站|门户|目录|政府网)[^_|｜]*$")


def _self_units(text: str) -> list[str]:
    """The units a report calls itself by (我镇, 本乡, 全街道; 我街 is a 街道), in order."""
    return ["街道" if m.group(1) == "街" else m.group(1) for m in _SELF_REFERENCE.finditer(text)]


# A sub-title under a title: ——在区法治政府建设推进会上的书面报告, in brackets or not.
_SUBTITLE = re.compile(r"^[（(]?\s*[—–―-]")


def _title_at(lines: list[str], i: int) -> str:
    """The title that line I of LINES begins (with its continuation on the next line), or ""."""
    line = lines[i]
    if len(line) > MAX_TITLE_CHARS or line.endswith(("：", ":", "。")) or _NUMBERED.match(line):  # a sentence is no title
        return ""
    if _SUBTITLE.match(line):  # （——在…推进会上的书面报告） says where the report was given, not what it is
        return ""
    following = lines[i + 1] if i + 1 < len(lines) else ""
    joined = line
    if (not _TITLE_KIND.search(line) and len(line) <= 40 and len(following) <= 40
            and _TITLE_KIND.search(following) and not following.endswith(("：", ":"))
            and (_TITLE_START.search(line) or not _TITLE_TOPIC.search(following))):
        joined = line + following  # 关于2023年度法治政府建设 / 工作情况的报告
    return joined if _TITLE_TOPIC.search(joined) and _TITLE_KIND.search(joined) else ""


def _title_years(title: str) -> set[str]:
    return set(_TITLE_YEAR.findall(_PERIOD.sub("", _arabic_years(title))))


def find_title(text: str) -> str:
    """The report's title: the first line that names a rule-of-law report (法治… 报告/总结/情况),
    with the issuer written on the line above (XX镇人民政府) and a continuation on the next;
    "" when no line does. Page chrome is expected to be gone (`pagechrome.split_chrome`).

    A second such line just below with another year is the report's own title, the first a copy
    site's (街道2022年法治政府建设工作总结 above 街道2020年法治政府建设工作总结2020年12月10日).
    """
    # The first ten lines; past them, on to the body's first paragraph (a page's chrome table may
    # stand above the title a field a line: 组配分类 / 政府建设 / 发布机构 / 区司法局 …).
    lines = [line.strip() for line in text.split("\n")[:_TITLE_SCAN_LINES] if line.strip()]
    body = next((k for k, line in enumerate(lines) if len(line) > 40 and "。" in line), len(lines))
    for i in range(min(max(10, body), len(lines))):
        joined = _title_at(lines, i)
        if not joined:
            continue
        for j in range(i + 1, min(i + 4, len(lines))):
            below = _title_at(lines, j)
            if (below and _TITLE_TOPIC.search(lines[j]) and _TITLE_KIND.search(lines[j])  # a title of its own
                    and _title_years(below) and _title_years(below) != _title_years(joined)):
                i, joined = j, below
                break
        parts = [joined]
        for above in reversed(lines[max(0, i - 2):i]):
            if len(above) > 30 or not _ISSUER_LINE.search(above) or above in parts:
                break
            parts.insert(0, above)
        return _SITE_TAIL.sub("", "".join(parts))
    return ""


def title_of(text: str) -> str:
    """The report's title (`find_title`), or else its first lines up to the one that names the
    report, as reports without a proper title begin."""
    if title := find_title(text):
        return title
    lines = [line.strip() for line in text.split("\n")[:14] if line.strip()]
    title: list[str] = []
    for line in lines[:4]:
        if len(line) > 60 or line.endswith(("：", ":")):
            break
        if line not in title:
            title.append(line)
        if re.search(r"报告|总结|情况$", line):
            break
    return "".join(title) if title else (lines[0][:60] if lines else "")


def infer_year(text: str, *, title: str, file_name: str = "", publish_date: str = "",
               report_year: str = "") -> tuple[str, str]:
    """The year the report COVERS and where that came from.

    Order of evidence: the title (2023年度…报告); the opening ("2022年，我镇…", "现将2023年…");
    a plans heading for year Y when the report speaks of 今年以来 (covers Y-1); the page's 年度
    field (REPORT_YEAR); the publication date (reports appear in the first months of the
    following year), then the signature's date read the same way; the file name.
    Years quoted inside other headings never win over the title.
    """
    clean_title = _PERIOD.sub("", _arabic_years(title))
    head = _PERIOD.sub("", _arabic_years(text[:600]))
    if m := _TITLE_YEAR.search(clean_title):
        year = m.group(1)
        opening = _OPENING_YEAR.search(head)
        if opening and int(opening.group(1)) == int(year) - 1 and _dated_early_in(year, text):
            return opening.group(1), "body"  # 关于2024年…的报告 dated 2024年1月16日, on 2023年's work
        return year, "title"
    if m := _COVERED_YEARS.search(_arabic_years(title)):
        return m.group(2), "title"  # 2020—2022年法治政府建设工作情况: the last year it covers
    if m := _OPENING_YEAR.search(head):
        return m.group(1), "body"
    if m := _PLAN_HEADING_YEAR.search(_PERIOD.sub("", text)):
        return str(int(m.group(1)) - 1), "body"
    if report_year:
        return report_year, "page metadata"
    if publish_date and (m := _DATE.search(publish_date)):
        year, month = int(m.group(1)), int(m.group(2))
        return str(year - 1 if month <= 6 else year), "page metadata"
    if m := _SIGNED_ON.search(_arabic_years(text[-80:])):  # the signature's date, read as a publication date
        year, month = int(m.group(1)), _month(m.group(2))
        if month:
            return str(year - 1 if month <= 6 else year), "body"
    if m := re.search(r"(?<!\d)" + _YEAR + r"(?!\d)", file_name):
        return m.group(1), "file name"
    years = Counter(re.findall(r"(?<![\d-])" + _YEAR + r"\s*年", _PERIOD.sub("", text)))
    if years:
        return years.most_common(1)[0][0], "body"
    return "", ""


def town_type_of(town: str) -> str:
    if town.endswith("民族乡") or re.search(r"族乡$", town):
        return "民族乡"
    for suffix in ("街道", "苏木", "镇", "乡"):  # 苏木: a township of Inner Mongolia
        if town.endswith(suffix):
            return suffix
    return ""


# ----------------------------------------------------------------------------- county

def _county_candidates(text: str, *, title: str, page: str = "") -> list[tuple[list[County], str, bool]]:
    """Counties the text names, best first: (the units bearing the name, source, named early).

    The title first, then the opening (addressee line included), then the page's own site or
    publisher, then the whole text.
    """
    by_name = {}
    ranked = []
    for source, fragment, early in (("title", title, True), ("body", text[:1500], True),
                                    ("page metadata", page, True), ("body", text, False)):
        hits = Counter(name for start, end, name in county_mentions(fragment)
                       if not _inside_town_name(fragment, start, end))
        for name, _ in hits.most_common():
            if name not in by_name:
                by_name[name] = counties_named(name)
                ranked.append((by_name[name], source, early))
    return ranked


_TOWN_SUFFIX_NEAR = re.compile("[镇乡街办苏]")


def _inside_town_name(text: str, start: int, end: int) -> bool:
    """Is the county named at START:END part of a longer town's name (新县镇, 古县渡镇, 西城区街道), or
    does it end inside one?"""
    if not _TOWN_SUFFIX_NEAR.search(text, end, end + 8):
        return False  # 高青县委, 新县人民政府: no town's name goes on after it
    lo = max(0, start - 6)
    # …or ends inside one (担任城区街道: 任城区 is not named, 城区街道 is)
    return any(m.start + lo < end < m.end + lo
               or (m.start + lo <= start and m.end + lo >= end and m.end - m.start > end - start)
               for m in town_mentions(text[lo:end + 8]))


def _pick_county(options: list[County], text: str) -> County | None:
    """One county of several bearing a name: the one whose city or province the text names."""
    if len(options) == 1:
        return options[0]
    named = [c for c in options if c.city and c.city in text or c.province in text]
    return named[0] if len(named) == 1 else None


def infer_county(text: str, *, title: str, page: str = "") -> tuple[County | None, str]:
    """The county-level division named in the title or text (a county's own name, e.g. 高青县委).

    A name shared by several counties (青山区 of 武汉 and of 包头) is resolved by its city or
    province also being mentioned; otherwise the report still gets the county's name when the
    title or opening names it, with city and province left empty rather than guessed.
    """
    first_source = None
    unresolved: County | None = None
    for options, source, early in _county_candidates(text, title=title, page=page):
        if first_source is not None and source != first_source:
            break  # a later source is only asked when an earlier one named no county at all
        first_source = source
        if (county := _pick_county(options, text)) is not None:
            return county, source
        # not from deep in the text, where 新城区 or 朝阳区 may be a common noun or another place
        if unresolved is None and early and len({c.county for c in options}) == 1:
            unresolved = County(adcode="", county=options[0].county, city="", province="", alias="")
    return (unresolved, first_source) if unresolved else (None, "")


# ----------------------------------------------------------------------------- town

@dataclass(frozen=True)
class TownGuess:
    name: str = ""
    source: str = ""
    towns: tuple[Town, ...] = ()  # gazetteer units of that name (in the text's county when known)

    @property
    def code(self) -> str:
        return self.towns[0].code if len(self.towns) == 1 else ""


def _plausible_name(name: str) -> bool:
    """Could NAME be a town's name (not a clause ending in 镇)?"""
    stem = _stem(name)
    return (len(stem) >= 2 and name not in _GENERIC_TOWNS and not set(stem) & _NOT_NAME_CHARS
            and not _NOT_NAME_WORDS.search(stem))


def _in_counties(towns: tuple[Town, ...], codes: set[str]) -> tuple[Town, ...]:
    return tuple(t for t in towns if t.county_code in codes)


# Towns named like a campaign's goal (和谐街道, 平安镇, 文明乡): in 建设和谐街道 or 创建平安镇 the words are
# the goal, not the town, unless a county comes first (as for the common words above).
_SLOGAN_STEMS = re.compile(r"和谐|平安|文明|幸福|美丽|生态|宜居|富裕|富强|繁荣|振兴|团结|和美|安宁|清洁|卫生|小康")


# Words before a town that make it another party of the work (a visit, a model, a partner).
_TO_ANOTHER = re.compile(r"(?:赴|到|去|前往|走进|与|同|和|及|向|对|借鉴|学习|参观|考察|观摩|联合|协同|配合|协助|邀请|帮助|"
                         r"支援|对接|结对|兄弟|邻近|相邻|周边|毗邻|交界|其他|如|像|比如|包括|以及)$")


def _other_party(mention, fragment: str, mentions: list) -> bool:
    """Is this town mention another party of the author's work: after 赴/与/借鉴…, or listed with
    other towns (周家庄乡、大何庄乡; not 鲇鱼山镇、区财政局, a town among the county's offices)?"""
    before = fragment[max(0, mention.start - 4):mention.start]
    listed = any(other is not mention and (other.start == mention.end + 1 or other.end == mention.start - 1)
                 and fragment[min(other.end, mention.end):max(other.start, mention.start)] in ("、", "和", "与", "及")
                 for other in mentions)
    return listed or bool(_TO_ANOTHER.search(before))


def _is_common_word(stem: str) -> bool:
    return bool(_NOT_NAME_WORDS.fullmatch(stem) or _SLOGAN_STEMS.fullmatch(stem))


def _ends_a_phrase(mention, fragment: str) -> bool:
    """A town whose name is a common word (建设镇) read across a lost break: 法治政府建设镇党委 is
    the heading …法治政府建设 glued to 镇党委…, not 建设镇; after a county (抚远市建设镇) it is one."""
    before = fragment[mention.start - 1:mention.start] if mention.start else ""
    if fragment[max(0, mention.start - 2):mention.start] in ("现将", "关于", "中共"):
        return False  # 现将平安镇2023年…报告如下: where a town names itself
    return bool(CJK_CHAR.match(before)) and before not in "县区市旗州盟"


def _stem(name: str) -> str:
    return re.sub(r"(?:街道|苏木|镇|乡)$", "", name)


def _gazetteer_guess(fragment: str, source: str, codes: set[str], *, min_count: int = 1,
                     mentions: list | None = None, starts_a_line: bool = False) -> TownGuess | None:
    """The town of FRAGMENT by the gazetteer: a name in the text's counties (CODES) first.
    MENTIONS: FRAGMENT's town mentions when the caller has them already. STARTS_A_LINE: FRAGMENT is
    a text's own lines from a line's start (a title, an opening, a closing), where a town newer than
    the gazetteer may name itself (`_own_longer_name`); not a name put together (a clue's)."""
    simplified = _simplified(fragment)
    if mentions is None:
        mentions = town_mentions(simplified)
    if starts_a_line:
        mentions = [_own_longer_name(m, simplified, codes) for m in mentions]
    if codes:
        mentions = [_local_tail(m, codes) for m in mentions]
    mentions = [m for m in mentions if m.name not in _GENERIC_TOWNS]
    if common := [m for m in mentions if _is_common_word(_stem(m.name))]:  # rare: read around them
        mentions = [m for m in mentions if m not in common or not _ends_a_phrase(m, simplified)]
    if not mentions:
        return None
    counts = Counter(m.name for m in mentions)
    towns = {m.name: m.towns for m in mentions}
    if codes:
        local = [name for name in counts if _in_counties(towns[name], codes)]
        if local:
            name = max(local, key=lambda n: counts[n])  # most mentioned; the first on a tie
            return TownGuess(name, source, _in_counties(towns[name], codes))
    name, n = counts.most_common(1)[0]
    if n < min_count:
        return None
    return TownGuess(name, source if towns[name] else f"{source}, {NOT_IN_GAZETTEER}", towns[name])


def _local_tail(mention, codes: set[str]):
    """MENTION, or the town of the text's county its name ends with (现将官池镇…, in a report of 大荔县:
    官池镇, not 许昌's 将官池镇)."""
    if not mention.towns or _in_counties(mention.towns, codes):
        return mention
    for cut in (1, 2):
        if len(mention.name) - cut >= 3 and (towns := _in_counties(towns_named(mention.name[cut:]), codes)):
            return TownMention(mention.start + cut, mention.end, mention.name[cut:], towns)
    return mention


# Where a town's own name stands: at the start of a line or of the first sentence (after its year),
# before its office, its first verb or its year (高公庄镇人民政府 / 2025年，高公庄镇坚持… / 高公庄镇2025年…).
_LINE_LEAD = r"(?:^|\n)[ \t]*(?:(?:20\d\d年度?(?:以来)?|今年以来|一年来|近年来)\s*[,，、]?\s*)?(?:中共|关于)?"
_SUBJECT_BEFORE = re.compile(_LINE_LEAD + "$")
_SUBJECT_AFTER = re.compile(r"人民政府|党委|党工委|政府|办事处|委员会|关于|20\d\d|二[〇零○]|坚持|始终|深入|全面|认真|紧紧|积极|"
                            r"高度|围绕|聚焦|持续|扎实|不断|切实|牢固|严格|[ \t]*(?:\n|$)")


# Words a sentence may open with before a town (经城关镇党委研究…, 据公庄镇统计…, 召开城关镇党委会议…):
# not a longer name.
_CLAUSE_OPENERS = frozenset("经据按依凡若因当被让请令使跟替给用比如像同自以将")
_OPENING_VERB = re.compile(r"召开|成立|制定|印发|出台|建立|完善|健全|深化|落实|组建|举办|参加|参与|聘请|聘任|选派|"
                           r"要求|指导|督促|帮助|支持|配备|设立|实现|确保|推进|全面|持续|坚持|深入|认真|积极")


@lru_cache(maxsize=1)
def _division_stems() -> frozenset[str]:
    """Counties, cities and provinces by their short names (博罗, 惠州, 广东), as glued to a town."""
    stems = set()
    for county in load_gazetteer():
        for name in (county.county, county.city):
            stem = _PLACE_SUFFIX.sub("", re.sub(r"(?:地区|盟)$", "", name)) if name else ""
            if len(stem) >= 2:
                stems.add(stem)
        if province := re.match(r"(.{2,3}?)(?:省|市|(?:维吾尔|壮族|回族)?自治区)$", county.province or ""):
            stems.add(province.group(1))
    return frozenset(stems)


def _after_glued_stem(name: str) -> tuple[str, tuple[Town, ...]] | None:
    """The town NAME ends with when it opens with its own places' short names glued on (肥东古城镇:
    古城镇 of 肥东县; 临河团结街道: 团结街道 of 临河区; 河北臧村镇, 鞍山铁西繁荣街道: its province, its city
    and county), with the units of those places only."""
    for stems, rest in _glued_stems(name):
        own = tuple(t for t in towns_named(rest)
                    if set(stems) <= {_place_stem(t.county), _place_stem(t.city), _province_stem(t.province)})
        if own:
            return rest, own
    return None


def _glued_stems(name: str, depth: int = 3):
    """Each way NAME opens with up to DEPTH short names of divisions (肥东, 鞍山铁西), as (stems, rest)."""
    for cut in range(2, 6):
        stem, rest = name[:cut], name[cut:]
        if len(rest) < 2 or stem not in _division_stems():
            continue
        yield (stem,), rest
        if depth > 1:
            for stems, tail in _glued_stems(rest, depth - 1):
                yield (stem, *stems), tail


def _own_longer_name(mention, fragment: str, codes: set[str]):
    """MENTION, or the longer name it ends when that name stands where a town names itself (高公庄镇
    2025年… or 2025年，高公庄镇坚持…: the gazetteer's table, older than the report, knows 公庄镇 of
    another province and 高公庄乡, what the town was before it became a 镇). The longer name gets the
    units of its former kind (乡 ↔ 镇) when the gazetteer has exactly one (in CODES when given)."""
    for extra in (1, 2):
        start = mention.start - extra
        prefix = fragment[max(0, start):mention.start]
        if start < 0 or not CJK_CHAR.fullmatch(prefix[0]):
            return mention
        name = prefix + mention.name
        names_itself = bool(_SUBJECT_BEFORE.search(fragment, max(0, start - 16), start)
                            and (_SUBJECT_AFTER.match(fragment, mention.end) or _OWN_BODY.match(fragment, mention.end)))
        if names_itself and (glued := _after_glued_stem(name)):  # 如东河口镇: not 金安区's 东河口镇
            return TownMention(start + len(name) - len(glued[0]), mention.end, glued[0], glued[1])
        if prefix[0] in _NOT_NAME_CHARS | _CLAUSE_OPENERS:
            return mention
        if not names_itself:
            continue
        if (_OFFICE_WORDS.search(name) or not _plausible_name(name) or prefix in _division_stems()
                or _CLUE_VERB.fullmatch(prefix) or _OPENING_VERB.fullmatch(prefix)):
            return mention  # 博罗公庄镇: its county, short, glued on; 召开城关镇党委会议: a verb
        stem = _stem(name)
        former = tuple(t for kind in ("乡", "镇") if not name.endswith(kind) for t in towns_named(stem + kind))
        if codes:
            former = _in_counties(former, codes)
        return TownMention(start, mention.end, name, former if len(former) == 1 else ())
    return mention


def _title_town_match(title: str):
    """`_TITLE_TOWN` matched at the start of TITLE, after its county (云溪县新河镇 → 新河镇)."""
    fragment = _simplified(title)
    for start, end, _ in county_mentions(fragment)[:1]:
        if start <= 4:
            fragment = fragment[end:]
    return _TITLE_TOWN.match(fragment.lstrip("关于中共"))


_OFFICE_WORDS = re.compile(r"政府|人民|党委|党工委|委员会|办事处|管委会|关于|中共|印发")


def _whole_name_after_county(guess: TownGuess, title: str, text: str) -> TownGuess | None:
    """The whole name when the gazetteer's name is only the end of it (济南市历下区建筑新村街道: the
    gazetteer knows 新村街道 but not 建筑新村街道): a title that glues the county to a longer name,
    which the text names again apart from the title, or which no town of that county ends with."""
    fragment = _simplified(title)
    at = fragment.find(guess.name)
    counties = [(end, name) for _, end, name in county_mentions(fragment[:at])] if at > 0 else []
    if not counties:
        return None
    end, county = counties[-1]
    prefix = fragment[end:at]
    whole = prefix + guess.name
    if (not re.fullmatch(f"[{CJK}]{{1,4}}", prefix) or _OFFICE_WORDS.search(prefix)
            or not _plausible_name(whole)):
        return None  # 西城区人民政府|广安门内街道: the county's office, then the town
    body = _simplified(text)
    named_again = body.count(whole) - body.count(fragment) >= 1  # a title printed twice is no second naming
    elsewhere = not _in_counties(guess.towns, {c.adcode for c in counties_named(county)})
    if not (named_again or elsewhere):
        return None
    return TownGuess(whole, f"title, {NOT_IN_GAZETTEER}")


def _opening_only_guess(text: str) -> TownGuess | None:
    """A town the gazetteer does not know (a new or renamed street office), as the subject of the
    report's first sentence (2023年，龙泉湾街道坚持…)."""
    for rest in _opening_subjects(text, later_sentences=True):
        m = _OPENING_TOWN.match(rest)
        if m and (guess := _unknown_town_guess(m.group("name"), "body")):
            return guess
    return None


def _title_only_guess(title: str, source: str) -> TownGuess | None:
    """A town the gazetteer does not know, from a title that starts with it (renamed, or new)."""
    m = _title_town_match(title)
    if not m:
        return None
    return _unknown_town_guess(m.group("name"), source)


def _unknown_town_guess(name: str, source: str) -> TownGuess | None:
    """The town NAME stands for where no gazetteer name was read: a town the gazetteer knows after its
    own places' short names (临河团结街道: 团结街道 of 临河区, a name twelve counties share, which the
    gazetteer guess left as a common word; 河北臧村镇), else a town newer than the gazetteer."""
    name = bare_town_name(name)
    if glued := _after_glued_stem(name):
        return TownGuess(glued[0], source, glued[1])
    # A county the gazetteer does not know, glued on (文金县靖太镇): the town is what follows it.
    name = _GLUED_DIVISION.sub("", name)
    return TownGuess(name, f"{source}, {NOT_IN_GAZETTEER}") if _plausible_name(name) else None


# A town whose name has a one-character stem (唐镇, 侯镇, 乌镇) or is a common word (新城镇, 中心镇):
# in running text such names are words or their tails (乡镇, 城镇, 新城镇建设), so one counts only
# where a town names itself: at a line's start (after its year, 中共 or 关于, or its county and city:
# 上海市浦东新区唐镇), before its office, its year or a first verb (唐镇人民政府 / 2022年，侯镇坚持… /
# 2023年，中心镇在县委…领导下 / 唐镇2023年… / 现将张镇2023年…情况报告如下).
_SHORT_TOWN = re.compile(f"(?:{_LINE_LEAD}|现将)"
                         rf"(?P<divisions>(?:[{CJK}]{{1,8}}?(?:省|市|区|县|旗|州|盟))*)(?P<name>[{CJK}]{{1,2}}[镇乡])"
                         rf"(?=(?:{_SUBJECT_AFTER.pattern})|在)")


def _short_name_guess(fragment: str, source: str, codes: set[str]) -> TownGuess | None:
    """The town of FRAGMENT (a title, the opening or closing lines) whose name has a one-character
    stem or is a common word, where it names itself (`_SHORT_TOWN`)."""
    simplified = _simplified(fragment)
    for m in _SHORT_TOWN.finditer(simplified):
        name = m.group("name")
        if len(name) > 2 and name not in _GENERIC_TOWNS:
            continue  # an ordinary name: the gazetteer guess reads it
        towns = tuple(t for t in towns_named(name) if t.town_type in ("镇", "乡"))
        if towns and _all_divisions(m.group("divisions")):
            return TownGuess(name, source, _in_counties(towns, codes) or towns)
    return None


def _all_divisions(run: str) -> bool:
    """Is RUN (上海市浦东新区, or nothing) made of county, city and province names only?"""
    names = _division_names()
    while run:
        end = next((k for k in range(max(0, len(run) - 12), len(run) - 1) if run[k:] in names), None)
        if end is None:
            return False
        run = run[:end]
    return True


@lru_cache(maxsize=1)
def _division_names() -> frozenset[str]:
    """Counties (and their former names), cities and provinces by their full names."""
    return frozenset(name for county in load_gazetteer()
                     for name in (county.county, *county.aliases, county.city, county.province) if name)


def _generic_title_town(title: str, codes: set[str]) -> TownGuess | None:
    """A town whose name is also a common word (新城镇: new towns), when the title starts with it
    and goes on with its office or the year (新城镇2020年法治政府建设情况报告): in running text the
    word is not taken (新城镇建设)."""
    m = _title_town_match(title)
    if not m or m.group("name") not in _GENERIC_TOWNS:
        return None
    towns = towns_named(m.group("name"))
    if not towns:
        return None
    return TownGuess(m.group("name"), "title", _in_counties(towns, codes) or towns)


def _clue_guess(text: str, codes: set[str]) -> TownGuess | None:
    """The town of a report that only says 我镇, by the offices named after it (里心司法所)."""
    self_ref = Counter(_self_units(text))
    if not self_ref:
        return None
    suffix = self_ref.most_common(1)[0][0]
    for stem, _ in Counter(m.group(1) for m in _CLUE_OFFICE.finditer(text)).most_common():
        while len(stem) > 2 and stem[0] in _NOT_NAME_CHARS:
            stem = stem[1:]
        if stem.endswith(suffix) and len(stem) > len(suffix) + 1:
            stem = stem[:-len(suffix)]  # 柳林乡司法所: the office's full name
        if _CLUE_VERB.fullmatch(stem):
            continue  # 联合派出所开展…: a verb before the office, not a town (联合乡)
        guess = _gazetteer_guess(stem + suffix, "clue", codes)
        if guess is not None and guess.name == stem + suffix and (not codes or _in_counties(guess.towns, codes)):
            return guess
    return None


# What a town names after itself (成立高兴镇法治政府建设工作领导小组, 高兴镇党委, 洪梅镇委, 珠吉街理论学习
# 中心组): its own bodies.
_OWN_BODY = re.compile(r"(?:党委|党工委|人民政府|政府|办事处|法治政府建设|法治建设|依法治|领导小组|综治|综合行政执法|"
                       r"机关|全体干部|便民服务中心|公共法律服务|司法所|人大主席团|纪委|(?:权责|权力|责任)清单|"
                       r"委(?:员会)?(?:全面依法治|党校|理论学习|办公室)|工委|理论学习中心组)")


def _own_body_guess(fragment: str, mentions: list, units: set[str], codes: set[str]) -> TownGuess | None:
    """The town of a report that says 我镇 (a unit of UNITS) and names itself once, with one of its own
    bodies after the name (成立高兴镇法治政府建设工作领导小组): the only such town of its unit in
    FRAGMENT, the first pages (Simplified), whose town MENTIONS are given."""
    named = {}
    for m in mentions:
        if (m.name not in _GENERIC_TOWNS and any(m.name.endswith(u) for u in units)
                and _OWN_BODY.match(fragment, m.end)):
            named.setdefault(m.name, m.towns)
    if len(named) != 1:
        return None
    (name, towns), = named.items()
    return TownGuess(name, "body", (_in_counties(towns, codes) if codes else ()) or towns)


# What may come before the subject of a report's first sentence: the year or 今年以来, and 在…领导下,
# clauses (2022年仁和街道认真学习…; 2023年,在市委的坚强领导下,区政府坚持…; 今年以来，…街道党工委…).
_BEFORE_SUBJECT = re.compile(# the year's setting in a clause of its own (2023年是法治政府建设重点突破年,)
                             r"(?:20\d\d\s*年(?:是|为)[^,，。]{0,30}[,，]\s*)?"
                             r"(?:(?:20\d\d\s*年度?(?:以来)?|今年以来|一年来|近年来|本年度|年初以来)\s*[,，、]?\s*)?"
                             r"(?:在[^,，。]{0,40}下\s*[,，]\s*)*")


def _opening_subjects(text: str, *, later_sentences: bool = False):
    """Each of the first three lines from its subject on (Simplified script, 40 characters); blank
    lines do not count (pages set a blank line between title, date and body). LATER_SENTENCES: then
    the next two sentences of each, for an opening that starts with the year's setting (2020年是…
    关键之年。古美路街道深入…); a county's report may name towns there (郭道镇试点推行…)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    for line in lines:
        first = _simplified(line[:80])
        yield first[_BEFORE_SUBJECT.match(first).end():][:40]
    if not later_sentences:
        return
    for line in lines:
        for sentence in re.findall(r"[^。！？]+[。！？]?", line[:400])[1:3]:
            sentence = _simplified(sentence.strip()[:80])
            yield sentence[_BEFORE_SUBJECT.match(sentence).end():][:40]


def _opening_subject(text: str, codes: set[str]) -> TownGuess | None:
    """A gazetteer town that is the subject of one of the first lines: whose report it is, even
    when it speaks of its district as 我区. A name followed by a colon is a label (XX镇:), not a
    subject; a line before it whose subject is a county or city government ends the search."""
    for rest in _opening_subjects(text):
        government = _COUNTY_GOVERNMENT.match(rest) or _CITY_GOVERNMENT.match(rest)
        if government and rest[government.end():][:1] not in (":", "："):  # not the addressee (区委、区政府:)
            return None  # 县人民政府在县委的坚强领导下…: the county speaks; towns below are its examples
        mention = next(iter(town_mentions(rest[:12])), None)
        if mention is None or mention.start != 0 or mention.name in _GENERIC_TOWNS or rest[mention.end:][:1] in (":", "："):
            continue
        local = _in_counties(mention.towns, codes) if codes else ()
        return TownGuess(mention.name, "body", local or mention.towns)
    return None


def infer_town(text: str, *, title: str, publisher: str = "", counties: tuple[County, ...] = ()) -> TownGuess:
    """The township named by the report: a gazetteer name, bare (聚奎镇), with its source.

    Evidence in order: the title; the page's publisher (发布机构); the opening and the closing
    lines (现将XX镇…, the signature); names repeated in the first pages; offices named after the
    town (XX司法所) in a report that says 我镇; lastly a title that starts with a name the
    gazetteer does not know. COUNTIES (named by the text) narrow the gazetteer to them.
    """
    codes = {c.adcode for c in counties if c.adcode}
    evidence = [("title", title), ("page metadata", publisher)]
    # A report that speaks as a county (我区, 本县) and never as a township names towns only as
    # examples of its work: the body is no evidence of whose report it is.
    # So does one whose title names a county as its author (沁源县2023年法治政府建设情况报告, no town in
    # it), or whose first sentence has a county government for its subject (县政府坚持…).
    speaks_as_county = not _SELF_REFERENCE.search(text) and (
        bool(SELF_REFERENCE_COUNTY.search(text)) or _county_is_subject(text, city=True)
        or bool(title and _COUNTY_LEVEL_TITLE.search(title) and not town_mentions(_simplified(title))
                and not _short_name_guess(title, "title", codes)))
    if not speaks_as_county:
        # a dated signature (溧阳市戴埠镇人民政府 / 2025年1月16日) names the author, whatever partner
        # towns the opening names (我镇与天目湖镇签订…, 在天目湖镇召开联席会议)
        evidence.append(("body", _signature(text)))
        evidence.append(("body", text[:400]))
        if len(text) > 1200:  # the closing lines (the signature), when they are not the body itself
            closing = text[-300:]
            evidence.append(("body", closing[closing.find("\n") + 1:] if "\n" in closing else ""))
    says_we = bool(_SELF_REFERENCE.search(text))
    for source, fragment in evidence:
        if fragment and (guess := _short_name_guess(fragment, source, codes)):
            return guess  # 唐镇2023年… / 2022年，侯镇坚持…: where a town names itself
        mentions = None
        if source == "body" and says_we and fragment:
            simplified = _simplified(fragment)
            found = town_mentions(simplified)
            mentions = [m for m in found if not _other_party(m, simplified, found)]
        if fragment and (guess := _gazetteer_guess(fragment, source, codes, mentions=mentions,
                                                   starts_a_line=source != "page metadata")):
            if source == "title" and (whole := _whole_name_after_county(guess, fragment, text)):
                return whole
            return guess
        if source == "title" and fragment and (guess := _generic_title_town(fragment, codes)):
            return guess
    if speaks_as_county and (guess := _opening_subject(text, codes)):
        return guess
    if not speaks_as_county:
        opening = _simplified(text[:3000])
        mentions = town_mentions(opening)
        # A report that says 我镇 names other towns too (赴金城镇学习, 与周家庄乡、大何庄乡联合执法):
        # those are not whose report it is, however often they are named.
        own = [m for m in mentions if not _other_party(m, opening, mentions)] if says_we else mentions
        if guess := _gazetteer_guess(opening, "body", codes, min_count=2, mentions=own, starts_a_line=True):
            return guess
        if guess := _clue_guess(text, codes):
            return guess
        units = set(_self_units(text))
        if units and (guess := _own_body_guess(opening, mentions, units, codes)):
            return guess
    for source, fragment in (("title", title), ("page metadata", publisher)):
        if fragment and (guess := _title_only_guess(fragment, source)):
            return guess
    if not speaks_as_county and (guess := _opening_only_guess(text)):
        return guess
    return TownGuess()


# The date under a report's signature, on a line of its own (chinese.DATE_AT_LINE_END).
_SIGNATURE_DATE = re.compile(r"^\s*" + DATE_AT_LINE_END)
# A signature line names an office: the town's government, street office or party committee.
_SIGNATURE_OFFICE = re.compile(r"(?:人民政府|政府|办事处|委员会|党委|党工委)\s*$")


def _signature(text: str) -> str:
    """The office lines just above the last dated line of TEXT's end (a page's footer may follow),
    or "" when the report is not signed by an office."""
    lines = text[-600:].splitlines()
    for k in range(len(lines) - 1, 0, -1):
        if _SIGNATURE_DATE.match(lines[k]):
            above = [line.strip() for line in lines[max(0, k - 3):k] if line.strip()]
            offices = [line for line in above if len(line) <= 40 and _SIGNATURE_OFFICE.search(line)]
            return "\n".join(offices)
    return ""


def _names_town(text: str, town: str) -> bool:
    """Whether TEXT writes TOWN, a street office also by the short forms the gazetteer index reads
    (三官庙办事处, 珠吉街)."""
    return town in text or any(m.name == town for m in town_mentions(text))


def infer_level(text: str, *, title: str, town: str, county: str = "") -> str:
    """township / county / unknown: county- and city-level governments write these reports too.
    COUNTY: the county the text names; a county-level city (孝义市) calls itself 我市."""
    opening = title + "\n" + text[:300]
    if town and (_names_town(title, town) or town_type_of(town)):
        if not _COUNTY_LEVEL_TITLE.search(title) or _names_town(title, town):
            return "township"
    if _COUNTY_LEVEL_TITLE.search(title) or re.search(r"(县|区|市|旗)人民政府\s*(关于)?\s*20\d\d", opening):
        if not town or not _names_town(opening, town):
            return "county"
    if re.search(rf"我(镇|乡|街道|{_STREET_SHORT})|全(镇|乡)|本(镇|乡)", text):
        return "township"
    if not town and (_county_is_subject(text) or (county.endswith("市") and (
            _CITY_SPEAKS.search(text[:600]) or _county_is_subject(text, city=True)))):
        return "county"
    if not town and len(_COUNTY_SPEAKS.findall(text)) >= 2:
        return "county"  # 关于2025年法治政府建设情况的报告 … 我区坚持…: a district that never names itself
    return "unknown"


# A county that speaks of itself (我区坚持…, 本县): not of its level or area (本区域, 我县级).
_COUNTY_SPEAKS = re.compile(SELF_REFERENCE_COUNTY.pattern + "(?![级域内外])")
# A city that speaks of itself (2023年以来，我市坚持…), not of its markets or its people (本市场, 全市民).
_CITY_SPEAKS = re.compile(r"[我本全]市(?![级域内外场民])")


# A county government as the subject of the opening sentence: 县委、县政府坚持…, 区政府坚持…, 我县坚持….
_COUNTY_GOVERNMENT = re.compile(r"(?:[县区旗]委[、和,，]?)?[县区旗](?:人民)?政府|[我本全][县区旗](?![级域内外])")
# …and a city's (2020年,市政府坚持…): a county-level city's, or a prefecture's; never a township's.
_CITY_GOVERNMENT = re.compile(r"(?:市委[、和,，]?)?市(?:人民)?政府(?![办工各部门])")


def _county_is_subject(text: str, *, city: bool = False) -> bool:
    """Does one of the first lines open with a county, or a county government, as its subject
    (2023年,登封市坚持…; 在市委的坚强领导下,区政府坚持…)? A report with no town that speaks so is
    a county's. CITY: a city government (市政府坚持…) counts too."""
    for rest in _opening_subjects(text):
        if _COUNTY_GOVERNMENT.match(rest) or (city and _CITY_GOVERNMENT.match(rest)):
            return True
        mention = next(iter(county_mentions(rest[:24])), None)
        if mention is not None and mention[0] == 0 and rest[mention[1]:][:1] not in (":", "："):
            glued = next(iter(town_mentions(rest[mention[1]:mention[1] + 20], min_chars=2)), None)
            return glued is None or glued.start != 0  # 即墨区金口镇坚持…: the town is the subject
    return False


def _in_place_named_short(name: str, towns: tuple[Town, ...], text: str) -> tuple[Town, ...]:
    """Of the units sharing the town name NAME (杨集镇 in seven counties), those of the one county
    whose short name TEXT writes, else of the one city, else of the one province (《湖北省…指引》);
    () when none or several are. A place whose short name is the town's own (宁安市 and 宁安镇:
    法治宁安 is the town's) tells nothing."""
    stem = _PLACE_SUFFIX.sub("", name)
    for place in ("county", "city", "province"):
        shorten = _province_stem if place == "province" else _place_stem
        named = [t for t in towns if (short := shorten(getattr(t, place)))
                 and short not in stem and stem not in short and short in text]
        if named:
            return tuple(named) if len({t.county_code for t in named}) == 1 else ()
    return ()


def _reconcile(guess: TownGuess, county: County | None, county_source: str,
               text: str = "") -> tuple[TownGuess, County | None, str]:
    """Town and county made consistent with the gazetteer.

    A county the text names keeps the towns of that county; with no county named, a town the
    gazetteer knows in one county only gives its county, city and province (source "gazetteer"),
    and so does a town whose name several counties share when TEXT writes the short name of
    exactly one of them (杨集镇 and 方城: 方城县), or of the city of exactly one.
    """
    if not guess.towns:
        return guess, county, county_source
    if county is not None and county.adcode:
        local = _in_counties(guess.towns, {county.adcode})
        if local:
            return TownGuess(guess.name, guess.source, local), county, county_source
        if county_source == "title" or len(guess.towns) != 1 or _answers_to(county, text):
            # the gazetteer's one unit of that name lies elsewhere: a town renamed or moved since its
            # table (马寨乡 → 马寨镇 of 颍州区, the gazetteer's 马寨镇 is 郑州's) keeps the county it answers to
            return TownGuess(guess.name, guess.source, ()), county, county_source
    elif county is not None:  # a shared county name (青山区): the town tells which one
        local = tuple(t for t in guess.towns if t.county == county.county)
        if len(local) == 1:
            return TownGuess(guess.name, guess.source, local), county_by_code(local[0].county_code) or county, county_source
        return guess, county, county_source
    if len(guess.towns) > 1 and county is None:
        guess = TownGuess(guess.name, guess.source, _in_place_named_short(guess.name, guess.towns, text)
                          or _of_the_kind_it_answers_to(guess.towns, text) or guess.towns)
    if len(guess.towns) == 1:
        town = guess.towns[0]
        found = county_by_code(town.county_code) or County(town.county_code, town.county, town.city, town.province, "")
        if not _speaks_of_its_kind(found, text):
            return guess, county, county_source
        return guess, found, "gazetteer"
    return guess, county, county_source


def _named_as_its_unit(guess: TownGuess) -> TownGuess:
    """GUESS under its unit's own name where the text's 办事处 was read as a street office's: 蕲春县's
    八里湖办事处 is a 办事处 (a township-level office), not the 八里湖街道 of 浔阳区."""
    if len(guess.towns) == 1 and not guess.towns[0].former and guess.name.endswith("街道"):
        unit = guess.towns[0].town
        if unit.endswith("办事处") and not unit.endswith("街道办事处") and unit[:-3] == guess.name[:-2]:
            return TownGuess(unit, guess.source, guess.towns)
    return guess


# The county-level government a township report answers to, by its kind: 县委、县政府 / 区委 / 旗政府.
# (社区委员会, 园区委 are not a district's.)
_SUPERIOR = re.compile(r"(?<![社园片景])(?P<kind>[县区旗])(?:委|政府|人民政府)")


def _answers_to(county: County, text: str) -> bool:
    """Does TEXT name COUNTY's own committee or government (颍州区委、区政府; 在溧阳市人民政府的领导下), the
    authority a township report answers to, rather than the county in passing (赴某县学习)?"""
    return any(re.search(re.escape(name) + r"(?:党委|委|人民政府|政府)", text[:3000])
               for name in (county.county, *county.aliases) if name)


def _of_the_kind_it_answers_to(towns: tuple[Town, ...], text: str) -> tuple[Town, ...]:
    """Of the units sharing a town's name (复兴街道 of 北碚区, 城口县 and 宣威市), those of the one county
    of the kind the text answers to (在区委、区政府的领导下: 北碚区); () when none or several are, or
    when the text names its county (宝武县委, 万正县庆阳镇) and the gazetteer does not know it."""
    opening = text[:3000]
    name = towns[0].town if towns else ""
    if re.search(f"[{CJK}][县区旗市](?:{re.escape(name)}|{re.escape(bare_town_name(name))})", opening):
        return ()
    superiors = list(_SUPERIOR.finditer(opening))
    if any(m.start() and opening[m.start() - 1] not in _BEFORE_BARE_SUPERIOR for m in superiors):
        return ()  # 宝武县委: a named county, not only its kind
    kinds = {m.group("kind") for m in superiors}
    if len(kinds) != 1:
        return ()
    own = tuple(t for t in towns if kinds & _kinds_of(t.county, _county_aliases().get(t.county, ())))
    return own if len({t.county_code for t in own}) == 1 else ()


def _kinds_of(county: str, aliases: tuple[str, ...]) -> set[str]:
    """The kinds a county is written as (县, 区, 市, 旗), its former names' too (滦州市, once 滦县)."""
    return {name[-1] for name in (county, *aliases) if name}


# What stands before a county's kind when the text names only the kind (在区委、区政府的领导下, 接受县委…,
# 依法治县委员会).
_BEFORE_BARE_SUPERIOR = frozenset("在、和及与同受向对经按由并为治，,。；;：:（(“\" \t\n")


def _speaks_of_its_kind(county: County, text: str) -> bool:
    """False when TEXT answers only to another kind of county government than COUNTY is (a town the
    gazetteer places in 安阳县 whose report says 区委、区政府 has moved to a district since the
    gazetteer's table, or shares its name with a town there): then the gazetteer's county is no answer."""
    kinds = {match.group("kind") for match in _SUPERIOR.finditer(text[:3000])}
    return not kinds or bool(kinds & _kinds_of(county.county, county.aliases))


# The kinds of unit a report speaks as (我乡, 全镇, 我街), and the gazetteer's types of each kind.
_SELF_KIND_TYPES = {"乡": ("乡", "民族乡"), "镇": ("镇",), "街道": ("街道",), "苏木": ("苏木",)}


def _only_town_of_its_kind(text: str, county: County | None) -> TownGuess:
    """A report that names no town but speaks as 我乡 on its county's site (博乐市 has one 乡): the
    county's only unit of that kind. Several kinds spoken as, or several units of it: no guess."""
    if county is None or not county.adcode:
        return TownGuess()
    kinds = {_SELF_KIND_TYPES[unit] for unit in _self_units(text)}
    if len(kinds) != 1:
        return TownGuess()
    types = kinds.pop()
    towns = tuple(t for t in towns_of_county(county.adcode) if t.town_type in types)
    return TownGuess(towns[0].town, "clue", towns) if len(towns) == 1 else TownGuess()


def infer_metadata(text: str, *, file_name: str = "", hints: dict[str, str] | None = None) -> dict[str, str]:
    """All document variables inferred from the text; each with a `<field>_source` entry.

    HINTS are what the reader learnt from the file (a saved page's publisher and date, a Word
    file's title); page chrome left in the text is recognised here too.
    """
    text, facts = split_chrome(text)
    hints = {**facts.as_hints(), **(hints or {})}
    # The title line of the text, else the page's title field, else the text's first lines.
    page_title = _SITE_TAIL.sub("", hints.get("page_title", ""))
    if not (_TITLE_TOPIC.search(page_title) and _TITLE_KIND.search(page_title)):
        page_title = ""  # a Word file's "Microsoft Word - 文档1" names nothing
    # Only a real title is evidence; a report without one is shown by its first line.
    title = _simplified(find_title(text) or page_title)
    page = " ".join(hints.get(k, "") for k in ("site", "publisher"))
    county, county_source = infer_county(text, title=title, page=page)
    if county is None and hints.get("url") and (county := county_of_address(hints["url"], text)):
        county_source = "page address"  # the county's government site the page was saved from
    # The publisher, then the town's column the page was filed under on its county's site.
    publisher = " ".join(hints[k] for k in ("publisher", "column") if hints.get(k))
    guess = infer_town(text, title=title, publisher=publisher,
                       counties=(county,) if county is not None else ())
    level = infer_level(text, title=title, town=guess.name, county=county.county if county else "")
    if level == "county":
        guess = TownGuess()
    guess, county, county_source = _reconcile(guess, county, county_source, text)
    guess = _named_as_its_unit(guess)
    if not guess.name and level != "county":
        guess = _only_town_of_its_kind(text, county)
    year, year_source = infer_year(text, title=title, file_name=file_name, publish_date=hints.get("publish_date", ""),
                                   report_year=hints.get("report_year", ""))
    return {
        "title": title or title_of(text),
        "town": guess.name, "town_source": guess.source, "town_code": guess.code,
        "town_type": town_type_of(guess.name), "town_type_source": guess.source,
        "county": county.county if county else "", "county_source": county_source if county else "",
        "city": county.city if county else "", "city_source": "gazetteer" if county and county.city else "",
        "province": county.province if county else "",
        "province_source": "gazetteer" if county and county.province else "",
        "year": year, "year_source": year_source,
        "level": level, "level_source": "body" if level != "unknown" else "",
    }


def merge_manifest(inferred: dict[str, str], manifest_row: dict[str, str] | None, *,
                   text: str = "") -> tuple[dict[str, str], list[str]]:
    """Apply the analyst's manifest row over inferred values. Returns (values, disagreements)."""
    merged = dict(inferred)
    disagreements = []
    if not manifest_row:
        return merged, disagreements
    for field in ("town", "town_type", "county", "city", "province", "year"):
        given = (manifest_row.get(field) or "").strip()
        if not given:
            continue
        found = inferred.get(field, "")
        if found and found != given and inferred.get(f"{field}_source") not in ("gazetteer",):
            disagreements.append(f"manifest says {field}={given}, text suggests {found}")
        merged[field] = given
        merged[f"{field}_source"] = "manifest"
    if manifest_row.get("town") and not manifest_row.get("town_type"):
        merged["town_type"] = town_type_of(merged["town"])
        merged["town_type_source"] = "manifest"
    if manifest_row.get("town") and merged.get("level") != "township":
        merged["level"], merged["level_source"] = "township", "manifest"
    # A county given by hand fills city and province from the gazetteer unless given too.
    if manifest_row.get("county") and not manifest_row.get("city"):
        matches = [c for c in load_gazetteer() if manifest_row["county"] in (c.county, *c.aliases)]
        if len(matches) == 1:
            merged["city"], merged["city_source"] = matches[0].city, "gazetteer"
            if not manifest_row.get("province"):
                merged["province"], merged["province_source"] = matches[0].province, "gazetteer"
    url = (manifest_row.get("source_url") or "").strip()
    if url and not merged.get("county") and (county := county_of_address(url, text)):
        # The page's address names the county (www.xuwen.gov.cn): it places the town too.
        for field, value in (("county", county.county), ("city", county.city), ("province", county.province)):
            merged[field], merged[f"{field}_source"] = value, "page address"
        if not merged.get("town") and merged.get("level") != "county" and (
                guess := _only_town_of_its_kind(text, county)).name:
            merged.update(town=guess.name, town_source=guess.source, town_type=town_type_of(guess.name),
                          town_type_source=guess.source, level="township", level_source="body")
    if manifest_row.get("town") or manifest_row.get("county") or url:
        merged["town_code"] = _town_code(merged.get("town", ""), merged.get("county", "")) or merged.get("town_code", "")
    return merged, disagreements


def _town_code(town: str, county: str) -> str:
    """The division code of TOWN in COUNTY (any county when empty), when exactly one unit fits."""
    towns = towns_named(bare_town_name(town)) if town else ()
    if county:
        towns = tuple(t for t in towns if county == t.county or county in getattr(county_by_code(t.county_code), "aliases", ()))
    return towns[0].code if len(towns) == 1 else ""


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
def _county_aliases() -> dict[str, tuple[str, ...]]:
    return {c.county: c.aliases for c in load_gazetteer() if c.aliases}


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
        found.update(_county_aliases().get(name, ()))  # 融水苗族自治县 is written 融水县 too
        if stem := _place_stem(name):
            found.add(stem)
    return sorted(found, key=lambda n: (-len(n), n))


def _province_stem(name: str) -> str:
    """A province as reports write it short: 湖北省 → 湖北, 宁夏回族自治区 → 宁夏, 北京市 → 北京."""
    return re.sub(r"(?:省|市|(?:壮族|回族|维吾尔)?自治区|特别行政区)$", "", name)


def _place_stem(name: str) -> str:
    """A place as reports write it short: 融水苗族自治县 → 融水, 方城县 → 方城, 南阳市 → 南阳 (法治方城,
    围绕方城加快建设); '' when that leaves fewer than two characters."""
    aliases = _county_aliases().get(name, ())
    stem = _PLACE_SUFFIX.sub("", aliases[0] if aliases else name)
    return stem if len(stem) >= 2 else ""
