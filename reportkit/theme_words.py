"""An item's words: its lead clause, and its keyword score per theme (resources/themes.csv).

`lead_clause` and `split_lead` cut an item into the scene it sets, its lead (the fault) and the rest; the scores
count the theme list's keywords and cues in each, the lead's weighed more, with the words that name no fault (a
law's title, the topic of what someone does not know, whom a service is for …) taken out first (`keyword_scores`).
`reportkit.shortcomings` joins these scores with the items' clusters.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from .chinese import CJK, ITEM_PREFIX
from .normalize import to_simplified
from .problem_lists import DEADLINE, ROW_NUMBER, UNIT

_CLAUSE_END = re.compile(r"[，,；;。：:！!？?\n]")


def _keywords(themes: pd.DataFrame, column: str = "keywords") -> list[list[str]]:
    if column not in themes.columns:
        return [[] for _ in range(len(themes))]
    return [[k.strip() for k in str(row).split("|") if k.strip()] for row in themes[column].fillna("")]


# A cue (群众, 干部, 人员) is weaker evidence than a keyword: it decides only for an item no keyword
# matched, and its score stays below a keyword's.
CUE_WEIGHT = 0.5


# A first clause that sets the scene or concedes, before the fault itself (虽然…已…，但…; 随着…，…;
# 对照…要求，…; 从…情况看，…; 扫黑除恶常态化背景下，…; 在征地拆迁过程中，…; 与邻镇相比，…), or names the review that
# found it (在年度自查中，…; 经督查，…; 巡察反馈指出，…; 据统计，…), and 客观上…，主观上…, where the
# subjective fault is what the town answers for: the fault is in the clause after it.
_SAMPLE_COUNT = r"(?:\d+|[一二两三四五六七八九十百]+)(?:份|卷|个|件|名|户|家|宗|所|项|人|批)"
_SETTING = re.compile(r"^(?:虽然|虽|尽管|随着|面对|对照|对标|客观上|从.{1,30}(?:看|来看|而言)$|.{1,24}(?:背景下|形势下)$"
                      r"|(?:主要|具体|存在)?(?:问题|表现|短板|不足|整改事项|问题事项|问题描述)$"  # 表现：…, 整改事项：…, a list's label
                      r"|在.{2,24}(?:过程中|中|时|期间)$"
                      # a law's taking effect dates the fault (新修订的行政复议法施行后，…); not …后 at large (执法队员调走后)
                      r"|.{0,24}(?:法|法典|条例)》?(?:正式)?(?:施行|实施|生效|颁布|公布|修订|修改)(?:以)?后$"
                      # … and so does its having been in force a while (themes set 106: 新修订的行政复议法实施已满三年，但…;
                      # 《…条例》施行以来，…; …法实施两年来，…)
                      r"|.{0,24}(?:法|法典|条例)》?(?:正式)?(?:施行|实施|生效)(?:以来|已(?:满|有|近|逾|经)?.{1,4}(?:年|个月)"
                      r"|(?:已|近|满)?.{1,4}(?:年|个月)(?:以)?来)$"
                      # … and so does the assessor's putting a thing into its assessment (县里将万人成讼率纳入考核后, as
                      # 虽然县里已将…纳入考核): not X纳入考核后, whose X may name the field, nor a reform's …后 at large
                      r"|.{0,12}(?:将|把).{1,24}纳入.{0,16}(?:考核|考评|评价|评估)[^，。；]{0,6}(?:以)?后$"
                      # a field the item is filed under (在普法宣传方面，…; 就矛盾纠纷化解而言，…; 在执法力量上，…;
                      # 合同管理方面：…; 依法决策方面存在的问题：…): often another theme's than the fault's
                      # (not 贯穿…全过程和各方面, a clause that ends on a scope)
                      r"|在.{2,24}(?:(?<![各等多全两诸])方面|上)$|就.{2,24}(?:而言|来说|来看|(?<![各等多全两诸])方面)$"
                      r"|.{2,24}(?<![各等多全两诸])方面(?:存在|暴露|反映)?(?:出的|的)?(?:主要)?(?:问题|不足|短板)?$"
                      r"|.{0,20}(?:自查|评查|督查|督察|检查|考核|调研|调查|测评|回头看|(?<!风险)评估|复核|检视|验收)(?:中|时|过程中)$"
                      r"|.{1,20}活动(?:中|时|期间)$"
                      r"|经.{0,16}(?:督察|督查|检查|巡察|巡视|审计|调研|评查|排查|核查|考核|测评|梳理)$"
                      r"|经(?:查|查实|核实)$|经(?:查阅|调阅|翻阅|查看|抽查|走访)[^，。；]{0,14}$"
                      r"|(?!.*[未不没难])(?:.{0,16}(?:反馈|通报|指出|发现))$|据.{0,12}(?:统计|调查|了解|测算|摸排|梳理)$"
                      # who told of the fault (据网格员反映，…; 据调解员介绍，…): the teller is not the fault
                      r"|(?!.*[未没难无]|.*不(?!少))(?:据.{1,12}(?:反映|反馈|介绍|称)|有.{1,10}(?:反映|坦言|直言))$"
                      # who retells the report (themes set 111: 记者了解到，…; 该镇在报告中承认，…; 某街道在年度报告中写道，…;
                      # 该乡认为，…; 汇总各乡镇报告，…): the teller is not the fault; not a cadre's or the public's
                      # belief (部分干部认为，…: what they hold is the fault) nor a clause that finds fault itself
                      r"|(?!.*[未不没无缺难]|.*(?:干部|党员|负责人|领导|书记|人员|群众|村民|居民|企业))"
                      r"(?:[^，。；]{0,16}?(?:记者|笔者|报告|[镇乡]|街道|办事处)[^，。；]{0,10}?"
                      r"(?:了解到|注意到|获悉|写道|坦言|坦承|承认|直言|认为|提到|谈到|表示|自查发现)"
                      r"|(?:汇总|综合)[^，。；]{0,16}?(?:报告|材料|情况)(?:来)?看?)$"
                      # a speaker's opener (坦率地讲，…; 反思起来，…) or role (作为政府班子，…) before the fault
                      r"|(?:(?:坦率|坦白|老实|客观|实事求是)地?(?:讲|说|来讲|来说)|说到底|说实话|(?:认真|深刻)?反思起来"
                      r"|总的(?:来)?(?:看|说)|归根(?:结底|到底))$"
                      r"|作为.{0,10}(?:班子|党委|政府|书记|镇长|乡长|主任|负责人|责任人|领导)(?:成员)?$"
                      # a comparison's frame (与邻镇相比，…; 同样是外出务工，…): the fault is in what follows
                      r"|与.{1,20}(?:相比|比较|相较)$|同样是.{0,16}$|同是.{0,16}$"
                      # what a review sampled, counted (督察组随机抽查8份处罚决定书，其中2份…): the fault is in what it found
                      r"|(?![^，。；]*(?:[未不没无缺仅只偏]|较少|较低))(?=[^，。；]*" + _SAMPLE_COUNT + r")"
                      r"[^，。；]{0,30}(?:抽查|抽取|抽检|抽测|调阅|查阅|评查|走访|暗访|测试|测评|考试)[^，。；]{0,30}$)")
# … or concedes after its subject (项目虽已在公开栏公示，但…), when the next clause turns (但, 却).
_CONCEDES_AFTER_SUBJECT = re.compile(r"^.{1,20}?(?:虽然|虽|尽管)")
_TURN = re.compile(r"^(?:但是?|却|然而|可是)")
# … or praises the work before the fault (普法宣传取得一定成效，但…; 调解机制不断完善，但是…; 决策程序制度基本建立，然而…):
# a concession with no 虽, when the next clause turns. (Only a clause that ends on the praise.)
_PRAISED = re.compile(r"(?:取得|收到)了?(?:一定|明显|较大|较好|显著|初步|积极|良好|长足)?的?(?:成效|成绩|进展|效果|成果)$"
                      r"|(?:成效|效果)(?:明显|显著|初显|突出|良好)$"
                      r"|(?:不断|逐步|日益|持续|进一步)(?:完善|健全|加强|提升|提高|规范|深化|改善)$"
                      r"|基本(?:建立|健全|形成|实现|完成|落实|覆盖|理顺)$"
                      r"|有所(?:提升|提高|改善|加强|增强|好转|进步|减少|下降)$"
                      r"|(?:明显|显著|大幅)(?:提升|提高|改善|增强|减少|下降)$"
                      # … or says the work runs as it should (党支部“三会一课”开展正常，但…; 整体运行平稳，但…)
                      r"|(?:开展|运行|运转|落实|召开)正常$|正常(?:开展|运行|运转)$"
                      r"|(?:总体|整体)(?:较好|良好|平稳|有序)$")
# … or is the seeming or denied half of a contrast whose next clause says what is so (themes set 121: 表面上普法活动场场
# 爆满，实际上执法队员多为临时聘用人员; 不是执法力量不够，而是群众法治意识淡薄; 与其说…，不如说…; 普法宣传声势有余，
# 而矛盾纠纷实质化解不足): the fault is in the second half, whatever the first half names. Each pair only together
# (不是… with no 而是 after it, or a lone 实际上, keeps its lead), and only a first half that opens with its marker
# (问题不是…; 从表面上看…): after a subject (镇村干部法治培训并非次数不够，而是内容针对性不强; 干部学法表面上全员参加，
# 实际上实效不高) both halves are that subject's, and the clause that names it leads.
_CONTRAST = ((re.compile(r"^(?:从)?表面(?:上)?(?:看)?|^看似|^看上去"), re.compile(r"^而?(?:实际上|实则|事实上|其实|实际)")),
             (re.compile(r"^(?:问题|原因|症结|关键|根子|这)?(?:其实|主要|也|并|都)?(?:不是|并非|并不是|绝非)"),
              re.compile(r"^而是")),
             # (… and the public's denied denial, themes set 137: 群众并非不愿学法用法，而是村里的法律服务工作室多数无人值守;
             # 村民不是不想调解，而是…: the first half clears the public, so it names no fault, and what follows 而是, the
             # service that fails them, leads. Only the public's: a cadre's (村干部不是不想依法办事，而是对…了解不多) or a
             # work's (镇村干部法治培训并非次数不够，而是…) second half is that subject's, and the clause naming it leads)
             (re.compile(r"^(?:部分|一些|个别|少数|广大|不少|多数|辖区)?(?:群众|村民|居民|市民|老百姓|农民|村（居）民|村\(居\)民)"
                         r"(?:其实|也|并|都)?(?:并非|不是|并不是|绝非)(?:不|没)"), re.compile(r"^而是")),
             (re.compile(r"^与其说"), re.compile(r"^(?:倒|还)?不如说")),
             (re.compile(r"有余$"), re.compile(r"^而(?!是)")))
# A clause that draws the fault out of what came before (…中有六成涉及宅基地，反映出村民对…知之不多).
# (… or says plainly what it comes down to, themes set 136: …不亮证、不告知，程序上老是出问题，说到底还是心里没把法当回事;
# 归根结底是…; 归根到底还是…: the fault behind the practice named first)
_DRAWS_OUT = re.compile(r"^(?:这|由此|从中)?(?:反映出|暴露出|折射出|反映了|暴露了)"
                        r"|^(?:说到底|归根结底|归根到底)(?:还是|就是|是|在于)?")
# A cause put first (由于群众法律意识淡薄，导致…纠纷反复发生; 因…，致使…): the fault is what it led to. Not
# 因 whose clause says 引发/引起 (因…引发的纠纷增多 names the fault itself), nor 因此/因而 or
# an idiom (因地制宜, 因循守旧).
# 受…牵扯/挤占 is a cause as 受…影响 is (not 受理).
_CAUSE_FIRST = re.compile(r"^(?:由于|因为|受.{1,20}影响|受(?!理).{1,20}(?:牵扯|牵制|拖累|挤占|制约)$"
                          r"|因(?!此|而|地制宜|时制宜|人而异|循|[^，,；;。]*(?:引发|引起)))")
_RESULT = re.compile(r"^(?:从而|进而)?(?:导致|致使|以致|造成|使得)")
# A challenge's outcome put first, its cause after (行政诉讼败诉2起，均因决策前未听取意见; 3件处罚被撤销，主要是因为…):
# losing is no fault of the dispute work, the cause is the fault.
# (… and evidence given late in a suit, themes set 138: 应诉材料和举证不及时。因案卷管理混乱…: the cause after it leads)
_OUTCOME_FIRST = re.compile(r"败诉|纠错|撤销|确认违法|确认无效|国家赔偿|举证不及时|未及时举证|逾期举证|举证逾期|举证超期|未按期举证")
# A cause that lists things or names a load on people and time: a setting, not the fault (see `lead_clause`).
_CAUSE_AS_SETTING = re.compile(r"、|任务|压力|精力|忙于|占用|挤占|牵扯|牵制|拖累")
_OUTCOME_AFTER_CAUSE = re.compile(_OUTCOME_FIRST.pattern + r"|被[^，,；;。]{0,16}(?:认定|判决|确认|通报|约谈|问责)")
_CAUSE_AFTER = re.compile(r"^(?:均|都|多|大多|主要|全部|皆|其中[^，,；;。]{0,6}?)?(?:是|系)?(?:因为|因|由于|源于)(?!此|而)")


# A row of a 问题清单 / 整改台账 table that a copy flattened into one line: its cells apart by tabs, runs of
# spaces, a full-width space or a single space (序号 问题 责任单位 时限). Besides the problem, a row holds its
# number, the units that answer for it (司法所, 党政办, 各村（社区）), a deadline (立行立改, 2026年3月底前) and
# perhaps a category or a measure: none of them is the fault, and a unit such as 司法所 would decide its theme.
_CELL_GAP = re.compile(r"\t|\u3000|\s*\|\s*| {2,}| (?=\S)")


def problem_cell(text: str) -> str | None:
    """The problem of TEXT when it is a flattened table row (three or more cells, one of them its number,
    its units or its deadline): the longest cell that is none of those; None for any other text."""
    cells = [c.strip() for c in _CELL_GAP.split(str(text or "").strip()) if c and c.strip()]
    if len(cells) < 3:
        return None
    furniture = [bool(ROW_NUMBER.match(c) or DEADLINE.match(c) or UNIT.match(c)) for c in cells]
    if sum(furniture) < 2:  # a sentence with a space or two in it, not a row
        return None
    rest = [c for c, is_furniture in zip(cells, furniture) if not is_furniture]
    return max(rest, key=len) if rest else None


# A general first sentence that heads the item (依法行政水平与新形势新要求相比仍有差距。; 法治建设还存在一些短板。;
# 基层法治工作基础还不够牢固。; 法治宣传还需持续加强。更为突出的是，…): a whole sentence, ended by 。, that gives only
# a verdict on the work at large, before the sentence that names the fault. It sets the scene, so its words count
# only when nothing else names a theme. Not when the next sentence gives the cause (深层次原因在于…): the fault is
# then the heading's, and the cause no fault.
_GENERAL_VERDICT = re.compile(r"^[^，,；;：:]{2,30}?(?:与[^，,；;：:]{1,20}(?:相比|相较|比较)[^，,；;：:]{0,6}差距"
                              r"|(?:还|仍|尚|依然|仍然)(?:存在|有)(?:一些|不少|一定|若干)?的?(?:短板|不足|问题|薄弱环节|差距|弱项)"
                              r"|基础(?:还|仍|尚)?(?:不够|不太|不)(?:牢固|扎实|稳固)"
                              r"|(?:还|仍|尚)(?:需要?|要|待)(?:持续|进一步|继续)(?:加强|提升|提高|健全|完善))$")
# (… the work at large: a heading that names one field, 合法性审查工作仍有短板。, is the item's own fault, whose body
# tells it; unless the next sentence says it is the greater fault: 法治宣传还需持续加强。更为突出的是，…)
_WORK_AT_LARGE = re.compile(r"法治建设|依法行政|法治政府建设|法治工作|法治化?水平|依法治(?:镇|乡|街|区|县|市|村)"
                            r"|法治乡村建设|法治社会建设|基层法治|全面依法")
_GREATER_FAULT = re.compile(r"^(?:更为|更加|尤为|尤其|最为|更|最)突出的(?:问题)?(?:是|在于)")
_CAUSE_SENTENCE = re.compile(r"^(?:究其原因|(?:其|主要|深层次|根本|深层)?原因(?:主要)?(?:是|在于))")


def _after_general_verdict(text: str, clauses: list[str]) -> str | None:
    """The clause after TEXT's first sentence when that sentence is a general verdict heading the item
    (`_GENERAL_VERDICT`), else None."""
    stop = _CLAUSE_END.search(text)
    if stop is None or stop.group() != "。" or len(clauses) < 2 or not clauses[1]:
        return None
    if not _GENERAL_VERDICT.match(clauses[0]) or _CAUSE_SENTENCE.match(clauses[1]):
        return None
    if not _WORK_AT_LARGE.search(clauses[0]) and not _GREATER_FAULT.match(clauses[1]):
        return None
    return clauses[1]


def lead_clause(text: str) -> str:
    """An item's lead clause: its words up to the first comma or stop, or the next clause's when
    the first only sets the scene, or the clause a figure's frame (反映出…) or a cause put first (由于…，导致…)
    leads to.

    >>> lead_clause("执法队伍较为薄弱，取得执法资格人员较少。")
    '执法队伍较为薄弱'
    >>> lead_clause("随着执法事项下放街道，干部学法跟不上新承接的领域。")
    '干部学法跟不上新承接的领域'
    """
    text = problem_cell(text) or text  # a flattened table row: its problem's cell
    clauses = [c.strip() for c in _CLAUSE_END.split(str(text or "").strip())]
    if "。" in text and _after_general_verdict(str(text).strip(), clauses):
        text, clauses = str(text).strip().split("。", 1)[1], clauses[1:]
    for clause in clauses[1:4]:
        if (drawn := _DRAWS_OUT.match(clause)) and clause[drawn.end():]:
            return clause[drawn.end():]
    if len(clauses) > 1 and _OUTCOME_FIRST.search(clauses[0]) and (cause := _CAUSE_AFTER.match(clauses[1])) \
            and clauses[1][cause.end():]:
        return clauses[1][cause.end():]
    if _CAUSE_FIRST.match(clauses[0]):
        for clause in clauses[1:3]:
            if (result := _RESULT.match(clause)) and clause[result.end():]:
                return clause[result.end():]
        # a cause that lists things or names a load (因信访、普法任务重，司法所人员超负荷运转) is the setting, the fault
        # after it leads; a single fault put as cause (由于普法宣传不到位，群众…) stays the lead, and so does any cause
        # when what follows is its outcome or consequence (…，2件处罚在复议中被认定程序违法)
        if len(clauses) > 1 and clauses[1] and _CAUSE_AS_SETTING.search(clauses[0]) \
                and not _CAUSE_FIRST.match(clauses[1]) and not _OUTCOME_AFTER_CAUSE.search(clauses[1]) \
                and not _CONSEQUENCE.match(clauses[1]):
            return clauses[1]
    if len(clauses) > 1 and clauses[1] and any(first.search(ITEM_PREFIX.sub("", clauses[0], count=1).strip())
                                               and second.match(clauses[1]) for first, second in _CONTRAST):
        return clauses[1]
    if len(clauses) > 1 and clauses[1] and (
            _SETTING.match(clauses[0])
            or (_TURN.match(clauses[1]) and (_CONCEDES_AFTER_SUBJECT.match(clauses[0]) or _PRAISED.search(clauses[0])))):
        return clauses[1]
    return clauses[0]


def split_lead(text: str, headline: str | None = None) -> tuple[str, str]:
    """(lead clause, rest) of an item: marker stripped, the lead its headline's or `lead_clause`'s.

    >>> split_lead("一是执法队伍较为薄弱，取得执法资格人员较少。")
    ('执法队伍较为薄弱', '取得执法资格人员较少。')
    """
    _, lead, rest = _body_lead_rest(text, headline)
    return lead, rest


def _body_lead_rest(text: str, headline: str | None) -> tuple[str, str, str]:
    """(body without its marker, lead, rest): `split_lead`'s, with the body they come from."""
    body = ITEM_PREFIX.sub("", str(text or ""), count=1).strip()
    body = problem_cell(body) or body  # a flattened table row: its units and deadline are no words of the fault
    head = ITEM_PREFIX.sub("", str(headline or ""), count=1)
    lead = _CLAUSE_END.split(head.strip(), maxsplit=1)[0].strip() if head.strip() else lead_clause(body)
    rest = body
    if lead and lead in rest:  # the lead is scored on its own; do not count it twice
        rest = rest.replace(lead, "", 1).lstrip("，,；;。：:！!？? \n")
    return body, lead, rest.strip()


