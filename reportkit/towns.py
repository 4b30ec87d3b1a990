"""Which town wrote a report, and whether a town or a county did.

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

from .chinese import CJK, CJK_CHAR, DATE_AT_LINE_END, SELF_REFERENCE_COUNTY, SPEAKING_PREFIX, TOWNSHIP_UNITS
from .normalize import to_simplified
from .places import (County, Town, TownMention, bare_town_name, counties_named, county_aliases, county_by_code,
                     county_mentions, division_stem, load_gazetteer, load_townships, place_stem, province_stem,
                     strip_place_suffix, town_mentions, towns_named, towns_of_county)

__all__ = ["NOT_IN_GAZETTEER", "TownGuess", "infer_level", "infer_town", "named_as_its_unit", "only_town_of_its_kind",
           "reconcile", "town_type_of"]

NOT_IN_GAZETTEER = "not in gazetteer"

_NAME_CHARS = f"[{CJK}]"
# A town name the gazetteer does not know is accepted from the title only in this shape: at the
# start of the title (after 中共 / 关于 / its county / the year), followed by the issuer's office,
# the year or the report's subject (2023年度包场镇法治政府建设工作报告).
_GLUED_DIVISION = re.compile(r"^.{2,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗)(?=.{2,}$)")
# (… and after the verb of a report sent on request, 关于报送双柳树镇2022年度…的报告: the verb is no part of the name.)
_TITLE_TOWN = re.compile(r"^(?:中共|关于)?(?:报送|上报|呈报|呈送|提交)?(?:20\d\d\s*年度?)?(?P<name>" + _NAME_CHARS
                         + r"{2,6}?(?:街道办事处|民族乡|街道|苏木|镇|乡))"
                         r"(?=人民政府|党委|委员会|政府|办事处|20\d\d|二[〇零○Ｏ0O]|法治|依法)")
# … or from the subject of the report's first sentence, followed by its office or its first verb
# (2023年，龙泉湾街道坚持…; 今年以来，龙泉湾街道党工委、办事处高度重视…).
_OPENING_TOWN = re.compile(r"(?P<name>" + _NAME_CHARS + r"{2,6}?(?:街道|民族乡|苏木|镇|乡))(?:办事处)?"
                           r"(?:人民政府|党工委|党委|政府)?(?:[、和及][^，,。]{0,8})?"
                           r"(?=坚持|始终|深入|全面|认真|紧紧|积极|高度|围绕|聚焦|持续|扎实|不断|切实|牢固|严格)")
# Characters that start clauses and words that are not names (我镇, 全乡, 各乡镇, 法治建设纳入街道).
_NOT_NAME_CHARS = set("我本全该各每此其两多个等和与及的在对为将把由从向至于度年县区市省州盟旗委了着过是有")
_NOT_NAME_WORDS = re.compile(r"法治|建设|工作|推进|加强|开展|落实|乡镇|城乡|村镇|街镇|发挥|纳入|调整|内容|公开|上级|关于|"
                             r"推动|深化|覆盖|统筹|坚持|强化|夯实|压实|督促|指导|服务|建立|现将|印发|全面|基层|"
                             # the verb of a report sent on request (关于报送双柳树镇2022年度…; written round 109)
                             r"报送|上报|呈报|呈送|提交")
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
# …and a street office's short name that ends in 全 (秀全街花港社区: a community of 秀全街道) is no 全街
_NOT_ITS_PLACE = rf"(?![{CJK}]{{0,4}}?(?:社区|村)(?:被|获|入选|荣获))"
_SELF_REFERENCE = re.compile(rf"{SPEAKING_PREFIX}({'|'.join(TOWNSHIP_UNITS)}|苏木|{_STREET_SHORT}{_NOT_ITS_PLACE})")
# A county's template or compilation for its townships (昆山市各镇（区）…报告表, 平顺县乡镇2022年度…,
# 新郑市2024年度乡镇（街道）…汇编, 南海区镇（街道）…):
# the county names the kind of unit that fills it in, not itself as the author.
_FOR_ITS_TOWNSHIPS = (r"(?:各|所辖|所属)?(?:乡镇|乡|镇|街道|镇街|苏木)(?:[（(][\u4e00-\u9fff、]{1,6}[)）])?"
                      r"(?=(?:20\d{2}年度?)?(?:法治政府建设|年度法治|法治建设))")
_TEMPLATE_FOR_ITS_TOWNSHIPS = re.compile(r"(?:20\d{2}年度?)?" + _FOR_ITS_TOWNSHIPS)
# (not 依法治县, 依法治区: 2025年全面依法治县和法治政府建设工作报告 is a township's title too)
_COUNTY_LEVEL_TITLE = re.compile(r"(?<![（(治])(县|区|市|旗)(?!(?:20\d{2}年度?)?" + _FOR_ITS_TOWNSHIPS + r")"
                                 r"(?:人民政府|政府)?(?:关于)?" + r"(?:20\d{2}年度?)?" + r".{0,12}法治政府建设")


def _self_units(text: str) -> list[str]:
    """The units a report calls itself by (我镇, 本乡, 全街道; 我街 is a 街道), in order."""
    return ["街道" if m.group(1) == "街" else m.group(1) for m in _SELF_REFERENCE.finditer(text)]


def town_type_of(town: str) -> str:
    if town.endswith("民族乡") or re.search(r"族乡$", town):
        return "民族乡"
    for suffix in ("街道", "苏木", "镇", "乡"):  # 苏木: a township of Inner Mongolia
        if town.endswith(suffix):
            return suffix
    return ""


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
            and not _NOT_NAME_WORDS.search(stem)
            and not _OPENING_VERB.match(stem))  # 成立街道全面依法治理…委员会: a verb before the unit, no name


def _in_counties(towns: tuple[Town, ...], codes: set[str]) -> tuple[Town, ...]:
    return tuple(t for t in towns if t.county_code in codes)


# Towns named like a campaign's goal (和谐街道, 平安镇, 文明乡): in 建设和谐街道 or 创建平安镇 the words are
# the goal, not the town, unless a county comes first (as for the common words above).
_SLOGAN_STEMS = re.compile(r"和谐|平安|文明|幸福|美丽|生态|宜居|富裕|富强|繁荣|振兴|团结|和美|安宁|清洁|卫生|小康")


# Words before a town that make it another party of the work (a visit, a model, a partner).
# (a visit or a model: 赴甲镇学习, 邀请甲镇…, 借鉴甲镇…)
_VISIT_WORDS = r"赴|到|去|前往|走进|借鉴|参照|仿照|效仿|对标|学习|参观|考察|观摩|邀请"
_TO_ANOTHER = re.compile(rf"(?:{_VISIT_WORDS}|与|同|和|及|向|对|联合|协同|配合|协助|帮助|"
                         r"支援|对接|结对|兄弟|邻近|相邻|周边|毗邻|交界|其他|如|像|比如|包括|以及)$")


# …of which a text that never calls itself a township (我镇) is read only by a visit or a model (赴甲镇学习, 邀请甲镇…):
# there 和 and 及 join its own name's documents as often (制定…制度和古路镇机关干部学习制度).
_VISITED = re.compile(rf"(?:{_VISIT_WORDS})$")


# …and a town of another province after such a word, its province (and city or county) written before it
# (与浙江省枫桥镇等签订五方共建协议, 赴浙江省安吉县天荒坪镇考察): a partner or a model far away, never the author.
_TO_ANOTHER_PROVINCE = re.compile(rf"(?:{_VISIT_WORDS}|与|同|携手|联合|结对|对接)[{CJK}]{{2,7}}?(?:省|自治区)"
                                  rf"(?:[{CJK}]{{1,7}}?(?:市|州|县|区|旗|盟)){{0,2}}$")


def _other_party(mention, fragment: str, mentions: list, *, says_we: bool = True) -> bool:
    """Is this town mention another party of the author's work: after 赴/与/借鉴…, or listed with
    other towns (周家庄乡、大何庄乡; not 鲇鱼山镇、区财政局, a town among the county's offices)? SAYS_WE
    False: only after a visit's or a model's word (`_VISITED`)."""
    before = fragment[max(0, mention.start - 4):mention.start]
    near = max(0, mention.start - 20)
    if ("省" in fragment[near:mention.start] or "自治区" in fragment[near:mention.start]) \
            and _TO_ANOTHER_PROVINCE.search(fragment, near, mention.start):
        return True
    if not says_we:
        return bool(_VISITED.search(before))
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


def verb_before_unit(name: str) -> bool:
    """Is the gazetteer town NAME a verb read with the unit after it (联合|乡中心学校…, 会同|镇司法所…, 召开|镇党委
    会议): 联合乡, 会同镇 and 召开镇 are towns somewhere, but in running text the stem is the clause's verb?"""
    stem = _stem(name)
    return bool(_CLUE_VERB.fullmatch(stem) or _OPENING_VERB.fullmatch(stem))


def word_before_unit(name: str) -> bool:
    """Is the gazetteer town NAME, opening a clause, rather a common word and the author's own unit: a verb as in
    `verb_before_unit`, or a word no town name is read as (`_NOT_NAME_WORDS`: 建设街道“一站式”调处中心, building
    the office's own centre; 建设街道 is a street office elsewhere)?"""
    return verb_before_unit(name) or bool(_NOT_NAME_WORDS.fullmatch(_stem(name)))


def _gazetteer_guess(fragment: str, source: str, codes: set[str], *, min_count: int = 1, local_min_count: int = 1,
                     mentions: list | None = None, starts_a_line: bool = False) -> TownGuess | None:
    """The town of FRAGMENT by the gazetteer: a name in the text's counties (CODES) first, when named
    LOCAL_MIN_COUNT times; else one named MIN_COUNT times.
    MENTIONS: FRAGMENT's town mentions when the caller has them already. STARTS_A_LINE: FRAGMENT is
    a text's own lines from a line's start (a title, an opening, a closing), where a town newer than
    the gazetteer may name itself (`_own_longer_name`); not a name put together (a clue's)."""
    simplified = to_simplified(fragment)
    if mentions is None:
        mentions = town_mentions(simplified)
    if starts_a_line:
        mentions = _same_longer_name([(_own_longer_name(m, simplified, codes), m) for m in mentions], simplified)
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
        local = [name for name in counts if _in_counties(towns[name], codes) and counts[name] >= local_min_count]
        if local:
            name = max(local, key=lambda n: counts[n])  # most mentioned; the first on a tie
            return TownGuess(name, source, _in_counties(towns[name], codes))
    name, n = counts.most_common(1)[0]
    if n < min_count:
        return None
    return TownGuess(name, source if towns[name] else f"{source}, {NOT_IN_GAZETTEER}", towns[name])


def _same_longer_name(pairs: list, fragment: str) -> list:
    """The mentions of PAIRS (each as read, and as the gazetteer found it), where a longer name read
    where the town names itself (中共建筑新村街道委员会) also stands for every other mention of its
    gazetteer name written with the same head (建筑新村街道人民政府, 历下区建筑新村街道)."""
    longer = {found.name: read for read, found in pairs
              if read.name != found.name and read.name.endswith(found.name)}
    mentions = []
    for read, found in pairs:
        whole = longer.get(found.name) if read is found else None
        head = whole.name[:-len(found.name)] if whole else ""
        if head and fragment[max(0, found.start - len(head)):found.start] == head:
            read = TownMention(found.start - len(head), found.end, whole.name, whole.towns)
        mentions.append(read)
    return mentions


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
# (a year said with 来 alone, 2025年来, short for 2025年以来, takes its comma: 2023年来凤县 is 来凤县)
_YEAR_SINCE = r"年度?(?:以来|来(?=\s*[,，、]))?"
_LINE_LEAD = rf"(?:^|\n)[ \t]*(?:(?:20\d\d{_YEAR_SINCE}|今年以?来|一年以?来|近年来)\s*[,，、]?\s*)?(?:中共|关于)?"
_SUBJECT_BEFORE = re.compile(f"(?:{_LINE_LEAD}|[，,；;。]\\s*)$")  # a line's or a clause's start
_SUBJECT_AFTER = re.compile(r"人民政府|党委|党工委|政府|办事处|委员会|关于|20\d\d|二[〇零○Ｏ0O]|坚持|始终|深入|全面|认真|紧紧|积极|"
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
            stem = division_stem(name) if name else ""
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
                    if set(stems) <= {place_stem(t.county), place_stem(t.city), province_stem(t.province)})
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
    fragment = to_simplified(title)
    for start, end, _ in county_mentions(fragment)[:1]:
        if start <= 4:
            fragment = fragment[end:]
    return _TITLE_TOWN.match(fragment.lstrip("关于中共"))


_OFFICE_WORDS = re.compile(r"政府|人民|党委|党工委|委员会|办事处|管委会|关于|中共|印发")


def _whole_name_after_county(guess: TownGuess, title: str, text: str) -> TownGuess | None:
    """The whole name when the gazetteer's name is only the end of it (济南市历下区建筑新村街道: the
    gazetteer knows 新村街道 but not 建筑新村街道): a title that glues the county to a longer name,
    which the text names again apart from the title, or which no town of that county ends with."""
    fragment = to_simplified(title)
    # the first time the name follows a county (中共…委员会|…人民政府|历下区建筑新村街道: header lines first)
    for at in (m.start() for m in re.finditer(re.escape(guess.name), fragment)):
        counties = [(end, name) for _, end, name in county_mentions(fragment[:at])] if at > 0 else []
        if counties:
            break
    else:
        return None
    end, county = counties[-1]
    prefix = fragment[end:at]
    whole = prefix + guess.name
    if (not re.fullmatch(f"[{CJK}]{{1,4}}", prefix) or _OFFICE_WORDS.search(prefix)
            or not _plausible_name(whole)):
        return None  # 西城区人民政府|广安门内街道: the county's office, then the town
    body = to_simplified(text)
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


def _renamed_in_title(title: str) -> TownGuess | None:
    """A town the title names by a name the gazetteer does not know yet (英德市英红街道2025年…报告: a 镇
    made a 街道 in 2024, still 英红镇 in the gazetteer)."""
    guess = _title_only_guess(title, "title") if title else None
    return guess if guess and not towns_named(guess.name) else None


# How a report says its unit was renamed (撤销英红镇，设立英红街道; 撤乡设镇; 更名为): a new unit split from
# a town that keeps its own (从那大镇析出…设立那大街道，那大镇保留建制) is another unit.
_RENAMED = "撤销{old}|{old}(?:更名|改名|改称|改设)|撤(?:乡|镇)设(?:镇|街)"


def _says_renamed(text: str, old: str) -> bool:
    return bool(re.search(_RENAMED.format(old=re.escape(old)), to_simplified(text[:3000])))


def _as_renamed(guess: TownGuess, renamed: TownGuess | None, text: str) -> TownGuess:
    """GUESS, or the title's name of a unit of the same stem and another kind (RENAMED, which the
    gazetteer does not know yet): with GUESS's gazetteer row when the text says the unit was renamed
    (撤销英红镇，设立英红街道: the town keeps its code across the renaming); without it when the report
    calls itself by RENAMED's kind (我街道), the body naming the town it was split from (那大镇)."""
    if not (renamed and guess.towns and guess.name != renamed.name and _stem(guess.name) == _stem(renamed.name)):
        return guess
    if _says_renamed(text, guess.name):
        return TownGuess(renamed.name, renamed.source, guess.towns)
    units = set(_self_units(text))
    return renamed if town_type_of(renamed.name) in units and town_type_of(guess.name) not in units else guess


def _same_stem_in(guess: TownGuess, codes: set[str], text: str) -> TownGuess:
    """GUESS (a name the gazetteer does not know) with the row of the one unit of the text's counties
    (CODES) that has its stem under another kind, when the text says it was renamed (撤销泉吉乡，设立
    泉吉镇): the unit before its renaming."""
    if guess.towns or not codes:
        return guess
    stem = _stem(guess.name)
    rows = tuple(t for code in codes for t in towns_of_county(code) if _stem(t.town) == stem and t.town != guess.name)
    if len(rows) == 1 and _says_renamed(text, rows[0].town):
        return TownGuess(guess.name, guess.source, rows)
    return guess


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
    simplified = to_simplified(fragment)
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


# What follows a town's bare stem in a title that glues it to its county (浏阳市大瑶2024年…, 萧县酒店二〇二二年度…,
# 宣汉县庙安法治政府建设…): the year or the report's subject.
_AFTER_TITLE_STEM = re.compile(rf"([{CJK}]{{2,4}}?)(?=(?:20\d{{2}}|[二〇零○]{{2}}[{CJK}]{{2}})\s*年|法治|依法)")


def _county_then_stem_title(title: str, text: str) -> TownGuess | None:
    """A title naming its county, then its town by the stem alone (浏阳市大瑶2024年法治政府建设年度报告), in a
    report that speaks as one kind of township (我镇): the county's one unit of that kind and stem."""
    kinds = {_SELF_KIND_TYPES[unit] for unit in _self_units(text)}
    if len(kinds) != 1 or town_mentions(title):
        return None
    types = kinds.pop()
    for _, end, name in county_mentions(title):
        if not (m := _AFTER_TITLE_STEM.match(title, end)):
            continue
        for county in counties_named(name):
            towns = tuple(t for t in towns_of_county(county.adcode) if t.town_type in types and _stem(t.town) == m.group(1))
            if len(towns) == 1:
                return TownGuess(towns[0].town, "title", towns)
    return None


def _cut_from_longer_name(text: str, start: int, end: int) -> bool:
    """Is TEXT[START:END] (an office's name before 司法所) the tail of a longer town's name (邀请天河南街道司法所:
    河南街道 is not named)?"""
    lo = max(0, start - 6)
    return any(m.start + lo < start < m.end + lo for m in town_mentions(to_simplified(text[lo:end + 1])))


def _clue_guess(text: str, codes: set[str]) -> TownGuess | None:
    """The town of a report that only says 我镇, by the offices named after it (里心司法所)."""
    self_ref = Counter(_self_units(text))
    if not self_ref:
        return None
    suffix = self_ref.most_common(1)[0][0]
    offices = [m for m in _CLUE_OFFICE.finditer(text) if not _TO_ANOTHER.search(text[max(0, m.start() - 4):m.start()])
               and not _cut_from_longer_name(text, m.start(1), m.end(1))]
    for stem, _ in Counter(m.group(1) for m in offices).most_common():
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
                       r"机关|全体干部|(?:人民)?调解委员会|便民服务中心|公共法律服务|司法所|人大主席团|纪委|(?:权责|权力|责任)清单|"
                       r"委(?:员会)?(?:全面依法治|党校|理论学习|办公室)|工委|理论学习中心组)")


