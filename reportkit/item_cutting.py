"""Shortcoming items: each report's shortcomings part cut into its items (``doc_id, item_no, text, headline``).

`shortcoming_items` reads the sections table: the items under a shortcomings heading (一是…, 1、…, （一）…, a
dash's or a bullet's list, one sentence's list, a table's rows), or a list of problems that opens another part when
the report has no shortcomings part. Each item keeps its own words (its marker removed) and its headline, the clause
`theme_words.lead_clause` draws out. Themes are given corpus-wide (`reportkit.shortcomings`).
"""

from __future__ import annotations

import re

import pandas as pd

from . import schema
from .chinese import (CJK, CLAUSE_END, CLOSING_FORMULA, DATE_AT_LINE_END, ITEM_PREFIX, LETTER_MARKER, MORE_LINK,
                      PLANS_PARAGRAPH, SELF_WILL, SIGNATURE_NAME)
from .figure_tables import table_rows
from .item_markers import ITEM_BOUNDARY, at_boundary, before_plans, marker_hits
from .pagechrome import is_chrome
from .problem_lists import problem_list_items
from .theme_words import lead_clause
from .unwrap import is_page_number, is_running_head

ITEM_COLUMNS = schema.table("shortcomings").names[:4]  # doc_id, item_no, text, headline: per report


# Item markers: `item_markers` (indicators needs them too, to tell where a part turns to its plans).
# A list bullet at a line's start (——普法宣传的针对性不强。, ▲执法力量不足), as official documents and pages set
# unnumbered items (not □, a form's unticked option).
_DASH_ITEM = re.compile(rf"^[ \t]*(?:——|—|[-–▲△■◆◇●★☆▶►•▪])[ \t]*(?=[{CJK}“（(])", re.M)
_ORDINAL_WORDS = re.compile(r"(?P<w>首先|其次|再次|再者|最后|一方面|另一方面)[，,：:]?")
# How many (以下三个方面, 两点, 4个方面): the count a sentence gives of the shortcomings it introduces.
_HOW_MANY = r"(?:以下)?(?:[二两三四五六七八九十几]{1,2}|\d)(?:个方面|个|点|项|条|方面)"
# The sentence that introduces a list of shortcomings ("……但仍存在一些不足。").
_INTRO = re.compile(r"(?:但|然而|不过|同时).{0,40}(?:存在|仍有|还有|尚有|不足|问题|短板|差距|弱项|薄弱)"
                    # … or that measures the whole work against what is asked (与上级要求相比还有一定差距)
                    r"|(?:法治(?:政府)?建设|工作)[^。]{0,6}(?:与|同|对照|对标|离).{0,30}(?:要求|期望|期待|目标|标准)"
                    r"(?:相比|相较|比较)?.{0,12}(?:差距|不足|问题|短板)"
                    r"|(?:法治(?:政府)?建设|工作)(?:中|方面)?(?:还|仍|也|依然)*(?:存在|有)(?:着)?(?:一定|一些|不少|许多)的?"
                    r"(?:差距|不足|问题|短板|弱项|薄弱环节)"
                    # … or that says the items follow (主要表现在以下几个方面：)
                    r"|(?:表现在|体现在|表现为|如下|以下几个方面)[：:]$"
                    # … or that says there are shortcomings, ending with the colon before them (我镇还存在一些不足：),
                    # perhaps counting them (还存在三个方面的问题：, 仍有以下两点不足：) or naming them by a count in
                    # quotes (仍存在“三个不够”：, 还存在“四个不到位”的问题：)
                    rf"|(?:还|仍|也|依然)(?:存在|有)(?:着)?(?:(?:一定|一些|不少|以下|{_HOW_MANY})的?(?:差距|不足|问题|短板|弱项)"
                    r"|“[二两三四五六七八九十几]{1,2}个[^”：:\n]{1,8}”(?:的?(?:问题|不足|现象))?)"
                    r"(?:[，,](?:主要|具体|集中)?(?:是|有|来说|而言|表现为|表现在|体现在))?[：:]$")
