# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing_extensions import TypeAliasType

from .eval_item_content_array import EvalItemContentArray
from .eval_item_content_item import EvalItemContentItem

EvalItemContent = TypeAliasType("EvalItemContent", EvalItemContentItem | EvalItemContentArray)
"""
Inputs to the model - can contain template strings. Supports text, output text, input images,
and input audio, either as a single item or an array of items.
"""