# A town's own dated document, titled with its name and the year (印发《沙面街道2024年党风廉政建设年度任务》,
# 制定《高兴镇2023年法治政府建设工作要点》): its author names itself, as with one of its bodies.
_OWN_DATED_TITLE = re.compile(r"\s*(?:19|20)\d{2}\s*年")
_STUDIED = re.compile(rf"(?:{_VISIT_WORDS})$")


def _names_its_own(mention, fragment: str) -> bool:
    """Is MENTION, in FRAGMENT, followed by one of the town's own bodies, or the head of its own dated document?"""
    if _OWN_BODY.match(fragment, mention.end):
        return True
    # (not a document studied or followed: 学习借鉴《甲镇2023年…经验汇编》)
    return bool(fragment[mention.start - 1:mention.start] == "《" and _OWN_DATED_TITLE.match(fragment, mention.end)
                and not _STUDIED.search(fragment, max(0, mention.start - 6), mention.start - 1))


def _named_twice(mention, mentions: list) -> bool:
    return sum(m.name == mention.name for m in mentions) >= 2


# How a body names a town as an example of the work, not as its author: listed with others (鲇鱼山镇、区财政局等;
# 在英城街道、英红镇等地; 经济发达镇(古溪镇)、区卫生健康委), with a village or community of it (龙楼镇好圣村, 秀全街花港社区),
# as an award's winner (莼湖街道获评…, 安塘街综治中心被…评为…); or a name read across words: levels (统一市镇村三级,
# 整合市镇两级职能), 街乡 and 街镇 (北京街乡职责清单, 江北区街镇清单), a verb (部门联合街道法律顾问).
_LISTED_AFTER = re.compile(r"[)）]?[、]|[和与及][县区市旗]|等(?:[地单部乡镇街]|\d|[一二三四五六七八九十])")
# (a village's name after the town's own, not a county's that holds 村 after a preposition: 在周村区委…, 马村区)
_PLACE_OF_IT = re.compile(rf"(?!农村|乡村|城乡|[在于对与向和及])[{CJK}]{{1,5}}?(?:村|社区|居委会)(?![级务民委干区县市旗])")
_AWARDED = re.compile(r"[^，,。；;：:、]{0,12}?(?:获评|荣获|被评为|被命名|被推选|被确认|被授予|评为|入选)")
_LEVELS_AFTER = re.compile(r"村?[两二三四五]级|村(?:[、，,]|$)")


