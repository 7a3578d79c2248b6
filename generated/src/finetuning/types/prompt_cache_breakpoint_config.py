# Generated from the OpenAPI document by datamodel-code-generator. Do not edit.

from __future__ import annotations

from typing import Literal

from finetuning._models import BaseModel


class PromptCacheBreakpointConfig(BaseModel):
    """
    Marks the exact end of a reusable prompt prefix. The breakpoint inherits its TTL from the
    request's `prompt_cache_options.ttl`; the boundary is not rounded to a token block.
    """

    mode: Literal["explicit"]
    """
    The breakpoint mode. Always `explicit`.
    """
