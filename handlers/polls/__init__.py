"""Date polls (``/terminfindung``): candidate dates put to an audience that answers yes,
if need be or no per date; the organiser follows a live tally and turns the best date
into an event in one step."""
