"""Schemas as Python types: one class per kind of type, the registry of named types, and the mapper."""
