"""Catalog modules: one per capability, each with a ``MESSAGES`` dict."""
