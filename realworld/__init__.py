"""The real-world harness: the generator against every public OpenAPI document in ``../shared/specs``."""