# A closing sentence after the last item ("针对上述问题，我镇将……") is not part of it.
_CLOSING = re.compile(r"^(?:针对|对于|对照|对此|面对|对)(?:上述|以上|这些)|^(?:以上|上述|这些)(?:问题|不足|短板)"
                      rf"|^(?:下一步|今后)，|^{SELF_WILL}|^(?:对此[，,])?我们(?:将|会|要)")
# A sub-heading that only labels a nested list ("（一）存在的问题" / "（二）原因分析").
_LABEL = re.compile(r"^(?:(?:主要|存在的?)?(?:主要)?(?:问题|不足|短板|弱项|差距)(?:(?:及|和|与|、)?(?:问题|不足|短板|弱项|差距|原因))*"
                    r"|(?:(?:产生|存在)(?:问题|不足)的|主要|深层次)?原因(?:分析|剖析)?"
                    # a field the items below it belong to (思想认识方面, 在队伍建设方面存在的问题)
                    r"|[^，,。；;\s]{2,10}方面(?:的?问题|存在的(?:问题|不足))?)$")


# A group's lead that opens a second run of the same numbers (一方面，从干部自身看：一是…二是…。另一方面，从工作推进
# 看：一是…; 其次，在制度建设方面：一是…): the clause before the restart names the group and ends on a colon. Not a
# causes' lead (原因主要有：一是…), whose run is no items.
_GROUP_LEAD = re.compile(r"(?:^|(?<=[。；;！!？?\n]))[ \t\u3000]*(?P<lead>(?:另一方面|其次|再次|再者|最后|此外|同时|第[二三四五六]|[二三四五六]是)"
                         r"[^。；;！!？?\n：:]{0,24}|[^。；;！!？?\n：:]{0,24}(?:方面|来看|看|而言|来说|层面))[：:][ \t\u3000]*$")


def _group_lead(text: str) -> re.Match | None:
    """The group's lead (`_GROUP_LEAD`) that ends TEXT, unless it leads a list of causes."""
    m = _GROUP_LEAD.search(text)
    return m if m is not None and "原因" not in m.group("lead") else None


def _restarts_group(body: str, start: int) -> bool:
    """Does a marker numbered 1 at START open a group's second run (`_GROUP_LEAD`)?"""
    return _group_lead(body[:start]) is not None


def _sequence(hits: list[tuple[int, int, int]], opening: int = -1, body: str = "") -> list[tuple[int, int]]:
    """(start, content_start) of a run numbered from 1 (repeats and one skip tolerated); a run that
    opens the body at OPENING may start at any number (numbering run on from the part before:
    二、存在的问题\n（三）…\n（四）…) when every marker of its style follows in step. A run numbered from 1 again
    after a group's lead (`_restarts_group`) goes on, its items the list's."""
    if hits and hits[0][0] == opening and hits[0][2] != 1:
        numbers = [n for _, _, n in hits]
        if numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return [(start, content) for start, content, _ in hits]
        hits = hits[1:]  # 8、…7、…4、…: no run on, only a list from 1 if there is one
    out, last = [], None
    for start, content, n in hits:
        if ((last is None and n == 1) or (last is not None and 0 <= n - last <= 2)
                or (last is not None and n == 1 and body and _restarts_group(body, start))):
            out.append((start, content))
            last = n
    return out


def _item_runs(body: str, min_items: int = 2) -> list[list[tuple[int, int]]]:
    """Candidate item lists in BODY, one per marker family."""
    runs: list[list[tuple[int, int]]] = []
    hits, shi = marker_hits(body)
    opening = len(body) - len(body.lstrip(" \n"))
    runs += [run for run in (_sequence(h, opening, body) for h in hits.values()) if len(run) >= min_items]
    runs += [run for run in [_sequence(shi, body=body)] if run]  # a lone 一是 is still an item
    dashes = [(m.start(), m.end()) for m in _DASH_ITEM.finditer(body)]
    if len(dashes) >= min_items:
        runs.append(dashes)
    words = [(m.start(), m.end()) for m in _ORDINAL_WORDS.finditer(body)
             if at_boundary(body, m.start(), ITEM_BOUNDARY)]
    if len(words) >= 2 and (body.startswith("首先", words[0][0])
                            # 一方面…另一方面 often explains one item (力量薄弱。一方面是…): a list only when it opens
                            # the part or follows the sentence that announces the list (主要表现在：一方面…)
                            or (body.startswith("一方面", words[0][0]) and (
                                words[0][0] == opening or body[:words[0][0]].rstrip().endswith(("：", ":"))))):
        if body.startswith("另一方面", words[-1][0]):
            words += [(m.start(), m.end()) for m in _BESIDES.finditer(body, words[-1][1])][:1]
        runs.append(words)
    return runs


