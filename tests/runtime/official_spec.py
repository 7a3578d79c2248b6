"""A small document in the shape of the OpenAI API, for ``test_official_behaviour.py``: a list the API returns whole,
a POST answering a list-shaped model, a stream by argument and a binary download."""

from __future__ import annotations

from typing import Any


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _list_of(item: str) -> dict[str, Any]:
    return {
        "type": "object",
        "required": ["object", "data"],
        "properties": {"object": {"type": "string", "enum": ["list"]}, "data": {"type": "array", "items": _ref(item)}},
    }


SCHEMAS: dict[str, Any] = {
    "Model": {
        "type": "object",
        "required": ["id", "object", "owned_by"],
        "properties": {"id": {"type": "string"}, "object": {"type": "string"}, "owned_by": {"type": "string"}},
    },
    "ListModelsResponse": _list_of("Model"),
    "Embedding": {
        "type": "object",
        "required": ["index", "embedding"],
        "properties": {"index": {"type": "integer"}, "embedding": {"type": "array", "items": {"type": "number"}}},
    },
    "CreateEmbeddingResponse": {
        "type": "object",
        "required": ["object", "data", "model"],
        "properties": {
            "object": {"type": "string"},
            "data": {"type": "array", "items": _ref("Embedding")},
            "model": {"type": "string"},
        },
    },
    "Completion": {
        "type": "object",
        "required": ["id", "choices"],
        "properties": {
            "id": {"type": "string"},
            "choices": {"type": "array", "items": {"type": "object", "properties": {"text": {"type": "string"}}}},
        },
    },
}

DOCUMENT: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Official", "version": "1.0.0"},
    "servers": [{"url": "https://official.test/v1"}],
    "components": {
        "schemas": SCHEMAS,
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    },
    "security": [{"bearer": []}],
    "paths": {
        "/models": {
            "get": {"operationId": "listModels", "tags": ["models"], "responses": _json(_ref("ListModelsResponse"))}
        },
        "/embeddings": {
            "post": {
                "operationId": "createEmbedding",
                "tags": ["embeddings"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["input"],
                                "properties": {"input": {"type": "string"}},
                            }
                        }
                    },
                },
                "responses": _json(_ref("CreateEmbeddingResponse")),
            }
        },
        "/completions": {
            "post": {
                "operationId": "createCompletion",
                "tags": ["completions"],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["prompt"],
                                "properties": {"prompt": {"type": "string"}, "stream": {"type": ["boolean", "null"]}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {"schema": _ref("Completion")},
                            "text/event-stream": {"schema": _ref("Completion")},
                        },
                    }
                },
            }
        },
        "/files/{file_id}/content": {
            "get": {
                "operationId": "downloadFile",
                "tags": ["files"],
                "parameters": [{"name": "file_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
                    }
                },
            }
        },
    },
}
