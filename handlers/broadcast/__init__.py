"""Broadcasts from the network team to all members, a topic's subscribers, a region or both.

``service`` holds the rules shared by chat, CLI and a later web dashboard (audience,
preview count, sending, scheduling, cancelling, the report); ``wizard`` is the
``/rundschreiben`` chat flow, ``status`` the progress list and cancelling, ``optout`` the
members' ``/mitteilungen an|aus``, ``jobs`` the scheduler tick that sends scheduled
broadcasts and reports finished ones, ``render`` the texts and buttons, and ``markup`` the
admin's help for the small text markup (parsed and rendered by :mod:`bot.markup`).
"""