# The faults a 一方面…另一方面… list adds in a sentence of their own (…另一方面，…。此外，A；B。): one more item, or one for
# each of its clauses set apart by semicolons (`_besides_items`).
_BESIDES = re.compile(r"(?<=[。！!？?\n])[ \t\u3000]*此外[，,]")
_MIN_BESIDES = 8


def _besides_items(item: str) -> list[str]:
    """ITEM, the faults after 此外 (`_BESIDES`), split at its semicolons when each clause is long enough to be a fault."""
    pieces = [piece.strip() for piece in re.split(r"[；;]", item) if piece.strip()]
    return pieces if 1 < len(pieces) <= 3 and min(len(p) for p in pieces) >= _MIN_BESIDES else [item]


# The causes of the items above, named as such (产生以上问题的原因, 上述问题存在的深层次原因), or a paragraph's label
# 原因分析：/原因剖析： (round 106): both the paragraph after the last item and one of its own start so.
_CAUSES_OF_THESE = (r"(?:产生|造成|出现|存在)(?:以上|上述|这些)(?:问题|不足|短板)的?(?:主要|深层次)?原因"
                    r"|(?:以上|上述|这些)(?:问题|不足|短板)(?:产生|存在|出现)的(?:主要|深层次)?原因"
                    r"|原因(?:分析|剖析)[ \t\u3000]*[：:]")
# A paragraph after the last item on the causes of them all (产生以上问题的原因，主要是…; 主要原因是：…).
_CAUSES_OF_ALL = re.compile(rf"\n[ \t\u3000]*(?:{_CAUSES_OF_THESE}|(?:主要|深层次|究其)原因(?:是|在于|有)?[ \t\u3000]*[：:])")
# A paragraph of an item's own causes (一是…。\n原因是…): a report that explains each item so.
_OWN_CAUSES = re.compile(r"\n[ \t\u3000]*(?:主要|究其|深层次)?原因")


# … opening a paragraph of its own, whatever follows the words (究其原因，一是…；二是…: its own 一是, 二是 are no items)
_CAUSES_PARAGRAPH = re.compile(rf"\n[ \t\u3000]*(?:究其原因|{_CAUSES_OF_THESE}|(?:主要|深层次)原因(?:是|在于|有))")


def _before_causes_of_all(body: str, min_items: int) -> str:
    """BODY up to its last paragraph when that is on the causes of all the items listed above it (…依然存在。\n
    究其原因，一是…；二是…), and no item has a causes paragraph of its own (一是…。\n原因是…。\n二是…)."""
    m = _CAUSES_PARAGRAPH.search(body)
    if (m is None or "\n" in body[m.end():].strip() or len(_OWN_CAUSES.findall(body)) > 1
            or not _item_runs(body[:m.start()], min_items)):
        return body
    return body[:m.start()]


def _drop_causes_of_all(items: list[str]) -> list[str]:
    """ITEMS without the causes paragraph or sentence glued to the last one (…不够理性。\n原因主要是…; …参与度不高。
    主要原因是…), unless every item has its own (一是…。原因是…。二是…)."""
    if not items or any(_OWN_CAUSES.search(item) or _CAUSES_SENTENCE.search(item) for item in items[:-1]):
        return items
    if len(items) > 1 and _CAUSES_OF_ALL.match("\n" + items[-1]):
        return items[:-1]  # the causes paragraph cut as an item of its own (A.…\nB.…\n产生这些问题的原因，…)
    causes = [m.start() for m in (_CAUSES_OF_ALL.search(items[-1]), _CAUSES_SENTENCE.search(items[-1])) if m]
    return items[:-1] + [items[-1][:min(causes)].rstrip()] if causes else items


