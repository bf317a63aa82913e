"""Waiting for a lock another process holds: the one poll-until-deadline loop."""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

POLL_SECONDS = 0.2

_T = TypeVar("_T")


def retry_until(deadline: float, attempt: Callable[[], _T], *, busy: Callable[[Exception], bool],
                gave_up: Callable[[Exception], BaseException], interval: float = POLL_SECONDS) -> _T:
    """What `attempt()` returns, trying again every `interval` seconds while it raises an
    exception for which `busy(error)` is true.

    Once `deadline` (a time.monotonic() value) has passed, the exception `gave_up(error)`
    builds from the last refusal is raised instead. Any other exception propagates at once.
    """
    while True:
        try:
            return attempt()
        except Exception as error:
            if not busy(error):
                raise
            if time.monotonic() >= deadline:
                raise gave_up(error) from None
        time.sleep(interval)
