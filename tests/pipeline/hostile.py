"""Hostile OpenAPI documents: text that would run, break out of a literal, or collide, in every position.

Every payload that could execute writes a file named ``CANARY`` in the current directory; the tests run the
generator and the generated package in a scratch directory and assert that the file never appears.
"""

from __future__ import annotations

from typing import Any

CANARY = "CANARY"
RUN = f"__import__('pathlib').Path('{CANARY}').write_text('x')"
RUN_DQ = f'__import__("pathlib").Path("{CANARY}").write_text("x")'

# Each payload tries one way out of the place it lands: a docstring, a string literal, a comment, a Jinja
# template, a TOML or Markdown file. None of them may do anything but appear as text.
PAYLOADS: dict[str, str] = {
    "triple-double": f'"""; {RUN}; """',
    "triple-single": f"'''; {RUN_DQ}; '''",
    "escaped-quote": f'\\"""\n{RUN}\n"""',
    "single-quote": f"'); {RUN}; ('",
    "double-quote": f'"); {RUN}; ("',
    "newline-code": f"x\n{RUN}\n# ",
    "crlf-code": f"x\r\n{RUN}\r\n",
    "trailing-quote": 'ends with a quote"',
    "trailing-backslash": "ends with a backslash\\",
    "backslash-escapes": "\\N{BULLET} \\x00 \\u0000 \\n \\' \\\" \\",
    "jinja-expression": f"{{{{ {RUN} }}}}",
    "jinja-statement": "{% for x in range(3) %}{{ x }}{% endfor %}{# c #}",
    "format-braces": "{0} {name} {__class__.__mro__} %s %(x)s",
    "control": "nul\x00 bell\x07 esc\x1b[31m del\x7f vt\x0b ff\x0c",
    "unicode": "ünïcödé ✓ 中文 🎉 \u202eRTL\u202c \u2028LS \u2029PS \ufeffBOM \u0085NEL",
    "shell": f"`touch {CANARY}` $(touch {CANARY})",
    "comment-close": "*/ --> ]]> -->",
    "toml-markdown": '"\n[tool.x]\nkey = "value"\n# heading\n```python\n',
    "lone-surrogate": "half a pair \ud800 here",
    "huge": "h" * 100_000,
}

# Identifiers that are keywords, builtins, dunders, start with a digit, are empty or non-ASCII, or collide
# with each other (or with the generated code's own names) after normalisation.
NAMES: list[str] = [
    "class",
    "import",
    "None",
    "match",
    "type",
    "id",
    "list",
    "self",
    "__init__",
    "__class__",
    "__dict__",
    "1st",
    "",
    "_",
    "ünïcödé",
    "中文",
    "foo-bar",
    "foo_bar",
    "Foo",
    "foo",
    "FOO",
    "model_config",
    "model_dump",
    "json",
    "copy",
    "max_retries",
    "timeout",
    "extra_headers",
    "path_template",
    "json_body",
    "header_values",
    "to_json",
    "cast",
    "NOT_GIVEN",
    "Literal",
    "BaseModel",
    "Field",
    RUN,
]


# Header and cookie names must be HTTP tokens (anything else is an error in the spec), but tokens still allow
# quotes, backticks and names that are Python keywords.
HEADERS = ["X-Evil'`|~^!#$%&*+.", "class", "__init__", "1st", "max_retries", "X-" + "h" * 200]

HUGE = PAYLOADS["huge"]


def texts() -> list[str]:
    """The payloads cycled through every text position; the 100 KB one is placed in a few positions only."""
    return [p for p in PAYLOADS.values() if p is not HUGE]


def _cycle(values: list[str], start: int) -> str:
    return values[start % len(values)]


def _string(text: list[str], i: int) -> dict[str, Any]:
    return {
        "type": "string",
        "title": _cycle(text, i),
        "description": _cycle(text, i + 1),
        "default": _cycle(text, i + 2),
        "examples": [_cycle(text, i + 3)],
    }