def _drop_closing(item: str) -> str:
    sentences = re.findall(r"[^。！!？?]+[。！!？?]*", item)
    for k, sentence in enumerate(sentences[1:], start=1):
        if _CLOSING.search(sentence.strip()):
            return "".join(sentences[:k])
    return item


def _table_items(body: str) -> list[str]:
    """The items of a shortcomings part set out as a problem list in a table (`problem_lists`), a row each:
    the problem's cell first, then the cells that show or explain it; no header row, 序号, measure or unit."""
    return [item for rows in table_rows(body) for item in problem_list_items(rows)]


# A printed page's break kept in a copy whose paragraphs are whole (a Word or PDF file's text): a line that is only
# a page number (— 4 —, - 4 -, 第4页), and the running head the next page repeats under it (…年度报告, 某镇人民政府文件,
# 某政发〔2025〕8号), are no words of an item; a sentence the break cut (…难以保证，/ — 4 — / 面对…) goes on where it stopped.
_CUT_SENTENCE = re.compile(r"[，,、；;（(“‘《]$")
_PAGE_BREAK_TEXT = 40  # … or a line of prose (this long, or with a comma: no heading) that stops mid-sentence


def _without_page_breaks(body: str) -> str:
    """BODY with the page numbers (and running heads) of its page breaks out, and a cut sentence joined again."""
    if not any(is_page_number(line) for line in body.split("\n")):
        return body
    lines, kept, i = body.split("\n"), [], 0
    while i < len(lines):
        line = lines[i].strip()
        if not is_page_number(line):
            kept.append(lines[i])
            i += 1
            continue
        after = i + 1
        while after < len(lines) and (not lines[after].strip() or is_page_number(lines[after])):
            after += 1  # (第2页 / 共3页: one page's marks on two lines)
        if after < len(lines) and is_running_head(lines[after], lines) and not ITEM_PREFIX.match(lines[after]):
            after += 1
            while after < len(lines) and not lines[after].strip():
                after += 1
        while kept and not kept[-1].strip():
            kept.pop()
        before = kept[-1].rstrip() if kept else ""
        if (after < len(lines) and before and not ITEM_PREFIX.match(lines[after])
                and (_CUT_SENTENCE.search(before) or (not CLAUSE_END.search(before[-1:])
                                                      and (len(before) >= _PAGE_BREAK_TEXT or re.search(r"[，,]", before))))):
            kept[-1] = before + lines[after].strip()
            after += 1
        i = after
    return "\n".join(kept)


def _split_items(body: str, min_items: int = 2) -> list[str]:
    """Item texts (marker removed) of the body of a shortcomings part."""
    body = before_plans(_without_page_breaks(body))
    tabled = _table_items(body)
    if tabled:
        return tabled
    body = _before_causes_of_all(body, min_items)
    runs = _item_runs(body, min_items)
    if runs:
        run = min(runs, key=lambda r: r[0][0])  # the outermost list starts first
        bounds = [start for start, _ in run[1:]] + [len(body)]
        items = [body[content:stop].strip().lstrip("，,、：: ") for (_, content), stop in zip(run, bounds)]
        if _BESIDES.match(body, run[-1][0]) and run[0][0] < run[-1][0]:
            items = items[:-1] + _besides_items(items[-1])
        items = [item[:m.start("lead")].rstrip() if (m := _group_lead(item)) and m.start("lead") > 0 else item
                 for item in items]  # the next group's lead is no words of this item
    else:
        # Unnumbered: one item per paragraph, without the introducing sentence, nor a copy's wall or buttons
        # (试读已结束，如需要继续阅读…; 下载文档 150金币) where a document site cut it.
        items = [p.strip() for p in body.split("\n")
                 if p.strip() and not _not_the_report(p.strip()) and not _UNTICKED_OPTION.match(p.strip())]
        if len(items) == 1 and (listed := _listed_in_one_sentence(items[0])):
            items = listed  # …仍存在A、B、C等问题。: the part is the one sentence that lists them
        elif items:
            first = re.findall(r"[^。：:]+[。：:]?", items[0])
            if first and _INTRO.search(first[0]) and (first[0].endswith(("：", ":")) or len(first[0]) < 120):
                items[0] = items[0][len(first[0]):].strip()
                if len(items) == 1 and first[0].endswith(("：", ":")):
                    items = _semicolon_items(items[0])
        if len(items) > 1 and _CLOSING.search(items[-1]):
            items.pop()
        items = [i[m.end():] if (m := LETTER_MARKER.match(i)) else i for i in items if i]  # A. B. C. points, a paragraph each
        items = [ITEM_PREFIX.sub("", i, count=1) for i in items]  # a lone （一） (a list of one, or cut after it)
    if runs:
        items = [nested for item in items for nested in _unlabel(item)]
    if items:
        items[-1] = "\n".join(line for line in items[-1].split("\n") if not _not_the_report(line.strip()))  # a wall after it
        items[-1] = _drop_closing(items[-1]).strip()
        items = _drop_causes_of_all(items)
    return [i for i in items if i]


