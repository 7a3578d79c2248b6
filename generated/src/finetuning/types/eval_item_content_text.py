# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

EvalItemContentText = TypeAliasType("EvalItemContentText", str)
"""
A text input to the model.
"""
