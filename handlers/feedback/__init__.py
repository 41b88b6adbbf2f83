"""Feedback after an event's date: a set time after it ends, those who came (checked in,
or for a date without check-in, those who said yes) are asked once for 1 to 5 stars and
an optional comment; one answer each, changeable for a week; members can turn the
requests off; the organiser sees the average, the distribution and the comments."""
