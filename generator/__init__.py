"""An OpenAPI-driven Python SDK generator.

The pipeline: :mod:`generator.loader` reads the document, :mod:`generator.parser` turns it and the SDK config
into the intermediate representation of :mod:`generator.ir`, :mod:`generator.models` renders the pydantic models
with datamodel-code-generator, :mod:`generator.render` renders everything else from Jinja2 templates,
:mod:`generator.formatting` runs black, and :mod:`generator.writer` swaps the result into place.
"""
