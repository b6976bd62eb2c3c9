"""The OpenAPI 3.1 description of /api/v2/, built in code from one table of paths."""

import re
from functools import cache

# (path, methods, summary, resource schema name, body schema name for writes)
PATHS = [
    ("/people", "get post", "People; POST is the person signup helper", "Person", "PersonSignup"),
    ("/people/{id}", "get put", "One person", "Person", "Person"),
    ("/people/{id}/taggings", "get", "A person's taggings", "Tagging", None),
    ("/people/{id}/signatures", "get", "A person's petition signatures", "Signature", None),
    ("/people/{id}/submissions", "get", "A person's form submissions", "Submission", None),
    ("/people/{id}/attendances", "get", "A person's event attendances", "Attendance", None),
    ("/tags", "get post", "Tags", "Tag", "TagInput"),
    ("/tags/{id}", "get", "One tag", "Tag", None),
    ("/tags/{id}/taggings", "get post", "Who has a tag; POST tags a person", "Tagging", "Link"),
    ("/tags/{tag_id}/taggings/{id}", "get delete", "One tagging", "Tagging", None),
    ("/petitions", "get", "Petitions", "Petition", None),
    ("/petitions/{id}", "get", "One petition", "Petition", None),
    (
        "/petitions/{id}/signatures",
        "get post",
        "Signatures; POST is the record signature helper",
        "Signature",
        "SignatureInput",
    ),
    ("/petitions/{petition_id}/signatures/{id}", "get", "One signature", "Signature", None),
    ("/forms", "get", "Forms (pledges, letters, downloads, shares)", "Form", None),
    ("/forms/{id}", "get", "One form", "Form", None),
    ("/forms/{id}/submissions", "get post", "Form submissions", "Submission", "SignatureInput"),
    ("/forms/{form_id}/submissions/{id}", "get", "One submission", "Submission", None),
    ("/events", "get", "Events", "Event", None),
    ("/events/{id}", "get", "One event", "Event", None),
    (
        "/events/{id}/attendances",
        "get post",
        "Attendances; POST is the record attendance helper",
        "Attendance",
        "AttendanceInput",
    ),
    ("/events/{event_id}/attendances/{id}", "get", "One attendance", "Attendance", None),
    ("/lists", "get", "Lists (saved segments)", "List", None),
    ("/lists/{id}", "get", "One list", "List", None),
    ("/lists/{id}/items", "get", "The people in a list", "Item", None),
]
COLLECTION_PARAMETERS = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1, "default": 1}},
    {
        "name": "per_page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 25},
    },
    {
        "name": "filter",
        "in": "query",
        "description": "OData filter, e.g. modified_date gt '2024-01-01'",
        "schema": {"type": "string"},
    },
]
TEXT = {"type": "string"}
DATE = {"type": "string", "format": "date-time"}
HAL = {"_links": {"type": "object"}}
COMMON = {
    "identifiers": {"type": "array", "items": TEXT},
    "created_date": DATE,
    "modified_date": DATE,
}


def _object(properties, **extra):
    return {"type": "object", "properties": properties, **extra}


def _person():
    email = _object({"address": TEXT, "primary": {"type": "boolean"}, "status": TEXT})
    phone = _object({"number": TEXT, "primary": {"type": "boolean"}, "status": TEXT})
    location = _object({"latitude": {"type": "number"}, "longitude": {"type": "number"}})
    address = _object(
        {
            "locality": TEXT,
            "region": TEXT,
            "postal_code": TEXT,
            "country": TEXT,
            "location": location,
        }
    )
    return _object(
        {
            **COMMON,
            "given_name": TEXT,
            "family_name": TEXT,
            "email_addresses": {"type": "array", "items": email},
            "phone_numbers": {"type": "array", "items": phone},
            "postal_addresses": {"type": "array", "items": address},
            "languages_spoken": {"type": "array", "items": TEXT},
            "custom_fields": {"type": "object"},
            **HAL,
        }
    )


