"""Text clean-up that every later step relies on.

`normalize_text` is the single definition of the "normalised text": offsets in the
sections and indicators tables point into it. It keeps line structure and Chinese
punctuation (（一） stays full-width) and only folds what varies between publishers
without changing meaning: full-width digits/letters/％/spaces, radical look-alikes,
invisible characters, Word artefacts, Traditional script, letter-spaced letterheads, the printed
lines of a PDF and, where notes follow the report, the note references (①) in its body.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from . import resources
from .anchored import AnchoredPattern
from .arguments import require_text
from .chinese import CIRCLED_DIGITS, CJK, CN_MARKER_DIGITS, DECIMAL_MARKER, HEADING_VERBS, LETTER_MARKER, STRAY_COMMA
from .chinese import NOT_CJK as _NOT_CJK
from .markdown import from_markdown
from .pagechrome import is_companion_label
from .pasted import from_csv_export, from_markup_fragment, from_two_column_form
from .problem_lists import names_columns, numbered
from .unwrap import DOCUMENT_NUMBER, RED_HEADER, unwrap_text

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0]")
_WORD_ARTEFACTS = re.compile(r"\[(?:bookmark|BOOKMARK): ?[^\]\n]*\]|\{\\\*?\\bkmk[^}]*\}")
_HORIZONTAL_SPACE = re.compile(r"[ \t\u3000\u2002\u2003\u2009\u202f]+")
_PINYIN_NOTE = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")
_MARKER = (rf"(?=[{CN_MARKER_DIGITS}]{{1,3}} ?(?:{STRAY_COMMA}、|[.．])|[（(【][{CN_MARKER_DIGITS}]{{1,3}}[)）】]|[（(]\d{{1,2}}[)）]"
           rf"|\d{{1,2}}{STRAY_COMMA}、|\d{{1,2}}[.．](?!\d)|\d{{1,2}}[.．](?=(?:19|20)\d\d年)|\d{{1,2}} 、|[{CIRCLED_DIGITS}]"
           rf"|第[{CN_MARKER_DIGITS}]{{1,3}}(?:部分|、)"
           rf"|[—\-－–] ?、(?=[{CJK}\d])"  # 一、 as an OCR reads it off a scan (— 、2021年…: round 105)
           r"|[\u2160-\u216b][、.．]"  # Ⅰ、…Ⅻ、: parts numbered with Roman numeral glyphs (round 50)
           rf"|(?:I{{1,3}}|IV|VI{{0,3}}|IX)[.．][ \t]*(?=[{CJK}\d])|{LETTER_MARKER.pattern}"  # I. … IV. parts, A. B. points
           rf"|{DECIMAL_MARKER.pattern}"  # 3.1 法治宣传…, not 1.2万
           # a part's label in brackets or after a bullet (【存在问题】, ◆主要工作及成效), not a page's 【打印】
           rf"|【[{CJK}]{{2,10}}】(?=\s|[{CJK}（(])(?!【)|[◆■▲●★◇□▶►][ \t]*[{CJK}\d])")
# 一，推进… (a heading typed with a comma) only after a sentence's end: after a word, 统 一， is a word.
_MARKER_OR_COMMA = rf"(?:{_MARKER}|(?=[{CN_MARKER_DIGITS}]{{1,3}}[，,](?=[{CJK}]|20\d\d)(?![{CN_MARKER_DIGITS}])))"
_LOST_PARAGRAPH = AnchoredPattern(re.compile(r"(?<=[。：:！？；!?;】])[ \t\u3000]+" + _MARKER_OR_COMMA))  # 】: 【三、存在的问题】 1.…
# A WeChat article's separator between parts (◆◆◆, ————, —— END ——), inside a line that lost its breaks: a break.
_SEPARATOR_RULE = re.compile(r"[ \t\u3000]+(?:[◆◇■□●○★☆▍]{2,}|[—\-–=~～_━─═]{4,}|[—\-]{2}[ \t]*END[ \t]*[—\-]{2})(?=[ \t\u3000])")
# …and with no space at all, a numbered heading right after a sentence's end (…如下：一、主要举措);
# not after a semicolon, which runs a list inside a paragraph (如:一、利用…;二、利用…).
_MARKER_AFTER_STOP = re.compile(r"(?:(?<=[。！？!?])|(?<=如下[：:]))" + _MARKER_OR_COMMA)
# A run-in heading whose first sub-heading lost its line break ((一)履职能、重保障，…稳步推进。1.强化思想
# 引领。落实…): the 1. starts a line again, as it does in a copy that lost every break.
_GLUED_SUB_HEADING = re.compile(rf"^(\s*[（(][{CN_MARKER_DIGITS}]{{1,3}}[)）][^。\n]{{2,60}}。)"
                                r"(?=\d{1,2}[.．、](?!\d)[^。\n]{2,40}。)", re.M)
# A list bullet after a sentence's end (…根基。 - 坚持党的领导,把牢…): a page's part heading, on a line of its own.
# … and the dash an official document sets before each item (…不足： ——普法宣传…较少。 ——镇综合执法…).
# … and a block a web editor sets before a part's number (…成效。 ▌二、书记主任履职).
_BULLET_AFTER_STOP = re.compile(rf"(?<=[。！？!?])[ \t\u3000]+(?=[-–][ \t]*[{CJK}])"
                                rf"|(?<=[。！？!?：:；;])[ \t\u3000]+(?=——[ \t]*[{CJK}“])"
                                rf"|(?<=[。！？!?])[ \t\u3000]+(?=[▌▍▎■◆▶►][ \t]*[{CN_MARKER_DIGITS}]{{1,3}}、)")
# (After a table's last cell bar too: …结合不够 | 四、2025年工作安排.)
# A table's rows run together (…原因分析 | | 1 | 行政执法… |  | | 2 | …): a row ends at its last bar where the
# next row's bar and its 序号 follow; the header row (| 序号 | …) starts a line.
# (A box-drawn table's bars, │序号│项目│, count as bars.)
_BAR = "[|｜│┃║]"
_TABLE_ROW_RUN_ON = re.compile(rf"(?<={_BAR})[ \t\u3000]+(?={_BAR}[ \t]*\d{{1,3}}[ \t]*{_BAR})"
                               rf"|(?<=[^|｜│┃║\s])[ \t\u3000]+(?={_BAR}[ \t]*序号[ \t]*{_BAR})"
                               # … and a note or the signature after the last row (| 137 | | 注：1.…; | 153 | 某某镇人民政府 2022年…)
                               rf"|(?<={_BAR})[ \t\u3000]+(?=(?:注|备注|说明|数据来源|资料来源)[ \t]*[：:])"
                               rf"|(?<={_BAR})[ \t\u3000]+(?=[^|｜│┃║\s]{{2,40}}(?:人民政府|办事处|委员会|党委|党工委)"
                               r"[ \t\u3000]*(?:(?:19|20)\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})[ \t]*年)")
# A box-drawn table's rules (┌──┬──┐, ├──┼──┤, └──┴──┘) in a copy that lost its line breaks: lines of their own.
_BOX_RULE_RUN_ON = re.compile(r"[ \t\u3000]*[┌┏╔├┣╠└┗╚][\u2500-\u257f]*[┐┓╗┤┫╣┘┛╝][ \t\u3000]*")
# … or, with no 序号, rows of the header's width one blank cell apart (| 社区 | 调处（件） | 普法（场次） | | 甲社区 |
# 46 | 14 | | 合计 | 213 | 67 |): each row a line again, the table apart from the sentences around it.
_BAR_RUN = re.compile(r"[|｜](?:[^|｜\n]*[|｜]){7,}")
_TABLE_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
# … and rows typed with inner bars only (指标 | 2022年 | 2021年 | 增减 / 行政执法案件（件） | 412 | 386 | +26), a copy that lost
# its line breaks setting them one single space apart (… | 增减 行政执法案件（件） | 412 | …; round 112): three or more rows
# of one width, cells with no space inside, rows again (as | rows, which figure_tables reads).
_INNER_BAR_ROW = r"[^\s|｜]+(?: [|｜] [^\s|｜]+){2,}"
_INNER_BAR_RUN = re.compile(rf"(?<!\S){_INNER_BAR_ROW}(?: {_INNER_BAR_ROW}){{2,}}")


def _inner_bar_rows(run: re.Match) -> str:
    rows = [re.split(r" [|｜] ", row) for row in re.split(r"(?<![|｜]) (?![|｜])", run.group())]
    if len({len(row) for row in rows}) > 1 or not all(any(_TABLE_NUMBER.match(c.lstrip("+-")) for c in row[1:])
                                                    for row in rows[1:]):
        return run.group()
    return "\n" + "\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n"


def _table_rows_apart(run: re.Match) -> str:
    cells = re.split(r"[|｜]", run.group())[1:-1]
    width = next((i for i, cell in enumerate(cells) if not cell.strip()), 0)
    if width < 3 or (len(cells) + 1) % (width + 1):
        return run.group()
    gaps = range(width, len(cells), width + 1)
    rows = [cells[i:i + width] for i in range(0, len(cells), width + 1)]
    if any(cells[i].strip() for i in gaps) or not any(_TABLE_NUMBER.match(cell) for row in rows[1:] for cell in row):
        return run.group()
    return "\n" + "\n".join("| " + " | ".join(cell.strip() for cell in row) + " |" for row in rows) + "\n"


# A part numbered by a bare numeral and a space (四　2025年工作打算, or a page's 02 above its heading) after a
# sentence's end: a line of its own again.
_BARE_PART_NUMBER_AFTER_STOP = re.compile(rf"(?<=[。！？!?])[ \t\u3000]+(?=[{CN_MARKER_DIGITS}]{{1,2}}[ \t\u3000]+[{CJK}\d])"
                                          rf"|(?<=[。！？!?：:])[ \t\u3000]+0[1-9][ \t\u3000]+(?=[{CJK}\d])")
# A part heading run straight into its first sub-heading (一、2021年度…主要举措和成效(一)坚持党的领导,…): two lines.
_FIRST_SUB_HEADING_GLUED = re.compile(rf"^([{CN_MARKER_DIGITS}]{{1,2}}、[^。！？!?；;，,\n（(]{{4,40}})(?=[（(]一[)）])", re.M)
_MARKER_AFTER_SPACE = re.compile(rf"(?<=[{CJK}，,。：:；;！？!?）)”\d…|｜>》])[ \t\u3000]+" + _MARKER)
# …and a sub-heading whose mark was lost, its number glued to its verb or its （二 eaten by a site's markup (…建设 1积极开展…,
# …流程。 )落实政务公开…; reportkit.sections reads them on a line of their own).
# (not the bracket of a marker typed with spaces inside it: （ 三 ）严格执法…)
_LOST_MARK_AFTER_SPACE = re.compile(rf"(?<=[{CJK}。！？!?])(?<![{CN_MARKER_DIGITS}])[ \t\u3000]+"
                                    rf"(?=(?:\d{{1,2}}|[)）])(?:{HEADING_VERBS}))")
# A part's heading that lost its number and ends with a colon, after a sentence's end (…作述法报告。 存在的不足和
# 原因： 一是…): a line of its own, as its body after it.
_PART_LABEL_AFTER_STOP = re.compile(rf"(?<=[。！？!?][ \t\u3000])([^。！？!?：:，,；;\s]{{2,40}}"
                                    r"(?:成效|情况|不足|问题|原因|打算|安排|计划|思路|措施|做法|举措|职责)[：:])"
                                    rf"[ \t\u3000]+(?=[{CJK}（(“])")
# A printed page's footer (- 2 -, — 3 —, —— 第2页 共3页 ——) left between the words of a copy that lost its breaks: it hid the
# heading after it (…述职内容。 - 2 - 三 、 存 在 的 不 足) from the rules that start a heading's line again.
_PAGE_FOOTER_RUN_IN = re.compile(r"[ \t\u3000]+(?:[-—–－]{1,2}[ \t]*(?:\d{1,3}|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[/，,]?[ \t]*"
                                 r"共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*[-—–－]{1,2}"
                                 r"|第[ \t]*\d{1,3}[ \t]*页[ \t]*[/，,]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)(?=[ \t\u3000]|$)"
                                 # … with the running head the next page repeats under it (…年度报告, the red header
                                 # 某镇人民政府文件, the document's number 某政发〔2025〕8号), not a heading
                                 rf"(?:[ \t\u3000]+(?![{CN_MARKER_DIGITS}]{{1,3}}[、.．]|[（(])"
                                 rf"(?:[^\s，,。；;：:！!？?、]{{4,40}}?(?:报告|总结|{RED_HEADER})"
                                 rf"|[^\s，,。；;：:！!？?、]{{1,12}}{DOCUMENT_NUMBER})(?=[ \t\u3000]))?(?P<after>[ \t\u3000]*)")


def _without_footer(footer: re.Match) -> str:
    """Nothing for a page's footer (and running header) run in; the space after it, unless it cut a sentence at a comma
    (…难以保证， — 4 — 面对…: one sentence again)."""
    return "" if footer.string[footer.start() - 1:footer.start()] in ("，", ",", "、", "；", ";") else footer.group("after")


LONG_LINE = 600  # characters: longer lines are pages that lost their line breaks
SHORT_FLAT_TEXT = 100  # … and so is a whole text of one line longer than this
_SPACED_OUT = re.compile(rf"^(?=.*[{CJK}])(?:[{CJK}0-9] ){{3,}}[{CJK}0-9]$")
# … and a line of a scanned page's body that OCR letter-spaced (各 项 工 作 取 得 明 显 成 效 。 现 将 …, 3 8 0 万 元 ；
# “ 1 2 3 4 5 ” 热 线 … 1 0 0 % 。): every character apart, a stop among them, eight or more; one line again before
# the printed lines are joined (a letterhead or a title, with no stop, is left to the rule above).
_SPACED_SENTENCE_LINE = re.compile(rf"^([ \t\u3000]*)((?=[^\n]*[{CJK}])(?=[^\n]*[，,。；;：:、])(?:\S ){{7,}}\S)[ \t]*$", re.M)
# The same letter-spacing inside a line that lost its breaks (永 顺 县 芙 蓉 镇 人 民 政 府 文 件 芙政发…):
# single characters between single spaces, three or more (索 引 号:), are one word, not a line each.
_SPACED_RUN = re.compile(rf"(?<!\S)(?=(?:[0-9] )*[{CJK}](?:\s|$|[:：]))(?:[{CJK}0-9] ){{2,}}[{CJK}0-9](?=\s|$|[:：])")
# A space set between a number and the Chinese around it, as typesetting tools and PDF copies do
# (新城镇 2020 年…, 开展 12 场): gone, so the number reads as it does unspaced. Only a number with
# Chinese after it and Chinese, a bracket or a stop before it (a table row's 12 15 stays apart), and not
# after a Chinese numeral (四 2025年…, a flat copy's part heading that lost its 、).
_NUMBER = r"\d+(?:\.\d+)?%?"
_AFTER_WORD = rf"(?<=[{CJK}])(?<![{CN_MARKER_DIGITS}〇零两百千万第])"
_SPACED_NUMBER = re.compile(rf"(?:{_AFTER_WORD} |(?<=[{CJK}（）()、，。：；“”]))({_NUMBER}) (?=[{CJK}])"
                            rf"|{_AFTER_WORD} ({_NUMBER})(?=[{CJK}])")
# … and a two-character field label so spaced (- 文 号:无 - 标 题:…), which the run above leaves.
_SPACED_LABEL = re.compile(rf"(?<!\S)([{CJK}]) ([{CJK}])(?=\s?[:：])")
# … and 目 录, the label of a table of contents, set wide.
_SPACED_CONTENTS = re.compile(r"(?<!\S)目[ \t\u3000]+录(?!\S)")
# In such a line, a space between Chinese characters (or after a sentence's end, a time or a date
# (发布日期：2024-02-02 2023年，我镇…), before a year or a bracket: …不足 [图片：…] 【打印】) is where a line
# break was: Chinese prose has no spaces (…情况报告 2023年,静海区坚持…).
# After a colon only before a year (市人民政府: 2023年,…) or after 如下: (the body begins): 阅读: 次 is a
# label and its value.
_FIELD_COUNT = "|".join(rf"(?<=[：:]\d{{{n}}})" for n in range(1, 7))  # (a look-behind has one width)
_SPACE_WAS_BREAK = re.compile(rf"(?:(?<=[{CJK}。！？!?；;）)”》\]】…，、])|(?<=\d:\d\d)"
                              rf"|(?<=\d{{4}}-\d\d-\d\d)|(?<=\d{{4}}/\d\d/\d\d))[ \t\u3000]+"
                              rf"(?=[{CJK}（(“《【]|\[(?:图|image|img)|(?:19|20)\d\d\s*年)"
                              rf"|(?<=[：:])[ \t\u3000]+(?=(?:19|20)\d\d\s*年)"
                              # a table of contents' last page number before the opening (…安排 4 2021年，…)
                              rf"|(?:(?<=[{CJK}][ \t\u3000]\d)|(?<=[{CJK}][ \t\u3000]\d\d))[ \t\u3000]+(?=(?:19|20)\d\d\s*年)"
                              # a page field's count before the opening (浏览次数：217 2025年，我镇…)
                              rf"|(?:{_FIELD_COUNT})[ \t\u3000]+(?=(?:19|20)\d\d\s*年)"
                              # …报告如下: 一法治政府建设基本情况 (a heading that lost its 、 follows), or a part's label in
                              # brackets (…报告如下： 【2024年度推进法治政府建设的主要举措和成效】: written round 110)
                              rf"|(?<=如下[：:])[ \t\u3000]+(?=[{CJK}（(【])")

# A page's decorative part number on a line of its own above the part's heading (01 / 2025年…主要举措和成效):
# no text of the report, and no heading marker the sections know.
_DECORATIVE_NUMBER = re.compile(r"^[ \t\u3000]*0[1-9][ \t\u3000]*\n(?=[ \t\u3000]*[^\s。！？\n]{4,40}\n)", re.M)

# Notes set after a report (注释：/ 注： on a line, then ①… ②… a line each, as PDFs of Word files give
# footnotes and endnotes): in the text above, a circled numeral right after a word (“清风行动”①，
# 调处中心④作用) refers to a note, and is no item marker.
_NOTES_LABEL = AnchoredPattern(re.compile(rf"(?:^[ \t]*(?:注释|注|备注|说明)[ \t]*[：:]?[ \t]*\n"
                          rf"|(?<=[\s。])(?:注释|注|备注|说明)[ \t]*[：:][ \t]*)"  # a flat copy: 。 注释： [1]…
                          rf"[ \t]*(?:[{CIRCLED_DIGITS}]|\[\d{{1,2}}\])", re.M))
_NOTE_REFERENCE = re.compile(rf"(?<=[{CJK}”」』》）)])(?:[{CIRCLED_DIGITS}](?![、.．:：])|\[\d{{1,2}}\])")


def _without_note_references(text: str) -> str:
    """TEXT with the references to its notes taken out of the body, when notes follow it."""
    labels = list(_NOTES_LABEL.finditer(text))
    if not labels:
        return text
    notes = labels[-1]  # the last such label: notes come at the end
    return _NOTE_REFERENCE.sub("", text[:notes.start()]) + text[notes.start():]


# Full-width digits, Latin letters, percent sign and the ideographic space fold to ASCII.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_FULLWIDTH[0xFF05] = ord("%")
_FULLWIDTH[0x3000] = ord(" ")
# The half-width ideographic comma and full stop (､ ｡) an OCR or a Japanese font gives: 二 ､ is 二、.
_FULLWIDTH[0xFF64] = ord("、")
_FULLWIDTH[0xFF61] = ord("。")

# Share of CJK characters that OpenCC changes above which a text counts as Traditional.
TRADITIONAL_THRESHOLD = 0.03


# A Word table's cells joined by tabs (a .docx or .doc read, or a table pasted into a text file): the row's
# cells, when its first cell is no heading's number (一、<tab>存在的不足<tab>4 is a contents list) and no
# cell is a label with its colon (索引号：<tab>… is a page's chrome).
_TAB = re.compile(r"[ \u3000]*\t[ \u3000]*")  # one tab a cell: an empty cell keeps the columns under their headers
_NOT_A_ROW_START = re.compile(rf"^(?:[{CN_MARKER_DIGITS}]{{1,3}}[、，,.．]|[（(][{CN_MARKER_DIGITS}]{{1,3}}[)）]|第[{CN_MARKER_DIGITS}])")
_BARE_NUMBER = re.compile(r"^[+\-]?\d+(?:\.\d+)?%?$")


def _tab_cells(line: str) -> list[str] | None:
    """The cells of a table row whose cells a tab separates (three or more), or None."""
    stripped = line.strip(" \u3000").rstrip("\t")
    if "\t" not in stripped:
        return None
    cells = _TAB.split(stripped)
    if len(cells) < 3 or _NOT_A_ROW_START.match(cells[0]) or any(c.endswith(("：", ":")) for c in cells):
        return None
    return cells


# A copy that lost its line breaks keeps a tab table's cells tab-joined and its rows one space apart (乡镇\t宣传\t纠纷
# 金牛镇\t58\t312 宾居镇\t24\t96 … 合计\t210\t889): three or more such rows of one width are rows again.
_TAB_ROW = r"[^\s]+(?:\t+[^\t\n ]+){2,}"
_FLAT_TAB_RUN = re.compile(rf"{_TAB_ROW}(?: {_TAB_ROW}){{2,}}")
_CONTENTS_ENTRY = re.compile(r"[一二三四五六七八九十]{1,3}[、．.]\t")


def _flat_tab_rows(run: re.Match) -> str:
    rows = run.group().split(" ")
    if len({len(_TAB.split(row)) for row in rows}) > 1 or any(_CONTENTS_ENTRY.match(row) for row in rows):
        return run.group()  # rows of unlike widths, or a 目录's entries (一、\t…\t1), read by the contents rules
    return "\n" + "\n".join(rows) + "\n"


def _tab_tables(text: str) -> str:
    """TEXT with each block of two or more tab-separated rows that is a table written as | rows (| 1 | 执法检查 |
    次 | 1418 |): a row holds a bare number, or it is a table of text cells (`_is_text_table`); other
    tabs are left to the space rules."""
    if "\t" not in text:
        return text
    text = _FLAT_TAB_RUN.sub(_flat_tab_rows, text)
    lines = text.split("\n")
    cells = [_tab_cells(line) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and cells[j] is not None:
            j += 1
        if j - i >= 2 and (any(_BARE_NUMBER.match(c) for row in cells[i:j] for c in row[1:])
                           or _is_text_table(cells[i:j])):
            width = max(len(row) for row in cells[i:j])  # a row's empty last cells (备注) were trailing tabs
            lines[i:j] = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in cells[i:j]]
        i = max(j, i + 1)
    return "\n".join(lines)


# A table copied out of a page or a PDF as text with one cell a line (项目 / 单位 / 数量 over 执法巡查 / 次 / 412 / 办理行政
# 处罚案件 / 件 / 26 …; written round 108), or, in a copy that lost its line breaks, one cell a single space apart (项目 单位
# 数量 执法巡查 次 412 …): a header of two to six column names (`_COLUMN_NAME`) tells the width, and each following group
# of that many short cells, one of them after the first a bare number, is a row, until a group is not (a sentence, a
# heading, a line with no number where one stands). Two or more such rows are written as | rows, which figure_tables
# reads; a single line of a column's name (数量 alone) or a header over no rows stays text.
_COLUMN_NAME = re.compile(r"^(?:序号|项目|项目名称|工作项目|指标|指标名称|名称|类别|事项|内容|工作内容|单位|计量单位|数量|数值|"
                          r"完成数|完成数量|完成情况|完成值|实际完成|备注|同比|增减|(?:19|20)\d{2}年度?(?:数量|完成数|完成情况)?)$")
_LINE_CELL = re.compile(r"^[^\s。；;，,：:！!？?]{1,24}$")
# The names a table's first column goes by (the shorter ones are found inside the longer: 项目 in 项目名称)
_FIRST_COLUMNS = ("序号", "项目", "指标", "名称", "类别", "事项", "内容", "工作项目", "项目名称", "指标名称", "工作内容")


def _cell_rows(cells: list[str], width: int) -> list[list[str]]:
    """The rows of WIDTH cells that follow a header in CELLS (its own cells left out), up to the first that is none."""
    rows = []
    for start in range(width, len(cells) - width + 1, width):
        row = cells[start:start + width]
        if (not all(_LINE_CELL.match(c) for c in row) or _NOT_A_ROW_START.match(row[0])
                or any(_COLUMN_NAME.match(c) for c in row) or not any(_BARE_NUMBER.match(c) for c in row[1:])):
            break
        rows.append(row)
    return rows


def _header_width(cells: list[str]) -> int:
    width = 0
    while width < len(cells) and width < 7 and _COLUMN_NAME.match(cells[width]):
        width += 1
    return width if 2 <= width <= 6 else 0


def _cell_per_line_tables(text: str) -> str:
    """TEXT with a table copied one cell a line (or, flat, one cell a space) written as | rows (see above)."""
    if not any(name in text for name in _FIRST_COLUMNS):
        return text  # no table's first column
    lines = text.split("\n")
    out, i = [], 0
    while i < len(lines):
        rows = []
        if _COLUMN_NAME.match(lines[i].strip(" \t\u3000")):  # a header's first cell (the rest looked at only then)
            cells = [line.strip(" \t\u3000") for line in lines[i:i + 80]]
            width = _header_width(cells)
            rows = _cell_rows(cells, width) if width else []
        if len(rows) >= 2:
            out += ["| " + " | ".join(row) + " |" for row in [cells[:width], *rows]]
            i += width * (len(rows) + 1)
            continue
        out.append(lines[i] if " " not in lines[i] else _flat_cell_tables(lines[i]))
        i += 1
    return "\n".join(out)


_FLAT_HEADER = re.compile(rf"(?<!\S)(?=(?:{'|'.join(_FIRST_COLUMNS)}) )")


def _flat_cell_tables(line: str) -> str:
    """LINE (a copy that lost its line breaks) with a table whose cells single spaces part set on | rows of its own."""
    pieces, last = [], 0
    for start in (m.start() for m in _FLAT_HEADER.finditer(line)):
        if start < last:
            continue
        cells = line[start:].split(" ", 6 * 40)
        width = _header_width(cells)
        rows = _cell_rows(cells, width) if width else []
        if len(rows) < 2:
            continue
        used = width * (len(rows) + 1)
        end = start + len(" ".join(cells[:used]))
        pieces += [line[last:start].rstrip(), *("| " + " | ".join(row) + " |" for row in [cells[:width], *rows])]
        last = end
    if not pieces:
        return line
    return "\n".join([*pieces, line[last:].lstrip()])


# A table typed with its cells aligned by runs of spaces (指标名称　　2025年　　2024年 over 执法检查（次）　　268　　241):
# two or more spaces (ASCII or ideographic) between cells; a single one stays inside a cell (表1　…, 一、甲　乙).
_SPACE_GAP = re.compile(r"[ \u3000]{2,}")
_SPACE_CELL_MAX = 30


def _space_cells(line: str) -> list[str] | None:
    """The cells of a row aligned with runs of spaces (three or more, none a sentence), or None."""
    cells = _SPACE_GAP.split(line.strip(" \u3000"))
    if len(cells) < 3 or any(not c or len(c) > _SPACE_CELL_MAX or re.search(r"[。；;，,：:]", c) for c in cells):
        return None
    return cells


def _space_tables(text: str) -> str:
    """TEXT with each run of three or more lines aligned by spaces into cells of one width, a header of words
    over rows that hold a bare number, written as | rows (which figure_tables reads): in prose, runs of
    spaces are an indent, so only a block of like rows with numbers under a header of none is a table."""
    if "  " not in text and "\u3000" not in text:
        return text
    lines = text.split("\n")
    cells = [_space_cells(line) for line in lines]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and cells[j] is not None and len(cells[j]) == len(cells[i]):
            j += 1
        block = cells[i:j]
        if (j - i >= 3 and not any(_BARE_NUMBER.match(c) for c in block[0])
                and all(any(_BARE_NUMBER.match(c) for c in row[1:]) for row in block[1:])):
            lines[i:j] = ["| " + " | ".join(row) + " |" for row in block]
        i = max(j, i + 1)
    return "\n".join(lines)


# … and in a copy that lost its line breaks, its rows one single space apart (指标名称　　2025年　　2024年 执法检查（次）　　268
# 　　241 …): three or more rows of cells split by such runs, rows again (as | rows: a break's space rule would split the cells).
_SPACE_ROW = r"[^\s]+(?:[ \u3000]{2,}[^\s]+){2,}"
_FLAT_SPACE_RUN = re.compile(rf"(?<!\S){_SPACE_ROW}(?: {_SPACE_ROW}){{2,}}")  # from a word's start only: no rescans


def _flat_space_rows(run: re.Match) -> str:
    rows = _space_tables("\n".join(re.split(r"(?<![ \u3000]) (?![ \u3000])", run.group())))  # a lone space ends a row
    return "\n" + rows + "\n" if rows.startswith("|") else run.group()


def _is_text_table(rows: list[list[str]]) -> bool:
    """Are ROWS a table of text cells: a header row naming a problem list's columns (序号 | 存在问题 | 整改措施 |
    责任单位), or rows numbered 1, 2, 3 in their first cell? (Written as | rows, a problem list's header is no
    shortcoming item and its measures and units no words of one: `problem_lists`.)"""
    return names_columns(rows[0]) or numbered(rows)


# A summary card page's part number written 01 … 04 with a space before its words (01　主要举措和成效,
# 04　2025年工作打算), after a space: a line of its own (not a spaced date's 01 月).
_CARD_PART_NUMBER = re.compile(rf"[ \t\u3000]+(0[1-9])[ \t\u3000]+(?=[{CJK}]{{2}}|(?:19|20)\d\d年)(?![月日时号])")

# A page's counter (阅读次数：532) ends the site's line: the text after it is the report's (a second
# page's header ran into the sentence its first page broke off).
_COUNTER_RUN_ON = re.compile(r"((?:阅读|浏览|点击|访问)(?:次数|量|数)?[ \t]*[：:][ \t]*\d{1,9}[ \t]*次?)[ \t\u3000]+(?=\S)")
_CARD_PART_LINE_END = re.compile(r"(\n0[1-9]\u3000[^\s，,。；;]{2,30})[ \t\u3000]+")
_CARD_POINT = re.compile(r"[ \t\u3000]+(?=[●▶►•◆■▲])")


def _lost_breaks(line: str) -> str:
    """LINE, too long to be one paragraph, with the line breaks its copy lost put back."""
    line = _PAGE_FOOTER_RUN_IN.sub(_without_footer, line)
    line = _COUNTER_RUN_ON.sub("\\1\n", line)
    line = _SPACED_RUN.sub(lambda m: m.group().replace(" ", ""), line)
    line = _SPACED_LABEL.sub(r"\1\2", line)
    line = _SPACED_CONTENTS.sub("目录", line)
    line = _FLAT_SPACE_RUN.sub(_flat_space_rows, line)  # before the markers: 98.7  98.1 is no 3.1 item
    line = _MARKER_AFTER_SPACE.sub("\n", _MARKER_AFTER_STOP.sub("\n", _BULLET_AFTER_STOP.sub("\n", line)))
    line = _LOST_MARK_AFTER_SPACE.sub("\n", line)
    line = _BOX_RULE_RUN_ON.sub(lambda rule: "\n" + rule.group().strip() + "\n", line)
    line = _TABLE_ROW_RUN_ON.sub("\n", _BARE_PART_NUMBER_AFTER_STOP.sub("\n", line))
    line = _INNER_BAR_RUN.sub(_inner_bar_rows, _BAR_RUN.sub(_table_rows_apart, line))
    line = _PART_LABEL_AFTER_STOP.sub("\\1\n", line)
    return _SPACE_WAS_BREAK.sub(_break_unless_after_marker, line)


# A heading's number with the space typed after it: （1） 持续深入学习… is one heading.
_ENDS_WITH_MARKER = re.compile(rf"(?:^|\n)(?:[（(](?:[{CN_MARKER_DIGITS}]{{1,3}}|\d{{1,2}})[)）]|[{CN_MARKER_DIGITS}]{{1,3}}[ \u3000]?、"
                               rf"|[{CN_MARKER_DIGITS}]{{1,2}})$")  # (a bare numeral at a line's start: 四 2025年工作打算)


# A part heading's two halves set apart by a space (一、成效篇丨凝心聚力　法治政府建设提质增效, 【二、以上率下压责任　
# 关键少数作表率】): its first half after the part's number, the second a phrase alone before the next space or break.
_HEADING_FIRST_HALF = re.compile(rf"(?:^|\n|[。！？!?][ \t\u3000]+)【?(?:[{CN_MARKER_DIGITS}]{{1,3}}、|第[{CN_MARKER_DIGITS}]{{1,3}}部分[、]?)"
                                 rf"[^，,。；;：:！!？?\s]{{2,24}}$")
_HEADING_SECOND_HALF = re.compile(r"[^，,。；;：:！!？?\s]{2,24}(?=\s|$)")


def _break_unless_after_marker(space: re.Match) -> str:
    before = space.string[max(0, space.start() - 6):space.start()]
    if _ENDS_WITH_MARKER.search(before):
        return space.group()
    if (_HEADING_FIRST_HALF.search(space.string, max(0, space.start() - 40), space.start())
            and _HEADING_SECOND_HALF.match(space.string, space.end())):
        return space.group()
    return "\n"


@lru_cache(maxsize=1)
def _radical_table() -> dict[int, str]:
    table = {ord(radical): character for radical, character in resources.radicals().items()}
    # Kangxi radicals (U+2F00–U+2FD5) have NFKC decompositions to the ordinary character.
    for cp in range(0x2F00, 0x2FD6):
        table.setdefault(cp, unicodedata.normalize("NFKC", chr(cp)))
    return table


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # heavy-ish C extension: load only when a text needs it

    return opencc.OpenCC("t2s")


def traditional_share(text: str, *, sample: int = 20000) -> float:
    """Share of CJK characters in (the start of) TEXT that Traditional → Simplified changes."""
    # One substitution keeps the CJK characters (findall + join built a list of 1-char strings).
    head = _NOT_CJK.sub("", text[: sample * 3])[:sample]
    if not head:
        return 0.0
    converted = _t2s().convert(head)
    if converted == head:  # the usual Simplified report: nothing to count character by character
        return 0.0
    changed = sum(a != b for a, b in zip(head, converted))
    return changed / len(head)


def is_traditional(text: str) -> bool:
    """True when TEXT is written in Traditional script (not merely quoting a character)."""
    return traditional_share(require_text(text, "is_traditional")) >= TRADITIONAL_THRESHOLD


def to_simplified(text: str) -> str:
    """Traditional → Simplified with OpenCC's t2s conversion (character and phrase level), keeping
    the place names t2s would rewrite: 乾佑街道, 於潜镇 and 乾县 are their Simplified names too
    (t2s gives 干佑街道, 于潜镇, 干县, which are no places)."""
    if text is None or not require_text(text, "to_simplified") or text.isascii():  # nothing to convert: spare OpenCC the call
        return text
    # What t2s leaves as it is holds no name it would rewrite either: the names to keep (read from the whole
    # gazetteer, ~0.5 s the first time in a process) are looked for only in a text that changes.
    whole = _t2s().convert(text)
    if whole == text:
        return text
    converted = _converted_keeping_shadowed_names(text, whole)
    if converted == text:
        return text
    pattern, names = _rewritten_place_names()
    return pattern.sub(lambda m: _kept_name(m, names), converted) if pattern else converted


def _converted_keeping_shadowed_names(text: str, whole: str) -> str:
    """t2s of TEXT (WHOLE: t2s of all of it), with the names t2s would turn into another real place kept as they
    are: 濛陽街道 (彭州市) is not 蒙阳街道 (名山区); they are found before the conversion, by their own spelling."""
    pattern, names = _shadowed_place_names()
    if pattern is None or not pattern.search(text):
        return whole
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [_t2s().convert(text[last:match.start()]), names[match.group()]]
        last = match.end()
    return "".join(pieces) + _t2s().convert(text[last:])


@lru_cache(maxsize=1)
def _gazetteer_spellings() -> list[tuple[str, str, str, str]]:
    """(name, its Traditional form, t2s of the name, t2s of the Traditional form) for every township
    and county name of the gazetteer: how a converted page may spell it (a page machine-converted to
    Traditional, as Big5 gateways are: 澄江街道 → 澂江街道 → 澂江街道, 钜桥镇 → 鉅橋鎮 → 巨桥镇). Whole
    names are converted, as t2s converts phrases too (藉口镇 → 借口镇, by the word 借口)."""
    from .places import load_gazetteer, town_names  # only when a text is converted

    names = sorted(set(town_names()) | {county.county for county in load_gazetteer()})
    traditional = _s2t().convert("\n".join(names)).split("\n")
    return list(zip(names, traditional, _t2s().convert("\n".join(names)).split("\n"),
                    _t2s().convert("\n".join(traditional)).split("\n"), strict=True))


def _name_pattern(names: dict[str, str]) -> tuple[re.Pattern | None, dict[str, str]]:
    """A pattern matching the keys of NAMES, longest first, and NAMES; (None, {}) when there are none."""
    if not names:
        return None, {}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True)))), names


@lru_cache(maxsize=1)
def _shadowed_place_names() -> tuple[re.Pattern | None, dict[str, str]]:
    """Spellings (Traditional, or the name itself) of the gazetteer's names that t2s rewrites into
    ANOTHER real place's name → the name (濛陽街道 → 濛阳街道, not 蒙阳街道, a street office elsewhere)."""
    from .places import is_place_name, towns_named

    shadowed = {}
    for name, written, *spelled in _gazetteer_spellings():
        for other in set(spelled) - {name}:
            if is_place_name(other) and not {t.code for t in towns_named(other)} <= {t.code for t in towns_named(name)}:
                shadowed.update({written: name, name: name})
    return _name_pattern(shadowed)


