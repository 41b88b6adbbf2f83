"""Numbered SQL migrations, applied in order on start (``NNNN_name.sql``)."""