def _schemas():
    person = {"$ref": "#/components/schemas/Person"}
    link = _object({"_links": _object({"osdi:person": _object({"href": TEXT}, required=["href"])})})
    tags = {"type": "array", "items": TEXT}
    plain = _object({**COMMON, **HAL})
    return {
        "Error": _object({"error": TEXT}, required=["error"]),
        "Person": _person(),
        "PersonSignup": _object(
            {"person": person, "add_tags": tags, "remove_tags": tags}, required=["person"]
        ),
        "Tag": _object({**COMMON, "name": TEXT, **HAL}),
        "TagInput": _object({"name": TEXT}, required=["name"]),
        "Link": link,
        "Tagging": plain,
        "Petition": _object({**COMMON, "title": TEXT, "total_signatures": {"type": "integer"}}),
        "Form": _object({**COMMON, "title": TEXT, "total_submissions": {"type": "integer"}}),
        "Signature": _object({**COMMON, "comments": TEXT, **HAL}),
        "Submission": plain,
        "SignatureInput": _object(
            {"person": person, "add_tags": tags, "comments": TEXT, **link["properties"]}
        ),
        "Event": _object({**COMMON, "title": TEXT, "start_date": DATE, "end_date": DATE}),
        "Attendance": _object({**COMMON, "status": TEXT, **HAL}),
        "AttendanceInput": _object(
            {"person": person, "add_tags": tags, "status": {"enum": ["accepted", "attended"]}}
        ),
        "List": _object({**COMMON, "name": TEXT, **HAL}),
        "Item": plain,
    }


def _collection(name, rel):
    return _object(
        {
            "total_pages": {"type": "integer"},
            "total_records": {"type": "integer"},
            "page": {"type": "integer"},
            "per_page": {"type": "integer"},
            "_links": {"type": "object"},
            "_embedded": _object(
                {
                    f"osdi:{rel}": {
                        "type": "array",
                        "items": {"$ref": f"#/components/schemas/{name}"},
                    }
                }
            ),
        }
    )


def _json(schema):
    return {"application/hal+json": {"schema": schema}}


def _operation(path, method, summary, name, body):
    ref = {"$ref": f"#/components/schemas/{name}"}
    is_collection = not path.endswith("}")
    errors = {
        code: {"description": text, "content": _json({"$ref": "#/components/schemas/Error"})}
        for code, text in [
            ("400", "Bad input"),
            ("401", "Missing or unknown key"),
            ("403", "Read-only key"),
            ("404", "Not found, or not visible to this key"),
            ("429", "Too many requests"),
        ]
    }
    operation = {
        "summary": summary,
        "operationId": method + "_" + re.sub(r"\W+", "_", path).strip("_"),
        "parameters": [
            {"name": part[1:-1], "in": "path", "required": True, "schema": TEXT}
            for part in path.split("/")
            if part.startswith("{")
        ],
        "responses": {"200": {"description": "OK", "content": _json(ref)}, **errors},
    }
    if method == "get" and is_collection:
        rel = path.rsplit("/", 1)[-1]
        operation["parameters"] += COLLECTION_PARAMETERS
        operation["responses"]["200"]["content"] = _json(_collection(name, rel))
    if method in {"post", "put"}:
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}},
        }
        if method == "post":
            operation["parameters"].append(
                {"name": "Idempotency-Key", "in": "header", "schema": TEXT, "required": False}
            )
        operation["responses"]["201"] = {"description": "Created", "content": _json(ref)}
        operation["responses"]["422"] = {
            "description": "Idempotency-Key reused with another body",
            "content": _json({"$ref": "#/components/schemas/Error"}),
        }
    return operation


@cache
def _spec():
    paths = {}
    for path, methods, summary, name, body in PATHS:
        paths[path] = {
            method: _operation(path, method, summary, name, body) for method in methods.split()
        }
    return paths


def schema(server_url):
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Groundswell OSDI API",
            "version": "2",
            "description": "People, tags, petitions, forms, events and lists, compatible with "
            "Action Network's API v2 (HAL+JSON, OSDI).",
        },
        "servers": [{"url": server_url.rstrip("/")}],
        "security": [{"OSDIToken": []}],
        "paths": _spec(),
        "components": {
            "securitySchemes": {
                "OSDIToken": {"type": "apiKey", "in": "header", "name": "OSDI-API-Token"}
            },
            "schemas": _schemas(),
        },
    }
