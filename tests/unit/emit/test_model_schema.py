"""What the models are written from: the schemas handed to datamodel-code-generator."""

from __future__ import annotations

from generator.api.config import parse_config
from generator.api.parser import parse
from generator.emit.model_schema import model_document
from generator.inputs.document import Document


def test_an_object_default_on_a_model_field_is_documented_not_assigned() -> None:
    """Mistral's ``prediction: {$ref: Prediction, default: {type: content}}``: a model class cannot be assigned a
    dict (pyright reportAssignmentType), so the default is left to the server and named in the field's docs; a
    default a Python value can be (a string, a number, a plain dict) is kept."""
    schemas = {
        "Prediction": {"type": "object", "properties": {"type": {"type": "string"}}},
        "Request": {
            "type": "object",
            "properties": {
                "prediction": {"$ref": "#/components/schemas/Prediction", "default": {"type": "content"}},
                "ranges": {"type": "array", "items": {"$ref": "#/components/schemas/Prediction"}, "default": [{}]},
                "mode": {"type": "string", "default": "auto"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}, "default": {"a": "b"}},
            },
        },
    }
    root = {"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}
    api = parse(Document(root, "openapi.json"), parse_config(None, "sdk.yaml")).api
    written = model_document(api.types)["components"]["schemas"]["Request"]["properties"]
    assert (
        "default" not in written["prediction"]
        and 'Default: `{"type": "content"}`' in written["prediction"]["description"]
    )
    assert "default" not in written["ranges"]
    assert written["mode"]["default"] == "auto" and written["labels"]["default"] == {"a": "b"}