# A form's option left unticked and unfilled (□重大行政决策： / ☐ 政务公开), where the ticked ones (☑…：…) are the
# problems the town reports: no item.
_UNTICKED_OPTION = re.compile(r"^[□☐][ \t\u3000]*[^\s：:。；;，,]{1,20}[：:]?$")
_WALL_LINE = 40  # a document site's wall is a short line of its own (试读已结束，如需要继续阅读或下载，敬请购买)


def _not_the_report(line: str) -> bool:
    """Is LINE a page's chrome, or a document site's wall (试读已结束…, 剩余3页未读), not the report's text?"""
    return is_chrome(line) or (len(line) <= _WALL_LINE and MORE_LINK.search(line) is not None)


# The problems listed inside the one sentence that introduces them (…仍存在法治宣传不够深入、执法力量不足、矛盾纠纷
# 源头预防不够有力等问题。): a piece each, when there are two or more of some length.
_LISTED_IN_SENTENCE = re.compile(r"存在(?P<list>[^。；;：:！!？?，,]{8,160}?)等(?:方面的?)?(?:问题|不足|短板|薄弱环节)")
_MIN_LISTED = 4


def _listed_in_one_sentence(paragraph: str) -> list[str]:
    """The problems PARAGRAPH lists when it is one sentence (`_LISTED_IN_SENTENCE`), or []."""
    if re.search(r"[。！？!?]", paragraph.rstrip("。！？!? ")) or not (listed := _LISTED_IN_SENTENCE.search(paragraph)):
        return []
    pieces = [piece.strip() for piece in listed.group("list").split("、")]
    return pieces if len(pieces) >= 2 and min(len(piece) for piece in pieces) >= _MIN_LISTED else []


# A sentence on the causes of them all after a run-on list (…更新滞后。究其原因，主要是…).
_CAUSES_SENTENCE = re.compile(r"(?<=[。！？!?])\s*(?:究其原因|(?:主要|深层次)原因(?:是|在于)|原因(?:主要)?(?:是|在于)"
                              r"|(?:产生|造成|出现)(?:以上|上述|这些)(?:问题|不足|短板)的)")


def _semicolon_items(paragraph: str) -> list[str]:
    """The items of one paragraph after an introduction ending in a colon (主要是：A；B；C。), split at its
    semicolons when its first sentence holds three or more clauses so set apart; else [paragraph]."""
    cause = _CAUSES_SENTENCE.search(paragraph)
    listed = paragraph[:cause.start()] if cause else paragraph
    sentence_end = re.search(r"[。！？!?]", listed)
    first, after = (listed[:sentence_end.end()], listed[sentence_end.end():]) if sentence_end else (listed, "")
    pieces = [piece.strip() for piece in re.split(r"[；;]", first) if piece.strip()]
    if len(pieces) < 3 or after.strip() or min(len(piece) for piece in pieces) < 6:
        return [paragraph]  # two clauses may be one item's halves; a second sentence, one item's explanation
    return pieces


