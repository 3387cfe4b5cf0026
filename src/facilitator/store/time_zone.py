"""The event's time zone: the laptop's when the event is made, then the event's own."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from facilitator.core.event_time import TimeZoneError, event_zone, zone_named
from facilitator.store.event_file import EventFile, EventFileError


def laptop_zone_name() -> str:
    """This computer's IANA time zone name ("Europe/Paris"), "UTC" when it can't be told.

    tzlocal reads the TZ variable, /etc/localtime, macOS's and Windows' settings.
    """
    try:
        import tzlocal

        name = tzlocal.get_localzone_name() or ""
    except Exception:
        name = ""
    try:
        zone_named(name)
    except TimeZoneError:
        return "UTC"
    return name


def event_time_zone(ef: EventFile) -> ZoneInfo:
    """The zone the event's times are shown in (UTC for a file that names none)."""
    row = ef.db.execute("SELECT time_zone FROM events ORDER BY id LIMIT 1").fetchone()
    return event_zone(row[0] if row else laptop_zone_name())


def set_event_time_zone(ef: EventFile, name: str) -> str:
    """Set the event's time zone by IANA name; returns the name as stored.

    Raises EventFileError for a name that is not a time zone, saying what to type.
    """
    from facilitator.store.sessions import ensure_event

    try:
        zone = zone_named(name)
    except TimeZoneError as error:
        raise EventFileError(str(error)) from None
    with ef.action("time_zone_changed", time_zone=zone.key):
        event_id = ensure_event(ef)
        ef.db.execute("UPDATE events SET time_zone = ? WHERE id = ?", [zone.key, event_id])
    return zone.key