# A standard the fault is measured against (对照备案审查要求，…) is scored with the rest; other scenes (在…过程中,
# 经督查, 据统计, 虽然…) and a field the item is filed under (从矛盾化解看，…; 在普法宣传方面，…) name
# circumstances: their words count only when nothing else names a theme.
_NAMES_FIELD = re.compile(r"^(?:对照|对标)")


# A clause after the lead that tells what the fault led to (…，引发2起行政复议; …，被县政府通报): it
# names the consequence, not the fault, so its words count only when nothing else names a theme.
_CONSEQUENCE = re.compile(r"^(?:(?:(?:其中|已有)[^，,；;。]{0,8}?)?(?:已经?|并|还|又|甚至|最终|因此|由此|进而|从而|先后|累计|共)*"
                          r"(?:引发|引起|酿成)(?!的)"  # 由此引发的纠纷调处不及时 is the fault itself
                          # … and a result clause after the lead (…低价发包，致使集体利益受损并引发纠纷): what it did
                          r"|(?:从而|进而)?(?:导致|致使|以致)"
                          r"|[^，,；;。]{0,12}?被[^，,；;。]{0,16}(?:通报|约谈|问责|追责|纠错|纠正|撤销|曝光|批评|点名))")


# A second fault added after the first (…未得到有效落实，同时涉渔信访件办理不及时; …，此外还承担…): the item's
# first fault leads, so the words from 同时/此外/另外 on count, as a consequence's, only when nothing else, cues
# included, names a theme (only a clause that opens with it; not 同时期, 另外的 …).
_SECOND_FAULT = re.compile(r"^(?:同时|此外|另外)(?![的期间段])")


# … or what holds the fault back, said after it (…，受上级考核“一票否决”制约明显; …，受语言和工作时间限制): a cause
# put after, not the fault: its words do not count (what the item is about is before it). Not 受理.
_CAUSE_BEHIND = re.compile(r"^受(?!理)[^，,；;。]{1,20}?(?:影响|制约|限制|掣肘|牵制)")


def _without_consequences(rest: str) -> tuple[str, str]:
    """(REST without its consequence clauses, causes said after the fault and any second fault, the consequence
    and second-fault clauses)."""
    kept, consequences = [], []
    second = False
    for clause in re.split(r"(?<=[，,；;。！!？?])", rest):
        second = second or bool(_SECOND_FAULT.match(clause.strip()))
        if _CAUSE_BEHIND.match(clause.strip()):
            continue
        (consequences if second or _CONSEQUENCE.match(clause.strip()) else kept).append(clause)
    return "".join(kept), "".join(consequences)


# … or a phrase inside a clause that calls the fault the cause of something (答复不规范成为引发行政复议的痛点;
# …是导致群众上访的主要原因): what it leads to is a consequence too. Not 因…引发的纠纷 (nothing between 引发
# and 的: the fault itself).
_LEADS_TO = re.compile(r"(?<=引发|引起|导致|造成|酿成|诱发)[^，,。；;：:！!？?\n]{1,16}?(?=的(?:痛点|难点|堵点|瓶颈|根源|源头"
                       r"|诱因|导火索|隐患|(?:主要|重要|直接|根本)?(?:原因|因素)))")


def _without_led_to(zone: str) -> tuple[str, str]:
    """(ZONE with what `_LEADS_TO` says the fault leads to blanked, those words)."""
    return _LEADS_TO.sub("，", zone), "，".join(m.group(0) for m in _LEADS_TO.finditer(zone))


# The review that found the fault, opening a clause of its own words with no comma after it (督察发现镇里签订的
# 责任状达40余份; 检查中还发现…; 经查…): the reviewer is no topic, so its words do not count (the frame followed by
# a comma is a scene, see `_SETTING`; 督察发现的问题, what it found, is the topic and stays).
_FOUND_BY = re.compile(r"(?:^|(?<=[，,；;。：:]))(?:[^，,；;。：:的]{0,8}?(?:督察|督查|检查|巡察|巡视|审计|评查|抽查|核查|暗访)"
                       r"组?(?:中|时)?(?:还|又|也)?(?:发现|指出)|经(?:查|查实|核实))(?![的，,；;。：:])")


def _scene_lead_rest(text: str, headline: str | None = None) -> tuple[str, str, str]:
    """(scene, lead, rest) of an item: `split_lead`'s, with the circumstances before the lead (the
    scene it sets or the review that found the fault: 在征地拆迁过程中，…; 经督查，…) taken out of the rest."""
    body, lead, rest = _body_lead_rest(text, headline)
    at = body.find(lead) if lead else -1
    scene = body[:at] if at > 0 and not _NAMES_FIELD.match(body) else ""
    if scene and rest.startswith(scene):
        rest = rest[len(scene):].lstrip("，,；;。：:！!？? \n")
    if ("发现" in body or "指出" in body or "经" in body) and _FOUND_BY.search(body):
        lead = _FOUND_BY.sub("", lead, count=1) or lead
        rest = _FOUND_BY.sub("", rest)
    return scene, lead, rest


def _theme_scores(leads: list[str], rests: list[str], themes: pd.DataFrame, lead_weight: float,
                  scenes: list[str] | None = None, consequences: list[str] | None = None) -> np.ndarray:
    """Item × theme keyword scores; a keyword counts once per zone (lead, rest).

    Keywords are found longest first without overlap, so a compound listed under one theme
    (群众法治意识, publicity) hides the shorter keyword inside it (法治意识, awareness). An item no
    keyword matches is scored by the themes' ``cues`` instead, at `CUE_WEIGHT`; the words of the
    circumstances before the lead (SCENES: 在处理信访诉求过程中，…) count only when neither the lead nor
    the rest names a theme, below a cue; so do the words of what the fault led to (CONSEQUENCES:
    …，引发2起行政复议), before the scene's.
    """
    cues = _keywords(themes, "cues")
    scores = _word_scores(leads, rests, _keywords(themes), lead_weight, holders=cues)
    fallbacks = [(CUE_WEIGHT, cues, leads, rests)]
    if consequences is not None:
        fallbacks += [(CUE_WEIGHT ** 2, _keywords(themes), consequences, [""] * len(leads)),
                      (CUE_WEIGHT ** 3, cues, consequences, [""] * len(leads))]
    if scenes is not None:
        no_words = [""] * len(leads)
        fallbacks += [(CUE_WEIGHT ** 2, _keywords(themes), scenes, no_words),
                      (CUE_WEIGHT ** 3, cues, scenes, no_words)]
    for weight, words, firsts, seconds in fallbacks:
        unmatched = np.flatnonzero(scores.sum(axis=1) == 0)
        if len(unmatched) and any(words):
            scores[unmatched] = weight * _word_scores([firsts[i] for i in unmatched], [seconds[i] for i in unmatched],
                                                      words, lead_weight)
    return scores


# In a keyword, … stands for a few characters of the same clause: 村民…观念 matches 村民法治观念 and
# 村民的法律观念 (and, found first, hides the 法治观念 inside them).
_GAP = "…"
# (… and past an aside that names some of them: 群众特别是留守老人法治意识, 群众尤其是种植大户的法律意识)
# (… and past a second group joined to the first: 商户和流动人口法治意识, 村民及外来务工人员的法律意识; not when
# the second group is the cadres, whose awareness is theirs: 村民和村干部的法治意识 stays mixed, as it was)
_GAP_CHARS = r"[^，,。；;：:！!？?、\s]"
# (… and past a short quoted phrase, counted as one character: what a thought holds is not its holder's distance from
# it, 群众仍有“法不责众”的想法 as 群众仍有“…”的想法)
_QUOTED = r"“[^“”，,。；;：:！!？?\n]{1,12}”"
# (… but never past the cadres: 做群众工作的干部法治意识 is the cadres' awareness, not the public's)
_CADRES_IN_GAP = r"(?:干部|党员|公职人员|工作人员|执法人员|两委)"
_GAP_PATTERN = (rf"(?:{_QUOTED}|(?!{_CADRES_IN_GAP}){_GAP_CHARS}){{0,6}}?(?:(?:特别是|尤其是){_GAP_CHARS}{{0,8}}?"
                rf"|(?:以及|和|及|与|、)(?!{_GAP_CHARS}{{0,8}}?{_CADRES_IN_GAP}){_GAP_CHARS}{{0,8}}?)?")


class _GappedWords:
    """The keywords with a gap (村民…观念), found as one alternation of them all would find them (at each place the
    first in the list that matches, then on past it), but tried only where a keyword's first character stands: a
    regular expression of a few hundred gapped branches tries every branch at every character, and was most of the
    theme step's time."""

    def __init__(self, words: tuple[str, ...]):
        self.words = words
        # A keyword is its literal head, then a gap and the rest: the head is compared as text and the rest
        # compiled once for all keywords that end the same way (a third as many; compiling was a third of
        # the theme step when one report is added).
        self.heads: list[str] = []
        self.rests: list[re.Pattern] = []
        compiled: dict[str, re.Pattern] = {}
        for word in words:
            head, rest = word.split(_GAP, 1)
            if rest not in compiled:
                compiled[rest] = re.compile(_GAP_PATTERN + _GAP_PATTERN.join(re.escape(p) for p in rest.split(_GAP)))
            self.heads.append(head)
            self.rests.append(compiled[rest])
        self.by_first: dict[str, list[int]] = {}
        for k, word in enumerate(words):
            self.by_first.setdefault(word[0], []).append(k)
        self.first = re.compile("[" + "".join(re.escape(c) for c in self.by_first) + "]")

    def finditer(self, zone: str):
        """(start, end, keyword) of each keyword found in ZONE, left to right, none overlapping."""
        at = 0
        while (hit := self.first.search(zone, at)) is not None:
            at = hit.start() + 1
            start = hit.start()
            for k in self.by_first[zone[start]]:
                head = self.heads[k]
                if zone.startswith(head, start) and (m := self.rests[k].match(zone, start + len(head))) is not None:
                    yield start, m.end(), self.words[k]
                    at = m.end()
                    break


@lru_cache(maxsize=16)
def _gapped_words(words: tuple[str, ...]) -> _GappedWords:
    return _GappedWords(words)


def _word_scores(leads: list[str], rests: list[str], keywords: list[list[str]], lead_weight: float,
                 holders: list[list[str]] | None = None) -> np.ndarray:
    """Item × theme scores of KEYWORDS in the leads (LEAD_WEIGHT) and the rests (1), each keyword once per zone.

    With HOLDERS (the themes' cues), a verdict of not knowing (了解不多, 不以为然, 认识不足: `_NOT_KNOWING`) that is
    one theme's keyword counts for the theme the cues of its holder name (`_KNOWER`), when they name one other
    theme: a member of the public's (部分外卖骑手对…不以为然, 业主对…认识不足: publicity) or a cadre's (村干部对…了解不多:
    awareness) not knowing is theirs, whoever the verdict's word is listed under. A verdict a gapped keyword holds
    (群众…不以为然) is that keyword's."""
    owners: dict[str, list[int]] = {}
    for j, words in enumerate(keywords):
        for word in words:
            owners.setdefault(word, []).append(j)
    scores = np.zeros((len(leads), len(keywords)))
    if not owners:
        return scores
    gapped = tuple(w for w in owners if _GAP in w)
    gapped_words = _gapped_words(gapped) if gapped else None
    plain = sorted((w for w in owners if _GAP not in w), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in plain)) if plain else None
    for i, (lead, rest) in enumerate(zip(leads, rests)):
        for zone, weight in ((lead, lead_weight), (rest, 1.0)):
            text, spans = zone, []  # (start, end, keyword)
            if gapped_words is not None and (hits := list(gapped_words.finditer(zone))):
                spans += hits
                for start, end, _ in hits:  # hide what they cover from the plain keywords
                    zone = zone[:start] + "\0" * (end - start) + zone[end:]
            if pattern is not None:
                spans += [(m.start(), m.end(), m.group()) for m in pattern.finditer(zone)]
            held = _held_verdicts(text, spans, owners, holders) if holders is not None and "对《》" in text else {}
            starts = {start: word for start, _, word in spans}
            ends: dict[int, list[str]] = {}
            if any(word in _QUALITIES or word == _TRAINING for _, _, word in spans):
                for _, end, word in spans:
                    ends.setdefault(end, []).append(word)
            found = {word for start, end, word in spans
                     if start not in held
                     and not _names_the_doer(word, end, starts, owners, zone) and not _doer_by(word, zone[:start])
                     and not _quality_of_another(word, start, ends, owners, zone)
                     and not _training_of_another(word, start, ends, owners, zone)}
            for word in found:
                scores[i, owners[word]] += weight
            for theme in set(held.values()):
                scores[i, theme] += weight
    return scores


# An office's staff who do not know a law (themes set 115: 退役军人服务站工作人员对《退役军人保障法》相关政策把握不准; 社保所
# 工作人员对…把握不准), a verdict keyword of the cadres': public servants, so theirs (the cue 人员 would make them enforcement's staff);
# enforcement's own (执法工作人员) and auxiliary staff (协管, 辅助) stay the cue's.
_OFFICE_STAFF = re.compile(r"(?<!执法)(?<!协管)(?<!辅助)工作人员")


def _held_verdicts(zone: str, spans: list[tuple[int, int, str]], owners: dict[str, list[int]],
                   holders: list[list[str]]) -> dict[int, int]:
    """{start of a verdict keyword in ZONE: the theme its holder's cues name instead} (see `_word_scores`)."""
    plain = {(start, word) for start, _, word in spans}
    found = [m for m in _KNOWER.finditer(zone) if (m.start("verdict"), m.group("verdict")) in plain]
    if not found:
        return {}
    # the holders scored at once: each call reads the whole cue list again
    scores = _word_scores([_OFFICE_STAFF.sub("干部", m.group("holder")) for m in found], [""] * len(found), holders, 1.0)
    held = {}
    for m, row in zip(found, scores):
        theirs = np.flatnonzero(row)
        if len(theirs) == 1 and theirs[0] not in owners[m.group("verdict")]:
            held[m.start("verdict")] = int(theirs[0])
    return held


# An office's name (司法所, 执法中队, 调委会, 政府网站), a unit's (网格) or an adviser's (法律顾问) right before another
# theme's word says who does the work or who is short, not what the fault is (司法所普法“单打独斗”, 司法所调解“一调了之”,
# 村（居）法律顾问力量不足, 法律顾问配备不足): the other word decides.
_BODY = re.compile(r"(?:所|队|委会|委员会|网站|网格|顾问)$")


# … and so is its worker right before one (网格员人均负责450户; 由社区网格员兼办): who does the work. (Not a worker
# named by the work, 调解员, whose strength is the dispute work's: 村级调解员业务能力不强 stays disputes. A worker whose
# clause goes on to another theme's word, as an office's cadres do, was tried and dropped: 网格员多为兼职 came right,
# but the changed scores moved items of no theme word with their cluster-mates, set 15's tuning one to staffing.)
_WORKER = "员"


