"""The JSON contract of ``newsgraph analyze --json``, as a JSON Schema generated from the model types.

Each layer of :class:`newsgraph.model.Document` is a frozen dataclass; its JSON
form (:func:`newsgraph.model.to_json`) is an object of all its fields, so the
schema follows from the fields and their type hints alone:

- ``int`` -> integer, ``float`` -> number, ``str`` -> string, ``bool`` -> boolean;
- ``Literal[...]`` -> enum; ``X | None`` -> X or null;
- ``tuple[X, ...]`` and ``list[X]`` -> array of X; ``dict[str, X]`` -> object of X;
- a dataclass -> ``{"$ref": "#/$defs/<Name>"}``, defined once: every field is
  required (``metadata={"optional": True}`` excepted), none other is allowed,
  fields with ``metadata={"json": False}`` are internal and left out;
- ``metadata={"doc": ...}`` and the class docstring give the descriptions.

``python -m newsgraph.contract`` (or ``newsgraph schema``) prints the schema;
``docs/contract.schema.json`` is that output, and a test keeps the two equal.
"""
from __future__ import annotations

import inspect
import json
import sys
from dataclasses import fields, is_dataclass
from types import NoneType, UnionType
from typing import Any, Literal, Union, get_args, get_origin

from .model import Document, type_hints

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean", NoneType: "null"}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one line of ``analyze --json`` (``--tokens`` included)."""
    defs: dict[str, Any] = {}
    root = _object(Document, defs)
    return {"$schema": SCHEMA_DIALECT, "title": "newsgraph document (one line of analyze --json)", **root,
            "$defs": dict(sorted(defs.items()))}


def schema_text() -> str:
    """The schema as ``docs/contract.schema.json`` holds it."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def _description(cls: type) -> str:
    return " ".join(inspect.cleandoc(cls.__doc__ or "").split("\n\n")[0].split())


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = type_hints(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for f in fields(cls):
        if not f.metadata.get("json", True):
            continue
        prop = _type(hints[f.name], defs)
        if f.metadata.get("doc"):
            prop = {"description": f.metadata["doc"], **prop}
        properties[f.name] = prop
        if not f.metadata.get("optional"):
            required.append(f.name)
    return {"description": _description(cls), "type": "object", "properties": properties,
            "required": required, "additionalProperties": False}


def _type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    if tp is Any:
        return {}
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # a placeholder while its fields are walked
            defs[name] = _object(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    origin, args = get_origin(tp), get_args(tp)
    if origin is Literal:
        return {"enum": list(args)}
    if origin in (Union, UnionType):
        parts = [_type(a, defs) for a in args]
        if all(set(p) == {"type"} for p in parts):  # scalars: one "type" list
            return {"type": [p["type"] for p in parts]}
        if all(set(p) == {"enum"} or p == {"type": "null"} for p in parts):
            return {"enum": [v for p in parts for v in p.get("enum", [None])]}
        return {"anyOf": parts}
    if origin in (tuple, list):
        return {"type": "array", "items": _type(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], defs)}
    raise TypeError(f"no JSON Schema for {tp!r}")


def main() -> None:
    sys.stdout.write(schema_text())


if __name__ == "__main__":  # python -m newsgraph.contract > docs/contract.schema.json
    main()
