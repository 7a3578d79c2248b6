"""An OpenAPI-driven Python SDK generator.

The pipeline: :mod:`generator.inputs.loader` reads the document, :mod:`generator.api.parser` turns it and the SDK config
into the intermediate representation of :mod:`generator.api.ir`, :mod:`generator.emit.models` renders the pydantic models
with datamodel-code-generator, :mod:`generator.emit.render` renders everything else from Jinja2 templates,
:mod:`generator.emit.formatting` runs black, and :mod:`generator.output.writer` swaps the result into place.
"""
