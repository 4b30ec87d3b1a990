"""`reportkit build | check`: the command line. Heavy libraries load only inside the commands."""
from __future__ import annotations

import argparse
import functools
import logging
import os
import signal
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
    try:
        return default if default.is_file() else None  # a FIFO there would hang the reading
    except OSError:  # a raw folder path too long: said when the raw folder is opened
        return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reportkit", description="Township rule-of-law annual reports → tidy tables.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("raw_dir", nargs="?", type=Path, default=DEFAULT_RAW_DIR,
                       help="folder of report files (default: data/raw)")
        manifest = p.add_mutually_exclusive_group()  # (both at once: which one was meant?)
        manifest.add_argument("--manifest", type=Path, default=None,
                              help="CSV of what you know about each file (default: manifest.csv beside RAW_DIR, if present)")
        manifest.add_argument("--no-manifest", action="store_true", help="ignore any manifest: infer everything from the text")
        p.add_argument("--max-mb", type=float, default=None, help="largest file to read, in MB (default 50)")
        p.add_argument("--timeout", type=float, default=None, help="seconds one file may take (default 120)")
        p.add_argument("--max-pages", type=int, default=None, help="PDF pages read per file (default 300)")
        p.add_argument("--max-memory", type=float, default=None,
                       help="memory in MB a worker process may take for one file (default 2048)")

    b = sub.add_parser("build", help="build all tables from RAW_DIR")
    common(b)
    b.add_argument("--out", type=Path, default=DEFAULT_OUT_DIR, help="output folder (default: data/processed)")
    cache = b.add_mutually_exclusive_group()
    cache.add_argument("--cache", type=Path, default=DEFAULT_CACHE_DIR, help="per-document cache (default: data/interim)")
    cache.add_argument("--no-cache", action="store_true", help="recompute everything, write no cache")
    b.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    b.add_argument("--refit-themes", action="store_true",
                   help="fit the shortcoming clusters again (by default a corpus of more than 4,000 items keeps "
                        "them while it grows by less than 10%%)")
    b.add_argument("--tokenizer", choices=("jieba", "rjieba"), default=None,
                   help="tokenising engine (default: $REPORTKIT_TOKENIZER or jieba; rjieba is optional and faster)")

    c = sub.add_parser("check", help="list problems with the files and the manifest without building")
    common(c)
    c.add_argument("--jobs", type=int, default=None, help="worker processes (default: 1)")
    return parser


# The largest values an option may take: beyond them a limit is no limit (a size the memory cannot
# hold, a timeout past the clock's range).
_HIGHEST = {"max_mb": 4096, "timeout": 7 * 24 * 3600, "max_pages": 100_000, "max_memory": 1 << 20, "jobs": 1024}


def _config(args):
    """The BuildConfig of the command line's options (the tokenizer defaults to $REPORTKIT_TOKENIZER)."""
    from .config import BuildConfig, Limits

    for option in ("max_mb", "timeout", "max_pages", "max_memory", "jobs"):
        value = getattr(args, option, None)
        if value is not None and not (0 < value < float("inf")):
            raise ValueError(f"--{option.replace('_', '-')} must be a number above 0, not {value}")
        if value is not None and value > _HIGHEST[option]:
            raise ValueError(f"--{option.replace('_', '-')} {value:g} is more than this machine can use; "
                             f"give at most {_HIGHEST[option]:,}")
    values = {}
    if args.max_mb is not None:
        values["max_file_bytes"] = int(args.max_mb * 2**20)
    if args.timeout is not None:
        values["seconds_per_file"] = args.timeout
    if args.max_pages is not None:
        values["max_pdf_pages"] = args.max_pages
    if args.max_memory is not None:
        values["max_memory_bytes"] = int(args.max_memory * 2**20)
    tokenizer = {"tokenizer": args.tokenizer} if getattr(args, "tokenizer", None) else {}
    return BuildConfig(limits=Limits(**values), jobs=args.jobs, **tokenizer)


def _given_manifest(args) -> Path | None:
    manifest = _manifest_for(args.raw_dir, args.manifest, args.no_manifest)
    if args.manifest is not None and not args.no_manifest:
        from .problems import os_reason

        try:
            found = args.manifest.is_file()
        except OSError as exc:  # a path too long
            raise ValueError(f"--manifest {args.manifest} cannot be used ({os_reason(exc)})") from None
        if not found:
            raise FileNotFoundError(f"--manifest {args.manifest} is not a file; give the manifest's path, or "
                                    "--no-manifest to build without one")
    return manifest