def _example_or_fragment(mention, fragment: str, *, says_we: bool = False) -> bool:
    """Is MENTION, in FRAGMENT (Simplified), a town named as an example of the work or a name read across
    words (see above) rather than its author naming itself? SAYS_WE: the text calls itself a township (我镇), whose
    own name may come listed with the county's offices, with its villages or its awards (鲇鱼山镇、区财政局等负责人
    述法; 推进公庄镇村两级法治建设): then only names read across words count."""
    before, after = fragment[max(0, mention.start - 1):mention.start], fragment[mention.end:mention.end + 20]
    if not says_we and (before == "、" or _LISTED_AFTER.match(after) or _PLACE_OF_IT.match(after)
                        or _AWARDED.match(after) or _LEVELS_AFTER.match(after)):
        return True
    quote = fragment.rfind("“", max(0, mention.start - 12), mention.start)
    if after[:1] in "”\"" and quote >= 0 and quote < mention.start - 1:
        return True  # “全国文明村镇”: an award's name ending in one (明村镇), not a town
    if _stem(mention.name)[-1:] in "市县区" and _LEVELS_AFTER.match(after):
        return True  # 整合市镇两级职能: 市 and 镇, two levels (合市镇 is a town elsewhere)
    if fragment[mention.end - 1:mention.end] == "街" and after[:1] in ("乡", "镇"):
        return True
    lo = max(0, mention.start - 8)
    if any(lo + start < mention.start < lo + end for start, end, _ in county_mentions(fragment[lo:mention.end])):
        return True  # 上城区街道: 城区街道 read inside its county's name
    return verb_before_unit(mention.name) and not _SUBJECT_BEFORE.search(fragment[max(0, mention.start - 16):mention.start])


