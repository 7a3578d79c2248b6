# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""Resource classes; each module is imported when its resource is first used."""
