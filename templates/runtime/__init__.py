"""Stand-in for the generated package ``__init__`` (``templates/package/src/__init__.py.j2``); never copied.

This folder is the runtime of every generated SDK: plain Python modules that the generator copies into the package
beside the modules it writes for each API (``_constants``, ``_version``, ``_base_error``, ``_client``,
``pagination``, the resources and the types). The stand-ins for those make the folder a package of its own, so it
can be linted, type-checked and tested as it is.
"""
