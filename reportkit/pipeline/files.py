"""Files of the build's working folders (the cache, or a temporary folder) replaced whole."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def replace_file(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """PATH replaced by what WRITE(handle) writes, or left as it was: written under a name nobody can
    guess and created here (a link planted in a shared cache folder is never written through), then
    renamed over PATH (a half-written file is never read; a link at PATH is replaced, not followed).
    Raises OSError when the folder cannot be written."""
    tmp = path.with_name(f"{path.name}.tmp{os.getpid()}-{os.urandom(4).hex()}")
    try:
        with open(tmp, "xb") as handle:
            write(handle)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