def _kept_name(match: re.Match, names: dict[str, str]) -> str:
    """The place name MATCH stands for, unless it is the end of a longer place's name (新干县 is a
    county: its 干县 is not 乾县)."""
    from .places import is_place_name

    text, start, end = match.string, match.start(), match.end()
    if any(is_place_name(text[start - k:end]) for k in range(1, min(start, 4) + 1)):
        return match.group()
    return names[match.group()]


@lru_cache(maxsize=1)
def _rewritten_place_names() -> tuple[re.Pattern | None, dict[str, str]]:
    """The gazetteer's names as t2s rewrites them → the names, where the rewrite is no other place:
    none at all (干佑街道), or the same unit's former spelling (尖冢镇, now 尖塚镇)."""
    from .places import is_place_name, towns_named

    rewritten = {}
    for name, _, *spelled in _gazetteer_spellings():
        for spelling in spelled:
            if spelling != name and spelling not in rewritten and (not is_place_name(spelling) or (
                    (units := towns_named(spelling)) and all(t.former for t in units)
                    and {t.code for t in units} <= {t.code for t in towns_named(name)})):
                rewritten[spelling] = name
    return _name_pattern(rewritten)


@lru_cache(maxsize=1)
def _fold_table() -> tuple[re.Pattern, dict[str, str]]:
    """Every character fold_width changes (a character class) and what it becomes."""
    table = {chr(cp): chr(to) for cp, to in _FULLWIDTH.items()}
    # Radical look-alikes after the width fold (no folded character is a radical look-alike).
    table = {ch: _radical_table().get(ord(to), to) for ch, to in table.items()}
    table.update({chr(cp): to for cp, to in _radical_table().items() if chr(cp) not in table})
    # Word's numbering glyphs for headings: ㈠ (U+3220…) is （一）, ⒈ (U+2488…) is 1.
    table.update({chr(0x3220 + i): f"（{numeral}）" for i, numeral in enumerate(CN_MARKER_DIGITS)})
    table.update({chr(0x2488 + i): f"{i + 1}." for i in range(20)})
    return re.compile("[" + "".join(map(re.escape, sorted(table))) + "]"), table


