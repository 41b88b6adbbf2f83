"""Declared forms: one way to ask a person for several answers, native on each platform."""

from bot.forms.fields import Choice, Draft, Field, Kind, Several
from bot.forms.form import Form

__all__ = ["Choice", "Draft", "Field", "Form", "Kind", "Several"]
