"""Stand-in for the generated ``_base_error`` module (``templates/package/src/_base_error.py.j2``).

The generator never copies this file: it writes the SDK's own root error (``<Package>Error``) there.
It exists so that this folder imports, type-checks and runs as a package on its own.
"""

__all__ = ["SDKError", "BaseError"]


class SDKError(Exception):
    """The base class of every error raised by this package."""


BaseError = SDKError
"""The name the runtime modules know the root error by."""
