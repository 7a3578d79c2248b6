"""Signals held back during a step: when a Ctrl-C another thread took reaches Python only as the handlers are put
back, it is raised, and the thread's mask and every handler are still what they were before the block."""

from __future__ import annotations

import signal

import pytest

from generator.output.signals import STOPPING, uninterrupted


def test_the_mask_and_handlers_come_back_when_an_interrupt_arrives_while_they_are_put_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, [])
    handlers = {signum: signal.getsignal(signum) for signum in STOPPING}
    real_signal, calls = signal.signal, []

    def interrupted(signum: int, handler: object) -> object:
        previous = real_signal(signum, handler)  # type: ignore[arg-type]
        calls.append(signum)
        if len(calls) == len(STOPPING) + 1:  # the first handler put back after the block
            raise KeyboardInterrupt
        return previous

    monkeypatch.setattr(signal, "signal", interrupted)
    with pytest.raises(KeyboardInterrupt), uninterrupted(every_thread=True):
        pass
    monkeypatch.undo()
    assert len(calls) == 2 * len(STOPPING)
    assert signal.pthread_sigmask(signal.SIG_BLOCK, []) == mask
    assert {signum: signal.getsignal(signum) for signum in STOPPING} == handlers
