"""Lets the run's one writer have the machine to itself while it loads.

With the default threads runner, the load shares two cores and one GIL with the stages of
the next batches: measured, a 100k-fact load went in at ~535k facts/s alone and at
280-330k next to two busy stage threads, whatever their OS priority (the GIL does not
follow it). So the stages pass `checkpoint()` between documents, and while the writer
holds `exclusive()` they wait there; a load takes a fraction of a second, which the
stages lose and the load gains. Stages run in other processes (the processes and Dask
runners) never wait: the gate is per process.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

# Long enough for any stage to reach its next document, short enough that a stage with
# none (a 100 MB single line) only slows the load, never stops the run.
DEFAULT_PARK_TIMEOUT = 2.0


class WorkGate:
    """Worker threads run stages inside `working()` and call `checkpoint()` between units
    of work; `exclusive()` waits (at most `timeout` seconds) until every such thread has
    reached a checkpoint, and keeps them there until it ends."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._exclusive = 0
        self._working = 0
        self._thread = threading.local()

    @contextmanager
    def working(self) -> Iterator[None]:
        """This thread's stage work: waits while a load runs, then counts as busy."""
        if self._holds("working"):
            yield  # nested: already counted
            return
        with self._condition:
            if not self._holds("exclusive"):  # the writer's own stage work goes ahead
                self._condition.wait_for(lambda: not self._exclusive)
            self._working += 1
        self._thread.working = True
        try:
            yield
        finally:
            self._thread.working = False
            with self._condition:
                self._working -= 1
                self._condition.notify_all()

    def checkpoint(self) -> None:
        """Between units of work: wait here while a load runs (only inside `working()`)."""
        if not self._exclusive or not self._holds("working"):
            return  # the usual case, without taking the lock
        if self._holds("exclusive"):
            return  # the writer's own work
        with self._condition:
            self._working -= 1
            self._condition.notify_all()
            self._condition.wait_for(lambda: not self._exclusive)
            self._working += 1

    @contextmanager
    def exclusive(self, timeout: float = DEFAULT_PARK_TIMEOUT) -> Iterator[float]:
        """Hold the working threads at their checkpoints for the block; yields the seconds
        waited for them to get there (`timeout` at most, then the block runs anyway)."""
        started = time.perf_counter()
        own = 1 if self._holds("working") else 0  # a writer inside a stage
        with self._condition:
            self._exclusive += 1
            self._condition.wait_for(lambda: self._working <= own, timeout)
        held, self._thread.exclusive = self._holds("exclusive"), True
        try:
            yield time.perf_counter() - started
        finally:
            self._thread.exclusive = held
            with self._condition:
                self._exclusive -= 1
                self._condition.notify_all()

    def _holds(self, state: str) -> bool:
        return getattr(self._thread, state, False)

    @property
    def working_threads(self) -> int:
        """Threads inside `working()` and not waiting at a checkpoint."""
        with self._condition:
            return self._working


WORK_GATE = WorkGate()
working = WORK_GATE.working
checkpoint = WORK_GATE.checkpoint
exclusive = WORK_GATE.exclusive
