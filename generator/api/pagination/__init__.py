"""Which list operations return pages, and how: decided from the request's parameters and the response's fields
together, never from one of them alone.

A list response is recognised by its shape wherever it is declared (a named or inline object, merged ``allOf``
parts, behind ``$ref``s): an array, or an object whose one array field (``data``, ``items`` or ``results`` when there
are several; ``errors`` and ``warnings`` aside) holds the items. A GET list operation is paginated in the first of
these styles whose both sides are there:

1. ``cursor``: a ``has_more`` field, an ``after``/``starting_after`` parameter and items with an ``id``: the next
   page starts after the last item;
2. ``next_token``: a token field (``next_page_token``, ``next_cursor``, ``cursor``, ``next_page``, a field of a
   ``next_page`` object, ``last_id`` beside ``has_more``...) and the parameter it pairs with (``page_token``,
   ``cursor``, ``page``, ``after``...) of a type that can carry it: the token is sent back verbatim;
3. ``offset``: an integer ``offset`` parameter and a ``total`` or ``has_more`` field;
4. ``page``: an integer ``page`` parameter and a page count or ``has_more`` field;
5. ``next_url``: the next page's URL in the body (``next_page_url``, ``meta.next_page_uri``, a ``next`` that says it
   is a URL...) or a ``Link`` response header;
6. ``offset`` with a ``limit`` parameter only (a short page ends the listing), then ``page`` with a total item count.

Anything else is not paginated: its response keeps its own type. The config's ``pagination`` schemes come first: one
that names ``operations`` is for those, one without is the rule of the whole API (nothing is detected then).

``shapes`` reads a list response and the request's parameters, ``styles`` holds one class per style (its rule, its
runtime page class, its attributes and docs), ``decide`` applies the config and the styles to every operation.
"""