# … and so is a bureau's section named by its work (执法监督科, 复议应诉科, 普法股: themes set 106, 县司法局行政执法监督科
# 仅有2名工作人员), the work's word with 科 or 股 after it: the section, who is short, not what the fault is. (Not 科学,
# 科技, 科普, 股份, 股东, 股权: 决策科学化 is the decision's quality.)
_SECTION = re.compile(r"[科股](?![学技普份东权])")


# … and so is one right before its cadres (司法所干部对法律援助法学习不深): whose cadres they are, when their clause
# goes on to another theme's keyword (司法所干部少、任务重 and 靠司法所干部坐班，…村干部 stay the office's). So are its
# staff, 工作人员 (themes set 123: 镇综治中心工作人员依法办事意识不强 read as disputes by the office's 综治).
_ITS_CADRES = re.compile(r"(?:干部|同志|工作人员)")


# … and so is a work's word that names an office with 中心 or 办 after it (综治中心, 综治办, 调解中心, 信访办, 普法办):
# the office, who is short or who did it (themes set 123: 综治中心工作力量薄弱 read as disputes by its 综治; 由镇综治办
# 自行起草; 综治中心工作人员依法办事意识不强), as a name ending in 所 or 队 is. (Not 办理, 办结, 办案, 办事, 办法, 办件, 办公:
# the work done, not the office; and not before a bare quality, 综治中心规范化建设, which is the office's own work.)
_OFFICE_AFTER = re.compile(r"(?:服务)?中心|办公室|办(?![理结案事法件公])")
# (… and the quotation that follows an office's or a worker's name is part of what is said of them: 网格员“一人多岗”)
_QUOTE_OPEN = "“\"「"


def _names_the_doer(word: str, end: int, starts: dict[int, str], owners: dict[str, list[int]], zone: str = "") -> bool:
    """Whether WORD, a keyword ending at END, is an office's or a unit's name (or, with 员 after it in ZONE, its
    worker's: 网格员) right before another theme's keyword, or before its cadres whose clause in ZONE goes on to one.
    STARTS: the keyword found at each place of ZONE."""
    # (the section's name may join two works' words: 信访督查科, 复议应诉科)
    name_end = end + len(starts[end]) if end in starts and _GAP not in starts[end] else end
    section = bool(_SECTION.match(zone, end)) or (name_end > end and bool(_SECTION.match(zone, name_end)))
    office = None if section or _BODY.search(word) else _OFFICE_AFTER.match(zone, end)
    if not section and office is None and not _BODY.search(word):
        return False
    mine = set(owners[word])
    at = (name_end if _SECTION.match(zone, name_end) else end) + 1 if section \
        else office.end() if office is not None \
        else end + len(_WORKER) if zone.startswith(_WORKER, end) else end
    if at < len(zone) and zone[at] in _QUOTE_OPEN and not section:
        at += 1
    if at in starts and set(owners[starts[at]]) - mine and not (office is not None and starts[at] in _QUALITIES):
        return True
    end = office.end() if office is not None else end
    if not _ITS_CADRES.match(zone, end):
        return False
    stop = m.start() if (m := _CLAUSE_END.search(zone, end)) else len(zone)
    return any(end < start < stop and set(owners[other]) - mine for start, other in starts.items())


# A bare quality (规范化, 标准化) right after another theme's keyword (依法决策的规范化水平不高, 合同管理规范化程度低)
# is that work's quality: the work's word decides. So is a procedure's verdict (程序不规范), which alone is the
# enforcers' (处罚决定…送达程序不规范), after another theme's work and up to four characters of the step the procedure
# is for (集体资产处置程序不规范, 信访事项受理程序不规范, 依申请公开程序不规范).
_PROCEDURE_VERDICT = "程序不规范"
_QUALITIES = frozenset({"规范化", "标准化", _PROCEDURE_VERDICT})
_QUALITY_JOIN = re.compile(r"(?:工作)?的?")
_PROCEDURE_JOIN = re.compile(rf"[{CJK}]{{0,4}}的?")
_LONGEST_JOIN = 5  # (of either: 工作的; four characters and 的)


def _quality_of_another(word: str, start: int, ends: dict[int, list[str]], owners: dict[str, list[int]],
                        zone: str) -> bool:
    """Whether WORD, a bare quality starting at START, follows another theme's keyword in ZONE (ENDS: the keywords
    found ending at each place of ZONE)."""
    if word not in _QUALITIES:
        return False
    join = _PROCEDURE_JOIN if word == _PROCEDURE_VERDICT else _QUALITY_JOIN
    return any(set(owners[other]) - set(owners[word]) and join.fullmatch(zone, end, start)
               for end in range(max(0, start - _LONGEST_JOIN), start + 1) for other in ends.get(end, ()))


# A training of staff named by another theme's work (合法性审查人员培训不足; 政务公开工作人员的业务培训; 执法人员培训):
# that work's step, whose word decides, not the cadres' law training the keyword 培训 names (themes set 113: the
# review staff's training read as the cadres'). The work's word stands right before the staff (合法性审查|人员) or is
# the staff's own name (执法人员); plain staff (机关工作人员培训) and the cadres (干部培训) keep 培训.
_TRAINING = "培训"
_TRAINED_STAFF = re.compile(r"(?P<staff>(?:工作)?人员|队员|工作者)(?:的)?(?:业务|专业|岗位|系统|集中)?$")


def _training_of_another(word: str, start: int, ends: dict[int, list[str]], owners: dict[str, list[int]],
                         zone: str) -> bool:
    """Whether WORD, 培训 starting at START, trains staff named by another theme's keyword in ZONE (ENDS: the keywords
    found ending at each place of ZONE)."""
    if word != _TRAINING or not (staff := _TRAINED_STAFF.search(zone, max(0, start - 8), start)):
        return False
    return any(set(owners[other]) - set(owners[word])
               for end in (staff.start(), staff.end("staff")) for other in ends.get(end, ()))


# A cadre named as who did it (由村干部与承包方口头约定; 由村“两委”成员直接指定), alone or after a first doer joined
# by 和/与/及/、 (由村党支部书记和少数“两委”成员商定): the deed decides, not the doer. (Not 由于, 由此, 为由.) So does an
# office, a unit or an adviser named so (`_BODY`), or its worker (由社区网格员代为开展; 由村法律顾问代为解答): who did the
# work, as before another theme's word.
_BY = re.compile(r"(?<![为理缘])由(?!于|此)(?:村|镇|乡|社区|街道)?"
                 r"(?:[^，,。；;：:！!？?\n由]{1,10}?(?:和|与|及|、)(?:少数|个别|部分|其他)?)?[“\"]?$")
_CADRE = re.compile(r"(?:干部|成员|领导)$")


def _doer_by(word: str, before: str) -> bool:
    """Whether WORD, a cadre's keyword or an office's, a unit's or an adviser's name, follows 由 (BEFORE is the zone
    up to it): the one who did the deed."""
    return bool((_CADRE.search(word) or _BODY.search(word)) and _BY.search(before[-24:]))


# Items as the keywords are written: Simplified, with no space inside a word (干 部 学 法, as a copy spaces a
# letter-spaced line). A report's items are so already (normalize_text); items passed in by hand may not be.
# (The spaces go after the item is cut into scene, lead and rest: they may part a flattened row's cells.)
_SPACE_IN_WORD = re.compile(rf"(?<=[{CJK}])[ \t\u3000]+(?=[{CJK}])")
# 村（居）民, as reports name villagers and residents at once: read as 村居民, so the public's words (居民…观念) match
# (not 村（居）民委员会, the committee).
_VILLAGERS_OR_RESIDENTS = re.compile(r"(?<=村)[（(]居[）)](?=民(?!委员会))")


# A law's or a document's name (《信访工作条例》, 《政府信息公开条例》): the topic an item names, not its fault
# (干部对《信访工作条例》学习不深 is the cadres' study); its words count only when nothing else names a theme.
_TITLE = re.compile(r"《[^《》\n]{1,40}》")
# A case named by its outcome (被复议纠错的案件, 败诉案件, 败诉、纠错案件): the topic, not the fault, which is what was (not)
# done with it (未公开, 未纳入考核, 未转化为普法素材); its words count as a title's.
_OUTCOME = r"被?(?:行政)?(?:复议|诉讼|法院)?(?:纠错|败诉|撤销)"
_CASE_BY_OUTCOME = re.compile(rf"{_OUTCOME}(?:[、和及与]{_OUTCOME})*的?案件")
# … and when such a case is all an item names (行政复议纠错案件仍有发生，个别部门行政行为不够规范; 行政诉讼败诉案件时有
#发生): what was corrected or lost is an act the office did not decide lawfully, the lawfulness of its decisions (round
# 111), not the reconsideration's or the court's dispute work its words 复议 and 诉讼 would name. Counted, as a title's
# words are, only when nothing else in the item names a theme (`keyword_scores`).
_CASE_AS_TOPIC = "依法决策"
# What someone does not know (村民对宅基地审批的法律规定一知半解; 干部对行政处罚法新规定不了解), does not grasp
# (渔民对回港避风的法律规定认识不足; 河长对审批要求掌握不准) or shrugs off (对出庭应诉的要求不以为然): the topic,
# not the fault, which is their not knowing or heeding, so the knower decides; its words count as a title's.
# (Not the 对 of 对象 or 对接: 矫正对象对…不清楚 knows through its second 对.)
_NOT_KNOWING = ("知之甚少", "知之不多", "了解不多", "了解甚少", "不了解", "不熟悉", "一知半解", "不清楚", "知晓率",
                "不以为然", "认识不足", "认识不够", "认识不到位", "认识不清", "掌握不准", "掌握不够", "把握不准",
                "认识上有偏差", "认识有偏差", "认识存在偏差", "认识偏差")
_NOT_KNOWN = r"(?:法律法规|法律|法规)?(?:" + "|".join(_NOT_KNOWING) + ")"  # (the law) not known
_UNKNOWN_TOPIC = re.compile(r"(?<=对)(?![象接])[^，,。；;：:！!？?\n]{2,30}?(?=" + _NOT_KNOWN + ")")
# … and with the topic blanked, who does not know it (部分外卖骑手对《》不以为然; 个别村干部对《》了解不多): the
# holder, in the clause before 对, whose not knowing it is (see `_word_scores`).
_KNOWER = re.compile(r"(?:^|(?<=[，,。；;：:！!？?\n]))(?P<holder>[^，,。；;：:！!？?\n]{1,30}?)对《》(?:法律法规|法律|法规)?"
                     r"(?P<verdict>" + "|".join(_NOT_KNOWING) + r")")
# Who or what an assessment scores (乡里对驻村干部履职情况的考核多看台账; 对网格员的考核只看上报数): the topic, not
# the fault, which is the assessment's; its words count as a title's. (Not 监督: 执法…监督 spans its object.)
# (… and an assessment named by its kind: 对网格员的绩效考核以上报事件数量为依据, 对调解员的履职考评, themes set 123)
# (… and who or what it lacks: 对村（居）法律顾问的履职情况缺少考核, 对调解员缺乏考评)
_ASSESSED = re.compile(r"(?<=对)(?![象接])[^，,。；;：:！!？?\n]{2,20}?(?=的(?:年度|日常|综合|绩效|履职)?(?:考核|考评|评议|督查)"
                       r"|(?:的[^，,。；;：:！!？?\n的]{1,4}?)?(?:缺少|缺乏|没有|未)(?:开展|进行|建立)?(?:监督)?(?:考核|考评))")
# What an assessment looks at (对调委会的考评只看调解数量…; 考核多看台账): its measure, the topic, not the fault, which is
# the assessment's (counting only that: oversight); its words count as a title's. (Up to 不看…, what it misses.)
_ASSESSED_BY = re.compile(r"((?:考核|考评|评议)[^，,。；;：:！!？?\n]{0,6}?(?:只看|多看|只重))"
                          r"([^，,。；;：:！!？?\n不]{1,30})")
# What a test's questions were on (涉及行政复议、信息公开的题目得分率不足四成; 调解类试题): the topic, not the fault,
# which is the low score of those tested, so they decide; its words count as a title's.
_TEST_TOPIC = re.compile(r"(?:(?<=涉及|关于|有关)|(?<=[，,；;。：:\n])|^)"
                         r"(?:(?!干部|成员|负责人|人员|同志|群众|村民|居民)[^，,。；;：:！!？?\n]){2,30}?"
                         r"(?=(?:方面|类|部分)?的?(?:题目|试题|考题))")
# What a policy interpretation is of (规范性文件、重大决策事项的政策解读不及时; 对…的解读): the topic, not the fault,
# which is the interpretation's (政策解读, disclosure); its words count as a title's. Not a negated or done
# clause (未经审查和政策解读即出台), so only a noun phrase joined by 的.
_INTERPRETED = re.compile(r"(?:(?<=对|就)|(?<=关于|涉及)|(?<=[，,；;。：:\n])|^)"
                          r"(?:(?!未|没有|不|无)[^，,。；;：:！!？?\n]){2,30}?(?=的(?:政策)?解读)")
# What a cadre holds a duty or a procedure to be (书记把“四议两公开”看成“走形式”): the topic, not the fault, which is
# the cadre's view of it; its words count as a title's. Not when the holder is a body or 我们 (把化解纠纷当成了“软任务”).
_HELD_AS = re.compile(r"((?:干部|成员|负责人|书记|主任|领导|镇长|乡长|村长|组长)[^，,。；;：:！!？?\n]{0,4}?把)"
                      r"([^，,。；;：:！!？?\n]{2,20}?)(?=(?:简单|片面|狭隘|错误)?地?(?:看成|看作|视为|当作|当成|理解为|理解成))")
# What a cadre holds as a quoted thought (包村干部在秸秆禁烧工作中存在“以罚代管”的思想; 负责人仍信奉“以罚代管”): the
# topic, not the fault, which is the cadre's holding it; its words count as a title's. Only after a verb of holding
# (存在, 仍有, 抱有, 信奉 …) in the cadre's clause: a thought with no verb (成员“重发展、轻法治”的思想仍是…的堵点) keeps
# its words, and a practice (执法中“以罚代管”的现象) is no thought.
_THOUGHT_HELD = re.compile(r"((?:干部|成员|负责人|书记|主任|领导|镇长|乡长|村长|组长)[^，,。；;：:！!？?\n“]{0,16}?"
                           r"(?:存在|仍有|还有|也有|抱有|持有|信奉|奉行|秉持))"
                           r"((?:“[^“”，,。；;：:！!？?\n]{1,12}”[、和]?){1,3})"
                           r"(?=的?(?:思想|想法|观念|倾向|心理|错误认识)|[，,。；;]|$)")
# What a site's or a board's column holds (政务公开专栏中的重大行政决策、规范性文件栏目长期空白; 网站的政策文件栏目): the
# topic, not the fault, which is the column's (empty, not updated: disclosure); its words count as a title's. Only a
# column named after 的, so a column named by its own kind (政务公开栏目, “法治宣传”栏目) keeps its words.
_COLUMN_TOPIC = re.compile(r"(?<=的)[^，,。；;：:！!？?\n的“”]{2,20}?(?=(?:等)?栏目)")
# What a contract signed is for (签订的网格化管理平台运维合同; 签订的物业服务合同): the topic, not the fault, which is the
# signing's or the review's (decisions); its words count as a title's (签订的…合同 still reads it).
_CONTRACT_TOPIC = re.compile(r"(?<=签订的)[^，,。；;：:！!？?\n的“”、]{2,20}?(?=合同)")
# The standard or the peer an item measures itself against inside a clause (但与上级要求和群众期盼相比还有差距; 与先进乡镇
# 相较仍有不足): the topic, not the fault, which is the shortfall; its words count as a title's (群众期盼 is no
# public at fault).
_MEASURED_AGAINST = re.compile(r"(?<=与)[^，,。；;：:！!？?\n与]{2,20}?(?=相比|相较|比较)")
# A school's name before 法治/法制/法律 (中小学法治教育, 中学法制课): no 学法 of the cadres' (not 集中学法, 其中学法).
_SCHOOL_BEFORE_LAW = re.compile(r"(?<!集中)(?<!其中)(?<=[小中])学(?=法[治制律])")
# A sector whose name holds a theme's word (校外培训机构: firms that tutor children, not the cadres' 培训): the
# word is no evidence of that theme.
_SECTOR_WORD = re.compile(r"培训(?=机构|学校|市场|行业)")
# A chief system's name (河长制, 田长制, 林长制): the sector, not the chief (村级河长, a cadre) its cue names.
_CHIEF_SYSTEM = re.compile(r"(?<=[河湖田林])长(?=制)")
# A population on the move (城区人口集中、流动性大; 游牧民转场期间居住分散、流动性大): the scene, not the staff's
# turnover that 流动性大 otherwise says (not when staff are named between: 群众反映协管员流动性大).
# (… and the people of a trade on the move, themes set 125: 快递物流从业人员流动性大，普法难以覆盖; 外卖骑手流动性大; not a
# legal trade's own, 法律服务从业人员, the law's staff)
# (… and the offenders enforcement pursues and their sites, themes set 130's probes: 辖区非法行医点隐蔽性强、流动性大;
# 游医, 黑车, 窝点, 摊点, 作坊, 违法行为: the field's scene, not the enforcers' turnover)
_PEOPLE_MOVING = re.compile(r"((?:人口|牧民|牧户|渔民|群众|村民|居民|农民工|务工人员|游客|租户|住户"
                            r"|(?<!法律服务)(?<!法律)(?<!执法)(?<!调解)从业(?:人员|者)|快递员|外卖员|骑手|货车司机|摊贩|经营户|商户"
                            r"|行医点|诊所|游医|黑车|窝点|摊点|作坊|违法行为)"
                            r"(?:(?!人员|队员|干部|队伍|网格员|调解员|协管员)[^，,。；;：:！!？?\n]){0,16}?)流动性大")
