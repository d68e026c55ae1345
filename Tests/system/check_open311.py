#!/usr/bin/env python3
"""Open311 check: a published GeoReport v2 client that nobody here wrote (the
`georeport` package on PyPI) reads the running demo server in JSON and XML,
and a feedback posted form-encoded with an API key, as the standard says,
is not public until an administrator publishes it, and then comes back
through it with its contact details kept out.

usage: check_open311.py BASE_URL   (KAIKU_OPEN311_KEY: a key from `kaiku api-key create`)

The fields are checked against the 6Aika feedback API (palaute.swagger.yaml):
the GeoReport request fields and types, and with extensions=true the
CitySDK title, media_urls and service_object_* and the 6Aika request_history.
"""

import datetime
import os
import sys

import requests
from georeport import GeoReport

BASE = sys.argv[1].rstrip("/") + "/open311/v2"
KEY = os.environ["KAIKU_OPEN311_KEY"]
HISTORY_STATUSES = {"received", "allocated", "handling", "done"}
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def as_list(value):
    """xmltodict gives one element as a dict and several as a list."""
    return value if isinstance(value, list) else [value]


def check_request(request, where):
    for field in ("service_request_id", "status", "service_code", "requested_datetime"):
        check(isinstance(request.get(field), str) and request[field], f"{where}: {field} is a non-empty string")
    check(request.get("status") in ("open", "closed"), f"{where}: status is open or closed, not {request.get('status')}")
    for field in ("requested_datetime", "updated_datetime", "expected_datetime"):
        if field in request:
            try:
                parsed = datetime.datetime.fromisoformat(request[field])
                check(parsed.tzinfo is not None, f"{where}: {field} has a zone")
            except ValueError:
                check(False, f"{where}: {field} {request[field]!r} is ISO 8601")


def main():
    for output in ("json", "xml"):
        client = GeoReport(BASE, output_format=output)
        services = as_list(client.get_service_list())
        check(len(services) > 10, f"{output}: the demo county's targets are listed as services ({len(services)})")
        for service in services:
            check(service.get("service_code") and service.get("service_name"), f"{output}: a service has a code and a name")
            check(service.get("type") in ("realtime", "batch", "blackbox"), f"{output}: service type {service.get('type')}")
        code = services[0]["service_code"]
        definition = client.get_service_definition(code)
        check(definition.get("service_code") == code, f"{output}: the service definition of {code}")
        recent = as_list(client.get_service_requests())
        check(len(recent) > 0, f"{output}: the demo's public feedback is listed")
        for request in recent[:50]:
            check_request(request, f"{output} list")
        times = [datetime.datetime.fromisoformat(r["requested_datetime"]) for r in recent]
        check(times == sorted(times, reverse=True), f"{output}: newest first")

    posted = requests.post(BASE + "/requests.json", data={
        "api_key": KEY, "service_code": code, "title": "Kiitos hoitajalle",
        "description": "Hoitaja oli kärsivällinen. Soittakaa minulle 040 765 4321.",
        "first_name": "Testi", "last_name": "Asiakas", "email": "testi.asiakas@example.org",
    }, timeout=30)
    check(posted.status_code == 200, f"POST requests.json with a key: {posted.status_code} {posted.text}")
    request_id = posted.json()[0]["service_request_id"]
    check(isinstance(request_id, str), "service_request_id is a string")
    refused = requests.post(BASE + "/requests.json", data={"api_key": "kaiku_nope", "service_code": code, "description": "x"}, timeout=30)
    check(refused.status_code == 403 and refused.json()[0]["code"] == 403, f"a wrong key is refused with 403: {refused.text}")

    # No public word without a look first: the posted text waits for a handler.
    waiting = requests.get(f"{BASE}/requests/{request_id}.json", timeout=30)
    check(waiting.status_code == 404, f"feedback nobody has reviewed is not public: {waiting.status_code}")
    root = BASE.rsplit("/open311/v2", 1)[0]
    signed_in = requests.post(root + "/api/v1/auth/token", json={
        "email": os.environ.get("KAIKU_ADMIN_EMAIL", "admin@demo.kaiku.fi"),
        "password": os.environ.get("KAIKU_ADMIN_PASSWORD", "kaiku-demo-2026")}, timeout=30)
    check(signed_in.status_code == 200, f"an administrator signs in to review: {signed_in.status_code} {signed_in.text}")
    token = signed_in.json().get("token", "") if signed_in.status_code == 200 else ""
    published = requests.put(f"{root}/api/v1/responses/{request_id}/public", json={"public": True},
                             headers={"Authorization": f"Bearer {token}"}, timeout=30)
    check(published.status_code == 200, f"the administrator publishes it: {published.status_code} {published.text}")

    for output in ("json", "xml"):
        client = GeoReport(BASE, output_format=output)
        found = as_list(client.get_service_requests(service_request_id=request_id))
        check([r["service_request_id"] for r in found] == [request_id], f"{output}: the posted feedback by service_request_id")
        one = client.get_service_request(request_id)
        check_request(one, f"{output} one")
        check(one["status"] == "open", f"{output}: feedback with contact details is open until answered")
        check("[PHONE]" in one["description"] and "4321" not in one["description"], f"{output}: the phone number is masked")
        check(one["service_code"] == code, f"{output}: service_code {one['service_code']}")
        opened = as_list(client.get_service_requests(status="open", service_code=code))
        check(request_id in [r["service_request_id"] for r in opened], f"{output}: status=open&service_code={code} finds it")
        closed = as_list(client.get_service_requests(status="closed") or [])
        check(request_id not in [r["service_request_id"] for r in closed if r], f"{output}: status=closed leaves it out")

    extended = requests.get(f"{BASE}/requests/{request_id}.json", params={"extensions": "true", "locale": "fi"}, timeout=30)
    body = extended.text
    request = extended.json()[0]
    check(request.get("title") == "Kiitos hoitajalle", f"extensions: title {request.get('title')!r}")
    check(request.get("media_urls") == [], "extensions: media_urls is a list")
    check(isinstance(request.get("service_object_id"), str) and request.get("service_object_type"), "extensions: service object")
    history = request.get("request_history") or []
    check(history and history[0]["status"] == "received", f"extensions: request_history starts received: {history}")
    check(all(step["status"] in HISTORY_STATUSES and step.get("time") for step in history), "extensions: history steps are 6Aika statuses with times")
    for secret in ("Testi", "Asiakas", "testi.asiakas@example.org", "765 4321"):
        check(secret not in body, f"{secret!r} must not be public")

    if failures:
        print(f"{len(failures)} Open311 checks failed")
        sys.exit(1)
    print("Open311 check passed: georeport read services, definitions and requests in JSON and XML; a posted feedback came back masked")


main()
