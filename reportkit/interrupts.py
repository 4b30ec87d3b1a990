"""Ctrl-C and `kill` (SIGINT, SIGTERM) held for a few steps that must not stop half-way, then delivered.

Python raises KeyboardInterrupt wherever the main thread is when the signal comes. Between making a
thing that must be cleaned up (a lock file, a staging folder, a forked worker) and noting it, that
left it behind: a build stopped at that moment kept its lock and work folder beside --out.
"""
from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def interrupts_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM inside the block, then deliver those that came, to the handlers set before it."""
    import threading

    before = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    if threading.current_thread() is not threading.main_thread() or None in before.values():
        yield  # (only the main thread sets handlers; one set outside Python cannot be put back)
        return
    caught: list[int] = []
    holder = os.getpid()

    def hold(signum, frame) -> None:
        if os.getpid() == holder:
            caught.append(signum)
            return
        # A process forked inside the block (a worker) never leaves it: held, a `kill` sent to it
        # was lost, and whoever waited for it to end waited for ever. The handler of before decides.
        signal.signal(signum, before[signum])
        signal.raise_signal(signum)

    for signum in before:
        signal.signal(signum, hold)
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)
        for signum in caught:
            signal.raise_signal(signum)
