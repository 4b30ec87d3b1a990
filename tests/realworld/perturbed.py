"""The development set's pages changed the small ways real copies of a page differ, to check the promise
that a report's town is right or empty (never a neighbour's, a clause's fragment or a name with its county
glued on) and its level right or unknown:

    from_part_one      a copy that starts at 一、 (title and opening left behind)
    tail_60            only the last 60 % of the page, starting mid-sentence
    siblings_above     the county site's list of its other towns' reports above the page (· 甲镇2023年…报告)
    neighbour_in_body  a neighbouring town of the same county named twice after the opening
                       (组织干部赴甲镇学习交流…，并邀请甲镇司法所所长…)

Each page is read as the build reads a .txt (normalize_text, split_chrome, infer_metadata); a page counts
only when the page itself is read right. The full probe, with fifteen more kinds (no title, a header of
another county's site, the county glued or removed, 我镇 for the name, Traditional script, punctuation,
no line breaks), was run in December 2026 (all 741 pages: 1,410 wrong towns and 681 wrong levels before,
1 and 1 after, both explained in the README).

    python -m tests.realworld.perturbed [KIND …]    # the pages read wrong so
"""
from __future__ import annotations

import random
import re
import zlib

KINDS = ("from_part_one", "tail_60", "siblings_above", "neighbour_in_body")
_CLAUSE = re.compile(r"[，,。；;]")
_PART_ONE = re.compile(r"^\s*(?:第一部分|一[、.．，,]|一是)")


def _first_body(lines: list[str]) -> int | None:
    """The first paragraph of the body: a line of 45 characters or more with two clause marks."""
    return next((i for i, line in enumerate(lines) if len(line.strip()) >= 45 and len(_CLAUSE.findall(line)) >= 2
                 and not re.match(r"^(索引号|- |\||来源|发布)", line.strip())), None)


def _siblings(case: dict, n: int, rng: random.Random) -> list[str]:
    """N other towns of the page's county (the gazetteer's), or none when its county is not one unit."""
    from reportkit.places import counties_named, towns_of_county

    codes = {c.adcode for c in counties_named(case.get("county") or "")}
    if len(codes) != 1:
        return []
    towns = [t.town for t in towns_of_county(codes.pop()) if t.town != case.get("town")]
    return rng.sample(towns, min(n, len(towns)))


def perturbed(text: str, case: dict, kind: str) -> str | None:
    """TEXT changed as KIND says, or None when KIND does not apply to the page."""
    lines = text.split("\n")
    rng = random.Random(zlib.crc32(f"{case['id']}/{kind}".encode()))
    body = _first_body(lines)
    if kind == "from_part_one":
        part = next((k for k in range(body, len(lines)) if _PART_ONE.match(lines[k])), None) if body is not None else None
        return "\n".join(lines[part:]) if part is not None else None
    if kind == "tail_60":
        at = int(len(text) * 0.4)
        while 0 < at < len(text) - 1 and text[at - 1] in "。\n；;：:":
            at += 1
        return text[at:]
    towns = _siblings(case, 3 if kind == "siblings_above" else 1, rng)
    if not towns:
        return None
    if kind == "siblings_above":
        year = int(case.get("year") or 2023)
        return "".join(f"· {town}{year}年法治政府建设年度报告\n" for town in towns) + text
    if kind == "neighbour_in_body" and body is not None:
        town = towns[0]
        lines.insert(body + 1, f"组织干部赴{town}学习交流法治政府建设经验，并邀请{town}司法所所长开展专题讲座。")
        return "\n".join(lines)
    return None


def read(text: str) -> dict:
    """Whose report TEXT is, as the build reads a .txt."""
    from reportkit.metadata import infer_metadata
    from reportkit.normalize import normalize_text
    from reportkit.pagechrome import split_chrome

    text, page = split_chrome(normalize_text(text))
    return infer_metadata(text, hints=page.as_hints())


def _verdict(meta: dict, case: dict, norm) -> tuple[str, str]:
    want = norm(case.get("town") if case.get("level") != "county" else "")
    got = norm(meta["town"])
    town = "right" if got == want else "empty" if not got else "wrong"
    level = "right" if meta["level"] == case["level"] else "unknown" if meta["level"] == "unknown" else "wrong"
    return town, level


def wrong_reads(cases: dict[str, dict], kinds=KINDS) -> list[str]:
    """Every page read right as it is and wrong (not empty, not unknown) once changed, as 'id kind: …'."""
    from .accuracy import norm

    found = []
    for case_id, case in cases.items():
        case = {**case, "id": case_id}
        text = case["path"].read_text(encoding="utf-8")
        before = _verdict(read(text), case, norm)
        for kind in kinds:
            if (new := perturbed(text, case, kind)) is None:
                continue
            meta = read(new)
            after = _verdict(meta, case, norm)
            for field, was, now, got in (("town", before[0], after[0], meta["town"]),
                                         ("level", before[1], after[1], meta["level"])):
                if was == "right" and now == "wrong":
                    found.append(f"{case_id} {kind}: {field} {got!r} ({meta['town_source']}), expected "
                                 f"{case.get('town') if field == 'town' else case['level']!r}")
    return found


if __name__ == "__main__":  # pragma: no cover
    import sys

    from .accuracy import load_cases

    print("\n".join(wrong_reads(load_cases(), tuple(sys.argv[1:]) or KINDS)) or "no wrong reads")
