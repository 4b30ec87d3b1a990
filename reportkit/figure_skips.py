"""Numbers that are not counts: names, ordinals, ranges, scores and lists that a number restates.

`not_a_count` decides for one match of the "number + unit" pattern (`figure_units.number_regex`):
三台县 and 五元镇 are place names, 第一书记 an ordinal, the upper end of 3-5次 the same figure as its lower end,
六七十份 an estimate, 源头、过程、结果三个环节 a list counted, 每个村…1名 a rule per unit, 9时30分 no score.
"""
from __future__ import annotations

import re

from .chinese import CJK, CN_DIGITS, CN_NUMERAL_CHARS, GENERIC_CLASSIFIER, chinese_to_number
from .figure_owner import TARGET_AFTER
from .figure_units import unit_of
from .places import is_place_name


# 数百人, 几十次, 上千人, 成百上千: no number given. (上 and 成 only before 百, 千, 万: 整改完成二十七个 and 线上二十场
# are counts.)
_VAGUE = re.compile(r"(?:数|几|(?P<round>上|成))\s?$")


# (日均, 月均, 年均, 人均, 平均 … are averages of the work, figures themselves: 日均用餐180人次,
# 平均办结时限3天.)
_DISTRIBUTIVE = re.compile(r"每|(?<![日月年周天人户平])均|各(?:配|设|有|落实|安排|明确)")


_PLACE_SUFFIX = "县区市镇乡山河街村湖岭寨屯庄营堡渠"


_ENDS_A_PLACE = re.compile("[县区市旗镇乡街场]")


def _is_place_name(text: str, start: int, end: int) -> bool:
    """Whether the numeral and unit at START:END begin or sit inside a county or town the gazetteer
    knows by that very name (三元区, 七个星镇, 千人桥镇): any unit, not only those marked in_place_names."""
    if not _ENDS_A_PLACE.search(text, end, end + 4):
        return False  # no 区, 镇, 乡 … close after it: no name to look up
    return any(is_place_name(text[max(0, start - before):end + after])
               for before in range(0, 3) for after in range(1, 5))


# Two neighbouring numerals before a magnitude or a unit (六七十, 七八百, 三四): an estimate between them.
_PAIRED_NUMERALS = re.compile("|".join(a + b for a, b in zip("一二三四五六七八", "二三四五六七八九")))


def not_a_count(text: str, m: re.Match, clause_start: int) -> bool:
    start = m.start()
    if (m.group("unit") == "元" and m.group("num") and len(m.group("num")) == 1 and m.group("num") in CN_DIGITS
            and re.match(f"[{CJK}]", text[m.end():m.end() + 1])):
        return True  # 三元农业开发公司, 五元镇: a name, never an amount of three yuan
    if TARGET_AFTER.match(text, m.end()):
        return True  # 提出矛盾纠纷化解率不低于98%的目标: a target, not work done
    if _CAP.search(text, max(clause_start, start - 6), start):
        return True  # 检查一般不超过2次: a rule's cap, not work done
    if _DOCUMENT_NOTE.search(text, max(0, clause_start - 20), start):
        return True  # 《…清单》（共68项）: what the document holds, not work done
    before = text[max(0, start - 3):start]
    unit = unit_of(m)
    after = text[m.end():m.end() + 1]
    if unit.kind != "percent" and m.group("pct") is None and (
            (m.group("post") == "以上" and after == "的") or _THRESHOLD.match(text, m.end())):
        return True  # 其中涉及资金50万元以上的9份: the bound of a class counted, not a count (90%以上的农户 is a share)
    if m.group("pct") is None and m.group("post") is None and after and after in unit.not_followed_by:
        # …but 其中3人为执法员 counts people (人为 is "man-made" only after a word, 以10人为一组 a rule).
        if not (after == "为" and m.group("num") and m.group("num")[0].isdigit()
                and not re.search(r"以\s?$", before)) and not text.startswith(unit.but_before, m.end()):
            return True
    if m.group("num") and not m.group("num")[0].isdigit() and (
        (unit.in_place_names and after and after in _PLACE_SUFFIX) or _is_place_name(text, m.start(), m.end())
    ):
        return True  # 三台县, 七台河, 八所镇, 五家渠, 三元区, 七个星镇: place names, not counts
    if re.search(r"第\s?$", before) or re.search(r"分之$", before):
        return True  # 第一书记; 三分之二
    if _ORDINAL_LIST.search(text, max(0, start - 10), start):
        return True  # 第七次、八次会议: 第 numbers the whole list
    low = _RANGE_LOW.search(text, max(0, start - 12), start)
    if low and (low.group("unit") is None
                or low.group("unit").lstrip("万亿萬億") == m.group("unit").lstrip("万亿萬億")):
        return True  # the upper end of a range: 3-5次, 30万至50万元, 5万元-8万元 (one figure, not two)
    if m.group("num") and _PAIRED_NUMERALS.search(m.group("num")):
        return True  # 六七十份, 二三十处: a range said in two numerals, as 3-5次 is
    if _counts_its_list(text, m):
        return True  # 源头、过程、结果三个关键环节: the number restates the list before it
    if _spells_out_a_formula(text, m):
        return True  # “1+3+N”机制，即1个核心、3个平台: a term of the name, not a count
    if m.group("unit") == GENERIC_CLASSIFIER and re.match(r"\s?(?:\d|百分之)", text[m.end():m.end() + 4]):
        return True  # 实现四个100%: how many rates, not a count of work
    if (m.group("pct") is None and not m.group("num")[0].isdigit()
            and (vague := _VAGUE.search(text[clause_start:start]))
            and not (vague.group("round") and m.group("num")[0] not in "百千万亿萬億")):
        return True
    if unit.kind == "score" and not _is_score(text, m, clause_start):
        return True
    if unit.kind == "duration" and _NOTICE_BEFORE.search(text[clause_start:start]) and _NOTICE_AFTER.match(text, m.end()):
        return True  # 在作出决定前5个工作日告知, 提前3天公示: a notice period, a rule of procedure
    # 每个村落实网格员1名 is a rule per unit, not a count; 均达100% is still a rate.
    # A score may be an average (平均成绩92.3分).
    return (unit.kind not in ("percent", "score") and m.group("pct") is None
            and bool(_DISTRIBUTIVE.search(text[clause_start:start])))


