"""The writer has the cores to itself while it loads: stages wait at their next checkpoint."""
from __future__ import annotations

import shutil
import sys
import threading
import time

import pytest

from pipelines import process
from pipelines.warehouse import BatchWriter
from pipelines.warehouse import writer as batch_writer
from pipelines.work_gate import WORK_GATE, WorkGate


class Worker(threading.Thread):
    """Stage work in steps, with a checkpoint after each, until told to stop."""

    def __init__(self, gate: WorkGate, checkpoints: bool = True):
        super().__init__(daemon=True)
        self.gate, self.checkpoints = gate, checkpoints
        self.steps = 0
        self.stop = threading.Event()
        self.started_work = threading.Event()

    def run(self) -> None:
        with self.gate.working():
            self.started_work.set()
            while not self.stop.is_set():
                self.steps += 1
                if self.checkpoints:
                    self.gate.checkpoint()
                time.sleep(0.001)


def _started(worker: Worker) -> Worker:
    worker.start()
    assert worker.started_work.wait(5)
    return worker


def _finish(worker: Worker) -> None:
    worker.stop.set()
    worker.join(5)
    assert not worker.is_alive()


def test_working_threads_wait_at_their_next_checkpoint_while_the_writer_holds_the_gate():
    gate = WorkGate()
    worker = _started(Worker(gate))
    with gate.exclusive(timeout=5) as waited:
        parked_at = worker.steps
        time.sleep(0.2)
        assert (worker.steps, gate.working_threads) == (parked_at, 0)
    assert waited < 5
    time.sleep(0.2)
    assert worker.steps > parked_at  # and go on afterwards
    _finish(worker)


def test_the_writer_goes_ahead_after_the_timeout_when_a_thread_never_reaches_a_checkpoint():
    gate = WorkGate()
    worker = _started(Worker(gate, checkpoints=False))
    started = time.perf_counter()
    with gate.exclusive(timeout=0.2) as waited:
        assert gate.working_threads == 1
    assert 0.2 <= waited < 2 and time.perf_counter() - started < 2
    _finish(worker)


def test_a_thread_waits_to_start_stage_work_while_the_writer_holds_the_gate():
    gate = WorkGate()
    worker = Worker(gate)
    with gate.exclusive(timeout=5):
        worker.start()
        time.sleep(0.2)
        assert not worker.started_work.is_set()
    assert worker.started_work.wait(5)
    _finish(worker)


def test_a_checkpoint_outside_stage_work_never_waits():
    gate = WorkGate()
    passed = threading.Event()
    with gate.exclusive(timeout=5):
        caller = threading.Thread(target=lambda: (gate.checkpoint(), passed.set()), daemon=True)
        caller.start()
        assert passed.wait(2)


def test_a_writer_inside_stage_work_does_not_wait_for_itself():
    gate = WorkGate()
    with gate.working(), gate.exclusive(timeout=5) as waited:
        assert waited < 1
        gate.checkpoint()  # its own checkpoint does not wait for its own load either


def test_stage_work_the_writer_does_while_it_holds_the_gate_goes_ahead():
    gate = WorkGate()
    done = threading.Event()

    def write() -> None:
        with gate.exclusive(timeout=5), gate.working():
            gate.checkpoint()
            done.set()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    assert done.wait(2)
    writer.join(2)
    assert gate.working_threads == 0


def test_the_batch_writer_loads_while_the_stages_wait(tmp_path, sample_path, monkeypatch):
    copy = tmp_path / "in" / "report.txt"
    copy.parent.mkdir()
    shutil.copy(sample_path, copy)
    result = process.process_path(str(copy), None)
    worker = _started(Worker(WORK_GATE))
    steps_during_loads = []
    real_load_rows = batch_writer.load_rows

    def observed_load_rows(con, batches):
        before = worker.steps
        time.sleep(0.2)
        steps_during_loads.append(worker.steps - before)
        return real_load_rows(con, batches)

    monkeypatch.setattr(batch_writer, "load_rows", observed_load_rows)
    with BatchWriter(str(tmp_path / "w.duckdb"), 0, 0) as writer:
        writer.load([result], "v")
    assert steps_during_loads == [0]
    assert writer.parked_seconds < 2
    _finish(worker)


@pytest.fixture()
def counted_checkpoints(monkeypatch):
    """Calls of the checkpoint process passes to the stages, by the module that calls it
    (structure and duplicates take it as an argument: they import no concurrency)."""
    counts: dict[str, int] = {}

    def counting():
        name = sys._getframe(1).f_globals["__name__"]
        counts[name] = counts.get(name, 0) + 1
    monkeypatch.setattr(process, "checkpoint", counting)
    return counts


def test_every_stage_reaches_a_checkpoint_at_each_document(sample_path, counted_checkpoints):
    result = process.process_path(str(sample_path), None)
    documents = len(result.documents)
    assert documents > 1
    assert counted_checkpoints == {
        "pipelines.duplicates": documents,   # split documents: each compared with the earlier ones
        "pipelines.structure": documents,    # split sections
        "pipelines.process": 2 * documents,  # extract, then check
    }


def test_a_source_in_progress_waits_while_the_writer_holds_the_gate(tmp_path, sample_text, segment):
    path = tmp_path / "long.txt"
    path.write_text(sample_text * 4, encoding="utf-8")
    done: list = []
    source = threading.Thread(target=lambda: done.append(process.process_path(str(path), segment)), daemon=True)
    source.start()
    deadline = time.monotonic() + 10
    while WORK_GATE.working_threads == 0 and time.monotonic() < deadline:
        time.sleep(0.001)
    with WORK_GATE.exclusive(timeout=10) as waited:
        time.sleep(0.3)
        assert source.is_alive() and not done
        assert WORK_GATE.working_threads == 0
    assert waited < 10
    source.join(60)
    assert done and not done[0].failed
