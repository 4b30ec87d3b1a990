"""How many indicators get a category, on a folder of report texts.

    python benchmarks/indicator_coverage.py data/raw                        # seeds
    python benchmarks/indicator_coverage.py tests/realworld/cases --top 40  # development set
    python benchmarks/indicator_coverage.py FOLDER --show                   # every uncategorised row

Each text is read, normalised, split into sections and searched for indicators exactly as the
build's parse stage does (public API: extract, normalize_text, split_sections, extract_indicators;
no manifest, no cache, nothing written). Printed: the number of texts and indicators, the share
without a category, the categories and unit kinds found, and the most common uncategorised
subjects with their units. The target (issue 15) is at most 10 % uncategorised.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import pandas as pd


def indicators_of_folder(folder: Path) -> pd.DataFrame:
    """The indicators of every readable *.txt/*.docx/*.pdf/*.html file under FOLDER (doc_id = file name)."""
    import reportkit as rk

    frames = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".txt", ".docx", ".pdf", ".html", ".htm"):
            continue
        try:
            extracted = rk.extract(path.read_bytes(), path.suffix, name=path.name, limits=rk.Limits())
        except rk.ReadError as error:
            print(f"{path.name}: skipped ({error})", file=sys.stderr)
            continue
        text = rk.normalize_text(extracted.text)
        sections = rk.split_sections(text, doc_id=path.name)
        frames.append(rk.extract_indicators(text, doc_id=path.name, sections=sections))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def report(table: pd.DataFrame, *, top: int = 25, show: bool = False) -> str:
    """The coverage summary of an indicators table, as text."""
    if table.empty:
        return "no indicators"
    n_docs = table["doc_id"].nunique()
    blank = table[table["category"] == ""]
    lines = [
        f"texts with indicators: {n_docs}",
        f"indicators: {len(table)}",
        f"uncategorised: {len(blank)} ({len(blank) / len(table):.1%})",
        f"without a subject: {int((table['subject'] == '').sum())}",
        "",
        "categories: " + ", ".join(f"{c or '—'} {n}" for c, n in table["category"].value_counts().items()),
    ]
    if "unit_kind" in table:
        lines.append("unit kinds: " + ", ".join(f"{k} {n}" for k, n in table["unit_kind"].value_counts().items()))
    lines += ["", f"most common uncategorised subjects (of {len(blank)}):"]
    counts = Counter(zip(blank["subject"], blank["unit"]))
    for (subject, unit), n in counts.most_common(top):
        lines.append(f"  {n:3d}  {subject or '（无）'}  [{unit}]")
    if show:
        lines += ["", "every uncategorised indicator:"]
        for row in blank.itertuples():
            lines.append(f"  {row.doc_id}  {row.span}  → {row.subject or '（无）'} [{row.unit}]  | {row.sentence[:80]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=25, help="uncategorised subjects listed")
    parser.add_argument("--show", action="store_true", help="list every uncategorised indicator")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder} is not a folder of report texts")
    print(report(indicators_of_folder(args.folder), top=args.top, show=args.show))


if __name__ == "__main__":
    main()
