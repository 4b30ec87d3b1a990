"""`reportkit build | check`: the command line. Heavy libraries load only inside the commands."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from .config import DEFAULT_CACHE_DIR, DEFAULT_OUT_DIR, DEFAULT_RAW_DIR


def _manifest_for(raw_dir: Path, given: Path | None, disabled: bool) -> Path | None:
    """--manifest wins; otherwise manifest.csv beside the raw folder (data/manifest.csv) if present."""
    if disabled:
        return None
    if given is not None:
        return given
    default = raw_dir.parent / "manifest.csv"
    return default if default.exists() else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportkit", description="Township rule-of-law annual reports → tidy tables.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("raw_dir", nargs="?", type=Path, default=DEFAULT_RAW_DIR,
                       help="folder of report files (default: data/raw)")
        p.add_argument("--manifest", type=Path, default=None,
                       help="CSV of what you know about each file (default: manifest.csv beside RAW_DIR, if present)")
        p.add_argument("--no-manifest", action="store_true", help="ignore any manifest: infer everything from the text")
        p.add_argument("--max-mb", type=float, default=None, help="largest file to read, in MB (default 50)")
        p.add_argument("--timeout", type=float, default=None, help="seconds one file may take (default 120)")

    b = sub.add_parser("build", help="build all tables from RAW_DIR")
    common(b)
    b.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output folder (default: data/processed)")
    b.add_argument("--cache", type=Path, default=DEFAULT_CACHE_DIR, help="per-document cache (default: data/interim)")
    b.add_argument("--no-cache", action="store_true", help="recompute everything, write no cache")
    b.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")

    c = sub.add_parser("check", help="list problems with the files and the manifest without building")
    common(c)
    return parser


def _limits(args):
    from .config import Limits

    values = {}
    if args.max_mb:
        values["max_file_bytes"] = int(args.max_mb * 2**20)
    if args.timeout:
        values["seconds_per_file"] = args.timeout
    return Limits(**values)


def _build(args) -> int:
    from .build import BuildReport, build

    report = BuildReport()
    manifest = _manifest_for(args.raw_dir, args.manifest, args.no_manifest)
    tables = build(args.raw_dir, manifest=manifest, out=args.out, cache_dir=None if args.no_cache else args.cache,
                   jobs=args.jobs, limits=_limits(args), progress=not args.quiet, report=report)
    if not args.quiet:
        problems = tables["build_log"][tables["build_log"]["status"] != "ok"]
        for row in problems.itertuples():
            print(f"  {row.status:8s} {row.file}: {row.message}", file=sys.stderr)
        print(f"reportkit build: {len(tables['documents'])} reports from {report.summary()} → {args.out} "
              f"({report.seconds.get('total', 0):.1f} s)", file=sys.stderr)
    return 0


def _check(args) -> int:
    from .build import plan, run_job

    limits = _limits(args)
    manifest = _manifest_for(args.raw_dir, args.manifest, args.no_manifest)
    jobs, rows, _, manifest_problems = plan(args.raw_dir, manifest, limits=limits)
    for job in jobs:
        job.stages = ("parse",)
        outcome = run_job(job)
        rows.append({"file": job.file, "status": outcome.status, "message": "; ".join(outcome.messages)})
    rows += [{"file": "manifest", "status": "warning", "message": p} for p in manifest_problems]
    problems = [r for r in sorted(rows, key=lambda r: r["file"]) if r["status"] != "ok"]
    for row in problems:
        print(f"{row['status']:8s} {row['file']}: {row['message']}")
    counts = {s: sum(r["status"] == s for r in rows) for s in ("ok", "warning", "error", "skipped")}
    print(f"reportkit check: {len(rows)} entries: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG
    try:
        return {"build": _build, "check": _check}[args.command](args)
    except (FileNotFoundError, ValueError) as exc:  # the build itself cannot run: one line, non-zero
        print(f"reportkit {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
