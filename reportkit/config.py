"""Paths and defaults. Nothing here touches the disk at import time."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

RESOURCES = resources.files("reportkit") / "resources"

DEFAULT_RAW_DIR = Path("data/raw")
DEFAULT_MANIFEST = Path("data/manifest.csv")
DEFAULT_OUT_DIR = Path("data/processed")
DEFAULT_CACHE_DIR = Path("data/interim")
DEFAULT_FIGURES_DIR = Path("figures")

SUPPORTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")


@dataclass(frozen=True)
class Limits:
    """Guards against hostile or pathological input files."""

    max_file_bytes: int = 50 * 1024 * 1024  # a report is ~10-100 kB; 50 MB is already a paste of many
    max_unzipped_bytes: int = 200 * 1024 * 1024  # .docx: declared and actual uncompressed size
    max_zip_ratio: float = 200.0  # .docx members compressed beyond this ratio are refused
    max_zip_members: int = 5000  # .docx parts; Word writes a few dozen
    max_pdf_pages: int = 300  # pages beyond this are not read (a warning says so)
    max_chars: int = 5_000_000  # text longer than this is truncated with a warning
    seconds_per_file: float = 120.0


def resource_path(name: str) -> Path:
    """Filesystem path of a bundled resource file (reportkit/resources/NAME)."""
    return Path(str(RESOURCES / name))
