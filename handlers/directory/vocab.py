"""The staff's changes to the profile's vocabularies, one set of rules for the CLI and the
dashboard: add (or accept a proposed entry) and merge (a member's spelling into an entry:
every member who chose it has the other). Each change is in the audit log."""

from __future__ import annotations

from handlers.validation import Invalid
from storage import Store
from storage.facets import FACETS, UnknownEntry, VocabEntry

MAX_LABEL = 60


async def add_entry(store: Store, facet: str, label: str, actor: str | None) -> VocabEntry:
    label = " ".join(label.split())
    if facet not in FACETS:
        raise Invalid("facets.unknown_facet", {"facets": ", ".join(FACETS)})
    if not label or len(label) > MAX_LABEL:
        raise Invalid("facets.bad_label", {"max": MAX_LABEL})
    entry = await store.facets.add(facet, label)
    await store.audit.record("vocab.added", actor, facet=facet, entry_id=entry.id)
    return entry


async def merge_entries(
    store: Store, source_id: int, target_id: int, actor: str | None
) -> tuple[VocabEntry, VocabEntry, int]:
    """The entry that went, the one that stays, and how many members moved."""
    source, target = await store.facets.entry(source_id), await store.facets.entry(target_id)
    if source is None or target is None or source_id == target_id:
        raise Invalid("facets.merge_refused", {})
    try:
        moved = await store.facets.merge(source_id, target_id)
    except UnknownEntry:
        raise Invalid("facets.merge_refused", {}) from None
    await store.audit.record(
        "vocab.merged", actor, source=source_id, target=target_id, members=moved
    )
    return source, target, moved
