"""Times of an event, always in the event's own time zone.

The event file stores instants as seconds since the epoch (UTC) and each session's planned
times as wall-clock times of the venue ("2026-05-18T10:00"). Everything that shows or prints
a time goes through these functions with the event's zone, so the same file gives the same
report on a laptop in Nairobi, New York or Tokyo; reports and exports name the zone, and
files carry ISO 8601 times with their UTC offset.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

UTC_NAME = "UTC"


class TimeZoneError(ValueError):
    """A time zone name that is not in the IANA database."""


@lru_cache(maxsize=64)
def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name`` ("Europe/Paris"); raises TimeZoneError for an unknown name."""
    name = name.strip()
    try:
        if not name or name.startswith(("/", ".")) or ".." in name:
            raise ValueError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise TimeZoneError(
            f"unknown time zone {name!r} (use an IANA name such as Europe/Paris, "
            "America/New_York or UTC)"
        ) from None


def event_zone(name: str) -> ZoneInfo:
    """The zone an event's times are shown in: its own, else UTC (an empty or unknown name
    from an older file or a newer time zone database); UTC is then named where times print."""
    try:
        return zone_named(name)
    except TimeZoneError:
        return ZoneInfo(UTC_NAME)


def zone_names() -> list[str]:
    """Every IANA zone name this machine knows, sorted (for choosing an event's zone)."""
    return sorted(name for name in available_timezones() if "/" in name or name == UTC_NAME)


def local_datetime(at: float, zone: tzinfo) -> datetime:
    """The instant ``at`` (seconds since the epoch) as an aware datetime in ``zone``."""
    return datetime.fromtimestamp(at, zone)


def clock_time(at: float, zone: tzinfo, *, seconds: bool = True) -> str:
    """"14:05:09" (or "14:05") on the event's clock."""
    return local_datetime(at, zone).strftime("%H:%M:%S" if seconds else "%H:%M")


def iso_time(at: float, zone: tzinfo) -> str:
    """ISO 8601 with the UTC offset, to the second: "2026-05-18T14:05:09+02:00"."""
    return local_datetime(at, zone).isoformat(timespec="seconds")


def offset_text(offset: timedelta | None) -> str:
    """"UTC+02:00", "UTC−05:00", "UTC+05:45"."""
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def zone_label(zone: ZoneInfo, at: float) -> str:
    """The zone named for a reader elsewhere: "Europe/Paris, UTC+02:00" (offset at ``at``)."""
    offset = local_datetime(at, zone).utcoffset()
    if zone.key == UTC_NAME:
        return UTC_NAME
    return f"{zone.key}, {offset_text(offset)}"


def wall_time_instant(wall_time: str, zone: tzinfo) -> float | None:
    """A venue wall-clock time ("2026-05-18T10:00") as seconds since the epoch, if it is one."""
    try:
        parsed = datetime.fromisoformat(wall_time)
    except ValueError:
        return None
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)).timestamp()


def wall_time_with_offset(wall_time: str, zone: tzinfo) -> str:
    """A venue wall-clock time ("2026-05-18T10:00") with the zone's offset added
    ("2026-05-18T10:00+02:00"); text that is not such a time comes back unchanged."""
    try:
        parsed = datetime.fromisoformat(wall_time)
    except ValueError:
        return wall_time
    if parsed.tzinfo is not None:
        return wall_time
    spec = "minutes" if parsed.second == 0 and parsed.microsecond == 0 else "seconds"
    return parsed.replace(tzinfo=zone).isoformat(timespec=spec)


def wall_time_in_zone(text: str, zone: tzinfo) -> str:
    """An agenda's time as a venue wall-clock time: "2026-05-18T10:00+02:00" (or a time
    with any other offset, converted) becomes "2026-05-18T10:00" in ``zone``; a time with no
    offset is the venue's already. Raises ValueError for text that is not an ISO time."""
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(zone).replace(tzinfo=None)
    spec = "minutes" if parsed.second == 0 and parsed.microsecond == 0 else "seconds"
    return parsed.isoformat(timespec=spec)


class SessionTimesError(ValueError):
    """A session whose end, as given, is before its start on an earlier day."""


def session_end(starts_at: str, ends_at: str) -> str:
    """A session's end as it is stored: never before its start.

    Both are venue wall-clock times ("2026-05-18T23:00", or with an offset as exports
    write). An end at or before the start on the start's own date is the next day (a
    session across midnight: 23:00 to 00:30); an end at 00:00 on the start's date, or equal
    to the start, is no end at all ("", what the Details tab's untouched end field meant).
    Text that is not an ISO time comes back as it was. Raises SessionTimesError for an end
    on a day before the start's.
    """
    try:
        start, end = datetime.fromisoformat(starts_at), datetime.fromisoformat(ends_at)
    except ValueError:
        return ends_at
    if (start.tzinfo is None) != (end.tzinfo is None):
        return ends_at  # one with an offset, one without: agenda_in_zone makes them alike
    if end > start:
        return ends_at
    if end.date() != start.date():
        raise SessionTimesError(f"the session ends ({ends_at}) before it starts ({starts_at})")
    if end == start or (end.hour, end.minute, end.second) == (0, 0, 0):
        return ""
    spec = "minutes" if end.second == 0 and end.microsecond == 0 else "seconds"
    return (end + timedelta(days=1)).isoformat(timespec=spec)
