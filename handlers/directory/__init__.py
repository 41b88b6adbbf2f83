"""The competence directory: the listing setting, ``/suche`` over listed members with
German folding and paging, and the overview by region and competence."""
