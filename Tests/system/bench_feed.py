#!/usr/bin/env python3
"""Feedback feed benchmark: how long GET /api/v1/feedback takes for the typical
filters over a generated data set. Prints figures; it is not a timed test.

usage: bench_feed.py BASE_URL SERVER_PID

Against a server over a `kaiku generate` database, with KAIKU_ADMIN_EMAIL and
KAIKU_ADMIN_PASSWORD (an administrator of the whole organisation). For each
filter it times one cold request, then KAIKU_BENCH_REQUESTS (200) one after
another on a kept-alive connection, printing answers per page, first, p50 and
p99 in milliseconds, and finally the server's peak RSS (VmHWM).
"""

import http.client
import json
import os
import sys
import time
import urllib.parse

BASE = sys.argv[1].rstrip("/")
PID = sys.argv[2]
REQUESTS = int(os.environ.get("KAIKU_BENCH_REQUESTS", "200"))
HOST = urllib.parse.urlparse(BASE)


def connection():
    return http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=120)


def call(conn, method, path, body=None, token=None):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    raw = response.read()
    return response.status, raw


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def main():
    conn = connection()
    status, raw = call(conn, "POST", "/api/v1/auth/token",
                       {"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]})
    assert status == 200, (status, raw[:200])
    token = json.loads(raw)["token"]
    status, raw = call(conn, "GET", "/api/v1/units", token=token)
    units = json.loads(raw)
    parents = {u["parent"] for u in units if u.get("parent")}
    root = [u["code"] for u in units if u.get("parent") is None][0]
    areas = [u["code"] for u in units if u.get("parent") == root]
    leaves = [u["code"] for u in units if u["code"] not in parents]
    cases = [
        ("no filter", ""),
        ("theme", "theme=access-quality-care"),
        ("q, a common word", "q=odot"),
        ("q, a word found nowhere", "q=zyzzyva"),
        ("unit subtree (area)", "unit=" + areas[0]),
        ("unit subtree (leaf)", "unit=" + leaves[-1]),
        ("unread", "read=false"),
        ("detractors, negative, last 30 days", "score=detractor&sentiment=negative&from=%s" % time.strftime("%Y-%m-%d", time.gmtime(time.time() - 30 * 86400))),
        ("page 20", "offset=950"),
    ]
    print("%-38s %6s %9s %9s %9s" % ("filter", "rows", "first ms", "p50 ms", "p99 ms"))
    for name, query in cases:
        path = "/api/v1/feedback?limit=50" + ("&" + query if query else "")
        started = time.perf_counter()
        status, raw = call(conn, "GET", path, token=token)
        first = (time.perf_counter() - started) * 1000
        assert status == 200, (name, status, raw[:200])
        rows = len(json.loads(raw))
        times = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            status, _ = call(conn, "GET", path, token=token)
            times.append((time.perf_counter() - started) * 1000)
            assert status == 200
        print("%-38s %6d %9.1f %9.1f %9.1f" % (name, rows, first, percentile(times, 0.5), percentile(times, 0.99)))
    try:
        with open("/proc/%s/status" % PID) as status_file:
            peak = [line.split()[1] for line in status_file if line.startswith("VmHWM")][0]
        print("server peak RSS %s kB" % peak)
    except (OSError, IndexError):
        pass


if __name__ == "__main__":
    sys.exit(main())
