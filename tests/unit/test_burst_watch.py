"""The vote-stuffing watch: counts per minute, flags past the threshold, fades later."""

from __future__ import annotations

from facilitator.audience.bursts import FRESH_VOTES_FLAG, SHOW_FOR, WINDOW, BurstWatch
from facilitator.audience.devices import DeviceIds


def test_votes_from_new_devices_flag_past_the_threshold_and_fade() -> None:
    now = [0.0]
    watch = BurstWatch(clock=lambda: now[0])
    flagged = [watch.fresh_vote(1, "10.0.0.9", 42) for _ in range(FRESH_VOTES_FLAG)]
    assert flagged == [False] * (FRESH_VOTES_FLAG - 1) + [True]
    (burst,) = watch.bursts(1)
    assert (burst.kind, burst.address, burst.question_id, burst.count) == (
        "votes", "10.0.0.9", 42, FRESH_VOTES_FLAG)
    assert watch.bursts(2) == []
    # Votes spread over more than a minute never make a flag.
    spread = []
    for _ in range(int(WINDOW / 4) * 2):  # one every 4 s: 15 a minute at most
        spread.append(watch.fresh_vote(1, "10.0.0.10", 7))
        now[0] += 4
    assert not any(spread)
    now[0] += SHOW_FOR + 1
    assert watch.bursts(1) == []


def test_refused_new_devices_flag_once_a_minute() -> None:
    now = [0.0]
    watch = BurstWatch(clock=lambda: now[0])
    assert watch.new_device_refused(3, "192.168.1.1") is True
    assert watch.new_device_refused(3, "192.168.1.1") is False
    assert watch.bursts(3)[0].count == 2
    now[0] += WINDOW + 1
    assert watch.new_device_refused(3, "192.168.1.1") is True
    assert watch.bursts(3)[0].count == 2  # the peak stays while the flag lives


def test_device_ids_round_trip_and_refuse_tampering() -> None:
    ids = DeviceIds(b"0123456789abcdef0123456789abcdef")
    device, cookie = ids.issue(1_800_000_000.5)
    assert ids.verify(cookie) == device and device.issued_at == 1_800_000_000
    assert device.age(1_800_000_060) == 60
    tampered = cookie.replace(".1800000000.", ".1900000000.")  # younger than it is
    assert ids.verify(tampered) is None
    assert ids.verify(None) is None and ids.verify("a" * 500) is None