def fold_width(text: str) -> str:
    """Full-width digits, letters, ％, ideographic spaces and a full-width point between digits → ASCII;
    radical look-alikes → characters; numbering glyphs (㈠, ⒈) → the markers they stand for; 〇
    among Arabic digits → 0; the half-width ､ and ｡ → 、 and 。."""
    # A regex finds the few characters to fold; str.translate looked up every character of
    # the text in a dict (twice), which cost as much as the rest of normalize_text.
    pattern, table = _fold_table()
    folded = pattern.sub(lambda m: table[m.group()], text)
    if "〇" in folded:  # an OCR's 〇 among Arabic digits is a zero (2〇23年, 3〇项, 1〇〇%); 二〇二三 stays
        folded = _ZERO_AMONG_DIGITS.sub(lambda m: "0" * len(m.group()), folded)
    folded = _ocr_misreads(folded)
    # ３．６万元: a full-width point between digits is a decimal point (1．强化… stays a heading's marker)
    return _WIDE_DECIMAL_POINT.sub(".", folded) if "．" in folded else folded


_ZERO_AMONG_DIGITS = re.compile(r"(?<=\d)〇+|〇+(?=\d)")

# What OCR makes of a scanned print (round 105), read back:
# - a letter among Arabic digits: O for 0, l or I for 1 (2O22年, l2件, I4份, 1O0%, 45OO余份, 96.l%), and a lowercase o
#   between two digits (2o23), in a run of digits that no other Latin letter or digit touches (ISO9001, V1.0 stay)
#   and that holds no fewer digits than letters, not opening and closing on a letter (O2O stays);
_OCR_NUMBER = re.compile(r"(?<![A-Za-z\d.])(?:[\dOIl]|(?<=\d)o(?=\d)|(?<=[\dOIl])\.(?=[\dOIl]))+(?![A-Za-z\d])")
_OCR_LETTER_NEAR_DIGIT = re.compile(r"\d[OIlo]|[OIl]\d|\d\.[Il]")
_OCR_DIGIT = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1"})
# - 。 read as a Latin o or a full stop after a word, a per cent sign or a closing quote (…工作o现将…,
#   成功率97.2%o受理…, …公正执法.镇综合…); not 三.存在的问题 nor （一）.主要工作 (r137) nor 第一部分.主要工作, a heading's
#   number, nor a word's letters (logo), nor the dot of a Chinese domain name (中文域名:天津市宝坻区人民政府.政务, a
#   development page's header);
_OCR_STOP = re.compile(rf"(?<=[{CJK}%”])(?<![{CN_MARKER_DIGITS}第])(?<!部分)(?<![章节節篇])(?:o|\.(?!(?:政务|政務|公益|中国|中國|網址|网址|公司|网络|網絡|在线|在線)(?![{CJK}])))"
                       rf"(?=[ \t]*(?:[{CJK}“（(]|$))", re.M)