def _unlabel(item: str) -> list[str]:
    """The nested items of an item that is only a label line, else [item]."""
    label, _, rest = item.partition("\n")
    if _LABEL.match(label.strip().rstrip("：:。")) and rest.strip():
        return _split_items(rest, min_items=1) or [item]  # a label announces a list, even of one
    return [item]


def _body(text, heading) -> str:
    """Text of a section without its heading clause."""
    text, heading = str(text), str(heading or "")
    if heading and text.startswith(heading):
        return text[len(heading):].lstrip("。；;：: \n")
    # Marker alone on its line: the heading's words are on the next line; skip both.
    lines = text.split("\n")
    skip = 1
    while skip < len(lines) and not lines[skip].strip():
        skip += 1
    if skip < len(lines) and lines[skip].strip() and heading.endswith(lines[skip].strip()):
        skip += 1
    return "\n".join(lines[skip:])


# A report with no shortcomings part may close another part with them: a paragraph that says there are
# shortcomings, ends that sentence with a colon and lists them (…相比还存在一些差距：一是…；二是…).
_LIST_AFTER_COLON = re.compile(r"^(?P<intro>[^\n]{0,120}?(?:差距|不足|问题|短板|弱项|薄弱环节)[^\n：:，,。]{0,8}[：:])\s*"
                               r"(?=一是|1[、.．]|（一）|\(1\)|首先|第一[，、,])")


def _unheaded_lists(doc_ids, types, parents, texts, with_part: set, headings=None) -> list[tuple[str, str, str]]:
    """(doc_id, paragraph, its introduction) for each report with no shortcomings part whose top-level part (not the plans) ends
    with a paragraph of shortcomings (`_LIST_AFTER_COLON`, introduced as `_INTRO` introduces them), or whose plans part
    opens with one, before the plans themselves (三、2026年工作打算 / 回顾…，仍存在一些不足：一是…；二是…。 / 2026年，我镇将…)."""
    found = {}
    headings = headings if headings is not None else [None] * len(doc_ids)
    for doc_id, section_type, parent, text, heading in zip(doc_ids, types, parents, texts, headings):
        if (doc_id in with_part or doc_id in found or section_type == "shortcomings"
                or not isinstance(text, str) or not (pd.isna(parent) or parent is None)):
            continue
        if section_type == "plans":
            last = next((p.strip() for p in _body(text, heading).split("\n") if p.strip()), "")
            if PLANS_PARAGRAPH.match(last):
                continue  # the plans' own first paragraph (2026年，我镇将…存在的问题：…)
        else:
            last = _last_paragraph_before_the_close(text)
        if (listed := _LIST_AFTER_COLON.match(last)) and _INTRO.search(listed.group("intro")):
            found[doc_id] = (last, listed.group("intro"))
    return [(doc_id, paragraph, intro) for doc_id, (paragraph, intro) in found.items()]


# How a report with no part headings closes after its problems: a paragraph that opens its plans (下一步，我乡将…)
# and the signature (花石乡人民政府 / 2023年1月12日), or, read to a body, its closing formula (以上汇报，请…批评指正。,
# 谢谢大家！, 同志们，让我们…！: `CLOSING_FORMULA`) with or without a date.
_SIGNATURE_LINE = re.compile(rf"{SIGNATURE_NAME.pattern}|^{DATE_AT_LINE_END}")


def _last_paragraph_before_the_close(text: str) -> str:
    """TEXT's last paragraph above its signature and a paragraph that opens the plans."""
    paragraphs = [p.strip() for p in text.rstrip().split("\n") if p.strip()]
    k = len(paragraphs) - 1
    while k > 0 and (_SIGNATURE_LINE.match(paragraphs[k]) or CLOSING_FORMULA.match(paragraphs[k])):
        k -= 1
    if k > 0 and PLANS_PARAGRAPH.match(paragraphs[k]):
        k -= 1
    return paragraphs[k] if paragraphs else ""