# The lower end of a range before its upper end, with its own magnitude or unit (30万至50万元, 10家到15家).
_RANGE_LOW = re.compile(rf"\d\s?[十百千万亿萬億]?\s?[余多]?\s?(?P<unit>[{CJK}%％]{{1,2}})??\s?[-~～—–－至到]\s?$")


# A bound that names a class (50万元以上的合同, 标的额10万元以下的案件, 3人及以上的群体性事件), after the number.
_THRESHOLD = re.compile(r"\s?(?:及以上|以下|及以下)的")


# A cap (不超过, 不得超过, 不多于) is a rule's limit (同一企业年度检查一般不超过2次), not the work of the year.
_CAP = re.compile(r"(?:不超过|不得超过|不多于|不得多于|不超出)\s?$")


# A bracket right after a document's or a list's name whose note counts what it holds (《…清单》（共68项）,
# …事项清单（共列检查事项154项）): the document's items, not the town's work.
_DOCUMENT_NOTE = re.compile(r"(?:》|清单|目录|名录)\s?[（(]\s?(?:共|计|含|列|涵盖|包括|收录|明确)[^（()）。；;，,]{0,16}$")


# A notice period: a duration before an act (在作出决定前5个工作日告知, 提前3天公示), counted back from it.
_NOTICE_BEFORE = re.compile(r"(?:提前|(?<=[\u4e00-\u9fff])(?<![改革压缩优化调整整治之])前)\s?$")
_NOTICE_AFTER = re.compile(r"\s?(?:内|以内)?\s?[^，,。；;\d]{0,8}?(?:告知|通知|公示|公告|送达|提醒|告诉|发布)")


# An ordinal whose 第 numbers a list (第七次、八次会议, 第1、2批): the numbers after it are ordinals too.
_ORDINAL_LIST = re.compile(r"第\s?[\d一二三四五六七八九十百零〇两]+\s?[次届期批轮号]?\s?[、和及与]\s?$")


# 分 is a score only after a score word of its clause, never a time (9时30分), a full mark (满分100分)
# or points taken off or added (扣2分).
_SCORE_WORD = re.compile(r"成绩|得分|分数|评分|考分|平均分|测评|考核|考试|测试|评估")


def _is_score(text: str, m: re.Match, clause_start: int) -> bool:
    before = text[clause_start:m.start()]
    num = m.group("num")
    # A score in Chinese numerals (平均成绩九十一分) is one too, when two numerals or more end the clause or a bound
    # follows (成绩十分突出, 得分一分: an adverb, an article).
    written = bool(num) and (num[0].isdigit() or (len(num) >= 2 and not re.match(f"[{CJK}]", text[m.end():m.end() + 1])))
    return (written and bool(_SCORE_WORD.search(before))
            and not re.search(r"满分\s*$|[\d时点:：扣减加]\s*$", before))


_LIST_ITEM = rf"(?:(?![{CN_NUMERAL_CHARS}])[{CJK}]){{2,8}}"  # an item names, it does not count


_LISTED = re.compile(rf"(?:{_LIST_ITEM}、)+{_LIST_ITEM}(?:[和及与]{_LIST_ITEM})?$")


