"""The weekly overview (issue 29): one message per member and week, at the day and hour
they chose (Monday 08:00 in their zone unless they chose otherwise, or off), with all they
put on "weekly overview" (topics and working groups) and, for those who did not use the
bot that week, the highlights of all they follow. It replaced the per-group digests.

``moments`` computes when and which week, ``compose`` what a member's overview holds,
``render`` the message, ``jobs`` the database-driven scan and ``chat`` /ueberblick.
"""