def _own_body_guess(fragment: str, mentions: list, units: set[str], codes: set[str]) -> TownGuess | None:
    """The town of a report that says 我镇 (a unit of UNITS) and names itself once, with one of its own
    bodies after the name (成立高兴镇法治政府建设工作领导小组) or at the head of its own dated document
    (印发《沙面街道2024年党风廉政建设年度任务》): the only such town of its unit in
    FRAGMENT, the first pages (Simplified), whose town MENTIONS are given."""
    named, visited = {}, set()
    for m in mentions:
        if (m.name not in _GENERIC_TOWNS and any(m.name.endswith(u) for u in units)
                and _names_its_own(m, fragment)
                and not (_is_common_word(_stem(m.name)) and _ends_a_phrase(m, fragment))):  # …建设镇党委
            named.setdefault(m.name, m.towns)
            if _other_party(m, fragment, mentions, says_we=False):
                visited.add(m.name)  # 邀请石鱼镇司法所所长…: another town's office
    if len(named) != 1 or visited:
        return None
    (name, towns), = named.items()
    return TownGuess(name, "body", (_in_counties(towns, codes) if codes else ()) or towns)


# A town's own name in a slogan or a channel of its own: the stem alone after a word of praise (“魅力道滘”,
# 法治东里, 平安石岐), in a report that says 我镇 and names itself nowhere else with its unit
# (依托“魅力道滘”、官方融媒体平台…推进…十件实事在道滘落到实处).
# (the stem closes the slogan: a quote or a brand's word after it, not a word going on, 法治联络员)
_BRAND = re.compile(rf"(?:魅力|美丽|法治|平安)([{CJK}]{{2,3}}?)(?:[”」』\x22]|建设|品牌)")


def _brand_guess(opening: str, units: set[str], codes: set[str]) -> TownGuess | None:
    """The town whose stem a report that speaks as one unit (UNITS: 我镇) writes after a word of praise (魅力道滘)
    in its OPENING (Simplified) and names there at least twice: the one town of that unit and stem (in its
    counties, CODES, when known)."""
    if len(units) != 1:
        return None
    (unit,) = units
    tried = set()
    for m in _BRAND.finditer(opening):
        stem = m.group(1)
        if stem not in tried:
            tried.add(stem)
            if _is_common_word(stem) or opening.count(stem) < 2:
                continue
            towns = towns_named(stem + unit)
            if codes:
                towns = _in_counties(towns, codes)
            if len(towns) == 1:
                return TownGuess(stem + unit, "body", towns)
    return None


# What may come before the subject of a report's first sentence: the year or 今年以来, and 在…领导下,
# clauses (2022年仁和街道认真学习…; 2023年,在市委的坚强领导下,区政府坚持…; 今年以来，…街道党工委…).
_BEFORE_SUBJECT = re.compile(# the year's setting in a clause of its own (2023年是法治政府建设重点突破年,)
                             r"(?:20\d\d\s*年(?:是|为)[^,，。]{0,30}[,，]\s*)?"
                             rf"(?:(?:20\d\d\s*{_YEAR_SINCE}|今年以?来|一年以?来|近年来|本年度|年初以来)\s*[,，、]?\s*)?"
                             r"(?:在[^,，。]{0,40}下\s*[,，]\s*)*")


