# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The root of this package's errors: catch :class:`FinetuningError` to catch every error it raises."""

__all__ = ["FinetuningError", "BaseError"]


class FinetuningError(Exception):
    """The base class of every error raised by this package."""


BaseError = FinetuningError
"""The name the runtime modules know the root error by."""
