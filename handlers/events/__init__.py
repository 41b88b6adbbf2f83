"""Events: dates and series, RSVP with waiting list, reminders, .ics and calendar feeds.

``service`` holds the rules (shared by chat and CLI), ``chat`` the member commands,
``admin`` the wizard and admin commands, ``importer`` the iCalendar sync, ``render`` the
texts and buttons (also used by the Slack App Home), ``upcoming`` the next dates,
``reminders`` the database-driven reminder scan and ``feed`` the personal calendar feed.
"""
