"""Turning the IR into files: models (datamodel-code-generator), templates, the runtime, formatting."""
