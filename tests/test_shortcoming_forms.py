"""Shortcomings parts written every usual way at once: 2–4 items in eleven numbering styles (一是 inline
or on lines, 1. 1、 （一） （1） ① 第一， inline 1.；, 首先…其次…最后, 一方面…另一方面), with and without a
sentence that announces them and a sentence on their causes after them, under four part headings. Every
combination must give the items, in order. (Written as a probe of the rules; it found 一方面…另一方面 after
an announcing sentence read as one item.)"""
from __future__ import annotations

import itertools

import pytest

from reportkit.normalize import normalize_text
from reportkit.sections import split_sections
from reportkit.shortcomings import shortcoming_items

ITEMS = ["镇村干部法治意识有待提高，运用法治思维解决问题的能力不足", "普法宣传形式单一，针对性不强",
         "综合执法队伍人员少，专业化程度不高", "基层矛盾纠纷化解机制还不够健全"]
_CN, _CIRCLED = "一二三四", "①②③④"


def _styles(items):
    yield "一是…；二是…", "；".join(f"{_CN[i]}是{t}" for i, t in enumerate(items)) + "。"
    yield "一是 on lines", "\n".join(f"{_CN[i]}是{t}。" for i, t in enumerate(items))
    yield "1.", "\n".join(f"{i + 1}.{t}。" for i, t in enumerate(items))
    yield "1、", "\n".join(f"{i + 1}、{t}。" for i, t in enumerate(items))
    yield "（一）", "\n".join(f"（{_CN[i]}）{t}。" for i, t in enumerate(items))
    yield "（一） run in", "\n".join(f"（{_CN[i]}）{t.split('，')[0]}。{t}，需要进一步加强。" for i, t in enumerate(items))
    yield "（1）", "\n".join(f"（{i + 1}）{t}。" for i, t in enumerate(items))
    yield "①", "".join(f"{_CIRCLED[i]}{t}；" for i, t in enumerate(items))
    yield "第一，", "".join(f"第{_CN[i]}，{t}。" for i, t in enumerate(items))
    yield "1.…；2.…", "；".join(f"{i + 1}.{t}" for i, t in enumerate(items)) + "。"
    if len(items) == 3:
        yield "首先…其次…最后", f"首先，{items[0]}。其次，{items[1]}。最后，{items[2]}。"
    if len(items) == 2:
        yield "一方面…另一方面", f"一方面，{items[0]}；另一方面，{items[1]}。"


INTROS = ["", "对照上级要求，我镇法治政府建设还存在一些不足，主要表现在：\n", "主要问题有：\n"]
CAUSES = ["", "\n究其原因，主要是对法治建设重视不够、投入不足。"]
HEADINGS = ["二、存在的不足和原因", "二、存在的问题", "二、2023年度推进法治政府建设存在的不足", "二、工作中存在的困难和问题"]
_HEAD = ("桃山镇2023年法治政府建设情况报告\n2023年，桃山镇坚持依法行政。现将有关情况报告如下：\n一、主要举措和成效\n"
         "（一）加强组织领导。全年召开专题会议4次。\n（二）规范执法。办理案件15件。\n")
_TAIL = "\n三、2024年工作安排\n（一）加强学法。\n（二）充实执法力量。\n\n桃山镇人民政府\n2024年1月12日"


@pytest.mark.parametrize("n", [2, 3, 4])
def test_every_usual_way_of_listing_shortcomings_gives_the_items(n):
    items, wrong, tried = ITEMS[:n], [], 0
    for (style, body), intro, causes, heading in itertools.product(list(_styles(ITEMS[:n])), INTROS, CAUSES, HEADINGS):
        texts = shortcoming_items(split_sections(normalize_text(_HEAD + heading + "\n" + intro + body + causes + _TAIL)))["text"]
        tried += 1
        if len(texts) != n or not all(items[i].split("，")[0] in texts.iloc[i] for i in range(n)):
            wrong.append((style, intro[:8], causes[:4], heading, texts.str[:12].tolist()))
    assert tried >= 240
    assert not wrong, wrong
