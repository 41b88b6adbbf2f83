"""Read-only figures for the dashboard's pages: counts, member search, deliveries per day.

Kept apart from the sign-in tables in :mod:`storage.dashboard`, which mixes this in.
"""

from __future__ import annotations

from storage.db import Database


class DashboardFigures:
    db: Database
