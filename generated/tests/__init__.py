# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Tests of the generated client against a mock server of the API's OpenAPI document."""
