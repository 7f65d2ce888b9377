"""The OpenAPI 3.1 document of /api/v1, written as data.

Hand-written because Starlette has no schema generator for plain
(non-pydantic) routes; tests validate it with openapi-spec-validator and
check that every API route is listed.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from khabar import __version__


def _param(name: str, description: str, schema: dict[str, Any], where: str = "query") -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema,
    }


STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
DAY = {"type": "string", "examples": ["1404/08/01", "2025-11-01"]}

FILTERS = [
    _param("section", "Only this section (exact name).", STRING),
    _param("source", "Only this outlet (exact name).", STRING),
    _param("since", "From this day, inclusive; any calendar (Jalali, Gregorian), any digits.", DAY),
    _param("until", "Up to this day, inclusive.", DAY),
    _param("limit", "Items per page.", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}),
]


def _json(schema_ref: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}},
    }


ERRORS = {"400": _json("Error", "Bad parameters."), "404": _json("Error", "Not found.")}

SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object",
        "required": ["error"],
        "properties": {"error": STRING, "status": {"type": "integer"}},
    },
    "Summary": {
        "type": "object",
        "required": ["id", "title"],
        "properties": {
            "id": STRING,
            "url": NULLABLE_STRING,
            "source": NULLABLE_STRING,
            "section": NULLABLE_STRING,
            "title": NULLABLE_STRING,
            "lead": NULLABLE_STRING,
            "published": {"type": ["string", "null"], "description": "ISO 8601 date or date-time."},
            "image_url": NULLABLE_STRING,
            "href": STRING,
            "page": STRING,
        },
    },
    "ArticlePage": {
        "type": "object",
        "required": ["items", "next_cursor"],
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}},
            "next_cursor": NULLABLE_STRING,
            "next": NULLABLE_STRING,
        },
    },
    "Article": {
        "type": "object",
        "required": ["id", "title", "body"],
        "description": "The Article record of DESIGN.md, plus duplicates (the same story elsewhere).",
        "properties": {
            "id": STRING,
            "url": NULLABLE_STRING,
            "source": NULLABLE_STRING,
            "language": STRING,
            "section": NULLABLE_STRING,
            "title": NULLABLE_STRING,
            "lead": NULLABLE_STRING,
            "authors": {"type": "array", "items": STRING},
            "published": NULLABLE_STRING,
            "published_text": NULLABLE_STRING,
            "updated": NULLABLE_STRING,
            "stated_reading_minutes": {"type": ["integer", "null"]},
            "reading_minutes": {"type": ["integer", "null"]},
            "image": {"type": "object"},
            "body": {"type": "array", "items": STRING},
            "related": {"type": "array", "items": {"type": "object"}},
            "explore": {"type": "array", "items": {"type": "object"}},
            "tags": {"type": "array", "items": STRING},
            "repairs": {"type": "object"},
            "duplicates": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}},
        },
    },
    "Hit": {
        "type": "object",
        "required": ["article", "snippet", "highlights"],
        "properties": {
            "article": {"$ref": "#/components/schemas/Summary"},
            "snippet": STRING,
            "highlights": {
                "type": "array",
                "description": "[start, end) offsets of matched words in snippet.",
                "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
            },
            "score": {"type": "number"},
        },
    },
    "SearchResults": {
        "type": "object",
        "required": ["total", "hits", "facets"],
        "properties": {
            "total": {"type": "integer"},
            "page": {"type": "integer"},
            "pages": {"type": "integer"},
            "hits": {"type": "array", "items": {"$ref": "#/components/schemas/Hit"}},
            "facets": {
                "type": "object",
                "description": "section, source, month (Gregorian YYYY-MM) and jmonth (Jalali, e.g. 1404-08) "
                               "→ [[value, count]]; on page 1 only.",
                "additionalProperties": {"type": "array", "items": {"type": "array"}},
            },
        },
    },
    "Names": {
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": {
                "type": "array",
                "items": {"type": "object", "properties": {"name": STRING, "count": {"type": "integer"}}},
            }
        },
    },
    "Ingested": {
        "type": "object",
        "required": ["id", "status"],
        "properties": {
            "id": STRING,
            "status": {"enum": ["inserted", "updated", "unchanged"]},
            "href": STRING,
        },
    },
}

PATHS: dict[str, Any] = {
    "/api/v1/articles": {
        "get": {
            "summary": "Newest articles first, filtered, with cursor pagination.",
            "operationId": "listArticles",
            "parameters": [*FILTERS, _param("cursor", "The next_cursor of the previous page.", STRING)],
            "responses": {"200": _json("ArticlePage", "One page of articles."), **ERRORS},
        }
    },
    "/api/v1/articles/{id}": {
        "get": {
            "summary": "One article.",
            "operationId": "getArticle",
            "parameters": [_param("id", "The article's stable id.", STRING, "path")],
            "responses": {"200": _json("Article", "The article."), **ERRORS},
        }
    },
    "/api/v1/search": {
        "get": {
            "summary": "Full-text search; every spelling variant of a word finds the others.",
            "operationId": "search",
            "parameters": [
                {**_param("q", 'Words, "phrases", OR, -excluded, prefix*.', STRING), "required": True},
                *FILTERS,
                _param("author", "Only this author.", STRING),
                _param("sort", "Order of hits.", {"enum": ["relevance", "date"], "default": "relevance"}),
                _param("page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}),
                _param("facets", "Count the matches by source, section and month (page 1 only; 0 is faster).",
                       {"type": "integer", "enum": [0, 1], "default": 1}),
            ],
            "responses": {"200": _json("SearchResults", "Hits, total and facets."), **ERRORS},
        }
    },
    "/api/v1/sections": {
        "get": {
            "summary": "Sections with their article counts.",
            "operationId": "listSections",
            "responses": {"200": _json("Names", "Sections, largest first.")},
        }
    },
    "/api/v1/sources": {
        "get": {
            "summary": "Outlets with their article counts.",
            "operationId": "listSources",
            "responses": {"200": _json("Names", "Outlets, largest first.")},
        }
    },
    "/api/v1/ingest": {
        "post": {
            "summary": "Add one page to the archive (only when the server has an API token).",
            "operationId": "ingest",
            "security": [{"bearer": []}],
            "parameters": [_param("url", "The page's URL (used for its id and source).", STRING)],
            "requestBody": {
                "required": True,
                "content": {"text/html": {"schema": STRING}, "text/plain": {"schema": STRING}},
            },
            "responses": {
                "200": _json("Ingested", "Already known: updated or unchanged."),
                "201": _json("Ingested", "Added."),
                "401": _json("Error", "Missing or wrong token."),
                "404": _json("Error", "Ingest is off (no token configured)."),
            },
        }
    },
}


@cache
def openapi_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "khabar API",
            "version": __version__,
            "description": "Read a Persian news archive: articles, search, sections, sources. "
            "Atom feeds live under /feeds/.",
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "servers": [{"url": "/"}],
        "paths": PATHS,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