# - 人次 read as 入次 after a number (5600入次).
_OCR_PERSON_TIMES = re.compile(r"(?<=[\d万])入次")


def _ocr_digits(run: re.Match) -> str:
    token = run.group()
    letters = sum(ch in "OIlo" for ch in token)
    digits = sum(ch.isdigit() for ch in token)
    if not letters or digits < letters or (token[0] in "OIl" and token[-1] in "OIl"):
        return token
    return token.translate(_OCR_DIGIT)


def _ocr_misreads(text: str) -> str:
    """TEXT with an OCR's letters among digits, its 。 read as o or ., and 入次 read back (see above)."""
    if _OCR_LETTER_NEAR_DIGIT.search(text):
        text = _OCR_NUMBER.sub(_ocr_digits, text)
    if "o" in text or "." in text:
        text = _OCR_STOP.sub("。", text)
    return _OCR_PERSON_TIMES.sub("人次", text) if "入次" in text else text


_WIDE_DECIMAL_POINT = re.compile(r"(?<=\d)．(?=\d)(?!(?:19|20)\d\d\s*年)")  # 1．2024年度…: a marker and a year


# A copy with a number before every line (1 安恕镇…, 2, 3 东辽县委…: as a code or PDF viewer shows them).
_LINE_NUMBER = re.compile(r"^(\d{1,4})(?:[ \t\u3000]+|$)")
_MIN_NUMBERED_SHARE = 0.8


