"""The intermediate representation of the API and the parser that builds it (operations, placement, pagination, security)."""