def shortcoming_items(sections: pd.DataFrame) -> pd.DataFrame:
    """Shortcoming items of every document in a sections table (columns `ITEM_COLUMNS`).

    Each outermost shortcomings section is split into its items: the outermost numbered list
    (一是…二是…, 1、…2、…, （一）…, 第一，…, ①…, 首先/其次…, 一方面/另一方面) or, when unnumbered,
    its paragraphs. The sentence that introduces the list ("……但仍存在一些不足", "我镇法治政府建设
    与上级要求相比还有一定差距") is not an item, nor is what follows where a part that also holds the
    plans turns to them ("下一步，我镇将一是…"); the causes sentence stays with its
    item; an obvious closing sentence ("针对上述问题，……") is cut from the last item.
    `text` starts with the item's own words (the marker is removed); `headline` is its
    first clause.

    >>> from reportkit.sections import split_sections
    >>> s = split_sections("一、主要举措\\n二、存在的不足\\n但仍有短板。一是人才匮乏，力量弱。二是宣传不够。")
    >>> shortcoming_items(s)[["item_no", "headline"]].values.tolist()
    [[1, '人才匮乏'], [2, '宣传不够']]
    """
    rows = []
    # Plain lists: this runs once per report, where pandas filtering and grouping cost more
    # than the splitting.
    doc_ids, types = sections["doc_id"].tolist(), sections["section_type"].tolist()
    numbers, parents, texts, headings, starts = (
        sections[c].tolist() if c in sections.columns else [None] * len(sections)
        for c in ("section_no", "parent_section_no", "text", "heading", "start"))
    typed = dict(zip(zip(doc_ids, numbers), types))
    # Where a sub-section of another type starts inside a shortcomings part (二、存在的问题及下步打算
    # → （二）下步打算): the part's items stop there.
    other_starts: dict = {}  # doc_id → [(section_no, start)] of its sections of other types
    # … but a sub-section on last year's problems put right (（一）上年度问题整改情况) is left out alone
    set_apart: dict = {}  # doc_id → [(section_no, start, end)] of its 'other' sections
    ends = sections["end"].tolist() if "end" in sections.columns else [None] * len(sections)
    for d, n, t, st, en in zip(doc_ids, numbers, types, starts, ends):
        if t == "other" and st is not None and not pd.isna(st) and en is not None and not pd.isna(en):
            set_apart.setdefault(d, []).append((str(n), st, en))
        elif t != "shortcomings" and st is not None and not pd.isna(st):
            other_starts.setdefault(d, []).append((str(n), st))
    outer: dict = {}  # doc_id → (text, heading) of its outermost shortcomings sections
    for doc_id, section_type, number, parent, text, heading, start in zip(
            doc_ids, types, numbers, parents, texts, headings, starts):
        if section_type != "shortcomings" or pd.isna(doc_id):
            continue
        parts = outer.setdefault(doc_id, [])
        if pd.isna(parent) or typed.get((doc_id, parent)) != "shortcomings":
            inner = [st for n, st in other_starts.get(doc_id, ()) if n.startswith(f"{number}.")]
            if isinstance(text, str) and start is not None and not pd.isna(start):
                for n, st, en in sorted(set_apart.get(doc_id, ()), key=lambda apart: -apart[1]):
                    if n.startswith(f"{number}."):  # from the last, so that the earlier offsets hold
                        text = text[:int(st) - int(start)] + text[int(en) - int(start):]
                if inner:
                    text = text[:int(min(inner)) - int(start)].rstrip()
            parts.append((text, heading))
    for doc_id, paragraph, intro in _unheaded_lists(doc_ids, types, parents, texts, set(outer), headings):
        outer[doc_id] = [(paragraph, intro)]
    for doc_id, parts in outer.items():
        items = [item for text, heading in parts for item in _split_items(_body(text, heading))]
        for k, item in enumerate(items, start=1):
            rows.append({"doc_id": doc_id, "item_no": k, "text": item, "headline": lead_clause(item)})
    return pd.DataFrame(rows, columns=ITEM_COLUMNS)