# What money goes to (法治经费多用于普法宣传品印制; 资金大多花在阵地建设上): the topic, not the fault, which is
# the money's (its words count as a title's).
_SPENT_ON = re.compile(r"((?:经费|资金|费用|预算)[^，,。；;：:！!？?\n]{0,8}?(?:用于|用在|花在|投向))"
                       r"([^，,。；;：:！!？?\n]{1,24})")
# Money named by the work it pays for (themes set 120: 普法经费保障不足，镇本级普法专项经费每年仅3000元; 人民调解经费落实不到位;
# 法律顾问经费保障不足): that work's, so the work decides and the money word (经费, 资金, 费用, 投入 and its 保障) is taken
# out; money of the rule-of-law work at large (法治建设专项经费未列入财政预算; 基层法治建设保障投入不足, r508, by the
# keyword 投入不足) and enforcement's (执法经费) stay staffing's.
_WORK_MONEY = re.compile(r"(?:(?<=普法)|(?<=法治宣传)|(?<=法制宣传)|(?<=调解)|(?<=法律顾问)|(?<=合法性审查)|(?<=信息公开)"
                         r"|(?<=政务公开))(?:工作|专项|宣传|活动|服务)?(?:经费|资金|费用|投入)(?:保障)?")
# A dispute someone meets (村民遇到宅基地纠纷时照搬网上答案; 村干部遇到纠纷绕着走): the circumstance, not the fault,
# so whoever meets it decides, not the disputes theme.
# (… and a quarrel said plainly, themes set 118: 村民小组长遇到邻里吵架只会“和稀泥”: 吵架, 吵嘴, 拌嘴, 口角, 打架, 斗殴)
_MET_DISPUTE = re.compile(r"(?<=遇到|遇有)([^，,。；;：:！!？?\n]{0,12}?)(?:矛盾纠纷|纠纷|吵架|吵嘴|拌嘴|口角|打架斗殴|打架|斗殴)"
                          # … or a request a cadre handles (干部在处理群众诉求时习惯“打包票”): dropped, so the cadre decides
                          r"|(?:(?<=干部)|(?<=成员)|(?<=负责人)|(?<=领导))(在?(?:处理|办理|回应|答复|接待)[^，,。；;：:！!？?\n]{0,10}?)诉求(?=时|中)")

# … and so is a report the public makes, said as the time of the fault (themes set 118: 干部…不熟悉，群众举报违法占地时仍推给
# 县自然资源局; 接到村民举报的时候互相推诿): the occasion, so its 举报 is no word of oversight and whoever acts on it decides
# (群众举报了没回音, 群众举报的问题反馈不及时: the report's handling is the oversight's fault, untouched; not 及时, 按时 …).
_REPORT_MET = re.compile(r"举报(?=[^，,。；;：:！!？?\n]{0,12}?(?<![及按准适同临随定实限超暂])(?:时|的时候)(?![间效限]))")

# A cadre's portfolio (分管执法工作的副镇长, 分管信访的班子成员): who the cadre is, not the fault; and the one who
# reports to a leader content with reports (满足于听取执法人员的口头汇报): no fault of the leader's own.
_PORTFOLIO = re.compile(r"(?<=分管)[^，,。；;：:！!？?\n的]{1,10}(?=的[^，,。；;：:！!？?\n]{0,4}?"
                        r"(?:领导|班子成员|镇长|乡长|主任|书记|委员|干部|负责人|同志))")
# … and so is the duty staff are counted for (负责复议应诉工作的只有1名工作人员; 从事调解工作的仅有2人): the staff's
# number is the fault.
_STAFFED_FOR = re.compile(r"(?<=负责|从事|承担)[^，,。；;：:！!？?\n的]{1,14}(?=的(?:只有|仅有|仅|只|不足|均为|多为|都是))")
# No office or staff of its own for a work (themes set 138: 街道没有专门负责行政应诉的科室和人员; 镇里缺少专门从事普法的工作人员):
# the staffing's lack, whatever the work is (renamed 人员不足, capacity's; the work's name is what it is for).
_UNSTAFFED_FOR = re.compile(r"(?:没有|缺少|缺乏|无|未设|未设置|未配备|未明确)专门(?:负责|从事|承担|办理)?[^，,。；;：:！!？?\n的]{1,14}的"
                            r"(?:工作)?(?:科室|机构|部门|人员|力量|岗位|队伍)(?:[和及与、](?:工作)?(?:科室|机构|部门|人员|力量|岗位|队伍))?")
# … and so is the work a clause names its lacking staff by (round 112: 行政复议、行政应诉工作专业人员缺乏; 调解工作专职人员
#不足; 信访工作的专门人员偏少): the staff's lack is the fault, whatever their work.
_STAFF_OF_WORK = re.compile(r"(?:^|(?<=[，,。；;：:！!？?\n]))[^，,。；;：:！!？?\n的]{2,14}?(?=工作的?(?:专业|专职|专门)(?:工作)?人员"
                            r"(?:严重|十分|较为|比较|相对|仍然|仍|还|都)?(?:缺乏|不足|短缺|紧缺|匮乏|较少|偏少|太少|少))")
# … and so is a cadre's recruitment or posting (新招录的年轻干部, 近年录用的公务员, 从原乡镇抽调的干部; themes set 111:
# 新招录的社区工作者, 新招聘的网格员): which cadres,
# not a staffing fault (not 没有招录过年轻干部 or 执法力量靠抽调, verbs: staffing).
_RECRUITED = re.compile(r"(?:招录|招聘|考录|录用|抽调)(?=的(?:年轻|青年|大学生|机关)?(?:干部|公务员|选调生|社区工作者|网格员|工作人员))")
_REPORTED_BY = re.compile(r"(?<=满足于)(?:听取?)?[^，,。；;：:！!？?\n]{0,12}?(?=汇报)")


# The public, in the words items name it by: the people and the firms a township serves (群众, 村民, 牧民, 经营户,
# 个体工商户, 企业, 家长 …). One list for the four readings below of whom a clause is about: the public a cadre serves,
# what the public lacks the will to do, the public who must travel for a service, and the public a utility or a
# welfare policy is for. The longer word first where one begins another (办事群众 before 群众).
_PUBLIC = (r"(?:办事群众|群众|村民|居民|市民|老百姓|老年人|老人|农民|牧民|渔民|边民|农户|种植户|养殖户|商户|经营户|经营者|"
           r"经营主体|个体工商户|个体户|业主|租户|企业|市场主体|务工人员|从业人员|家长)")

# The public a cadre serves or works on (站所干部服务企业的法治意识, 村干部帮扶困难群众时的法律意识, 做群众工作的意识):
# whom the work is for, not who holds the awareness or the notion after it, so its word is dropped and the cadre's
# words decide. (Not a service firm's name, 物业服务企业的法律意识, the firm's own: no cadre before its 服务.)
# (… and the public whose rights a cadre upholds or protects, themes set 124: 部分社区工作人员运用法律手段维护老年人合法
# 权益的意识不强, read as the public's by 老年人…意识; 村干部保护留守儿童合法权益的意识: whom the work is for)
_SERVING = ("服务", "帮扶", "对接", "联系", "走访", "维护", "保护")
_SERVED_PUBLIC = re.compile(rf"((?:{_CADRES_IN_GAP}|成员|负责人|领导|书记)[^，,。；;：:！!？?\n]{{0,10}}?"
                            rf"(?:{'|'.join(_SERVING)})[^，,。；;：:！!？?\n]{{0,4}}?){_PUBLIC}"
                            rf"|(?<=做){_PUBLIC}(?=的?工作)")


# What the public lacks the sense or the will to do, said between them and their 意识/观念 (群众选择行政复议维护权益的意识不强;
# 村民通过法律途径解决纠纷的观念淡薄; 商户主动亮证经营、依法纳税的意识不高): the topic, not the fault, which is the
# public's awareness (the gap keyword 群众…意识 spans six characters); its words count as a title's. Only a clause that
# opens on the public and ends on the verdict, with no cadre between (群众反映干部依法办事的意识不强 stays the cadres').
_PUBLIC_WILL = re.compile(r"(?:^|(?<=[，,。；;：:！!？?\n]))((?:部分|一些|个别|少数|广大|不少|多数|辖区)?" + _PUBLIC + r")"
                          r"((?:(?!干部|党员|工作人员|执法人员|两委|成员|负责人|领导)[^，,。；;：:！!？?\n]){7,24}?)"
                          r"(?=的?(?:法治|法律|规则|维权|守法)?(?:意识|观念)(?:还|仍|仍然|普遍|较为|比较|相对|都)?"
                          r"(?:不强|淡薄|薄弱|不足|不高|欠缺|较弱|不够|有待|较差|不浓|(?:仍|还|尚|亟)?需要?(?:进一步)?(?:增强|提高|提升|加强)"
                          r"|亟待(?:增强|提高|提升|加强)))")
# The public named as those who still must travel or queue to get a service done (群众仍需线下多次跑; 牧民仍需往返百余
# 公里线下办理; 老年人办事仍需到镇便民服务中心窗口排队): whom the service fails, not their own fault, so their name is
# no cue of the public's (publicity); a keyword still decides (群众查询只能跑窗口 is the disclosure's 公示 item's).
# (… and so are the public who must hand in the same papers again, themes set 119: 电子证照共享应用不足，群众办事仍需重复
# 提交纸质材料: whom the service fails, no cue of the public's.)
_SERVED_TRAVEL = re.compile(_PUBLIC + r"(?=[^，,。；;：:！!？?\n]{0,16}?(?:跑|往返|排队|来回奔波|重复提交|反复提交|多次提交|重复提供))"
                            # … or who come to an office on business (部分群众办事时仍持有旧证明材料; 群众办事不便;
                            # written round 109): the service's users, no cue of the public's
                            r"|" + _PUBLIC + r"(?=办事(?:时|中|过程中|难|不便))")
# The public named as the raters of a service (群众满意度测评得分92.3分; 村民满意率偏低): who judges the service, not
# whose fault it is, so their name is no cue of the public's (themes set 117); a keyword still decides (群众满意度测评显示，
# 仅41%的受访村民知晓… is the public's by 知晓).
_RATING_PUBLIC = re.compile(_PUBLIC + r"(?=的?(?:满意度|满意率))")
# The public named as those a business strain befalls (部分个体工商户经营困难; 商户资金链紧张; 企业亏损): the economy's
# trouble, not the public's fault, so their name is no cue of the public's (themes set 117).
# (… and the public as producers whose output or income a market cuts, themes set 125: 生猪价格持续低迷，养殖户补栏积极性
# 不高; 农户种粮积极性下降; 经营户收入下降: the economy's; the public's will to take part or to learn, 群众参与积极性不高, untouched)
# (… and the public as households whose spending or burden is counted, themes set 129: 黄岗镇农户年均人情支出约占家庭收入的
# 15%; 村民人情开支大; 群众经济负担重: the custom's cost, not the public's fault)
# (… and the public as those who pay their share of a common work, themes set 132: 加装电梯…居民出资意愿差异较大; 老旧小区
# 改造业主出资比例低; 村民筹资筹劳积极性不高: the project's money, not the public's fault; 业主拒交物业费 untouched)
_IN_HARDSHIP = re.compile(_PUBLIC + r"(?=[^，,。；;：:！!？?\n]{0,4}?(?:生产经营困难|经营困难|经营压力|资金链|亏损|倒闭|停产|歇业|关停"
                          r"|补栏|压栏|存栏|出栏|减产|减收|增产|收入下降|收入下滑|收入减少|收益下降|收益下滑|利润下滑|利润下降|亏本"
                          r"|(?:种粮|种植|养殖|生产|扩产|复养|补栏)积极性"
                          r"|支出|开支|(?:经济|生活|家庭|人情)负担"
                          r"|出资|筹资|自筹|分摊费用|费用分摊))")
# An economy's downturn as the lead (辖区经济下行压力较大; 部分企业经营困难), not a cause put first (受…影响): what the item
# draws it from (12345热线诉求中涉及就业、拖欠工程款的占比上升，反映出…) names no fault, so the scene's words do not count
# (themes set 117); the rest still does (…经济下行压力较大，镇级财力紧张，法治建设经费难以保障 stays capacity).
_DOWNTURN = re.compile(r"经济下行|下行压力|经营困难|市场低迷|效益下滑")
# The public as those a problem befalls or who complain of it (基础设施老化，影响群众生产生活; 排水管网陈旧，雨季积水问题
# 群众反映强烈; 给村民出行带来不便): whose life the fault touches and who voice it, not the public's own fault (their awareness,
# their will to learn), so their name is no cue of the public's (written round 110; a complaint, 群众投诉较多, stays the
# public's, as a written set reads it); what the public does or lacks after
# their name (群众法治意识淡薄, 群众反映问题渠道不畅: a channel, 群众信访反映) still counts.
_PUBLIC_AFFECTED = re.compile(r"(?:(?<=影响)|(?<=困扰)|(?<=妨碍)|(?<=不便于)|(?<=给))" + _PUBLIC
                              + r"(?=的?(?:正常)?(?:生产|生活|出行|居住|通行|用水|用电|带来))"
                              + r"|" + _PUBLIC + r"(?=(?:对此|普遍|多次)?(?:反映|反响|意见)(?:强烈|较大|较多|集中|突出|不断))"
                              # … and the public named in a relative clause as who told of a matter (themes set 141:
                              # 群众通过12345平台反映的问题分类错误率约15%, read as the public's by the cue 群众; 村民来电
                              # 反映的诉求, 居民向社区反映的情况): who reported it, the matter's source, not their fault
                              # (群众反映问题渠道不畅, no 的, keeps its word)
                              + r"|" + _PUBLIC + r"(?=[^，,。；;：:！!？?\n的]{0,12}?反映的(?:问题|诉求|事项|情况|意见|线索))"
                              # (… and whose urgent needs and hopes the fault leaves unmet, round 112: 基础设施欠账较多，群众急难
                              # 愁盼问题解决还不够及时; 群众期盼的民生实事推进较慢: whom the fault touches)
                              + r"|" + _PUBLIC + r"(?=的?(?:急难愁盼|所急所盼|所需所盼|所急所需|期盼|期待|期望))")
# Buildings and equipment growing old (便民服务中心硬件设施老化; 管网老化): a facility's age, not the aging of a staff
# (the capacity's cue 老化: 调解员年龄老化), so its 老化 is no cue (themes set 117).
_AGING_FACILITY = re.compile(r"(?:(?<=设施)|(?<=硬件)|(?<=管网)|(?<=线路)|(?<=管道)|(?<=房屋)|(?<=校舍)|(?<=场馆))老化")
# The leaders who receive or visit petitioners (领导干部接访下访质效不高; 县级包案领导接访多): the petition system's own
# mechanism (领导接访, 领导下访), not the cadres' fault, so the leaders' name is left out and the petitions decide
# (themes set 117); a leader's fault named by its own word (领导干部接访时法治思维不足) still counts.
_LEADERS_RECEIVING = re.compile(r"(?:领导干部|领导)(?=(?:定期|带头|轮流)?(?:接访|下访|约访))")
# An office's staff who do not know a thing (部分社区工作人员对修订后的行政复议法…不熟悉): public servants, the cadres', as
# `_OFFICE_STAFF` holds of a verdict keyword, now of any verdict of not knowing (the cue 人员 would make them enforcement's
# staff; themes set 117); enforcement's own and auxiliary staff stay the cue's.
_OFFICE_STAFF_NOT_KNOWING = re.compile(_OFFICE_STAFF.pattern + r"(?=[^，,。；;：:！!？?\n]{0,8}?对《》" + _NOT_KNOWN + ")")
# What a cadre's held thought is about (个别干部对群众诉求存在“怕麻烦”思想): the topic, as the thought is (`_THOUGHT_HELD`),
# not the fault, which is the cadre's holding it (themes set 117).
_ATTITUDE_TOWARD = re.compile(r"((?:干部|成员|负责人|书记|主任|领导|镇长|乡长|村长|组长)[^，,。；;：:！!？?\n“]{0,6}?对)"
                              r"([^，,。；;：:！!？?\n“《》]{2,16}?)(?=(?:存在|仍有|还有|也有|抱有|持有)《》)")
# … and what a cadre resists, unquoted (themes set 138: 部分干部对行政诉讼存在抵触心理; 个别负责人对复议纠错有排斥情绪): the
# topic, not the fault, which is the cadre's resisting it (the public's resistance, 群众对拆迁有抵触情绪, untouched).
_RESISTING = re.compile(r"((?:干部|成员|负责人|书记|主任|领导|镇长|乡长|村长|组长)[^，,。；;：:！!？?\n“]{0,6}?对)"
                        r"([^，,。；;：:！!？?\n“《》]{2,16}?)(?=(?:存在|仍有|还有|也有|抱有|持有|有|心存)?(?:抵触|排斥|抗拒|厌烦|畏难)"
                        r"(?:心理|情绪|思想))")


# A visit (走访, 回访, 暗访, 家访, 访谈, 访问): its 访 is no petition, the disputes' cue 访 (上访, 来访) is not in it.
# (Not 信访问题: 信访, then 问题.)
_VISIT = re.compile(r"(?<=[走回暗家拜采探])访|(?<![信上来缠闹])访(?=谈|问(?!题))")


