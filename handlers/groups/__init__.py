"""Working groups: membership with moderators and join requests, updates fanned out to
members on every platform and to bound chats, and the weekly digest.

``service`` holds the rules (shared by chat and CLI, with the audit log), ``chat`` the
member commands and buttons, ``admin`` the admin commands, ``posting`` the ``/update``
flow, ``digest`` the database-driven weekly digest job and ``render`` the texts.
"""