def _without_line_numbers(text: str) -> str:
    """TEXT without the numbers a viewer set before its lines, when most of its lines start with one and
    each is the one before it plus one; else unchanged (a list of figures, a table)."""
    lines = text.split("\n")
    if len(lines) < 10:
        return text
    numbers = [int(m.group(1)) if (m := _LINE_NUMBER.match(line)) else None for line in lines]
    numbered = [n for n in numbers if n is not None]
    if len(numbered) < _MIN_NUMBERED_SHARE * len(lines):
        return text
    steps = sum(later == earlier + 1 for earlier, later in zip(numbered, numbered[1:]))
    if steps < _MIN_NUMBERED_SHARE * (len(numbered) - 1):
        return text
    return "\n".join(_LINE_NUMBER.sub("", line, count=1) if n is not None else line for line, n in zip(lines, numbers))


# A line drawn with rules or ornaments only (━━━━, ◆◆◆, ＊＊＊), as WeChat editors set between parts: no text.
_DECORATION_LINE = re.compile(r"^[ \t\u3000]*[━─═—\-–_=~～◆◇■□●○★☆▍✦❖•·*＊]{3,}[ \t\u3000]*$", re.M)
# An emoji set as a bullet at a line's start (🔹 part, ✅ point, 📌 item): no word of the text.
# (not the empty ballot box ☐, U+2610: a form's option left unticked, kept so that it is read as one; ☑ is dropped as
# a bullet, its line the option chosen)
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u260F\u2611-\u27BF\u2B50\u2B55"
_EMOJI_BULLET = re.compile(rf"^([ \t\u3000]*)(?:[{_EMOJI}]\uFE0F?)+[ \t\u3000]*", re.M)
# A keycap numeral (1️⃣ 2️⃣: a digit, U+FE0F, U+20E3), as WeChat editors number parts: a number marker, kept
# in the heading as 一、 is (no bullet to drop).
_KEYCAP = r"[0-9#*]\uFE0F?\u20E3"
# ... and in a copy that lost its line breaks, an emoji bullet or a keycap numeral after a space, or a rule,
# starts a line again.
_EMOJI_BULLET_INLINE = re.compile(rf"[ \t\u3000]+(?:[━─═]{{3,}}[ \t\u3000]*)*"
                                  rf"(?=(?:[{_EMOJI}\u2610]\uFE0F?|{_KEYCAP})+[ \t\u3000]*[{CJK}（(“【\d])")
