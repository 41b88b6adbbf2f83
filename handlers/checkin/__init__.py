"""Check-in at event dates: a rotating short code and deep link shown on the organiser's
screen (the dashboard's check-in page), typed or scanned by members in a chat, and names
ticked by staff on the dashboard's attendee list."""
