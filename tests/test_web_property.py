"""Property test of the HTTP API against its own OpenAPI spec: no generated request gets a 500.

Hypothesis draws, for every GET operation in /openapi.json, values for its parameters, both
within their declared schema (patterns, ranges, dates) and arbitrary text, and sends them.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from web_samples import build_store

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eventwire.web.app import create_app  # noqa: E402

ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


def schema_values(schema: dict, valid: bool) -> st.SearchStrategy:
    """Values a parameter's schema admits (`valid`), or near misses and junk, as query-string text."""
    if "anyOf" in schema:
        options = [option for option in schema["anyOf"] if option.get("type") != "null"]
        return st.one_of([schema_values(option, valid) for option in options])
    kind = schema.get("type")
    if kind == "integer":
        low, high = schema.get("minimum", -(2**40)), schema.get("maximum", 2**40)
        return st.integers(low, high).map(str) if valid else st.integers(low - 2, high + 2).map(str)
    if kind == "number":
        if valid:
            return st.floats(schema.get("minimum", -1e9), schema.get("maximum", 1e9)).map(str)
        return st.floats(allow_nan=True, allow_infinity=True).map(str)
    if kind == "array":
        return st.lists(schema_values(schema.get("items", {}), valid), max_size=3)
    if schema.get("format") == "date":
        return st.dates().map(str)
    if "pattern" in schema and valid:
        return st.from_regex(schema["pattern"], fullmatch=True).filter(lambda text: len(text) < 300)
    return ANY_TEXT if not valid else st.sampled_from(["RUS", "ASSAULT", "Goma", "COD", "a", "1,2,3"]) | ANY_TEXT


def parameter_values(parameter: dict, valid: bool) -> st.SearchStrategy:
    if valid:
        return schema_values(parameter["schema"], True)
    junk = st.sampled_from(["", "0", "-1", "1,2,3", "nan", "RUS-", "-90,-180,-1"])
    return st.one_of(schema_values(parameter["schema"], False), ANY_TEXT, junk)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("property") / "web.duckdb")
    client = TestClient(create_app(store, "property-token"))
    spec = client.get("/openapi.json").json()
    yield client, spec
    store.close()


def requests(spec: dict, valid: bool) -> st.SearchStrategy:
    """GET requests on every operation: parameters within their schema (`valid`), or fuzzed."""
    operations = [(path, item["get"]) for path, item in sorted(spec["paths"].items()) if "get" in item]

    def one(operation) -> st.SearchStrategy:
        path, details = operation
        parameters = details.get("parameters", [])
        query = {p["name"]: parameter_values(p, valid) for p in parameters if p["in"] == "query"}
        optional = {
            name: strategy
            for name, strategy in query.items()
            if not any(p["name"] == name and p.get("required") for p in parameters)
        }
        required = {name: strategy for name, strategy in query.items() if name not in optional}
        paths = {
            p["name"]: ANY_TEXT.filter(lambda text: "/" not in text and text not in ("", ".", ".."))
            for p in parameters
            if p["in"] == "path"
        }
        return st.tuples(
            st.just(path), st.fixed_dictionaries(paths), st.fixed_dictionaries(required, optional=optional)
        )

    return st.sampled_from(operations).flatmap(one)


def test_no_generated_request_is_a_server_error(api):
    client, spec = api

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.one_of(requests(spec, valid=True), requests(spec, valid=False)))
    def check(request):
        path, path_values, params = request
        url = path
        for name, value in path_values.items():
            url = url.replace("{" + name + "}", quote(value, safe=""))
        response = client.get(url, params=params)
        assert response.status_code < 500, (url, params, response.text[:300])

    check()
