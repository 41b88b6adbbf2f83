"""Every table is accounted for in the privacy registry (``storage/privacy_steps.py``): a
table that references members, or holds platform ids or raw messages, has an export or an
erase step; any other table is named as not personal, with the reason. A capability that
adds a table fails here until it says what happens to the table on export and erasure."""

from __future__ import annotations

from storage import Store
from storage.privacy_steps import DATA_STEPS, NOT_PERSONAL, PERSONAL_COLUMNS


async def _tables(store: Store) -> list[str]:
    rows = await store.db.fetchall("SELECT name FROM sqlite_master WHERE type = 'table'")
    return [r[0] for r in rows]


async def _personal(store: Store) -> set[str]:
    """Tables that reference members or have a column that holds ids or messages."""
    found = set()
    for table in await _tables(store):
        references = await store.db.fetchall(f"PRAGMA foreign_key_list({table})")
        columns = {c["name"] for c in await store.db.fetchall(f"PRAGMA table_info({table})")}
        if any(fk["table"] == "members" for fk in references) or columns & PERSONAL_COLUMNS:
            found.add(table)
    return found


async def _unaccounted(store: Store) -> dict[str, set[str]]:
    stepped = {step.table for step in DATA_STEPS}
    personal = await _personal(store)
    tables = set(await _tables(store))
    return {
        "personal without a step": personal - stepped,
        "personal but listed as not personal": personal & set(NOT_PERSONAL),
        "neither stepped nor named": tables - stepped - set(NOT_PERSONAL),
        "steps for tables that do not exist": (stepped | set(NOT_PERSONAL)) - tables,
    }


async def test_every_table_is_accounted_for(store: Store) -> None:
    assert {k: v for k, v in (await _unaccounted(store)).items() if v} == {}
    assert len({step.table for step in DATA_STEPS}) == len(DATA_STEPS), "one step per table"


async def test_a_new_table_without_a_step_is_found(store: Store) -> None:
    await store.db.execute(
        "CREATE TABLE shared_notes (id INTEGER PRIMARY KEY,"
        " author_id INTEGER REFERENCES members(id) ON DELETE SET NULL, body TEXT)"
    )
    await store.db.execute("CREATE TABLE raw_events (source TEXT, payload TEXT)")
    await store.db.execute("CREATE TABLE regions_extra (id INTEGER PRIMARY KEY, name TEXT)")
    found = await _unaccounted(store)
    assert found["personal without a step"] == {"shared_notes", "raw_events"}
    assert found["neither stepped nor named"] == {"shared_notes", "raw_events", "regions_extra"}


def test_the_profile_goes_after_every_step_that_may_read_it() -> None:
    order = [step.table for step in DATA_STEPS]
    assert order.index("members") == len(order) - 3
    assert order[-2:] == [
        "cooperation_index",
        "directory_index",
    ]  # merged once the trigger removed the row