# Faults of the fields outside the rule of law written in a theme's words (themes set 104). A strain of money, supply or
# land (财政收支矛盾, 供需矛盾, 人地矛盾, 结构性矛盾) and a debt to be worked off (化解隐性债务, 化解债务风险; and the debt
# named first, themes set 110: 镇级债务化解压力较大, 债务风险化解) are no quarrel between people: their 矛盾 and 化解 are not
# the disputes' (用水矛盾, 企地矛盾 and 劳资矛盾 still are; so is a quarrel over a debt: 债务纠纷化解).
_STRAIN = re.compile(r"(?:(?<=收支)|(?<=供需)|(?<=供求)|(?<=人地)|(?<=结构性))矛盾|化解(?=[^，,。；;：:！!？?\n]{0,6}?债)"
                     r"|(?:(?<=债务)|(?<=债务风险))化解")
# A network's or a video meeting's kit and its state (视频会议系统和网络设备老化, 网络带宽不足, 通信信号不稳定): the
# information infrastructure, not the staff's equipment the cues 设备 and 老化 name (执法记录仪等设备老化 stays theirs).
_NETWORK_KIT = re.compile(r"(?:网络|通信|视频会议)[^，,。；;：:！!？?\n]{0,10}?(?:设备|系统|终端|带宽|信号)"
                          r"(?:老化|陈旧|落后|不足|不稳定|较差)?"
                          # (… and a signal's or a line's state said alone, themes set 135: 部分偏远村宽带网络覆盖不到位，
                          # 信号不稳定 read as disputes by the cue 稳定 of society's stability: 网速慢, 网络时常卡顿, 系统运行不稳定)
                          r"|(?:信号|网速|网络|宽带|线路|系统|平台)(?:运行)?(?:时有|经常|时常|较|很|偏)?(?:不稳定|较差|差|弱|慢"
                          r"|卡顿|中断)"
                          # (… and the servers' and the computers' kit, its hardware, themes set 135: 镇政务服务中心服务器
                          # 等信息化设备老化 read as capacity by the cues 设备 and 老化; 执法 in it keeps them the enforcers')
                          r"|(?:(?:电脑|计算机|服务器)等?)?(?:服务器|机房|信息化|计算机)(?:(?!执法)[^，,。；;：:！!？?\n]){0,6}?"
                          r"(?:设备|硬件)(?:老化|陈旧|落后|不足)?|(?:服务器|机房)(?:老化|陈旧|落后)")
# A worker named by a work (调解员, 普法员, 宣传员, 信访员) and the workers' age (年龄偏大, capacity's keyword since themes
# set 135: 部分村（社区）网格员年龄偏大，对网格App操作不熟练 read as disputes by 网格): the strength of that work, which decides
# (人民调解员年龄偏大、业务能力参差不齐 stays disputes), as their other staffing verdicts are (`_WORKER`); the item's age goes,
# said right after them or a few characters on in their sentence with no other worker between (written round 97's 村级人民调解员多为
# 兼职，年龄偏大、法律知识欠缺 stays disputes; so do a mediation committee's members, 村调委会成员年龄偏大). So does the public's age,
# said right after them (留守村民年龄偏大，普法宣传难以入脑入心): the public's, no staff's.
_WORK_WORKER_AGE = re.compile(r"(?:(?:调解|普法|宣传|信访)员(?:队伍)?|(?:调委会|调解委员会|调解组织)(?:成员|委员)?)"
                              r"(?:(?!员)[^。；;！!？?\n]){0,8}?年龄偏大"
                              r"|" + _PUBLIC + r"的?(?:普遍|整体|大多|多数|总体)?年龄偏大")
# Money for the information systems as such (themes set 135: 信息化建设资金投入不足，…信息化支出仅占一般公共预算支出的0.6%
# read as capacity by 投入不足; 数字化改造经费有限, 智慧社区建设资金不足, 网络运维费用偏少): the town's spending on IT, not the
# rule-of-law work's money (法治建设投入不足 stays capacity; so does 执法信息化建设投入不足, by its 执法).
_IT_MONEY = re.compile(rf"(?:信息化|数字化|智慧[{CJK}]{{0,4}}?|网络|信息系统|电子政务)(?:建设|运维|运行维护|改造|升级)?的?"
                       r"(?:专项)?(?:经费|资金|投入|费用)(?:投入)?(?:保障)?(?:不足|有限|偏少|不够|短缺)?")
# The party's membership and its age (党员队伍老化, 党员年龄结构老化): party building, not the staff the cues 队伍 and
# 老化 name (党员干部队伍 is the cadres', untouched).
_PARTY_MEMBERS = re.compile(r"(?<=党员)(?:队伍)?(?:年龄)?(?:结构)?(?:老化|断层)?(?=[^干]|$)")
# The standards the party's own organisation is built to (themes set 127: 基层党组织标准化规范化建设还要下功夫 read as
# capacity by 标准化 and 规范化; 村党支部规范化建设, 党建工作标准化, 党群服务中心规范化建设): party building's quality, not the
# enforcers' conduct the bare qualities name, so they are dropped after the party's organisation, its building work or its
# service centre (司法所规范化建设, 执法规范化 and 政务公开标准化 untouched, and so is a theme's work between the party's name
# and the quality: 党委依法决策的规范化水平 stays decisions').
_PARTY_QUALITY = re.compile(r"((?:党组织|支部|党总支|党小组|党建|党群服务中心|党员活动室|党员活动阵地)(?:工作|建设|阵地)?的?)"
                            r"(?:标准化|规范化)(?:[、和与及]?(?:标准化|规范化))?")
# A hazard in a clause of safety, fire, flood, roads or water (“九小场所”火灾隐患仍然存在; 汛期通行和群众饮水保障仍有隐患):
# not the hidden quarrel (矛盾隐患, 纠纷隐患) the disputes' cue 隐患 names; a clause that names a quarrel keeps it.
_HAZARD_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]*隐患[^，,。；;：:！!？?\n]*")
# (… and of money, a project's or a firm's (themes set 115: 资金链紧张，工程款拨付滞后，欠薪隐患仍然存在): the wages or
# the debts at risk, the economy's, not a quarrel already brewing)
# (… and of forest fire, dangerous chemicals, mines, special equipment and geological hazards, themes set 133: 森林防火
# 重点区域, 野外用火, 危化品, 地质隐患点)
_HAZARD_OF = re.compile(r"安全|火灾|消防|燃气|用电|交通|溺水|地灾|灾害|事故|汛|饮水|供水|通行|道路|危房|自建房"
                        r"|防火|火险|用火|危化|危险化学品|矿山|特种设备|地质"
                        r"|欠薪|欠资|拖欠|资金链|债务|金融")
_QUARREL = re.compile(r"矛盾|纠纷|信访|上访|稳定|诉求|冲突|涉稳|维稳|群体性")
# A clause of the public-security cameras (“雪亮工程”视频监控, 摄像头, 探头, 监控点位) and their state (老化, 设备陈旧,
# 盲区): the cameras' own kit, no staff's equipment the cues 设备, 装备 and 老化 name (themes set 123: 部分早期安装
# 的摄像头清晰度低、老化损坏 read as staffing by 老化); a clause of enforcement's evidence (执法, 取证, 证据) keeps them
# (执法队缺少调取、固定视频证据的设备 stays staffing).
_CAMERA_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]*(?:摄像头|摄像机|探头|视频监控|监控设备|监控点位|监控探头|雪亮工程)"
                            r"[^，,。；;：:！!？?\n]*")
_CAMERA_STATE = re.compile(r"设备|装备|老化")
_ENFORCERS_KIT = re.compile(r"执法|取证|证据")
# The public and the thing secured for them by a utility or a road (群众饮水保障, 村民出行, 居民用水, 住房保障): whom the
# service is for, not their own fault (no cue of the public's) nor the staff's or money's 保障 (经费保障). So too the
# public (or its children) and the care, pension, schooling or income a welfare policy is for (themes set 105:
# 群众看病负担仍然较重, 农民养老保障水平低, 村民就医难, 村民子女上学): whom the policy serves (医疗保障 and 养老保障 no
# staff's 保障).
# (… and the income counted per head, a statistic of the population: 农村居民人均可支配收入低于全县平均水平, themes set 109;
# … and the public and the housing they live in or hope to improve, 居民改善居住条件的期盼较高, written round 108: whom the
# renovation is for, no cue of the public's; and the three guarantees of the poverty programme, 两不愁三保障 (compulsory schooling, basic care, safe housing): a welfare
# policy's, no staff's or money's 保障;
# … and the public's living conditions, an elevator they want fitted and their hopes, written round 109: 群众生产生活条件
# 有待改善, 居民加装电梯等诉求, 居民期盼较高: whom the works are for, no cue of the public's)
# (… and the children who moved with them or were left behind, themes set 124: 外来务工人员随迁子女入学、住房保障等公共
# 服务供给仍不充分, read as the public's by the cue 务工人员; 农民工留守子女上学)
_SERVED_BY_UTILITY = re.compile(_PUBLIC + r"(?=的?(?:随迁|留守)?(?:子女|孩子|儿童)?(?:饮水|用水|用电|出行|通行|住房|看病|就医|就诊|"
                                r"医疗|养老|上学|就学|入学|增收|收入|人均(?:可支配|纯)?收入|居住|改善(?:居住|住房|生活|人居)|"
                                r"生产生活|生活条件|加装电梯|期盼|期待|期望))"
                                r"|(?<=饮水|供水|用水|用电|供电|出行|通行|住房|民生|医疗|养老|社会)保障|(?<=三)保障")
# A request named by the facility or the works it asks for, said unmet (居民加装电梯等诉求难以及时满足; 停车诉求无法满足;
# written round 109): a demand for a facility, not a complaint or a petition the disputes' keyword 诉求 names (群众诉求化解
#不及时, and r735's 加装电梯等诉求“一办了之”, a request's handling, untouched).
_FACILITY_REQUEST = re.compile(r"(?<=电梯|停车|充电|改造|设施|出行|供暖|供水)等?(?:方面的)?诉求"
                               r"(?=[^，,。；;：:！!？?\n“”]{0,8}?满足)")
# A request named by the thing complained of and counted (themes set 139: 夜间施工噪音扰民的诉求居高不下; 道路破损、路灯
# 不亮等基础设施类诉求占比较大): the complaints' subject as such, noise, roads, heating, parking, not a complaint or
# petition left unresolved the disputes' keyword 诉求 names (群众诉求化解不及时 and 重复诉求较多, no subject, untouched).
_SUBJECT_REQUEST = re.compile(r"(?<=噪音|噪声|扰民|道路|路面|路灯|设施|供暖|供热|停车|环境|卫生|交通|管网|物业)((?:类|等|方面)?的?)诉求"
                              r"(?=[^，,。；;：:！!？?\n“”]{0,6}?(?:占比|居高不下|较多|增多|上升|集中|突出|多发|量大|数量|占))")
# A petition's or a request's result, its handling or its information, said to be published or told back to the one who
# asked (themes set 139: 诉求办理结果未向社会公开; 信访信息公开不够; 网上信访事项办理结果未及时录入…并告知信访人; 未及时向诉求人
# 反馈办理结果): what is published or told, so disclosure's; the petition's words in that clause (信访, 诉求, 工单) go. A
# clause that tells nothing (信访事项办理结果群众不满意) or whose result is a mediation's (调解结果未及时反馈当事人) keeps its words.
_PETITION_WORD = re.compile(r"(?:网上)?(?:信访|诉求|工单|来电)(?:事项|件|人|信息系统|问题)?")
_TOLD_RESULT = re.compile(r"(?:结果|情况|信息|进度|进展)[^，,。；;：:！!？?\n]{0,12}?(?:公开|公布|公示|反馈|告知|通报|答复|回复)"
                          r"|(?:公开|公布|公示|反馈|告知|通报|答复|回复)[^，,。；;：:！!？?\n]{0,6}?(?:结果|情况|进度|进展)")


def _told_result(match: re.Match) -> str:
    clause = match.group()
    return _PETITION_WORD.sub("", clause) if _TOLD_RESULT.search(clause) else clause


# A cadre's awareness of doing a work lawfully (themes set 139: 部分干部依法处理信访问题的意识不强; 村干部依法调解纠纷的意识
# 淡薄): whose awareness it is, the cadres', not the work's (信访, 纠纷) named inside it; the work between 依法 and 的意识 goes
# (not the law's own phrases, 依法办事, 依法行政, 依法履职, 依法决策 …, which the keywords read whole).
_CADRES_LAWFUL_MINDSET = re.compile(r"((?:干部|党员|领导|负责人|书记|主任)[^，,。；;：:！!？?\n]{0,4}?依法)"
                                    r"(?!办事|行政|履职|用权|执政|决策|治)[^，,。；;：:！!？?\n的]{1,12}?"
                                    r"(?=的(?:意识|观念|思维))")
# Visitors in numbers (景区旅游旺季游客集中; 节假日游客量大; written round 109): a crowd, not the audience the public's
# cue 游客 names (游客文明旅游意识不强 untouched).
_VISITOR_CROWD = re.compile(r"游客(?=[^，,。；;：:！!？?\n]{0,4}?(?:集中|量大|激增|众多|较多|密集|扎堆|人数|数量|流量|接待量))")
# The supply of land, energy and the other factors a project or a firm needs (themes set 114: 招商引资…部分企业反映要素
# 保障不及时; 重点项目用地、用能等要素保障不足): the economy's, no staff's or money's 保障 (经费保障, 执法装备等保障不足 and
# 待遇保障 untouched).
_FACTOR_SUPPLY = re.compile(r"(?<=要素|用地|用能|能耗)保障")
# A care or welfare service's resources and staff (themes set 124: 留守儿童关爱服务资源不足。…乡镇社工站仅有专职社工1名，
# 课后托管、心理辅导等服务难以常态化开展, read as capacity by 资源不足 and 专职; 养老服务力量薄弱, 助残服务人员不足, 兼职
# 护理员): the welfare's (care for children, the old and the disabled), not the rule-of-law work's force the keywords
# 资源不足, 力量薄弱 and 专职 name, so in a clause that names no law and no rule-of-law work the care field's staffing
# word and a care worker's 专职 or 兼职, before or just after the worker (儿童主任多为兼职), are dropped (专职调解员,
# 社区矫正专职社工 and 法律服务资源不足 untouched).
_CARE_WORKER = r"(?:社工|社会工作者|护理员|保育员|村医|乡村医生|家庭医生|儿童主任|儿童督导员|心理咨询师|康复师)"
_CARE_STAFF = re.compile(r"(?:(?<=关爱)|(?<=养老)|(?<=托育)|(?<=照料)|(?<=照护)|(?<=助残)|(?<=助老)|(?<=护理)|(?<=医疗)"
                         r"|(?<=医护)|(?<=康复)|(?<=社工)|(?<=救助))(?:服务)?(?:资源|力量|人员|人手|队伍)"
                         rf"|(?:专职|兼职)(?={_CARE_WORKER})")
_CARE_WORKER_PART_TIME = re.compile(rf"({_CARE_WORKER}[^，,。；;：:！!？?\n]{{0,4}}?)(?:专职|兼职)")
_RULE_OF_LAW_WORK = re.compile(r"矫正|禁毒|戒毒|调解|信访|执法|普法|维权|纠纷|矛盾")
# … and the staff of a service a town's institutions give, the health centre's, the school's and the old people's home's
# (themes set 126: 村卫生室乡村医生年龄老化，60岁以上的占四成，后继乏人; 农村学校教师队伍老化; 镇卫生院医务人员不足;
# 卫生院专业技术人员匮乏): the doctors, nurses, carers and teachers as such and their numbers or age, the health's, the
# schooling's or the care's own, not the rule-of-law work's staff the keywords 人员不足 and 专业人才 and the cues 人员,
# 队伍, 年龄结构 and 老化 name. In a clause that names no law nor the law's work (`_RULE_OF_LAW_WORK`) the staff's name
# and the age it is said to have are dropped (卫生监督执法人员不足, 教师法治意识淡薄 and 乡村医生对《医师法》不熟悉 name the
# law: untouched; 调解员 and 法治副校长 are the rule-of-law work's own and not named here).
_SERVICE_STAFF = re.compile(r"(?:(?:卫生院|卫生室|医院|诊所|学校|中小学|小学|中学|幼儿园|敬老院|养老院|福利院|养老机构)的?"
                            r"(?:专业技术|专业|技术)?(?:人才|人员)|乡村医生|村医|乡医|全科医生|医生|医务人员|医护人员"
                            r"|卫生技术人员|卫技人员|护士|护理人员|护理员|教师|老师|保育员|校医)"
                            r"(?:队伍)?的?(?:年龄)?(?:结构)?(?:老化|老龄化|断层)?")

# A word every match of the three patterns above holds (a care field, a post, an institution, a doctor, nurse or
# teacher): a cheap test first, since the patterns' look-behinds are tried at every character of every item.
_SERVICE_HINT = re.compile(r"医|护士|护理|卫生|卫技|关爱|养老|托育|照料|照护|助残|助老|康复|社工|救助|专职|兼职|教师|老师|学校|小学|中学"
                           r"|幼儿园|敬老院|福利院|诊所|保育")


def _without_service_staff(match: re.Match) -> str:
    """A clause without a care, health or school service's staff, their posts and their age (`_CARE_STAFF`,
    `_CARE_WORKER_PART_TIME`, `_SERVICE_STAFF`), when it names no law nor the law's work."""
    clause = match.group(0)
    if _LAW.search(clause) or _RULE_OF_LAW_WORK.search(clause):
        return clause
    clause = _CARE_WORKER_PART_TIME.sub(r"\1", _CARE_STAFF.sub("", clause))
    return _SERVICE_STAFF.sub("", clause)


# The talent an economic field needs (themes set 119: 农村电商发展滞后，直播带货人才缺乏; 产业人才, 营销人才, 文旅人才): the
# economy's, not the rule-of-law work's staff the keywords 人才缺乏 and 人才…缺乏 name, so in a clause that names no law
# the field's 人才 is dropped (懂法律又懂信息技术的复合型人才, 法律专业人才 and 双语普法人才 untouched).
_ECONOMY_TALENT = re.compile(r"(?:(?<=电商)|(?<=带货)|(?<=直播)|(?<=产业)|(?<=农业)|(?<=营销)|(?<=旅游)|(?<=文旅)|(?<=创业)"
                             r"|(?<=经营)|(?<=乡土)|(?<=招商))人才")


