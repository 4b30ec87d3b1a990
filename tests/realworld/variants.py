"""The development set's township pages rewritten the ways other sites and files present the same
report, to check that whose report it is does not hang on one page's wording:

    county_glued   the county written before the town where the title or opening names it
                   (2022年余杭区仁和街道认真… for 2022年仁和街道认真…), as many sites and titles do
    header_lines   the party committee's and the government's lines above the page
                   (中共仁和街道委员会 / 仁和街道人民政府), as a report's first page prints them

Only pages whose answer is a township named with its county in the text take part: each variant
should give the same town, county and level as the page itself.
"""
from __future__ import annotations

from pathlib import Path

KINDS = ("county_glued", "header_lines")
_HEAD_LINES = 4  # the title and the opening are in the first lines


def _county_glued(text: str, town: str, county: str) -> str | None:
    lines = text.split("\n")
    head = "\n".join(lines[:_HEAD_LINES])
    if town not in head or county + town in head:
        return None
    return "\n".join([head.replace(town, county + town, 1), *lines[_HEAD_LINES:]])


def _header_lines(text: str, town: str) -> str:
    return f"中共{town}委员会\n{town}人民政府\n{text}"


def variant_cases(cases: dict[str, dict], kind: str, folder: Path) -> dict[str, dict]:
    """The cases of KIND (a name of KINDS), their texts written to FOLDER under the cases' names."""
    variants = {}
    for case_id, case in cases.items():
        town, county = case.get("town", ""), case.get("county", "")
        if case.get("level") != "township" or not town or not county or case.get("county_evidence") != "text":
            continue
        text = case["path"].read_text(encoding="utf-8")
        new = _county_glued(text, town, county) if kind == "county_glued" else _header_lines(text, town)
        if new is None:
            continue
        path = folder / case["path"].name
        path.write_text(new, encoding="utf-8")
        variants[case_id] = {key: case[key] for key in ("id", "level", "town", "county", "county_evidence")
                             if key in case} | {"path": path}
    return variants


def main() -> None:  # pragma: no cover - a look at one kind's texts
    import sys
    import tempfile

    from .accuracy import build_cases, load_cases, score

    kind = sys.argv[1] if len(sys.argv) > 1 else KINDS[0]
    with tempfile.TemporaryDirectory() as tmp:
        variants = variant_cases(load_cases(), kind, Path(tmp))
        tallies = score(variants, build_cases(variants))
    for field in ("town", "level", "county", "county_built"):
        tally = tallies[field]
        sys.stdout.write(f"{field:14s} {tally.right}/{tally.total}\n" + "".join(f"  {m}\n" for m in tally.misses))


if __name__ == "__main__":
    main()
