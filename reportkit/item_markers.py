"""Where the items of a part begin, and where a part that also holds the plans turns to them.

Item markers inside a part, beyond the heading styles (第一，… and 一是…), count only at the start of a line, of
a sentence or (一是) of a clause. `shortcomings` cuts its items by them; `indicators` needs the turn to the plans
(存在的不足及下一步打算 … 下一步，我镇将…) to tell next year's targets from the year's figures, and must not
depend on `shortcomings` (its themes and tokenizer are the terms stage's, not the parse stage's).
"""
from __future__ import annotations

import re

from .chinese import (CIRCLED_MARKER, DECIMAL_MARKER, LABELLED_MARKER, MARKER_STYLES, ORDINAL_MARKER, QI_MARKER,
                      SHI_MARKER, marker_number)

ITEM_STYLES = [*MARKER_STYLES, ("di", 1, ORDINAL_MARKER), ("qi", 1, QI_MARKER), ("circled", 6, CIRCLED_MARKER),
               ("decimal", 5, DECIMAL_MARKER), ("labelled", 1, LABELLED_MARKER)]
# An item marker counts only at the start of a line, of a sentence or (一是) of a clause.
ITEM_BOUNDARY = set("\n。；;：:！!？?…")  # … too: a snippet or an elision before the next item
_SHI_BOUNDARY = ITEM_BOUNDARY | set("，, ")


def at_boundary(body: str, pos: int, boundary: set[str]) -> bool:
    while pos > 0 and body[pos - 1] == " ":
        pos -= 1
    return pos == 0 or body[pos - 1] in boundary


def marker_hits(body: str) -> tuple[dict[str, list[tuple[int, int, int]]], list[tuple[int, int, int]]]:
    """(start, content_start, number) of BODY's item markers: per heading-like style, and of 一是."""
    hits: dict[str, list[tuple[int, int, int]]] = {}
    for pos in range(len(body)):
        if body[pos] in " \n" or not at_boundary(body, pos, ITEM_BOUNDARY):
            continue
        for style, _, pattern in ITEM_STYLES:
            match = pattern.match(body, pos)
            if match:
                hits.setdefault(style, []).append((pos, match.end(), marker_number(match.group("n"))))
                break
    shi = [(m.start(), m.end(), marker_number(m.group("n"))) for m in SHI_MARKER.finditer(body)
           if at_boundary(body, m.start(), _SHI_BOUNDARY)]
    return hits, shi


# Where a part that also holds the plans turns to them, with no heading of their own (存在的问题和下一步
# 打算\n一是…二是…。下一步，我镇将一是…): a sentence that opens with next steps or answers 上述问题.
_TO_PLANS = re.compile(r"[。！？!?；;\n]\s*(?=(?:下一步|下步|今后|下一阶段|下阶段|下一年度?|明年)(?:工作)?"
                       r"(?:打算|计划|措施|思路|安排|方向)?\s*[，,：:]|(?:针对|对于|对照|对此|面对)(?:上述|以上|这些)"
                       r"(?:问题|不足|短板)|(?:下一步|下步)[，,]?我[镇乡街]|我[镇乡](?:街道)?将)")


def before_plans(body: str) -> str:
    """BODY up to the sentence where it turns to the plans: once an item has been listed, and when
    the numbering does not go on after it (一是…。针对这一问题，我镇已…。二是… pairs each problem with
    its remedy) — the whole body when there is no such sentence."""
    turns = list(_TO_PLANS.finditer(body))
    if not turns:
        return body
    hits, shi = marker_hits(body)
    markers = sorted((start, n) for start, _, n in [*shi, *(h for style in hits.values() for h in style)])
    for m in turns:
        cut = m.start() + 1
        before = [n for start, n in markers if start < cut]
        if not before:
            continue  # 但仍存在不足。我镇将主要问题梳理如下：一是… introduces the list
        after = [n for start, n in markers if start >= cut]
        if not after or after[0] <= before[-1]:  # nothing numbered after it, or a list of its own
            return body[:cut]
    return body


def plans_offset(body: str) -> int | None:
    """Where the BODY of a part that also holds the plans (存在的不足及下一步打算) turns to them, as its
    items end (`before_plans`); None when it never does."""
    cut = len(before_plans(body))
    return cut if cut < len(body.rstrip()) else None
