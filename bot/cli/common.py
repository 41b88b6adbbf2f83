"""Helpers shared by CLI commands."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from bot.settings import Settings
from storage import Store

CLI_ACTOR = "cli"


@asynccontextmanager
async def open_store(settings: Settings) -> AsyncIterator[Store]:
    store = await Store.open(settings.db_path)
    try:
        yield store
    finally:
        await store.close()
