# Generated from the OpenAPI document by the SDK generator. Do not edit.
"""The request-side twin of ``GraderPython``."""

from typing import Literal, Required, TypedDict

__all__ = ["GraderPythonParam"]


class GraderPythonParam(TypedDict, total=False):
    """A PythonGrader object that runs a python script on the input."""

    type: Required[Literal["python"]]
    """The object type, which is always `python`."""

    name: Required[str]
    """The name of the grader."""

    source: Required[str]
    """The source code of the python script."""

    image_tag: str
    """The image tag to use for the python script."""
