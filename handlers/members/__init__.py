"""Members: registration, profile editing, approval of new members, profile rendering."""
