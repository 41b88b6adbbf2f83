"""Quiet hours: the member's choice (``chat``) and how it is shown (``render``)."""
