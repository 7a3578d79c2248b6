# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

Metadata = TypeAliasType("Metadata", dict[str, str] | None)
"""
Set of 16 key-value pairs that can be attached to an object. This can be useful for storing
additional information about the object in a structured format, and querying for objects via
API or the dashboard.

Keys are strings with a maximum length of 64 characters. Values are strings with a maximum
length of 512 characters.
"""