def _untalented(match: re.Match) -> str:
    """A clause without an economic field's 人才 (`_ECONOMY_TALENT`), when it names no law."""
    clause = match.group(0)
    return clause if _LAW.search(clause) else _ECONOMY_TALENT.sub("", clause)


# A rule, a standard or a list put into use without the 法制审核 (themes set 119: 大数据监管系统中自动生成处罚建议的规则
# 未经法制审核即投入使用; 裁量基准未经法制审核即印发): the legality review of a norm, decisions' 合法性审核, not the
# enforcement's review of a penalty decision the keyword 法制审核 names (少数处罚决定未经法制审核即送达当事人 untouched).
# (… and an administrative act at large made without it, themes set 138: 个别行政行为作出前未经法制审核: its legality review;
# an enforcement act, 执法行为 or 处罚决定, untouched)
_NORM_REVIEWED = re.compile(r"(?:(?<=规则|基准|算法|模型|清单|办法|方案|细则|标准)|(?<=行政行为))"
                            r"((?:[^，,。；;：:！!？?\n]{0,4}?)未经)法制审核")


# A channel of income, money or sales (增收渠道较窄, 收入渠道单一, 融资渠道不畅, 销售渠道; written round 108): the economy's,
# not the channels of learning or of redress the public's cue 渠道 names (学法用法渠道, 维权渠道 untouched).
_MONEY_CHANNEL = re.compile(r"(?<=增收|收入|融资|销售|营销|筹资|致富|就业|投资)渠道")
# Systems whose data are not shared or must be entered again (数据不互通, 无法共享, 重复录入, 信息孤岛): an information
# systems fault, so the systems' names (基层治理数据平台, 综治、网格化、“雪亮工程”等系统) are what, not whose fault.
# (… and so are the systems named by the work they serve and whoever must enter the data again, themes set 112: 智慧社区
# 平台数据共享不畅，…“多网合一”后网格事件系统与街道原有平台不兼容，网格员需在3个系统重复录入: the grid's event system
# and the 网格员 who key it are what the data fault is of, no grid work's; 共享不畅 and 不兼容 are data silos too.)
_DATA_SILO = re.compile(r"数据[^，,。；;：:！!？?\n]{0,4}?(?:不互通|不共享|无法共享|难以共享|不能共享|共享不畅|壁垒)|重复录入|重复填报"
                        r"|信息孤岛|(?:平台|系统)[^，,。；;：:！!？?\n]{0,4}?不兼容")
_SYSTEM_NAME = re.compile(r"[^，,。；;：:！!？?\n]{1,16}?(?=(?:数据|信息|业务|事件)(?:平台|系统)|等(?:平台|系统))"
                          r"|[^，,。；;：:！!？?\n]{1,12}?(?=需?在[^，,。；;：:！!？?\n]{0,6}?(?:平台|系统)[^，,。；;：:！!？?\n]{0,4}?"
                          r"重复(?:录入|填报))")


# The town's money strained by the budget's other calls (themes set 106: 镇级财力紧张，刚性支出占比高，部分重点项目配套资金
# 难以及时到位; “三保”压力, 债务, 收支): public finance, not the rule-of-law work's money the keyword 财力 names (镇级财力有限，
# 法治阵地建设投入不足 and 受镇级财力所限，…执法装备老化 stay capacity): 财力 is dropped, the item's other words decide.
_BUDGET_CALLS = re.compile(r"刚性支出|配套资金|“?三保”?(?:支出|压力)|(?:隐性)?债务|收支|财政收入|一般公共预算|土地出让收入"
                           r"|民生(?:支出|项目)"
                           # … and the money works need (改造和加装电梯资金需求大; 基础设施建设资金缺口; written round 109)
                           r"|(?:改造|加装电梯|基础设施)[^，,。；;：:！!？?\n]{0,8}?资金")


# The town's own housekeeping as public finance and asset management (themes set 110). The official cars' running costs,
# use over the standard or for private ends (公务用车运行维护费用偏高; 审计指出的公务用车超标准运行; 公车私用): the
# budget's and the rules' on cars, not the staff's transport the keyword 公务用车 names (公务用车长期不足，夜间巡查只能借用
# 私家车 stays capacity), so in such an item 公务用车 and the cars' age (车辆老化) are dropped and its other words decide.
_CAR_COSTS = re.compile(r"(?:公务用车|公车)[^，,。；;：:！!？?\n]{0,8}?(?:运行维护|运维|运行费|维护费|维修费|燃油费|费用|支出|开支"
                        r"|超标准|超标|超编|超范围|私用)|公车私用")
_CAR_WORDS = re.compile(r"公务用车|(?<=车辆)(?:老化|陈旧)")
# The people a village is left with, the young gone to work elsewhere (themes set 118: 年轻人都出去打工了，村里留下的都是
# 老人小孩，地没人种; 留守的多是老人和孩子; 村里只剩下老人): the village's make-up, the economy's or the care's, not the public
# an item of publicity is about, so in an item that names no law the old people's name is no cue of the public's (留守老人,
# the keyword of an audience, untouched; 留下的都是老人，不懂法 names a law: the cue stays).
# The old people as the hands that farm the land (themes set 134: 留守老人耕种能力有限，…排查撂荒地1260亩; 老年人种地力不从心;
# 在家务农的多为老人): the village's labour, not the audience the keyword 留守老人 names, so in an item that names no law it
# goes too (面向留守老人的普法 and 留守老人法治意识淡薄 untouched).
_LEFT_BEHIND = re.compile(r"(?:留下|剩下|在家|留守|留在村里)的?人?(?:大多|大部分|基本上?|多|都|全|主要)?(?:是|为|只有|只剩下?)"
                          r"些?(?:老人|老年人)|只剩下?些?(?:老人|老年人)"
                          r"|(?:(?:农村|在家|留守|高龄|部分|村里的?)?(?:老人|老年人))(?=[^，,。；;：:！!？?\n]{0,6}?"
                          r"(?:耕种|种地|种田|务农|干农活|劳动能力))"
                          r"|(?<=务农的)(?:大多|大部分|基本上?|多|都|主要)?(?:是|为)(?:老人|老年人)")
# … and a clause that counts the population (外出务工人员占户籍人口三成以上; 常住人口以老人和儿童为主; 人口老龄化加剧):
# a statistic of the place, so in an item that names no law the people it names are no cue of the public's (themes set
# 123: 镇域经济发展不平衡，… read as publicity by the cues 务工人员 and 老人 of its two counting clauses).
_POPULATION_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]*(?:(?:户籍|常住|总|在册|外出)人口|人口(?:老龄化|外流|流失|结构|占比|比例))"
                                r"[^，,。；;：:！!？?\n]*")
# Equipment as an asset on the books (已报废办公设备未及时办理核销手续; 电脑等设备未登记入账; 设备账实不符): the
# asset accounts', not the staff's kit the cues 设备, 办公设备 and 电脑 name (司法所办公设备老化 stays theirs).
_BOOKED_KIT = re.compile(r"(?:办公)?(?:设备|电脑)(?=[^，,。；;：:！!？?\n]{0,12}?(?:核销|入账|账实不符|账账不符|资产登记|资产卡片"
                         r"|报废手续|处置手续))")


# Words of the party's and the economy's work that hold a theme's word in another sense (themes set 107). 公开 as the
# manner of a pledge, a lesson, a recruitment or a selection (党员“公开承诺、践诺评诺”, “法治公开课”, 公开招聘, 公开选拔):
# done in public, not information made public, so no disclosure word (公开招标, 公开招租 and 公开征求意见 stay decisions').
_DONE_IN_PUBLIC = re.compile(r"公开(?=承诺|课|招聘|招考|选拔|遴选|竞聘)")
# A promise the applicant or the firm makes under a system of promises (告知承诺制, 信用承诺, 证明事项告知承诺): the
# system's name, not a promise the town makes, whose procedure the decisions keyword 承诺…程序 reads (themes set 131:
# 1. 作出涉企优惠承诺缺乏规范程序, decisions, read as other; 告知承诺制事后核查程序 is the enforcers' check, no decision).
_PROMISE_SYSTEM = re.compile(r"(?<=告知)承诺|(?<=信用)承诺|承诺(?=制)")
# The discipline inspectors' 审查 (审查调查, 纪律审查, 立案审查: the 纪委's case work) is no legality review; and the public
# as a place (群众身边的腐败, 群众身边的案例: near them) is no cue of the public's.
_DISCIPLINE_REVIEW = re.compile(r"审查(?=调查)|(?<=纪律)审查|(?<=立案)审查|群众(?=身边)")
# Publicity of investment, tourism, news or the party's ideology (招商宣传, 旅游宣传, 新闻宣传, 宣传思想工作, 意识形态): the
# promotion of a place or the party's propaganda, not the rule of law's (法治宣传 and 普法宣传 untouched; 宣传推介 alone,
# a legal service's, stays); 意识形态's 意识 is no awareness.
_OTHER_PUBLICITY = re.compile(r"(?:(?<=招商|旅游|文旅|对外|形象|城市|新闻)|(?<![法普])(?=宣传思想))宣传|意识形态")
# An economy's targets in an assessment (经济发展考核指标完成不理想; 地区生产总值、固定资产投资两项考核指标): the economy's
# results, not the rule-of-law work's assessment, so its 考核 is dropped (法治建设考核指标 and 考核…只看经济指标 untouched:
# the economy's word comes first, in a clause with no 法: 经济发展考核中法治建设分值偏低 stays the assessment's).
_ECONOMY_TARGET = re.compile(r"((?:经济|生产总值|GDP|固定资产投资|招商引资|财政收入|税收|规上工业|工业产值|社会消费品零售|"
                             r"项目建设|外贸|进出口)(?:(?!法)[^，,。；;：:！!？?\n]){0,16}?)考核"
                             r"(?=(?:(?!法)[^，,。；;：:！!？?\n])*(?:[，,。；;：:！!？?\n]|$))")
# A safety awareness and its holder (部分村民安全意识淡薄; 群众消防安全意识不强; 企业安全生产意识差): the safety of fire,
# power, traffic or work, not awareness of the law, so neither the holder's cue nor the verdict on awareness counts
# (群众依法防疫意识, 数据安全, 信息安全 and a second, legal awareness after it (村民安全意识和法治意识) untouched).
_SAFETY_AWARENESS = re.compile(r"(?:" + _PUBLIC + r"(?:(?!依法|法治|法律)[^，,。；;：:！!？?\n]){0,6}?)?(?<![据息络])"
                               r"(?:安全生产|安全|消防|防火|防灾减灾|防灾|避险|自救)(?:防范)?意识(?![和及与、])")
# The governance the party's building leads (党建引领基层治理, 党建引领乡村治理, 党建引领社区治理): party building's
# work, so its 治理 is no dispute work's 基层治理 (a dispute's or a grid's words after it still count: 基层党建引领网格
# 治理中，党员网格员对矛盾纠纷的排查… stays disputes by 矛盾纠纷; 诉源治理 and 依法治理 untouched).
_PARTY_LED_GOVERNANCE = re.compile(r"(?<=党建引领)(?:基层|乡村|社区|城市|城乡|社会|网格){0,2}治理")
# The party's discipline duties (themes set 109: 全面从严治党, 管党治党, the “两个责任” of the party committee and the 纪委,
# 一岗双责): in an item that names them, an awareness of those duties and its holder (村党组织书记“一岗双责”意识不强, 书记
# 主体责任意识淡薄) are the party's, no awareness of the law nor a cadre's cue, and the cadres whom the party supervises and
# manages (对村干部日常监督管理偏松, 对党员干部的日常监督) are the supervised, its 监督 the party's discipline, not the
# oversight of power the disclosure theme names: both are dropped, the item's other words decide (a cadre's awareness of the law in such an item still counts: 部分村干部依法
# 办事意识不强; an item with no such words untouched: 对驻村工作队的日常监督管理不够, set 88's, stays oversight).
_PARTY_DISCIPLINE = re.compile(r"从严治党|管党治党|两个责任|一岗双责")
_PARTY_DUTY_AWARENESS = re.compile(r"(?:(?:党组织|党支部|党委|党总支)?(?:书记|干部|成员|负责人|领导)"
                                   r"[^，,。；;：:！!？?\n]{0,4}?)?"
                                   r"((?:“?(?:两个责任|一岗双责)”?|(?:主体|监督)责任|管党治党|从严治党))的?(?:责任)?意识")
_PARTY_SUPERVISED = re.compile(r"对(?:村|镇|乡|社区|街道)?(?:党员|“?两委”?)?(?:干部|党员|成员)[^，,。；;：:！!？?\n]{0,6}?"
                               r"(?:监督管理|监督|管理|教育管理)")
# A service or an office sent into the grid as a place (法律进网格, “三官一律”进网格, 驻网格律师: themes set 109): where the
# work goes, as 进社区 and 进村 are, not the grid's own work the disputes' 网格 names (网格员, 网格化 and 网格 alone untouched,
# and so is the grid a verb of change works on: 推进网格精细化管理, 促进/改进/先进网格).
_INTO_GRID = re.compile(r"(?<![推促改先引增跟精前演激]进)(?<=[进驻])网格(?![员化])")
# … and the grid's worker who holds an awareness, a mindset or a way of thinking (themes set 112: 网格员依法履职意识不强):
# whose awareness it is, as a cadre's is, not the grid's work (网格 dropped; 网格员人均负责450户 and 网格化 untouched).
_GRID_WORKER_MINDSET = re.compile(r"网格(?=员[^，,。；;：:！!？?\n]{0,10}?(?:意识|观念|思维))")
# … and so is an enforcement officer who holds an awareness, a notion or a way of thinking of the law itself (themes set
# 116: 个别执法人员依法行政意识不强 read as capacity by 执法人员; 执法队员法治观念淡薄): whose awareness it is, as a cadre's is,
# not the enforcement staffing the keyword 执法人员 names (执法 dropped). Not an awareness of the enforcement's own
# procedure or craft (执法人员程序意识不强, 办案程序意识, 证据意识: the enforcers' practice, capacity), nor past a space or
# a mark (执法人员持证率不高 ●居民法治意识薄弱).
_ENFORCER_MINDSET = re.compile(r"执法(?=(?:工作)?(?:人员|队员)[^，,。；;：:！!？?\n、\s●]{0,8}?"
                               r"(?:依法行政|依法办事|依法履职|依法用权|法治|法律|法制)的?(?:意识|观念|思维))")


# An assessment among the steps of managing staff (themes set 112: 社区工作者招聘、考核、薪酬管理上的职责分工不清; 选拔、
# 培训、考核、激励): personnel management's, not the oversight the cue 考核 names; the other words decide.
_PERSONNEL_STEP = r"(?:招聘|招录|选拔|选聘|培训|薪酬|待遇|激励|奖惩|晋升|退出|使用|选用)"
_STAFF_ASSESSED = re.compile(rf"(?<={_PERSONNEL_STEP}[、和及与])考核|考核(?=[、和及与]{_PERSONNEL_STEP})")
# … and in a clause that names no law, the steps of managing staff themselves (two or more: 选拔、培养、管理; 招录和考核;
# 选拔、培训、考核、激励) with the plain cadres or workers they manage (村级后备干部, 社区工作者, 两委成员) and the reserve
# cadres at large (后备干部): the staffing of cadres as such, the party's and the organisation's work, no rule-of-law
# theme (themes set 113: 村级后备干部选拔、培养、管理链条不完善 read as the cadres' by the cue 干部). Staff named by a
# theme's work keep their word (执法队员, 调解员, 法律明白人, 法律顾问), and a clause that names the law keeps all
# (村干部培训、考核中法治内容偏少 stays the cadres').
_MANAGING_STEP = (r"(?:招聘|招录|考录|选拔|选聘|遴选|选任|选用|培养|教育培训|培训|考核|考评|管理|薪酬|待遇|激励|奖惩|晋升"
                  r"|退出|使用|补充|储备)")
_MANAGED_STAFF = re.compile(r"(?:(?:村|社区|镇|乡|街道)级?)?(?:后备|年轻|青年)?(?:干部|“?两委”?(?:成员|干部)|社区工作者"
                            rf"|工作人员)?(?:队伍)?的?{_MANAGING_STEP}(?:[、和及与]?{_MANAGING_STEP})+|(?<=后备)干部")
# (a run of two steps, or 后备, is looked for first: the whole pattern, whose prefix is optional, is slow to search)
_MANAGING_RUN = re.compile(rf"{_MANAGING_STEP}[、和及与]?{_MANAGING_STEP}")
_CLAUSE = re.compile(r"[^，,。；;：:！!？?\n]+")
# The law named (法治, 法律, 执法, 学法, 《…》): not the 法 of a way or a rule of work (办法, 方法, 想法, 做法, 说法).
_LAW = re.compile(r"(?<![办方想做说设手写算])法|《")


def _unmanaged(match: re.Match) -> str:
    """A clause without its staff-management run (`_MANAGED_STAFF`), when it names no law."""
    clause = match.group(0)
    return clause if _LAW.search(clause) else _MANAGED_STAFF.sub("", clause)


# … and a worker qualified by a staffing word (专职网格员, 兼职人员, 专职社区工作者) who holds an awareness, a mindset or a way of
# thinking (themes set 113: 少数专职社区工作者法治观念淡薄 read as capacity by 专职): whose awareness it is, not the
# staffing the keyword 专职 names (专职人员少 and 法治专干多为兼职 untouched).
_QUALIFIED_WORKER_MINDSET = re.compile(r"(?:专职|兼职)(?=[^，,。；;：:！!？?\n、]{0,8}?(?:员|工作者|干部|人员|顾问|律师)"
                                       r"[^，,。；;：:！!？?\n、]{0,10}?(?:意识|观念|思维))")