# In a copy that lost its line breaks, where emoji bullets already cut the text into short lines (so that
# no line is long enough to be mended as a page's): a part's label in brackets after a sentence's end
# (…不完整。 【2025年工作思路】 …), and the words of a label or of a keycap-numbered heading before the
# space where its body began (【短板与不足】 对照…, 2️⃣ 党政主要负责人…情况 镇党委书记…), start lines again.
_FLAT_LABEL_AFTER_STOP = re.compile(r"(?<=[。！？!?])[ \t\u3000]+(?=【[^【】\s]{2,14}】(?:[ \t\u3000]|$))", re.M)
_FLAT_LABEL_RUN_IN = re.compile(rf"^(【[^【】\s]{{2,14}}】|(?:{_KEYCAP})[ \t\u3000]*[^\s。！？!?，,；;：:]{{2,40}})"
                                rf"[ \t\u3000]+(?=[{CJK}（(“])", re.M)


# A symbol font's bullet that lost its font (Word's Wingdings or Symbol bullets copied or exported as text): the
# letter the glyph sits on (Ø an arrow, ü a tick, l a dot, n a square, u a diamond, v, q, §) or a code point of
# the private use area (U+F0xx), before a tab or a space and the words of a line. No word of the text.
_SYMBOL_FONT_BULLET = r"(?:[ØüŸ§lnuvqð]|[\uf020-\uf0ff])"
_SYMBOL_BULLET = re.compile(rf"^([ \t\u3000]*){_SYMBOL_FONT_BULLET}[ \t\u3000]+(?=[{CJK}（(“【\d])", re.M)
# ... and in a copy that lost its line breaks, such a bullet between spaces (after a sentence's end or a
# heading's words) starts a line again.
_SYMBOL_BULLET_INLINE = AnchoredPattern(re.compile(rf"(?<=\S)[ \t\u3000]+{_SYMBOL_FONT_BULLET}[ \t\u3000]+(?=[{CJK}（(“【])"))
_MIN_SYMBOL_BULLETS = 2


