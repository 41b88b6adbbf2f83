"""Broadcasts from the network team to all members, a topic's subscribers, a region or both.

``service`` holds the rules shared by chat, CLI and the web dashboard (audience, preview
count, sending, scheduling, cancelling, the report, and the readers of a picked audience
and a send time); ``wizard`` is the ``/rundschreiben`` form (declared once: asked in a
chat, or shown at once as a Slack modal), ``status`` the progress list and cancelling,
``optout`` the members' ``/mitteilungen an|aus``, ``jobs`` the scheduler tick that sends
scheduled broadcasts and reports finished ones, ``render`` the texts and buttons, and
``markup`` the admin's help for the small text markup (parsed and rendered by
:mod:`bot.markup`).
"""