# Publicity of the disclosure work itself (政务公开宣传引导不够; 信息公开工作的宣传; themes set 113): a step of that work,
# whose word decides, not the rule of law's publicity (普法宣传, 法治宣传 untouched).
_DISCLOSURE_PROMOTED = re.compile(r"(?:(?<=政务公开)|(?<=信息公开)|(?<=村务公开)|(?<=依申请公开))((?:工作)?的?)宣传")
# A training whose trainees are the party's members, farmers or workers, or whose subject is a skill, a job or a business
# (党员教育培训, 高素质农民培训, 职业技能培训, 创业培训), in an item that names no law: the party's or the economy's
# training, not the cadres' law training the keyword 培训 names; its 培训, the training's own promotion (培训宣传) and the
# verdict right after it (培训针对性不强) are dropped, the item's other words decide (themes set 113; 党员干部学法培训 and
# 农民工法律知识培训 untouched).
_OTHER_TRAINING = re.compile(r"(?:党员(?!干部)|农民|务工人员|劳动力|技能|就业|创业|电商|实用技术)(?:的)?(?:教育)?培训")
_TRAINING_WORDS = re.compile(r"培训(?:宣传)?(?:工作)?的?(?:针对性|实效性|实用性|吸引力)?(?:不强|不足|不够|不高)?")


# The people a campaign works on (themes set 115: 吸毒人员动态管控难度大; 涉诈人员, 重点人员, 社区戒毒康复人员): its targets, not the
# staff the cue 人员 names; and the cadres a campaign assigns to watch its firms or places (包保干部督导频次不足, 包联干部):
# the campaign's own rota, not the cadres whose grasp of the law the cue 干部 names. Only the cue goes: a keyword beside
# them still decides (对吸毒人员管控措施的法律边界把握不准 stays the cadres').
_CAMPAIGN_PEOPLE = re.compile(r"(?<=吸毒|涉毒|戒毒|康复|涉诈|涉赌|涉邪|重点)人员|(?<=包保|包联)干部")


_HAZARD_SWEEP = re.compile(r"排查(?:整治|整改)?")  # the search for hazards (`_hazard`)
# The search for land or buildings in a given state (themes set 134: 2024年排查撂荒地1260亩; 排查闲置农房83处; 排查耕地
# “非农化”问题): the land's and the houses' survey, not the disputes' 排查 of quarrels; in a clause that names no quarrel
# (排查土地承包纠纷 and 排查出的涉土地矛盾纠纷 stay disputes') the sweep's word goes and the item's other words decide.
_LAND_SWEEP = re.compile(r"排查(?:整治|整改|清理|出|发现)?(?=[^，,。；;：:！!？?\n]{0,4}?(?:撂荒|闲置|耕地|土地|农房|房屋"
                         r"|自建房|违建|违法建筑|违法用地|违法占地|大棚房|宅基地|地块|田块))")

# The search for the risks of power in its posts (themes set 142: 廉政风险点排查不全面; 排查岗位廉政风险): the risks'
# survey, not the disputes' 排查 of quarrels; in a clause that names no quarrel the sweep's word goes and the item's
# other words decide (廉政风险, the power used without procedure: decisions').
_RISK_SWEEP = re.compile(r"(?<=风险点)排查|(?<=风险)排查|排查(?:整治|整改|清理|出|发现)?(?=[^，,。；;：:！!？?\n]{0,6}?风险(?:点|隐患)?)")


def _survey_without_sweep(sweep: re.Pattern) -> Callable[[re.Match], str]:
    """A clause's rewrite (for `_CLAUSE.sub`) that drops a survey's 排查 (`_LAND_SWEEP`, `_RISK_SWEEP`) from a clause
    that names no quarrel: the disputes' 排查 is the search for quarrels, which such a clause does not name."""
    def rewrite(match: re.Match) -> str:
        clause = match.group(0)
        return clause if _QUARREL.search(clause) else sweep.sub("", clause)
    return rewrite


def _camera_kit(match: re.Match) -> str:
    """A cameras' clause (`_CAMERA_CLAUSE`) without its kit's state words, unless it is enforcement's evidence."""
    clause = match.group(0)
    return clause if _ENFORCERS_KIT.search(clause) else _CAMERA_STATE.sub("", clause)


# The foundation of grassroots governance as a whole (基层治理基础薄弱, 基层治理的根基不牢), in an item that names no law:
# the sum of the place's economy and people (themes set 123: 镇域经济发展不平衡，…常住人口以老人和儿童为主，基层治理基础
# 薄弱 read as disputes by 基层治理), not the dispute work's 基层治理; the item's other words still count.
_GOVERNANCE_BASE = re.compile(r"基层治理(?=的?(?:基础|根基|底子))")


def _hazard(match: re.Match) -> str:
    """A hazard clause's 隐患, and the search for hazards in it (安全生产隐患排查还不彻底; 燃气安全隐患排查整治任务较重):
    the safety work's sweep, not the disputes' 排查 of quarrels (written round 107)."""
    clause = match.group(0)
    if _HAZARD_OF.search(clause) and not _QUARREL.search(clause):
        return _safety_sweep(clause)
    return clause


def _safety_sweep(clause: str) -> str:
    """A hazard clause without its 隐患 and its search for hazards (排查, 排查整治)."""
    return _HAZARD_SWEEP.sub("", clause.replace("隐患", ""))


# A hazard clause that names no field (隐患排查台账不向村民公开; 开展隐患排查时只能“看一看、问一问”) in an item whose other
# clauses name safety, fire, flood or a disaster (…地质灾害隐患点; 村级安全员…) and none a quarrel: the same safety sweep,
# said once for the item (themes set 133: the ledger of a hazard sweep kept from the villagers read as disputes by its
# 排查, which tied 公开). An item naming a quarrel anywhere (`_QUARREL`) keeps its 隐患 and 排查 (隐患排查台账不全，矛盾纠纷
# 排查化解不及时 stays disputes).
def _safety_item(text: str) -> bool:
    return "隐患" in text and bool(_HAZARD_OF.search(text)) and not _QUARREL.search(text)


# The burden on the grassroots as the item's lead (基层负担仍然偏重; 基层减负成果还需巩固; 减负工作落实不到位): the burden
# of inspections, forms and ledgers the 基层减负 campaign is about, no rule-of-law fault, so what the rest says of it
# (督查检查、填表报数仍然较多; 干部忙于应付检查) is no theme's (written round 107). Formalism in a theme's own work
# (普法活动重形式轻实效) is untouched, and so is a lead that only sets the scene (基层减负要求下，法治建设考核仍…): the
# burden must open the lead, after at most a place's name (社区减负增效还不到位).
_GRASSROOTS_BURDEN = re.compile(r"^[^，,。；;：:]{0,4}?(?:基层的?负担|减负)(?![^，,。；;：:]*下$)")


def _met(match: re.Match) -> str:
    """What `_MET_DISPUTE` leaves: a met dispute's words between 遇到 and 纠纷; nothing of a handled request."""
    return match.group(1) if match.group(2) is None else ""


# A programme of culture and civility (乡风文明建设, 新时代文明实践站, 精神文明创建, 公共文化服务, 群众文化活动), in an item that names
# no law: its money, its forms and the public as its audience (投入不足, 活动形式单一, 群众参与积极性不高) are that programme's,
# not the staffing's money, the publicity's forms or the public the cues name (themes set 129: 乡风文明建设投入不足，新时代文明实践
# 站活动内容单一，群众参与积极性不高 read as capacity by 投入不足). An item naming the law is untouched (移风易俗法治宣传形式单一;
# 法治文化阵地; 文明实践站开展普法活动少 names 普法).
_CULTURE_WORK = re.compile(r"乡风文明|精神文明|文明实践|文明创建|文明村镇|公共文化|文化惠民|群众文化|文体活动|文化活动|文化服务")
_CULTURE_WORDS = re.compile(_PUBLIC + r"|(?:投入|经费|资金)(?:不足|有限|偏少|不够|短缺|保障不足|保障不到位)?|(?:形式|方式|手段)单一"
                            r"|参与(?:度|率)?")


# The topic scans that try every clause's start, and the word without which they find nothing: they run only when it
# is there (they were the slowest of these scans).
_TOPIC_WORD = {_TEST_TOPIC: "题", _INTERPRETED: "解读", _COLUMN_TOPIC: "栏目", _CONTRACT_TOPIC: "签订的",
               _MEASURED_AGAINST: "与"}
# What an item names as its topic, in the order its words are counted as a title's (`keyword_scores`).
_TOPICS = (_TITLE, _UNKNOWN_TOPIC, _ASSESSED, _CASE_BY_OUTCOME, _TEST_TOPIC, _INTERPRETED, _COLUMN_TOPIC,
           _CONTRACT_TOPIC, _MEASURED_AGAINST)


def _topics_in(pattern: re.Pattern, text: str):
    return pattern.finditer(text) if _TOPIC_WORD.get(pattern, "") in text else ()


def _blank_topic(pattern: re.Pattern, part: str) -> str:
    return pattern.sub("《》", part) if _TOPIC_WORD.get(pattern, "") in part else part


def _without_topics(part: str) -> str:
    """PART without the words that name no fault, so that the themes' keywords count only the fault's.

    Blanked (《》): titles, and the topics of a policy interpretation, a test, an assessment, a column, a contract, a
    cadre's quoted thought (with what it is about: `_ATTITUDE_TOWARD`) and the standard an item measures itself
    against; cases named by their outcome. Taken out: words of who or where that only frame the fault (a school, a
    sector, a moving population, a met dispute, a served public, a travelling applicant, a reporter …), and a theme's
    word another field uses in its own sense: money's strain, a network's or the asset books' kit, the party's
    membership and its organisation's standards, a safety hazard, a utility's or a welfare policy's public, a
    project's factor supply, a care, health or school service's staff, a campaign's targets and watchers, an
    economy's talent, targets and publicity, the 纪委's 审查调查, a pledge made in public, the public as raters or as
    those a business strain befalls, a facility's aging, the leaders who receive petitioners, a request counted by the
    thing complained of, a petition's words where its result is published or told back, the work inside a cadre's lawful
    awareness. Each rule is a
    module-level pattern named for what it finds (`_STRAIN`, `_PARTY_QUALITY`, `_CARE_STAFF`, `_SERVICE_STAFF`,
    `_ECONOMY_TALENT`, `_RATING_PUBLIC` …), its comment naming the set or round that showed it. Two rules rename
    rather than remove: an office's staff who do not know a law are its cadres (`_OFFICE_STAFF_NOT_KNOWING`), and a
    norm's 法制审核 is its 合法性审核 (`_NORM_REVIEWED`)."""
    part = _TITLE.sub("《》", _VILLAGERS_OR_RESIDENTS.sub("居", _SPACE_IN_WORD.sub("", part)))
    part = _CASE_BY_OUTCOME.sub("《》", _blank_topic(_INTERPRETED, part))
    part = _blank_topic(_CONTRACT_TOPIC, _blank_topic(_COLUMN_TOPIC, _blank_topic(_TEST_TOPIC, part)))
    part = _blank_topic(_MEASURED_AGAINST, part)
    if "学法" in part:
        part = _SCHOOL_BEFORE_LAW.sub("学校", part)
    part = _CHIEF_SYSTEM.sub("", _UNKNOWN_TOPIC.sub("《》", _HELD_AS.sub(r"\1《》", part)))
    if "工作人员" in part:
        part = _OFFICE_STAFF_NOT_KNOWING.sub("干部", part)
    if "“" in part:
        part = _THOUGHT_HELD.sub(r"\1《》", part)
        part = _ATTITUDE_TOWARD.sub(r"\1《》", part)
    if "抵触" in part or "排斥" in part or "抗拒" in part or "厌烦" in part or "畏难" in part:
        part = _RESISTING.sub(r"\1《》", part)
    part = _ASSESSED.sub("《》", _RECRUITED.sub("", part))
    if "只看" in part or "多看" in part or "只重" in part:
        part = _ASSESSED_BY.sub(r"\1《》", part)
    if "意识" in part or "观念" in part:
        part = _PUBLIC_WILL.sub(r"\1《》", part)
    part = _STAFF_OF_WORK.sub("", _STAFFED_FOR.sub("", _REPORTED_BY.sub("听", part)))
    if "专门" in part:
        part = _UNSTAFFED_FOR.sub("人员不足", part)
    part = _PEOPLE_MOVING.sub(r"\1", _SECTOR_WORD.sub("", _PORTFOLIO.sub("", part)))
    if "做" in part or any(verb in part for verb in _SERVING):
        part = _SERVED_PUBLIC.sub(r"\1", part)
    part = _SPENT_ON.sub(r"\1《》", _MET_DISPUTE.sub(_met, part))
    if "经费" in part or "资金" in part or "费用" in part or "投入" in part:
        part = _WORK_MONEY.sub("", part)
        part = _IT_MONEY.sub("", part)
    if "举报" in part:
        part = _REPORT_MET.sub("", part)
    if "跑" in part or "往返" in part or "排队" in part or "奔波" in part or "提交" in part or "提供" in part or "办事" in part:
        part = _SERVED_TRAVEL.sub("", part)
    if "满意" in part:
        part = _RATING_PUBLIC.sub("", part)
    part = _IN_HARDSHIP.sub("", part)
    if "老化" in part:
        part = _AGING_FACILITY.sub("", part)
    if "影响" in part or "困扰" in part or "妨碍" in part or "便" in part or "带来" in part or "反映" in part \
            or "反响" in part or "意见" in part or "盼" in part or "期待" in part or "期望" in part:
        part = _PUBLIC_AFFECTED.sub("", part)
    if "访" in part:
        part = _LEADERS_RECEIVING.sub("", part)
    if "矛盾" in part or "化解" in part:
        part = _STRAIN.sub("", part)
    if "党员" in part:
        part = _PARTY_MEMBERS.sub("", part)
    if ("党" in part or "支部" in part) and ("标准化" in part or "规范化" in part):
        part = _PARTY_QUALITY.sub(r"\1", part)
    if "隐患" in part:
        part = _HAZARD_CLAUSE.sub(_hazard, part)
    if "摄像" in part or "探头" in part or "监控" in part or "雪亮" in part:
        part = _CAMERA_CLAUSE.sub(_camera_kit, part)
    part = _SERVED_BY_UTILITY.sub("", part)
    if "诉求" in part:
        part = _SUBJECT_REQUEST.sub(r"\1", _FACILITY_REQUEST.sub("", part))
    if "信访" in part or "诉求" in part or "工单" in part or "来电" in part:
        part = _CLAUSE.sub(_told_result, part)
    if "依法" in part and ("意识" in part or "观念" in part or "思维" in part):
        part = _CADRES_LAWFUL_MINDSET.sub(r"\1", part)
    if "游客" in part:
        part = _VISITOR_CROWD.sub("", part)
    if "人员" in part or "干部" in part:
        part = _CAMPAIGN_PEOPLE.sub("", part)
    if "保障" in part:
        part = _FACTOR_SUPPLY.sub("", part)
    if _SERVICE_HINT.search(part) and (_CARE_STAFF.search(part) or _CARE_WORKER_PART_TIME.search(part)
                                       or _SERVICE_STAFF.search(part)):
        part = _CLAUSE.sub(_without_service_staff, part)
    if "渠道" in part:
        part = _MONEY_CHANNEL.sub("", part)
    if "人才" in part:
        part = _CLAUSE.sub(_untalented, part)
    if "法制审核" in part:
        part = _NORM_REVIEWED.sub(r"\1合法性审核", part)
    if "网络" in part or "通信" in part or "视频会议" in part or "信号" in part or "网速" in part or "宽带" in part \
            or "线路" in part or "服务器" in part or "机房" in part or "信息化" in part or "计算机" in part \
            or "稳定" in part or "卡顿" in part:
        part = _NETWORK_KIT.sub("", part)
    if "设备" in part or "电脑" in part:
        part = _BOOKED_KIT.sub("", part)
    if "公开" in part:
        part = _DONE_IN_PUBLIC.sub("", part)
    if "承诺" in part:
        part = _PROMISE_SYSTEM.sub("", part)
    if "审查" in part or "身边" in part:
        part = _DISCIPLINE_REVIEW.sub("", part)
    if "宣传" in part or "意识形态" in part:
        part = _OTHER_PUBLICITY.sub("", part)
    if "考核" in part:
        part = _ECONOMY_TARGET.sub(r"\1", part)
    if "意识" in part:
        part = _SAFETY_AWARENESS.sub("", part)
    if "党建引领" in part:
        part = _PARTY_LED_GOVERNANCE.sub("", part)
    if "网格" in part:
        part = _GRID_WORKER_MINDSET.sub("", _INTO_GRID.sub("", part))
    if "执法" in part and ("意识" in part or "观念" in part or "思维" in part):
        part = _ENFORCER_MINDSET.sub("", part)
    if "后备" in part or _MANAGING_RUN.search(part):
        part = _CLAUSE.sub(_unmanaged, part)
    if "考核" in part:
        part = _STAFF_ASSESSED.sub("", part)
    if "专职" in part or "兼职" in part:
        part = _QUALIFIED_WORKER_MINDSET.sub("", part)
    if "宣传" in part:
        part = _DISCLOSURE_PROMOTED.sub(r"\1", part)
    return _VISIT.sub("", part) if "访" in part else part