def _without_symbol_bullets(text: str) -> str:
    """Drop symbol-font bullets (Ø, ü, l, \uf0d8 …) where a text has two or more of them."""
    if len(_SYMBOL_BULLET.findall(text)) + len(_SYMBOL_BULLET_INLINE.findall(text)) < _MIN_SYMBOL_BULLETS:
        return text
    return _SYMBOL_BULLET.sub(r"\1", _SYMBOL_BULLET_INLINE.sub("\n", text))


# A PDF's fake bold (each glyph printed twice, a little apart) comes out of its text layer with every character
# twice: 一一、、22002255年年法法治治… A run of five or more doubled characters, four of them ideographs, is one
# printing of each (words said twice, 常常, 家家户户, 明明白白清清楚楚, are four pairs at most; 100000000 holds no
# ideograph).
_DOUBLED_RUN = re.compile(r"(?:(\S)\1){5,}")
_MIN_DOUBLED_IDEOGRAPHS = 4


def _without_fake_bold(text: str) -> str:
    def single(m: re.Match) -> str:
        run = m.group()[::2]
        return run if sum("\u4e00" <= c <= "\u9fff" for c in run) >= _MIN_DOUBLED_IDEOGRAPHS else m.group()
    return _DOUBLED_RUN.sub(single, text)


# A WeChat article's data cards (【2024年度法治数据】 1268 / 件 / 受理矛盾纠纷 …): a big number on a line of its
# own, its unit on the next, the label on the third. Three or more such cards are read as label：value lines
# (受理矛盾纠纷：1268件). A lone number over a unit on two lines (下载积分 9 / 所需积分) is no card.
_CARD_UNIT = r"%|‰|[件场次人份个名条项户起宗家期册部块处台篇所批]|人次|场次|件次|户次|批次|家次|万元|元|亿元|平方米|亩|小时|天|个工作日"
_DATA_CARD = re.compile(rf"^[ \t\u3000]*(\d[\d,]*(?:\.\d+)?[万亿]?)[ \t\u3000]*\n[ \t\u3000]*({_CARD_UNIT})[ \t\u3000]*\n"
                        rf"[ \t\u3000]*([{CJK}][^\n\d。！？；：:]{{1,20}})[ \t\u3000]*$", re.M)
_MIN_DATA_CARDS = 3


def _data_cards(text: str) -> str:
    if len(_DATA_CARD.findall(text)) < _MIN_DATA_CARDS:
        return text
    return _DATA_CARD.sub(lambda m: f"{m.group(3)}：{m.group(1)}{m.group(2)}。", text)


# Pages of autonomous areas set a line in the area's own script above or below each heading or paragraph
# (Uyghur or Kazakh in Arabic script, Tibetan, traditional Mongolian, Korean, Yi, Dai), or the whole report again
# in that script after the Chinese one. They translate the Chinese and are no word of the report: their
# numbers (1. 2022년…, (1) …, ༢༠༢༤, 2021 ꈎ) would be read as headings, items, years and figures. A run of such a
# script (three letters or more, with the digits, spaces and marks between its letters, a list marker or a
# number before it) goes; a line left with no letter or ideograph goes with it. In a copy that lost its line
# breaks the run leaves a space, where its lines were.
_OTHER_SCRIPT = ("\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefe"  # Arabic script (Uyghur, Kazakh)
                 "\u0f00-\u0fff"  # Tibetan, its digits ༠–༩ and marks
                 "\u1800-\u18af"  # Mongolian (and its free variation selectors)
                 "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"  # Korean
                 "\ua000-\ua4cf"  # Yi
                 "\u1950-\u19df\u1a20-\u1aaf")  # Dai (Tai Le, New Tai Lue, Tai Tham)
_OTHER_SCRIPT_GAP = r"[ \t\u3000\u202f\d.,:;!?()\-–—·/%、，。：；！？（）“”\"'«»]"
_OTHER_SCRIPT_RUN = re.compile(
    rf"(?:[(（]\d{{1,2}}[)）][ \t\u3000]*|\d{{1,2}}[.．、][ \t\u3000]*)?(?:\d[\d.,%\-]*[ \t\u3000]*)?"
    rf"[{_OTHER_SCRIPT}](?:{_OTHER_SCRIPT_GAP}*[{_OTHER_SCRIPT}])+")
_MIN_OTHER_SCRIPT_LETTERS = 3
_OTHER_SCRIPT_LETTER = re.compile(f"[{_OTHER_SCRIPT}]")
_WORD_OR_IDEOGRAPH = re.compile(rf"[{CJK}A-Za-z]")
# ... and so does the label of such a version once its text is gone (（彝文版）, 藏文版：, 【维吾尔文】).
_SCRIPT_VERSION_LABEL = re.compile(rf"^[（(【\[]?[{CJK}]{{1,5}}[文语](?:版|译文)?[）)】\]]?[:：]?$")
_SCRIPT_VERSION_BESIDE = re.compile(
    rf"(?<=[{_OTHER_SCRIPT}])[ \t\u3000]*[（(【\[][{CJK}]{{1,5}}[文语](?:版|译文)[）)】\]][:：]?"
    rf"|[（(【\[]?[{CJK}]{{1,5}}[文语](?:版|译文)[）)】\]]?[:：]?\s*(?=[{_OTHER_SCRIPT}])")


