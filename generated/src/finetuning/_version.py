# Generated from the OpenAPI document by the SDK generator. Do not edit.

__title__ = "finetuning"
__version__ = "0.1.1"