# The linkage of enforcement and the judiciary (两法衔接) named as its information platform, in an item about the oversight
# the platform serves (themes set 128: “两法衔接”信息共享平台录入不及时…检察机关难以及时掌握，外部监督作用没有发挥): the
# platform's name, not the fault, which is what the platform hides from the overseers (the enforcers' handing over itself
# stays the keyword's: 两法衔接工作机制运行不畅, and set 109's 镇“两法衔接”信息共享平台使用率低，涉嫌犯罪案件移送不及时).
_LINKAGE_PLATFORM = re.compile(r"“?(?:两法衔接|(?:行政执法与)?刑事司法衔接)”?(?=(?:工作)?(?:信息)?(?:共享)?(?:平台|系统))")

# Legal advisers counted as lawyers' part-time posts (themes set 128: “一村一法律顾问”覆盖有余、服务不足，…由县城2家律所的
# 3名律师兼任，每名律师对接近5个村): how thin the advisers are spread, a staffing fault, in an item that names no work of
# theirs (a contract, a decision, a review, a legal opinion, a lecture: 村级法律顾问由2名律师兼任…起草合同时找不到人咨询 stays
# decisions'); the word 法律顾问 (decisions') goes, so that the staffing words decide.
_ADVISERS_SPREAD = re.compile(r"律师兼任|兼任法律顾问|兼职法律顾问|(?:每名|每位|一名|人均|每个)律师(?:对接|联系|负责|服务)"
                              r"|人均联系\d+个村")
_ADVISERS_WORK = re.compile(r"合同|协议|决策|审查|审核|把关|规范性文件|论证|法律意见|讲座|宣讲|普法|咨询|调解|纠纷")
# (the villages' advisers only, 一村一法律顾问, 村（居）法律顾问, 14个村的法律顾问: a town government's own adviser, 镇政府法律顾问由
# 县城律师兼任，…难以及时提供法律意见, serves its decisions)
_VILLAGE_ADVISERS = re.compile(r"村(?:[（(](?:居|社区)[）)])?里?(?:级|的)?法律顾问|一村一法律顾问|社区里?(?:级|的)?法律顾问")
# (… and the villages' advisers seldom there, themes set 136: 村里的法律顾问一个月来不了一回，老百姓想问点事找不着人;
# 社区法律顾问半年见不着一次面; 村法律顾问很少到村里来: how seldom the adviser comes, the legal service's staffing, in an item
# that names no work of theirs; the word 法律顾问 (decisions') reads as the service's staff, 法律服务人员 (capacity's).
# 村级法律顾问每月到村服务不足半天，起草合同时找不到人咨询 names their work and stays decisions'.)
_ADVISERS_SELDOM = re.compile(r"(?:一个月|每个?月|一年|全年|半年|一季度|每季度|一周|每周)[^，,。；;：:！!？?\n]{0,4}?"
                              r"(?:来不了|来不到|来不上|见不着|见不到|难得来|才来)"
                              r"|(?:很少|难得|极少|不常)(?:到|来|下)(?:村|社区|村里|社区里)")
# (… and their time in the village said short as the item's lead, themes set 144: 村级法律顾问驻点服务时间少，作用发挥有限;
# 村法律顾问到村坐班时间偏少; 社区法律顾问驻点时间不足. Said only after a lead on the advisers' role, it explains that lead,
# which decides: written round 64's r553, 村（社区）法律顾问作用发挥不充分。部分法律顾问到村服务时间少…, stays decisions'.)
_ADVISERS_TIME_SHORT = re.compile(r"(?:驻点|坐班|驻村|到村|在村|到社区|值班)(?:服务|坐班|值班)?(?:的)?(?:时间|次数|天数)"
                                  r"(?:较|偏|太|过)?(?:少|短|不足|不够|有限)")
_FIRST_CLAUSE = re.compile(r"^[^，,。；;：:！!？?\n]*")

# The party's theory (两个确立, 两个维护, 四个意识, the party's new thought and congress spirit) and its study, in a clause
# that names no law (themes set 128: 党员干部对“两个确立”决定性意义的理解还不够深刻，理论学习的系统性有待加强): the
# party's political study, not the cadres' grasp of the law the cue 干部 and the word 学习 name; the clause goes (a
# clause naming the law keeps its words: 习近平法治思想学习不深 stays the cadres').
_PARTY_THEORY = re.compile(r"两个确立|两个维护|四个意识|四个自信|理论学习|创新理论|新思想|习近平新时代中国特色社会主义思想"
                           r"|(?:二十大|二十届[^，,。；;：:！!？?\n]{0,6}?全会)精神|党史学习|主题教育")


def _untheoretical(match: re.Match) -> str:
    """A clause dropped when it names the party's theory and no law (`_PARTY_THEORY`)."""
    clause = match.group(0)
    return "" if _PARTY_THEORY.search(clause) and not _LAW.search(clause) else clause


# The village cadres' own ranks (themes set 128: 村党组织书记、村委会主任“一肩挑”后，村干部队伍年龄结构偏大，45岁以下的仅占
# 28%，后备力量不足): their age and their reserve, and the 一肩挑 their posts are held by, are the party's organisation work, not
# the rule-of-law work's staff (后备力量, 力量不足) nor the cadres' grasp of the law (干部, 书记), in an item that names no law;
# the clauses naming them go (懂法律的年轻干部少，后备力量不足 names the law and stays capacity).
_CADRE_RANKS = re.compile(r"村干部|社区干部|“?两委”?(?:成员|班子|干部)?|村(?:党组织|党支部|支部)?书记|干部队伍|后备干部")
_CADRE_AGE = re.compile(r"年龄|老化|老龄化|青黄不接|断层|\d+岁|后备")
_CADRES_OWN = re.compile(rf"(?:{_CADRE_RANKS.pattern})[^，,。；;：:！!？?\n]*?(?:{_CADRE_AGE.pattern})|后备(?:力量|干部)|一肩挑")


def _cadre_ranks(match: re.Match) -> str:
    """A clause dropped when it names the village cadres' age or reserve, or the 一肩挑 (`_CADRES_OWN`)."""
    clause = match.group(0)
    return "" if _CADRES_OWN.search(clause) else clause


# The pace of a case in the court's or the reviewing organ's hands (themes set 138: 法院审理周期较长，部分行政诉讼案件一年多尚未
# 审结; 受疫情影响，部分复议案件听证延期举行): the court's own delay, no fault of the town's; a clause naming it goes, unless it
# names the town's part in the case (答复, 举证, 出庭, 应诉, 材料: 因举证逾期导致开庭推迟 stays).
_CASE_PACE = re.compile(r"(?:审理|审判|办案)(?:周期|期限|时间|进度)[^，,。；;：:！!？?\n]{0,4}?(?:较长|过长|偏长|长|慢|延长)"
                        r"|(?:尚未|未能?|迟迟未|仍未)(?:审结|结案|宣判|判决|开庭|作出判决)"
                        r"|(?:听证|开庭|庭审|宣判)[^，,。；;：:！!？?\n]{0,2}?(?:延期|推迟|延后|顺延|暂停|中止)")
_TOWNS_PART = re.compile(r"答复|举证|出庭|应诉|材料|证据|答辩")


def _case_pace(match: re.Match) -> str:
    """A clause dropped when it names a case's pace and not the town's part in it (`_CASE_PACE`)."""
    clause = match.group(0)
    return "" if _CASE_PACE.search(clause) and not _TOWNS_PART.search(clause) else clause


# The enforcers' training that the item says left them not grasping a law (themes set 140: 行政执法人员培训不够系统，…致使
# 部分执法人员对新修订的《行政处罚法》掌握不到位; set 105's 执法人员法律培训不足…对《行政诉讼法》学习不深): the cadres' law
# training, awareness's, not the enforcement's own step (`_training_of_another`) nor its staff: the enforcers are read
# as cadres (执法干部) in such an item. A training that names no law the staff do not grasp (执法人员培训不足，案卷
# 制作不规范) stays the enforcement's.
_ENFORCERS_TRAINED = re.compile(r"执法(?:人员|队员)(?:的)?(?:业务|专业|岗位|系统|集中)?培训")
_LAW_NOT_GRASPED = re.compile(r"对[^，,。；;]{0,12}《[^》]{1,30}》[^，,。；;]{0,6}?"
                              r"(?:掌握|把握|理解|熟悉|学习|了解)(?:得)?(?:不到位|不准|不深|不够|不透|不全面|不熟|不多)")
_ENFORCERS = re.compile(r"(?<=执法)(?:人员|队员)")

# Rules that read the whole item and take words out of each of its parts (scene, lead, rest): (whether the rule
# holds for the item's text, what it does to a part).
_WHOLE_ITEM_RULES = (
    # a hazard sweep in an item of safety that names no quarrel (`_safety_item`)
    (_safety_item, lambda part: _HAZARD_CLAUSE.sub(lambda m: _safety_sweep(m.group(0)), part)),
    # 两法衔接 named as its platform (`_LINKAGE_PLATFORM`)
    (lambda text: "衔接" in text and "监督" in text and _LINKAGE_PLATFORM.search(text),
     lambda part: _LINKAGE_PLATFORM.sub("", part)),
    # legal advisers counted as lawyers' part-time posts, in an item naming no work of theirs (`_ADVISERS_SPREAD`)
    (lambda text: "法律顾问" in text and _ADVISERS_SPREAD.search(text) and _VILLAGE_ADVISERS.search(text)
     and not _ADVISERS_WORK.search(text),
     lambda part: part.replace("法律顾问", "顾问")),
    # the villages' advisers seldom there, in an item naming no work of theirs (`_ADVISERS_SELDOM`)
    (lambda text: "法律顾问" in text and _VILLAGE_ADVISERS.search(text)
     and (_ADVISERS_SELDOM.search(text) or _ADVISERS_TIME_SHORT.search(_FIRST_CLAUSE.match(text).group()))
     and not _ADVISERS_SPREAD.search(text) and not _ADVISERS_WORK.search(text),
     lambda part: part.replace("法律顾问", "法律服务人员")),
    # the party's theory and its study, in a clause naming no law (`_PARTY_THEORY`)
    (_PARTY_THEORY.search, lambda part: _CLAUSE.sub(_untheoretical, part)),
    # the village cadres' age and reserve and the 一肩挑, in an item that names no law (`_CADRES_OWN`)
    (lambda text: not _LAW.search(text) and _CADRES_OWN.search(text), lambda part: _CLAUSE.sub(_cadre_ranks, part)),
    # the age of a work's worker or of the public, in the whole item: its lead and its rest may part them (`_WORK_WORKER_AGE`)
    (lambda text: "年龄偏大" in text and _WORK_WORKER_AGE.search(text), lambda part: part.replace("年龄偏大", "")),
    # the systems' names are what the data fault is of (`_DATA_SILO`)
    (_DATA_SILO.search, lambda part: _SYSTEM_NAME.sub("", part)),
    # public finance's strain (`_BUDGET_CALLS`)
    (lambda text: "财力" in text and _BUDGET_CALLS.search(text), lambda part: part.replace("财力保障", "").replace("财力", "")),
    # the party's discipline duties (`_PARTY_DISCIPLINE`)
    (_PARTY_DISCIPLINE.search, lambda part: _PARTY_SUPERVISED.sub("", _PARTY_DUTY_AWARENESS.sub(r"\1", part))),
    # a training of the party's or the economy's, in an item that names no law (`_OTHER_TRAINING`)
    (lambda text: "培训" in text and not _LAW.search(text) and _OTHER_TRAINING.search(text),
     lambda part: _TRAINING_WORDS.sub("", part)),
    # the enforcers' training that left them not grasping a law (`_ENFORCERS_TRAINED`)
    (lambda text: "培训" in text and _ENFORCERS_TRAINED.search(text) and _LAW_NOT_GRASPED.search(text),
     lambda part: _ENFORCERS.sub("干部", part)),
    # the official cars' costs (`_CAR_COSTS`)
    (lambda text: ("公务用车" in text or "公车" in text) and _CAR_COSTS.search(text), lambda part: _CAR_WORDS.sub("", part)),
    # the foundation of grassroots governance, in an item that names no law (`_GOVERNANCE_BASE`)
    (lambda text: "基层治理" in text and not _LAW.search(text) and _GOVERNANCE_BASE.search(text),
     lambda part: _GOVERNANCE_BASE.sub("", part)),
    # the population counted, in an item that names no law (`_POPULATION_CLAUSE`)
    (lambda text: "人口" in text and not _LAW.search(text) and _POPULATION_CLAUSE.search(text),
     lambda part: _POPULATION_CLAUSE.sub("", part)),
    # a programme of culture and civility, in an item that names no law (`_CULTURE_WORK`)
    (lambda text: not _LAW.search(text) and _CULTURE_WORK.search(text), lambda part: _CULTURE_WORDS.sub("", part)),
    # the search for land or buildings, in a clause that names no quarrel (`_LAND_SWEEP`)
    (lambda text: "排查" in text and _LAND_SWEEP.search(text), lambda part: _CLAUSE.sub(_survey_without_sweep(_LAND_SWEEP), part)),
    # the search for the risks of power, in a clause that names no quarrel (`_RISK_SWEEP`)
    (lambda text: "排查" in text and "廉政风险" in text and _RISK_SWEEP.search(text),
     lambda part: _CLAUSE.sub(_survey_without_sweep(_RISK_SWEEP), part)),
    # a case's pace in the court's or the reviewing organ's hands, in a clause naming no part of the town's (`_CASE_PACE`)
    (lambda text: ("审" in text or "结" in text or "判" in text or "庭" in text or "听证" in text) and _CASE_PACE.search(text),
     lambda part: _CLAUSE.sub(_case_pace, part)),
    # the people a village is left with, in an item that names no law (`_LEFT_BEHIND`)
    (lambda text: ("老人" in text or "老年人" in text) and not _LAW.search(text) and _LEFT_BEHIND.search(text),
     lambda part: _LEFT_BEHIND.sub("", part)),
)


def _item_parts(text: str, headline: str) -> list[str]:
    """An item's [scene, lead, rest] (`_scene_lead_rest`), each without the words that name no fault."""
    parts = [_without_topics(part) for part in _scene_lead_rest(text, headline)]
    for holds, rewrite in _WHOLE_ITEM_RULES:
        if holds(text):
            parts = [rewrite(part) for part in parts]
    if "负" in parts[1] and _GRASSROOTS_BURDEN.search(parts[1]):  # the burden's lead (`_GRASSROOTS_BURDEN`)
        parts[2] = ""
    if parts[0] and not parts[1].startswith("受") and _DOWNTURN.search(parts[1]):  # a downturn's lead (`_DOWNTURN`)
        parts[0] = ""
    return parts


# The party's discipline and conduct as such (themes set 142: 四风问题仍有反弹; 形式主义、官僚主义问题依然存在，会议多、
# 文件多; 党风廉政建设主体责任落实不够到位; 作风建设仍需加强，少数干部工作作风漂浮): in an item that names no law and no
# theme's keyword, the cues (干部, 群众, 班子, 文件) name the people and papers of the party's own work, no theme's: the
# item is none's (an item naming a theme's keyword, 权力运行, 公开, 普法, keeps it).
_CONDUCT = re.compile(r"四风|作风|形式主义|官僚主义|享乐主义|奢靡之风|党风廉政|廉洁自律|廉政建设|一岗双责|违规吃喝|公车私用"
                      r"|文山会海|不作为|慢作为|乱作为")


def keyword_scores(table: pd.DataFrame, themes: pd.DataFrame, lead_weight: float) -> np.ndarray:
    n = len(table)
    headlines = table["headline"] if "headline" in table.columns else pd.Series([""] * n, index=table.index)
    parts, titles = [], []
    for t, h in zip(table["text"].fillna(""), headlines.fillna("")):
        text = to_simplified(t)
        parts.append(_item_parts(text, to_simplified(h)))
        titles.append("，".join([*(_CASE_AS_TOPIC if pattern is _CASE_BY_OUTCOME else m.group(0)
                                  for pattern in _TOPICS for m in _topics_in(pattern, text)),
                                *(m.group(2) for m in (*_SPENT_ON.finditer(text), *_HELD_AS.finditer(text),
                                                       *(_THOUGHT_HELD.finditer(text) if "“" in text else ()),
                                                       *_ASSESSED_BY.finditer(text),
                                                       *(_PUBLIC_WILL.finditer(text) if "意识" in text or "观念" in text
                                                         else ())))]))
        if "承诺" in titles[-1]:  # a system of promises is no promise the town makes, in a topic too (`_PROMISE_SYSTEM`)
            titles[-1] = _PROMISE_SYSTEM.sub("", titles[-1])
    rests, consequences = zip(*(_without_consequences(p[2]) for p in parts)) if parts else ((), ())
    leads, led_lead = zip(*(_without_led_to(p[1]) for p in parts)) if parts else ((), ())
    rests, led_rest = zip(*(_without_led_to(r) for r in rests)) if parts else ((), ())
    consequences = ["，".join(filter(None, c)) for c in zip(consequences, led_lead, led_rest)]
    scores = _theme_scores(list(leads), list(rests), themes, lead_weight,
                           scenes=[p[0] for p in parts], consequences=consequences)
    conduct = [k for k, t in enumerate(table["text"].fillna("")) if _CONDUCT.search(t) and not _LAW.search(t)]
    if conduct:  # a conduct item no keyword names (`_CONDUCT`)
        words = _word_scores([leads[k] for k in conduct], [rests[k] for k in conduct], _keywords(themes), lead_weight,
                             holders=_keywords(themes, "cues"))
        for row, k in enumerate(conduct):
            if not words[row].any():
                scores[k] = 0
    if len(unscored := np.flatnonzero(scores.sum(axis=1) == 0)) and any(titles[k] for k in unscored):
        scores[unscored] = CUE_WEIGHT ** 2 * _word_scores([titles[k] for k in unscored], [""] * len(unscored),
                                                          _keywords(themes), lead_weight)
    return scores
