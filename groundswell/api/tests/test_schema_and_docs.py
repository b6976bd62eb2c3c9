from openapi_spec_validator import validate


def test_the_openapi_schema_is_valid_and_lists_every_resource(client, world):
    response = client.get("/api/v2/schema/")

    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    for name in ["people", "tags", "petitions", "forms", "events", "lists"]:
        assert f"/{name}" in spec["paths"]
    assert spec["components"]["securitySchemes"]["OSDIToken"]["name"] == "OSDI-API-Token"


def test_a_browser_at_the_api_root_gets_a_readable_page(client, world):
    response = client.get("/api/v2/", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert b"OSDI-API-Token" in response.content
    assert b"<h1>" in response.content


def test_the_api_page_is_translated(client, world):
    response = client.get("/api/v2/docs/", headers={"Accept-Language": "es"})

    assert response.status_code == 200
    assert response["Content-Language"] == "es"


def test_a_client_at_the_api_root_gets_the_entry_point(api):
    data = api.get("").json()

    assert data["_links"]["osdi:people"]["href"] == "http://testserver/api/v2/people"
