# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from typing_extensions import TypeAliasType

ReasoningEffort = TypeAliasType(
    "ReasoningEffort", Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"] | None
)
"""
Constrains effort on reasoning for reasoning models. Currently supported values are `none`,
`minimal`, `low`, `medium`, `high`, `xhigh`, and `max`. Reducing reasoning effort can result in
faster responses and fewer tokens used on reasoning in a response. Not all reasoning models
support every value.
"""