def _build(args) -> int:
    from .pipeline.build import BuildReport, build

    report = BuildReport()
    manifest = _given_manifest(args)
    tables = build(args.raw_dir, manifest=manifest, out=args.out, cache_dir=None if args.no_cache else args.cache,
                   config=_config(args), progress=not args.quiet, report=report, refit_themes=args.refit_themes)
    if not args.quiet:
        from .problems import printable  # a name or a manifest cell cannot forge a line or drive the terminal

        problems = tables["build_log"][tables["build_log"]["status"] != "ok"]
        for row in problems.itertuples():
            print(printable(f"  {row.status:8s} {row.file}: {row.message}"), file=sys.stderr)
        manifest_problems = tables.get("manifest_log")
        for row in manifest_problems.itertuples() if manifest_problems is not None else ():
            print(printable(f"  {row.status:8s} {row.file} line {row.line}: {row.message}"), file=sys.stderr)
        reports = "1 report" if report.n_documents == 1 else f"{report.n_documents} reports"
        print(f"reportkit build: {reports} from {report.summary()} → {args.out} "
              f"({report.seconds.get('total', 0):.1f} s)", file=sys.stderr)
    return 0


def _check(args) -> int:
    """Parse every file (no cache, no outputs) and print the problems: per file, then the manifest's."""
    from .pipeline.build import check

    manifest = _given_manifest(args)
    found = check(args.raw_dir, manifest=manifest, config=_config(args), jobs=args.jobs or 1)
    from .problems import printable

    build_log, manifest_log = found["build_log"], found["manifest_log"]
    for row in build_log[build_log["status"] != "ok"].itertuples():
        print(printable(f"{row.status:8s} {row.file}: {row.message}"))
    for row in manifest_log.itertuples():
        print(printable(f"{row.status:8s} {row.file} line {row.line}: {row.message}"))
    counts = build_log["status"].value_counts()
    print(f"reportkit check: {len(build_log)} files: "
          + ", ".join(f"{counts.get(s, 0)} {s}" for s in ("ok", "warning", "error", "skipped"))
          + (f"; {len(manifest_log)} manifest problems" if len(manifest_log) else ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("jieba").setLevel(logging.WARNING)  # jieba logs its dictionary loading at DEBUG
    # A stop asked for by `kill`, `timeout` or a notebook's kernel (SIGTERM) ends the build as Ctrl-C
    # does: its work folders are removed and the previous tables stay.
    signal.signal(signal.SIGTERM, functools.partial(_interrupt, os.getpid()))
    try:
        return {"build": _build, "check": _check}[args.command](args)
    except KeyboardInterrupt:
        return _interrupted(args)
    except (FileNotFoundError, ValueError) as exc:  # the build cannot run: one line, nothing written
        return _fail(args, exc, 2)
    except OSError as exc:  # it ran but its tables could not be written (disk full): the old ones stay
        return _fail(args, exc, 1)
    except RuntimeError as exc:
        # Python 3.11 wraps a Ctrl-C that lands while a class is made (a lazy import) in a RuntimeError
        # ("Error calling __set_name__"): still an interrupt
        if not isinstance(exc.__cause__, KeyboardInterrupt):
            raise
        return _interrupted(args)


def _interrupted(args) -> int:
    kept = "; the previous tables are unchanged" if args.command == "build" else ""
    print(f"reportkit {args.command}: interrupted{kept}", file=sys.stderr)
    _forget_interrupt_left_unhandled()
    return 130


def _interrupt(main_pid: int, signum, frame) -> None:
    if os.getpid() == main_pid:
        raise KeyboardInterrupt
    signal.signal(signum, signal.SIG_DFL)  # a worker forked from the build: end as a worker ends
    os.kill(os.getpid(), signum)


def _forget_interrupt_left_unhandled() -> None:
    # CPython notes a KeyboardInterrupt that leaves a string eval as unhandled, even when a caller then
    # catches it, and under `python -m` ends the process by SIGINT (status -2, not 130) whatever main
    # returns. A Ctrl-C landing in the lazy imports at a build's start does that: namedtuple makes its
    # classes with eval. Each string eval clears that note as it starts.
    eval("None")  # a constant: nothing read from input runs


def _fail(args, exc: Exception, status: int) -> int:
    from .problems import printable
    from .problems import os_reason

    message = exc  # reportkit's own errors say what and where; the system's name the file
    if isinstance(exc, OSError) and exc.errno is not None:
        message = f"{exc.filename}: {os_reason(exc)}" if exc.filename else os_reason(exc)
    print(printable(f"reportkit {args.command}: {message}"), file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