def hostile_spec() -> dict[str, Any]:
    """An OpenAPI 3.1 document with a hostile payload in every text position and hostile names everywhere."""
    text = texts()
    everything = {name: _string(text, i) for i, name in enumerate([*NAMES, *text, HUGE])}
    everything[HUGE]["description"] = HUGE
    schemas: dict[str, Any] = {
        "Everything": {
            "type": "object",
            "title": text[0],
            "description": text[1],
            "properties": everything,
            "required": NAMES[:5],
            "example": {NAMES[0]: text[2]},
        },
        "HostileEnum": {"type": "string", "enum": [*text, *NAMES, HUGE], "default": text[0], "description": text[1]},
        "HostileIntEnum": {"type": "integer", "enum": [0, 1, -1, 2**63], "default": 2**70, "description": text[2]},
        "HostileConst": {"const": text[3], "description": text[4]},
        "HostileArray": {"type": "array", "items": {"$ref": "#/components/schemas/HostileEnum"}},
        "HostileMap": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Everything"}},
    }
    for i, name in enumerate(NAMES):
        schemas[name] = {
            "type": "object",
            "description": _cycle(text, i),
            "properties": {name: _string(text, i), _cycle(text, i): {"$ref": "#/components/schemas/HostileEnum"}},
        }

    paths: dict[str, Any] = {}
    for i, name in enumerate(NAMES):
        wire = name or "empty"
        params: list[dict[str, Any]] = [
            {"name": wire, "in": "path", "required": True, "description": _cycle(text, i), "schema": _string(text, i)},
            {
                "name": _cycle(NAMES, i + 1),
                "in": "query",
                "description": _cycle(text, i + 2),
                "schema": _string(text, i),
            },
            {
                "name": _cycle(HEADERS, i),
                "in": "header",
                "description": _cycle(text, i + 5),
                "schema": {"type": "string"},
            },
            {"name": _cycle(HEADERS, i + 1), "in": "cookie", "schema": {"type": "integer", "default": 2**70}},
            {"name": _cycle(text, i + 6), "in": "query", "schema": {"type": "string", "enum": text}},
        ]
        # A path key is a URL path template (a double quote, backslash or space is refused at its pointer): the
        # characters it may hold that mean something in Python or a shell.
        paths[f"/r{i}/{{{wire}}}/x'$(%20)*;@"] = {
            "post": {
                "operationId": name,
                "tags": [_cycle(NAMES, i % 6)],
                "summary": _cycle(text, i + 7),
                "description": _cycle(text, i + 8),
                "parameters": params,
                "requestBody": {
                    "description": _cycle(text, i + 9),
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "description": _cycle(text, i + 10),
                                "properties": {name: _string(text, i), _cycle(text, i): _string(text, i + 1)},
                            },
                            "example": {name: _cycle(text, i + 11)},
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": _cycle(text, i + 12),
                        "headers": {_cycle(text, i): {"schema": {"type": "string"}, "description": _cycle(text, i)}},
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    }
                },
            },
        }
    paths["/everything/{id}"] = {
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "put": {
            "operationId": "put everything",
            "tags": [HUGE],
            "summary": HUGE,
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Everything"}}}},
            "responses": {
                "200": {
                    "description": text[0],
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HostileMap"}}},
                }
            },
        },
        "get": {
            "operationId": "list everything",
            "tags": [text[0]],
            "parameters": [{"name": HUGE, "in": "query", "schema": {"$ref": "#/components/schemas/HostileEnum"}}],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HostileArray"}}},
                }
            },
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": text[0], "description": "\n\n".join([*text, HUGE]), "version": text[1]},
        "servers": [{"url": f"https://example.test/{text[0]}", "description": text[2]}],
        "tags": [{"name": name, "description": _cycle(text, i)} for i, name in enumerate([*NAMES, *text])],
        "security": [{"key": []}],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": HEADERS[0]}},
        },
    }