def _without_other_scripts(text: str) -> str:
    """Drop the lines and runs a page sets in an autonomous area's own script beside the Chinese."""
    def gone(m: re.Match) -> str:
        return " " if len(_OTHER_SCRIPT_LETTER.findall(m.group())) >= _MIN_OTHER_SCRIPT_LETTERS else m.group()
    if not _OTHER_SCRIPT_LETTER.search(text):
        return text
    text = _SCRIPT_VERSION_BESIDE.sub("", text)
    lines = []
    for line in text.split("\n"):
        kept = _OTHER_SCRIPT_RUN.sub(gone, line)
        if kept != line and (not _WORD_OR_IDEOGRAPH.search(kept) or _SCRIPT_VERSION_LABEL.match(kept.strip())):
            continue
        lines.append(kept.strip(" \t\u3000\u202f") if kept != line else line)
    return "\n".join(lines)


# A mirror that mis-decodes a page's indent prints it as question marks before a numbered heading
# (???（一）学习贯彻…, ??1.强化…): the marks are lost spaces, and the heading starts at its marker.
_LOST_INDENT = re.compile(rf"^([ \t\u3000]*)[?？]{{2,}}[ \t\u3000]*(?=(?:[（(][{CN_MARKER_DIGITS}]{{1,3}}[)）]"
                          rf"|[{CN_MARKER_DIGITS}]{{1,3}}、|\d{{1,2}}[.．、](?!\d)))", re.M)


def normalize_text(raw: str, *, convert_traditional: bool | None = None) -> str:
    """Return the normalised text of a report.

    >>> normalize_text("２０２３年\u200b发放资料３００份，调解成功率１００％")
    '2023年发放资料300份，调解成功率100%'

    convert_traditional: None decides by `is_traditional`; True/False force it.
    """
    text = require_text(raw, "normalize_text", name="raw").replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _without_other_scripts(text)
    text = _without_fake_bold(text)
    text = _data_cards(text)
    text = from_markup_fragment(text)  # a page's source pasted as text: &nbsp;, <br>, <strong>
    text = from_csv_export(text)  # a report template filled in Excel and saved as CSV: "一、…","（一）…"
    text = from_two_column_form(text)  # a template as a two-column form: | 一、主要举措和成效 | 2022年，… |
    text = from_markdown(text)  # a page a scraper saved as Markdown: [links](…), **bold**, 1\. escapes
    text = _without_line_numbers(text)
    # (a copy that lost its line breaks stays one, though the table rules below set its table's rows on lines again)
    was_one_line = len([line for line in text.split("\n") if line.strip()]) == 1
    text = _cell_per_line_tables(text)  # a table copied one cell a line (or, flat, a space)
    text = _tab_tables(text)  # a Word table's rows (cells joined by tabs) as | rows, which figure_tables reads
    text = _space_tables(text)  # … and a table whose cells runs of spaces align
    # A copy that lost its line breaks is one line before its bullets start lines again (☑法治工作队伍建设…).
    one_line = len([line for line in text.split("\n") if line.strip()]) == 1
    if (one_line and is_companion_label(text.split(None, 1)[0] if text.strip() else "")
            and len(_CARD_PART_NUMBER.findall(text)) >= 2):  # a card page (一图读懂丨…): its part lines and points apart
        text = _CARD_PART_NUMBER.sub("\n\\1\u3000", text)
        text = _CARD_PART_LINE_END.sub("\\1\n", _CARD_POINT.sub("\n", text))
        head, _, rest = text.partition("\n")
        text = _lost_breaks(head) + "\n" + rest  # the title and the site's lines above the first part
    bullets_cut_flat = False
    if _EMOJI_BULLET_INLINE.search(text):
        paragraphs = [line for line in text.split("\n") if line.strip()]
        lost_breaks = len(max(paragraphs, key=len)) > (SHORT_FLAT_TEXT if len(paragraphs) == 1 else LONG_LINE)
        bullets_cut_flat = lost_breaks and len(paragraphs) == 1
        text = _EMOJI_BULLET_INLINE.sub("\n", text)
        if lost_breaks:
            text = _FLAT_LABEL_RUN_IN.sub("\\1\n", _FLAT_LABEL_AFTER_STOP.sub("\n", text))
    text = _EMOJI_BULLET.sub(r"\1", _DECORATION_LINE.sub("", text))
    text = _without_symbol_bullets(text)
    if " " in text:
        text = _SPACED_SENTENCE_LINE.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), text)
    # Text copied out of a PDF keeps its printed lines: joined into paragraphs again.
    text = unwrap_text(text)
    text = _WORD_ARTEFACTS.sub("", text)
    text = fold_width(text)
    if "??" in text or "？？" in text:
        text = _LOST_INDENT.sub(r"\1", text)
    # Some mirror sites annotate characters with their pinyin: 区(qū)委 → 区委.
    text = _PINYIN_NOTE.sub("", text)
    # Compatibility ideographs (U+F900–U+FAFF) are look-alikes too.
    text = re.sub("[\uf900-\ufaff]", lambda m: unicodedata.normalize("NFKC", m.group()), text)
    if convert_traditional is None:
        convert_traditional = is_traditional(text)
    if convert_traditional:
        text = to_simplified(text)
    # A page copied without its line breaks keeps spaces where paragraphs were: a numbered
    # heading after a space starts a line again (…报告如下: 一、主要措施和成效 (一)强化…) — after a
    # full stop anywhere, after any character only in lines too long to be one paragraph, where
    # the title, the site's lines and the opening sentence get their own lines back too.
    # A short text copied so (a page's opening, a brief report) is a single line of its own.
    paragraphs = [line for line in text.split("\n") if line.strip()]
    long_line = SHORT_FLAT_TEXT if len(paragraphs) == 1 or one_line or was_one_line else LONG_LINE
    if len(max(paragraphs, key=len, default="")) > long_line:
        # (a one-line copy its bullets cut into lines: each piece lost its breaks, however short; the last, after a
        # seal's ★, holds the signature's date and the page's footer, - 3 -)
        text = "\n".join(_lost_breaks(line) if len(line) > long_line or (bullets_cut_flat and not line.startswith("|"))
                         else line for line in text.split("\n"))
        # A printed text (a PDF's lines) copied so comes back as its printed lines: joined again.
        text = unwrap_text(text)
    text = _DECORATIVE_NUMBER.sub("", text)
    text = _LOST_PARAGRAPH.sub("\n", _SEPARATOR_RULE.sub("\n", text))
    # A part heading run straight into its first sub-heading is a paragraph that lost its line breaks,
    # however short: a numbered heading after a sentence's end in it starts a line again, as in a longer
    # line (a PDF of such a page ends the opening at …报告如下。 where a printed line ends, and the
    # rest, shorter than LONG_LINE, would not be mended).
    text = "\n".join(_MARKER_AFTER_STOP.sub("\n", line) if _FIRST_SUB_HEADING_GLUED.match(line) else line
                     for line in text.split("\n"))
    text = _GLUED_SUB_HEADING.sub("\\1\n", _FIRST_SUB_HEADING_GLUED.sub("\\1\n", text))
    lines = [_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    # A letterhead set with spaces between its characters (治 平 乡 人 民 政 府) is one name.
    lines = [line.replace(" ", "") if _SPACED_OUT.match(line) else line for line in lines]
    lines = [_SPACED_NUMBER.sub(lambda m: m.group(1) or m.group(2), line) if " " in line else line for line in lines]
    # Keep paragraph structure but not runs of blank lines (web pages and PDFs have many).
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return _without_note_references(text).strip("\n")
