"""The web dashboard for the network's staff, on the bot's own HTTP server under /admin.

Signed in through a one-time link from ``/dashboard`` in the chat (or
``knotenpunkt dashboard-link``); server-rendered pages (Jinja2) for members, events,
broadcasts, topics and groups and the audit log. Every action goes through the same
services as the chat and the CLI; the dashboard has no SQL and no rules of its own.
"""
