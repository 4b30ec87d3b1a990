"""A whole report with its parts numbered every usual way (一、 一. 一． 一， 一 、 第一部分 第一部分、 第一、 【一】, or not at all) and its
sub-headings every usual way (（一） (一) 1. 1、 （1）, on their own line or run into their body, or
一是… items that are no headings): every part and sub-heading must be found at its level, with its
part's type. (Written as a probe; it found a short report whose one-sentence lines are of like length
taken for a printed text and its lines joined.)"""
from __future__ import annotations

import itertools

from reportkit.normalize import normalize_text
from reportkit.sections import split_sections

_CN = "一二三四五"
PART_STYLES = {"一、": "{}、", "一.": "{}.", "一．": "{}．", "一，": "{}，", "一 、": "{} 、", "第一部分": "第{}部分 ",
               "第一部分、": "第{}部分、", "第一、": "第{}、", "【一】": "【{}】",
               "no number": ""}  # Word's automatic numbering, lost in a copy: the parts are bare lines
SUB_STYLES = {"（一）": lambda j: f"（{_CN[j]}）", "(一)": lambda j: f"({_CN[j]})", "1.": lambda j: f"{j + 1}.",
              "1、": lambda j: f"{j + 1}、", "（1）": lambda j: f"（{j + 1}）", "一是": None}
PARTS = [("2023年推进法治政府建设的主要举措和成效", "measures", ["加强组织领导", "规范行政执法", "深化普法宣传"]),
         ("党政主要负责人履行推进法治建设第一责任人职责情况", "leadership", ["带头学法", "亲自部署"]),
         ("存在的不足和原因", "shortcomings", None),
         ("2024年推进法治政府建设的主要安排", "plans", ["加强学法", "充实执法力量"])]
BODIES = ["镇党委高度重视，全年召开会议4次。", "坚持问题导向，建立健全工作机制，开展专项检查12次，发现并整改问题8个，群众满意度明显提升。",
          "落实责任。"]


def _report(part_style: str, sub, run_in: bool) -> tuple[str, list[tuple[int, str]]]:
    lines = ["桃山镇2023年法治政府建设情况报告", "2023年，桃山镇坚持依法行政。现将有关情况报告如下："]
    want = []
    for i, (title, kind, subs) in enumerate(PARTS):
        lines.append(part_style.format(_CN[i]) + title)
        want.append((1, kind))
        if subs is None:
            lines.append("一是干部法治意识不强；二是执法力量不足。")
            continue
        for j, words in enumerate(subs):
            body = BODIES[j % len(BODIES)]
            if sub is None:
                lines.append(f"{_CN[j]}是{words}，{body}")
                continue
            lines += [sub(j) + words + "。" + body] if run_in else [sub(j) + words, body]
            want.append((2, kind))
    return "\n".join([*lines, "", "桃山镇人民政府", "2024年1月12日"]), want


def test_every_usual_numbering_of_parts_and_sub_headings_is_read():
    wrong, tried = [], 0
    for (part_name, part_style), (sub_name, sub), run_in in itertools.product(PART_STYLES.items(), SUB_STYLES.items(),
                                                                             [False, True]):
        if sub is None and run_in:
            continue
        text, want = _report(part_style, sub, run_in)
        sections = split_sections(normalize_text(text))
        got = [(int(level), kind) for level, kind in zip(sections["level"], sections["section_type"]) if level > 0]
        tried += 1
        if got != want:
            wrong.append((part_name, sub_name, run_in, got))
    assert tried == 110
    assert not wrong, wrong