def _opening_subjects(text: str, *, later_sentences: bool = False):
    """Each of the first three lines from its subject on (Simplified script, 40 characters); blank
    lines do not count (pages set a blank line between title, date and body). LATER_SENTENCES: then
    the next two sentences of each, for an opening that starts with the year's setting (2020年是…
    关键之年。古美路街道深入…); a county's report may name towns there (郭道镇试点推行…)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:3]
    for line in lines:
        first = to_simplified(line[:80])
        yield first[_BEFORE_SUBJECT.match(first).end():][:40]
    if not later_sentences:
        return
    for line in lines:
        for sentence in re.findall(r"[^。！？]+[。！？]?", line[:400])[1:3]:
            sentence = to_simplified(sentence.strip()[:80])
            yield sentence[_BEFORE_SUBJECT.match(sentence).end():][:40]


def _opening_subject(text: str, codes: set[str]) -> TownGuess | None:
    """A gazetteer town that is the subject of one of the first lines: whose report it is, even
    when it speaks of its district as 我区. A name followed by a colon is a label (XX镇:), not a
    subject; a line before it whose subject is a county or city government ends the search."""
    for rest in _opening_subjects(text):
        government = _COUNTY_GOVERNMENT.match(rest) or _CITY_GOVERNMENT.match(rest)
        if government and rest[government.end():][:1] not in (":", "："):  # not the addressee (区委、区政府:)
            return None  # 县人民政府在县委的坚强领导下…: the county speaks; towns below are its examples
        mention = next(iter(town_mentions(rest[:24])), None)
        if (mention is None or mention.start != _divisions_before(rest, mention.start)
                or mention.name in _GENERIC_TOWNS or rest[mention.end:][:1] in (":", "：")):
            continue  # a town at the start, or after its county (余杭区仁和街道认真…), is the subject
        if _county_speaks_next(text, mention.name):
            return None  # 2024年，江湾镇率先…，成为我县…缩影。一年来，婺源县人民政府坚持…: the county's example
        local = _in_counties(mention.towns, codes) if codes else ()
        return TownGuess(mention.name, "body", local or mention.towns)
    return None


def _county_speaks_next(text: str, town: str) -> bool:
    """Does the county, or its government, speak in one of the two sentences after the one that names TOWN on
    the first lines?"""
    for line in [line.strip() for line in text.splitlines() if line.strip()][:3]:
        if town in to_simplified(line[:80]):
            later = re.findall(r"[^。！？]+[。！？]?", line[:400])[1:3]
            return any(_county_is_subject(sentence.strip()) for sentence in later)
    return False


# Township-level units that are no 乡, 镇 or 街道 (the gazetteer's type `other`): state farms, forest farms,
# pastures and the 管理区 that grew out of them, which write these reports too.
_FARM_OR_AREA = re.compile(r"农场|林场|牧场|种畜场|良种场|茶场|渔场|盐场|管理区")
_LONGEST_UNIT_NAME = 14


def _farm_or_area_in_title(title: str, codes: set[str]) -> TownGuess | None:
    """The farm or 管理区 a TITLE names as the gazetteer spells it (黄土坎农场, 大曹庄管理区): the longest
    such name, in a county the text names when it names any."""
    for m in _FARM_OR_AREA.finditer(title):
        for length in range(min(_LONGEST_UNIT_NAME, m.end()), m.end() - m.start() + 1, -1):
            name = title[m.end() - length:m.end()]
            towns = tuple(t for t in towns_named(name) if t.town_type == "other" and (not codes or t.county_code in codes))
            if towns:
                return TownGuess(name, "title", towns)
    return None


# 全镇 (全乡, 全街道) right after a town named in its sentence, in a text that speaks as a county (在新城铺镇建成
# 法治文化广场1个，全镇培养“法律明白人”260名 … 我县坚持…): that town's whole, not the author speaking of itself.
_WHOLE_OF = re.compile(r"全(?=镇|乡|街道)")
_WHOLE_OF_SPAN = 60


def _named_towns_wholes(text: str) -> str:
    """TEXT with each such 全 read as 该 (the said town's), when TEXT speaks as a county."""
    if not SELF_REFERENCE_COUNTY.search(text) or not _WHOLE_OF.search(text):
        return text
    chars = list(text)
    for m in _WHOLE_OF.finditer(text):
        before = text[max(0, m.start() - _WHOLE_OF_SPAN):m.start()]
        sentence = before[max(before.rfind(c) for c in "。！？!?\n") + 1:]
        if town_mentions(to_simplified(sentence)):
            chars[m.start()] = "该"
    return "".join(chars)


def infer_town(text: str, *, title: str, publisher: str = "", counties: tuple[County, ...] = ()) -> TownGuess:
    """The township named by the report: a gazetteer name, bare (聚奎镇), with its source.

    Evidence in order: the title; the page's publisher (发布机构); the opening and the closing
    lines (现将XX镇…, the signature); names repeated in the first pages; offices named after the
    town (XX司法所) in a report that says 我镇; lastly a title that starts with a name the
    gazetteer does not know. COUNTIES (named by the text) narrow the gazetteer to them.
    """
    codes = {c.adcode for c in counties if c.adcode}
    text = _named_towns_wholes(text)
    if title and (guess := _farm_or_area_in_title(to_simplified(title), codes)):
        return guess  # 黄土坎农场2022年度…报告: the farm's own, whatever town beside it the body names
    if title and (guess := _county_then_stem_title(to_simplified(title), text)):
        return guess  # 浏阳市大瑶2024年…: its county, then its stem
    evidence = [("title", title), ("page metadata", publisher)]
    # A report that speaks as a county (我区, 本县) and never as a township names towns only as
    # examples of its work: the body is no evidence of whose report it is.
    # So does one whose title names a county as its author (沁源县2023年法治政府建设情况报告, no town in
    # it), or whose first sentence has a county government for its subject (县政府坚持…).
    speaks_as_county = not _SELF_REFERENCE.search(text) and (
        bool(SELF_REFERENCE_COUNTY.search(text)) or _county_is_subject(text, city=True)
        or bool(title and _COUNTY_LEVEL_TITLE.search(title) and not town_mentions(to_simplified(title))
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
    renamed = _renamed_in_title(title)
    for source, fragment in evidence:
        if fragment and (guess := _short_name_guess(fragment, source, codes)):
            return guess  # 唐镇2023年… / 2022年，侯镇坚持…: where a town names itself
        mentions = None
        if source == "body" and fragment:
            simplified = to_simplified(fragment)
            found = town_mentions(simplified)
            mentions = [m for m in found if not _other_party(m, simplified, found, says_we=says_we)]
            # the first or last lines of a copy that starts or ends mid-report are its body, where towns are
            # named as examples (秀全街花港社区被推选为…; 鲇鱼山镇、区财政局等…述法): a name said once counts
            # only where a town names itself
            mentions = [m for m in mentions if _named_twice(m, mentions)
                        or not _example_or_fragment(m, simplified, says_we=says_we)]
        if fragment and (guess := _gazetteer_guess(fragment, source, codes, mentions=mentions,
                                                   starts_a_line=source != "page metadata")):
            if source == "title" and (whole := _whole_name_after_county(guess, fragment, text)):
                return whole
            return _as_renamed(guess, renamed, text)
        if source == "title" and fragment and (guess := _generic_title_town(fragment, codes)):
            return guess
    if speaks_as_county and (guess := _opening_subject(text, codes)):
        return guess
    if not speaks_as_county:
        opening = to_simplified(text[:3000])
        mentions = town_mentions(opening)
        # A report that says 我镇 names other towns too (赴金城镇学习, 与周家庄乡、大何庄乡联合执法):
        # those are not whose report it is, however often they are named.
        own = [m for m in mentions if not _other_party(m, opening, mentions, says_we=says_we)
               and (_named_twice(m, mentions) or not _example_or_fragment(m, opening, says_we=says_we))]
        # A text that never calls itself a township (a county's report cut to its body) names its county's
        # towns once as examples (对陶庄镇、生态环境分局等5家镇街…督察): one of them is no more its author
        # than any other town.
        if guess := _gazetteer_guess(opening, "body", codes, min_count=2, local_min_count=1 if says_we else 2,
                                     mentions=own, starts_a_line=True):
            return _as_renamed(guess, renamed, text)
        if guess := _clue_guess(text, codes):
            return guess
        units = set(_self_units(text))
        if units and (guess := _own_body_guess(opening, mentions, units, codes)):
            return guess
        if guess := _brand_guess(opening, units, codes):
            return guess
    for source, fragment in (("title", title), ("page metadata", publisher)):
        if fragment and (guess := _title_only_guess(fragment, source)):
            return _same_stem_in(guess, codes, text)
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


_CITED = re.compile(r"《[^《》\n]{0,80}》")


def infer_level(text: str, *, title: str, town: str, county: str = "", town_source: str = "") -> str:
    """township / county / unknown: county- and city-level governments write these reports too.
    COUNTY: the county the text names; a county-level city (孝义市) calls itself 我市. TOWN_SOURCE:
    where the town was read (`TownGuess.source`); a town the report names itself by (title, page
    metadata, body), not one guessed from clues, makes a text that speaks as a township its report."""
    text = _named_towns_wholes(text)
    opening = title + "\n" + text[:300]
    # (北京's …地区, a 乡 and a 街道 in one, is a township's name though no 乡/镇/街道 ends it)
    if town and (_names_town(title, town) or town_type_of(town) or town.endswith("地区")):
        # (a title may name it by its stem after its county: 浏阳市大瑶2024年…)
        if not _COUNTY_LEVEL_TITLE.search(title) or _names_town(title, town) or (
                town_source == "title" and _stem(town) in title):
            return "township"
    if town and town_source in ("title", "page metadata", "body") and _SPEAKS_AS_TOWNSHIP.search(text) \
            and not _COUNTY_SPEAKS.search(text):
        return "township"  # 本街道… under its district's page header (坊子区人民政府; 来源：黄旗堡街道办事处)
    # (a document the opening of a text that says 我乡 cites, 《渠县人民政府2024年法治政府建设重点工作安排》, is not
    # its title)
    cited = _CITED.sub("", opening) if _SPEAKS_AS_TOWNSHIP.search(text) else opening
    if _COUNTY_LEVEL_TITLE.search(title) or re.search(r"(县|区|市|旗)人民政府\s*(关于)?\s*20\d\d", cited):
        if not town or not _names_town(opening, town):
            return "county"
    if (re.search(rf"我(镇|乡|街道|{_STREET_SHORT})|全(镇|乡)|本(镇|乡)", text) or _TO_ITS_COUNTY.search(text[:_ADDRESSEE_SPAN])
            or (_TOWN_BODIES_ACT.search(text) and not _COUNTY_SPEAKS.search(text))):
        return "township"
    if not town and (_county_is_subject(text) or (county.endswith("市") and (
            _CITY_SPEAKS.search(text[:600]) or _county_is_subject(text, city=True)))):
        return "county"
    if not town and county and _county_stem_is_subject(text, county):
        return "county"  # 2023 年,邹城坚持… (《中共邹城市委…》 below): the county by its stem, as its own subject
    if not town and _county_is_subject(text, city=True) and _GOVERNS_TOWNS.search(text):
        return "county"  # 2025年,我市坚持… 全市36个部门、各镇(街): a county-level city, whose towns are its own
    if not town and len(_COUNTY_SPEAKS.findall(text)) >= 2:
        return "county"  # 关于2025年法治政府建设情况的报告 … 我区坚持…: a district that never names itself
    if not town and _ANNOUNCES_COUNTY.search(text[:_ADDRESSEE_SPAN]):
        return "county"  # 主任、各位副主任、委员: 现将我旗2024年…报告如下: the report announced as the county's own
    if not town and len(_COUNTY_GOVERNMENT_ACTS.findall(text)) >= 2:
        return "county"  # a page from the middle of a district's report: 。区政府坚持… 。区政府将…
    return "unknown"


# What a report's subject does first (…坚持以习近平…, …深入推进…, …始终把…): after a county's stem at the
# opening's start it is the county speaking, not a word that begins like it (邹城经济开发区, 宁国市民).
_SUBJECT_VERB = re.compile(r"\s*(?:坚持|始终|深入|认真|全面|紧紧|紧扣|聚焦|围绕|持续|不断|扎实|积极|着力|大力|高度重视|"
                           r"立足|锚定|牢牢|切实|统筹|以习近平|把|将)")


def _county_stem_is_subject(text: str, county: str) -> bool:
    """Does one of the first lines open with COUNTY's stem as its subject (2023 年,邹城坚持…; 2022年，文登深入
    推进…)? COUNTY is the county the text names elsewhere (中共邹城市委), so the stem is no guess; a stem that
    is also a common word, or one under two characters, is not read."""
    stem = strip_place_suffix(county)
    if len(stem) < 2 or stem == county or _is_common_word(stem):
        return False
    return any(rest.startswith(stem) and _SUBJECT_VERB.match(rest, len(stem)) for rest in _opening_subjects(text))


# A government that speaks of its towns as its own units (各镇(街), 各乡镇, 乡镇(街道)): a county's, not a
# prefecture's (县(市、区)) nor a township's (各村(社区)).
_GOVERNS_TOWNS = re.compile(r"各(?:乡镇|镇|乡|街道)(?![长村])|(?:乡镇|镇)[（(]街(?:道)?[)）]")


# A county government as the subject of a sentence (。区政府坚持把府院联动…; 区政府和区法院成立…): a township's
# report names its county government only as the authority it answers to (在区委、区政府的领导下).
_COUNTY_GOVERNMENT_ACTS = re.compile(r"(?:^|(?<=[。！？!?；;\n]))[ \t\u3000]*[县区旗](?:人民)?政府(?=坚持|始终|将|把|和[县区旗]|与[县区旗]|围绕|"
                                     r"高度重视|全面|认真|深入|积极|持续|不断|严格|着力|聚焦|出台|制定|印发|成立|建立|召开|主动|大力)")


# A township's party committee and government as a sentence's subject, unnamed (街道党工委、办事处持续推进…;
# 镇党委、镇政府高度重视…): its own report; a county's speaks of 各乡镇党委 or 乡镇党委、政府.
_TOWN_BODIES_ACT = re.compile(r"(?:^|(?<=[。！？!?；;\n]))[ \t\u3000]*(?:镇|乡|街道)(?:党委|党工委)[、和,，]?"
                              r"(?:镇|乡|街道)?(?:人民政府|政府|办事处)")


# A report addressed to its county's party committee and government together (区委、区政府：) is a
# township's: a county government reports to its city, or to its own people's congress (县人大常委会：).
_TO_ITS_COUNTY = re.compile(r"(?:^|\n)[ \t\u3000]*(?:中共)?[县区旗]委[、，,和]?[县区旗](?:人民)?政府[ \t]*[:：]")
_ADDRESSEE_SPAN = 400
# A township that speaks of itself (我镇, 本街道), not of all towns (全乡镇, 全镇 in a county's report).
_SPEAKS_AS_TOWNSHIP = re.compile(rf"[我本](?:{'|'.join(TOWNSHIP_UNITS)}|苏木)(?![级域内外])")
# A county that speaks of itself (我区坚持…, 本县): not of its level or area (本区域, 我县级).
_COUNTY_SPEAKS = re.compile(SELF_REFERENCE_COUNTY.pattern + "(?![级域内外])")
# The sentence that announces the report as the county's (现将我县2024年法治政府建设情况报告如下).
_ANNOUNCES_COUNTY = re.compile(r"现将" + _COUNTY_SPEAKS.pattern + r"[^。！？\n]{0,40}(?:报告|汇报)如下")
# A city that speaks of itself (2023年以来，我市坚持…), not of its markets or its people (本市场, 全市民).
_CITY_SPEAKS = re.compile(r"[我本全]市(?![级域内外场民])")


# A county government as the subject of the opening sentence: 县委、县政府坚持…, 区政府坚持…, 我县坚持….
_COUNTY_GOVERNMENT = re.compile(r"(?:[县区旗]委[、和,，]?)?[县区旗](?:人民)?政府|[我本全][县区旗](?![级域内外])")
# …and a city's (2020年,市政府坚持…; 2025年,我市坚持…): a county-level city's, or a prefecture's; never a township's.
_CITY_GOVERNMENT = re.compile(r"(?:市委[、和,，]?)?市(?:人民)?政府(?![办工各部门])|[我本]市(?![级域内外场民])")


# What follows a county in an addressee's line (慈溪市委、市政府: / 慈溪市:), not in a subject's.
_ADDRESSEE_AFTER = re.compile(r"[^，,。！？\s]{0,12}[:：]")


def _divisions_before(rest: str, at: int) -> int:
    """AT when REST[:AT] is nothing but county, city and province names (浙江省慈溪市), else 0."""
    return at if 0 < at <= 14 and _all_divisions(rest[:at]) else 0


# A government the subject works under, its 在 lost (2022年,区委区政府的正确领导下,胡家园街认真…): no subject.
_UNDER_ITS_LEAD = re.compile(r"的[^，,。]{0,12}(?:领导|指导|关心|支持)(?:和[^，,。]{0,8})?下")


def _county_is_subject(text: str, *, city: bool = False) -> bool:
    """Does one of the first lines open with a county, or a county government, as its subject
    (2023年,登封市坚持…; 在市委的坚强领导下,区政府坚持…)? A report with no town that speaks so is
    a county's. CITY: a city government (市政府坚持…) counts too."""
    for rest in [*_opening_subjects(text), *_after_the_year_s_setting(text)]:
        government = _COUNTY_GOVERNMENT.match(rest) or (city and _CITY_GOVERNMENT.match(rest))
        if government and rest[government.end():][:1] not in (":", "：") \
                and not _UNDER_ITS_LEAD.match(rest, government.end()):  # not the addressee (区委、区政府:)
            return True
        mention = next(iter(county_mentions(rest[:24])), None)
        if mention is not None and mention[0] == 2 and rest.startswith("中共"):
            # 2025年,中共姚安县委、姚安县人民政府坚持…: the county's party committee, by its full name, and its
            # government speak together; an addressee's line (中共某县委、某县人民政府:) does not
            name = re.escape(rest[mention[0]:mention[1]])
            if re.match(rf"委[、,，和\s]{{1,2}}{name}(?:人民)?政府", rest[mention[1]:]) and not re.search("[:：]", rest):
                return True
            continue
        if mention is not None and _TEMPLATE_FOR_ITS_TOWNSHIPS.match(rest, mention[1]):
            continue  # 平顺县乡镇2022年度…报告表: the county's template, filled in by one of its towns
        if mention is not None and 0 < mention[0] and _is_its_city(rest[:mention[0]], rest[mention[0]:mention[1]]):
            mention = (0, mention[1], mention[2])  # 2024年,青岛市黄岛区坚持… / 青岛西海岸新区工委(区委)…: after its city
        if mention is not None and mention[0] == 0 and not _ADDRESSEE_AFTER.match(rest, mention[1]):
            if rest.startswith("人民政府", mention[1]) and any(
                    town.start == 0 for town in town_mentions(rest[mention[1] + 4:mention[1] + 24], min_chars=2)):
                return False  # 荣昌区人民政府广顺街道办事处: a street office's full name (its district's 派出机关)
            glued = next(iter(town_mentions(rest[mention[1]:mention[1] + 20], min_chars=2)), None)
            if _OPENING_TOWN.match(rest, mention[1]):
                return False  # 闵行区古美路街道深入…: a town the gazetteer may not know is the subject
            return glued is None or glued.start != 0  # 即墨区金口镇坚持…: the town is the subject
    return False


def _is_its_city(prefix: str, county: str) -> bool:
    """Is PREFIX (青岛市, 青岛, 山东省青岛市) the city, or the province and city, of a county called COUNTY? A
    county is often written after its city (青岛市黄岛区, 福州市马尾区) where it is its report's subject."""
    for unit in counties_named(county):
        city, province = unit.city, unit.province
        if city and prefix in {city, city.removesuffix("市"), province + city, province.removesuffix("省") + city}:
            return True
    return False


# An opening sentence that sets the year (2025年是…关键之年,也是…收官之年。 / 今年是…100周年,…) before the
# subject's own.
# (A PDF's copy may break its lines inside it.)
_YEAR_S_SETTING = re.compile(r"(?:20\d\d\s*年度?|今年|本年度)[,，]?\s*(?:是|为)[^。！？]{0,120}[。！？]")  # (2022年,是…之年。)
# …or a maxim with no year at all (法治是安邦治国的基石,更是…的保证。), when the next sentence opens with the year.
_MAXIM_BEFORE_THE_YEAR = re.compile(r"[^。！？:：0-9０-９]{4,150}[。！？]\s*(?=20\d\d\s*年|今年以?来|一年以?来)")


def _after_the_year_s_setting(text: str) -> list[str]:
    """The subject of the sentence after a first sentence that sets the year (2025年是…收官之年。一年来,
    梅县区坚持…), or after a maxim with no year before the sentence that opens with it (法治是安邦治国的基石,
    …。2022年,…全县法治政府建设工作以…), as `_opening_subjects` gives it; [] when the text opens otherwise."""
    opening = text.lstrip()
    if not (setting := _YEAR_S_SETTING.match(opening) or _MAXIM_BEFORE_THE_YEAR.match(opening)):
        return []
    rest = to_simplified(re.sub(r"\s*\n\s*", "", opening[setting.end():setting.end() + 120])[:80])
    return [rest[_BEFORE_SUBJECT.match(rest).end():][:40]]


def _in_place_named_short(name: str, towns: tuple[Town, ...], text: str) -> tuple[Town, ...]:
    """Of the units sharing the town name NAME (杨集镇 in seven counties), those of the one county
    whose short name TEXT writes, else of the one city, else of the one province (《湖北省…指引》);
    () when none or several are. A place whose short name is the town's own (宁安市 and 宁安镇:
    法治宁安 is the town's) tells nothing."""
    stem = strip_place_suffix(name)
    for place in ("county", "city", "province"):
        shorten = province_stem if place == "province" else place_stem
        named = [t for t in towns if (short := shorten(getattr(t, place)))
                 and short not in stem and stem not in short and short in text]
        if named:
            return tuple(named) if len({t.county_code for t in named}) == 1 else ()
    return ()


def reconcile(guess: TownGuess, county: County | None, county_source: str,
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


def named_as_its_unit(guess: TownGuess) -> TownGuess:
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
    if not kinds and _answers_to_a_bare_city(opening):
        kinds = {"市"}  # 在市委、市政府的领导下 and no 县委 or 区委: a county-level city's town
    if len(kinds) != 1:
        return ()
    own = tuple(t for t in towns if kinds & _kinds_of(t.county, county_aliases().get(t.county, ())))
    return own if len({t.county_code for t in own}) == 1 else ()


# 市委 / 市政府 with nothing of a city's name before it (在市委、市政府的领导下).
_BARE_CITY = re.compile(r"市(?:委|政府|人民政府)")


def _answers_to_a_bare_city(opening: str) -> bool:
    """Does OPENING answer to 市委 or 市政府 by the kind alone? (A town of a county-level city does; a
    town of a 县 or 区 names its own 县委 or 区委 beside its prefecture's, which the caller checks.)"""
    return any(m.start() and opening[m.start() - 1] in _BEFORE_BARE_SUPERIOR for m in _BARE_CITY.finditer(opening))


def _kinds_of(county: str, aliases: tuple[str, ...]) -> set[str]:
    """The kinds a county is written as (县, 区, 市, 旗), its former names' too (滦州市, once 滦县)."""
    return {name[-1] for name in (county, *aliases) if name}


# What stands before a county's kind when the text names only the kind (在区委、区政府的领导下, 接受县委…,
# 依法治县委员会).
# The last character of a verb before it counts too (落实区委部署, 按照县委, 贯彻区委, 服从, 根据, 得到, 支持):
# no county's name ends so.
_BEFORE_BARE_SUPERIOR = frozenset("在、和及与同受向对经按由并为治实照彻从据到持，,。；;：:（(“\" \t\n")


def _speaks_of_its_kind(county: County, text: str) -> bool:
    """False when TEXT answers only to another kind of county government than COUNTY is (a town the
    gazetteer places in 安阳县 whose report says 区委、区政府 has moved to a district since the
    gazetteer's table, or shares its name with a town there): then the gazetteer's county is no answer."""
    kinds = {match.group("kind") for match in _SUPERIOR.finditer(text[:3000])}
    return not kinds or bool(kinds & _kinds_of(county.county, county.aliases))


# The kinds of unit a report speaks as (我乡, 全镇, 我街), and the gazetteer's types of each kind.
_SELF_KIND_TYPES = {"乡": ("乡", "民族乡"), "镇": ("镇",), "街道": ("街道",), "苏木": ("苏木",)}


# What follows a town's stem when it names a village, community, road or school of that name (郭家沱社区).
_STEM_OF_A_PLACE = set("村社居路街站所校园桥湾港组片")
_MIN_STEM = 3


def town_of_its_stem(text: str, county: County | None) -> TownGuess:
    """A township's report that never writes its own name whole, only its stem (郭家沱交出优异答卷, and
    街道 for itself): the one unit of its county whose stem of three or more characters the text
    names, never as a village's or a road's name (郭家沱社区). Several such units, or none: no guess."""
    if county is None:
        return TownGuess()
    codes = [county.adcode] if county.adcode else [c.adcode for c in counties_named(county.county)]  # 江北区: two
    named = [town for code in codes for town in towns_of_county(code)
             if len(stem := _stem(town.town)) >= _MIN_STEM and stem in text
             and all(text[m.end():m.end() + 1] not in _STEM_OF_A_PLACE for m in re.finditer(stem, text))]
    return TownGuess(named[0].town, "clue", tuple(named)) if len(named) == 1 else TownGuess()


@lru_cache(maxsize=1)
def _towns_by_stem() -> dict[str, tuple[Town, ...]]:
    by_stem: dict[str, list[Town]] = {}
    for town in load_townships():
        by_stem.setdefault(_stem(town.town), []).append(town)
    return {stem: tuple(towns) for stem, towns in by_stem.items()}


def town_of_its_slogan(text: str) -> TownGuess:
    """A township's report that never writes its name whole, only its stem as the opening's subject and in
    its own slogan (2025年，公明坚持…，奋力书写法治公明建设的新篇章; 街道 for itself): the one township in
    the country of that stem, which no county, city or province shares (光明 is also 光明区). No guess else."""
    for rest in _opening_subjects(text):
        stem = re.match(rf"[{CJK}]{{2,3}}", rest)
        for size in (3, 2) if stem else ():
            name = stem.group(0)[:size]
            if (f"法治{name}" in text and name not in _division_stems() and not _is_common_word(name)
                    and len(towns := _towns_by_stem().get(name, ())) == 1):
                return TownGuess(towns[0].town, "clue", towns)
    return TownGuess()


def only_town_of_its_kind(text: str, county: County | None) -> TownGuess:
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
