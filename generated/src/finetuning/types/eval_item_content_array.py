# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

from .eval_item_content_item import EvalItemContentItem

EvalItemContentArray = TypeAliasType("EvalItemContentArray", list[EvalItemContentItem])
"""
A list of inputs, each of which may be either an input text, output text, input image, or
input audio object.
"""
