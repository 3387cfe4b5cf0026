"""The store's connection (EventDatabase): sqlite-utils' transaction rules without importing
sqlite-utils at start-up, and the rest of sqlite-utils still there when asked for."""

from __future__ import annotations

import sqlite3

import pytest

from facilitator.store.event_file import EventDatabase


@pytest.fixture
def db(tmp_path):
    conn = sqlite3.connect(tmp_path / "t.db")
    conn.isolation_level = None  # autocommit, as the event file is opened
    made = EventDatabase(conn)
    made.execute("CREATE TABLE t (x INTEGER)")
    yield made
    made.close()


def rows(db: EventDatabase) -> list[int]:
    return [row[0] for row in db.execute("SELECT x FROM t ORDER BY x")]


def test_atomic_writes_all_or_nothing(db):
    with db.atomic():
        db.execute("INSERT INTO t VALUES (?)", [1])
    with pytest.raises(ZeroDivisionError), db.atomic():
        db.execute("INSERT INTO t VALUES (?)", [2])
        1 / 0  # noqa: B018
    assert rows(db) == [1]
    assert not db.conn.in_transaction


def test_a_failed_inner_step_undoes_only_itself(db):
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(sqlite3.OperationalError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            db.execute("INSERT INTO nowhere VALUES (3)")
        db.execute("INSERT INTO t VALUES (4)")
    assert rows(db) == [1, 4]


def test_the_rest_of_sqlite_utils_is_still_there(db):
    db.execute("INSERT INTO t VALUES (7)")
    assert list(db.query("SELECT x FROM t")) == [{"x": 7}]
    assert db["t"].count == 1
    assert db.table_names() == ["t"]
