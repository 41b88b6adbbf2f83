"""Cooperation requests: ``/gesuch`` posts a request (looking for, offering, project idea),
matching members who take requests are told, "interested" introduces them to the author,
and "connect" exchanges contacts once both agreed; ``/gesuche`` lists open requests, a
job closes expired ones and asks authors after two weeks whether theirs is still open."""