# A quoted list right before the numeral: the quote's content, its items joined by 、, or two items joined by
# 和/与/及 (“灾后恢复重建和绿色高质量转型发展”两条工作主线; each of at least two characters, so a word that holds
# 和 — “平安和谐” — is no pair).
_QUOTED_LIST_END = re.compile(r"[“\"「]([^“”\"「」，,。；;]+、[^“”\"「」，,。；;]+"
                              r"|[^“”\"「」，,。；;、和与及]{2,20}[和与及][^“”\"「」，,。；;、和与及]{2,20})[”\"」]\s*$")


# Aspects of a piece of work, not things it reached: 问题督察、整改督察、责任督察3个层面.
_ABSTRACT_PARTS = re.compile(r"\s*(?:层面|方面|环节|维度|板块|步骤|阶段|途径|渠道|路径)")


# A body's groups, named by the list before their count, as the subject of what each did (司法、执法、守法普法
# 3个协调小组各召开会议1次): the count names them, as 三个小组 does; the work is what each did. Groups formed
# (组建调解、巡防和宣讲3个小组) stay a count.
_GROUPS_EACH_ACTING = re.compile(rf"\s*[{CJK}]{{0,4}}?(?:小组|工作组|专班|分委员会|委员会)\s*(?:各|分别)")


# Two things joined by 和 before 两项/两大 and a word for tasks or aims: the pair the numeral names.
_PAIR_OF_TASKS = re.compile(rf"[{CJK}]{{2,}}[和与及][{CJK}]{{2,12}}$")


_TASK_WORDS = re.compile(r"\s*(?:个|项|大)?\s*(?:重点|中心|核心|主要)?(?:任务|工作|目标|工程|战略|大事|要务|主题)")


# A quoted name built as a sum (“1+3+N”, “3+X”), then what it stands for (即以…为1个学习核心 / ：1个中心、6个站)
# in the same sentence: the numbers that repeat its terms spell the name out (what it is made of: things, people,
# teams; a number of times or cases after it is work done).
_FORMULA = re.compile(r"[“\"「]\s*((?:\d+|[A-Za-zＮＸ])(?:\s*[+＋]\s*(?:\d+|[A-Za-zＮＸ]))+)\s*[”\"」]"
                      r"[^。；;\n“”\"「」]{0,20}?(?:即|也就是|就是|具体为|具体是|是指|指的是|[：:])")


_FORMULA_TERM_KINDS = {"item", "person", "team", "unit_org", "place", "kind"}


def _spells_out_a_formula(text: str, m: re.Match) -> bool:
    raw = m.group("num")
    if unit_of(m).kind not in _FORMULA_TERM_KINDS:
        return False
    try:
        value = float(raw) if raw.isdigit() else (2.0 if raw == "两" else chinese_to_number(raw))
    except (TypeError, ValueError):
        return False  # no number, or a decimal or a magnitude: no term of a name
    before = text[max(0, m.start() - 80):m.start()]
    for formula in _FORMULA.finditer(before):
        terms = {float(t) for t in re.split(r"\s*[+＋]\s*", formula.group(1)) if t.isdigit()}
        spelled = before[formula.end():]
        if value in terms and len(spelled) <= 40 and not re.search(r"[。；;\n]", spelled):
            return True
    return False


def _counts_its_list(text: str, m: re.Match) -> bool:
    """Whether a Chinese numeral counts the items listed right before it (执法、司法、普法三个小组):
    a name for the list, not a measure of work."""
    raw = m.group("num")
    if not raw or unit_of(m).kind != "item":
        return False
    if raw[0].isdigit():
        if not raw.isdigit() or not (_ABSTRACT_PARTS.match(text, m.end()) or _GROUPS_EACH_ACTING.match(text, m.end())):
            return False  # 对甲、乙、丙3家企业开展检查: digits count the things the work reached
        n = int(raw)
    else:
        n = chinese_to_number(raw) if raw != "两" else 2
    start = max(0, m.start() - 60)
    before = text[start:m.start()]
    if quoted := _QUOTED_LIST_END.search(before):  # “经济发展挑大梁、…、年度勇争先”三张清单
        return len(re.split(r"[、和及与]", quoted.group(1))) == n
    clause = re.split(r"[，,；;。：:\n“”《》（）()]", before)[-1]
    if n == 2 and _PAIR_OF_TASKS.search(clause) and _TASK_WORDS.match(text, m.end()):
        return True  # 紧扣城市更新和乡村振兴两项重点任务: the two tasks it names, however long their names
    listed = _LISTED.search(clause)
    return bool(listed) and len(re.split(r"[、和及与]", listed.group())) == n
