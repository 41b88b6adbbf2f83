"""Calendar machinery: RRULE recurrence, iCalendar files and feeds, date and time parsing."""
