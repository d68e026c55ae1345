#!/usr/bin/env python3
"""Report benchmark: the figures supervisors and analysts read, over a data set
made by `kaiku generate`. Prints figures; it is not a timed test.

usage: bench_reports.py BASE_URL SERVER_PID

Against a running server whose database `kaiku generate` filled and whose
administrator is KAIKU_ADMIN_EMAIL/PASSWORD: signs in through the API (token)
and through the sign-in form (session cookie), then for each case measures
one cold request and KAIKU_BENCH_REQUESTS (default 40) sequential requests on
one keep-alive connection, printing the first, p50, p90 and p99 latency, and
finally the server's peak RSS (VmHWM from /proc).

KAIKU_BENCH_CASES (phrases separated by "|") runs only the cases whose name
holds one of them; KAIKU_BENCH_RESULTS names a file to which each case's
figures are appended as a JSON line (with KAIKU_BENCH_TAG and the database),
for scripts/bench-scaling.sh.
"""

import datetime
import http.client
import http.cookiejar
import json
import os
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
PID = sys.argv[2]
REQUESTS = int(os.environ.get("KAIKU_BENCH_REQUESTS", "40"))
CASES = [word for word in os.environ.get("KAIKU_BENCH_CASES", "").split("|") if word]
RESULTS = os.environ.get("KAIKU_BENCH_RESULTS")
HOST = urllib.parse.urlparse(BASE)


def token():
    body = json.dumps({"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]}).encode()
    request = urllib.request.Request(BASE + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.load(response)["token"]


def session_cookie():
    """Signs in through the form, as a browser does, and returns the session cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/staff/login", timeout=60).read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = {"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"], "csrf": csrf, "next": "/staff"}
    opener.open(BASE + "/staff/login", urllib.parse.urlencode(form).encode(), timeout=60).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def measure(path, headers):
    connection = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=120)
    timings = []
    size = 0
    for _ in range(REQUESTS + 1):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - start) * 1000)
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}: {body[:300]!r}")
        size = len(body)
    connection.close()
    first, rest = timings[0], sorted(timings[1:])
    pick = lambda q: rest[min(len(rest) - 1, int(q * len(rest)))]
    return first, statistics.median(rest), pick(0.9), pick(0.99), size


def peak_rss_mb():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    bearer = {"Authorization": "Bearer " + token(), "Accept": "application/json"}
    cookie = {"Cookie": session_cookie()}
    request = urllib.request.Request(BASE + "/api/v1/units", headers=bearer)
    units = json.load(urllib.request.urlopen(request, timeout=60))
    root = next(u["code"] for u in units if u["parent"] is None)
    children = [u["code"] for u in units if u["parent"] == root]
    area = children[0]
    middle = next(u["code"] for u in units if u["parent"] == area)
    leaf = next((u["code"] for u in units if u["parent"] == middle), middle)
    today = datetime.date.today()
    year = today.year
    rolling_from = (today.replace(year=today.year - 1) + datetime.timedelta(days=1)).isoformat()
    summary = "/api/v1/reports/summary?unit={unit}&from={frm}&to={to}&groupBy={by}"
    cases = [
        ("API whole organisation, calendar year, by unit (roll-up to every level)", summary.format(unit=root, frm=f"{year}-01-01", to=f"{year}-12-31", by="unit"), bearer),
        ("API whole organisation, rolling 12 months, by unit", summary.format(unit=root, frm=rolling_from, to=today.isoformat(), by="unit"), bearer),
        ("API whole organisation, rolling 12 months, by month", summary.format(unit=root, frm=rolling_from, to=today.isoformat(), by="month"), bearer),
        ("API whole organisation, rolling 12 months, by channel", summary.format(unit=root, frm=rolling_from, to=today.isoformat(), by="channel"), bearer),
        (f"API service area {area}, calendar year, by unit", summary.format(unit=area, frm=f"{year}-01-01", to=f"{year}-12-31", by="unit"), bearer),
        (f"page: dashboard of the whole organisation ({root}), calendar year", f"/staff/dashboard?unit={root}&from={year}-01-01&to={year}-12-31", cookie),
        (f"page: dashboard of the whole organisation ({root}), last 12 months", f"/staff/dashboard?unit={root}", cookie),
        (f"page: dashboard of unit {middle}, last 12 months", f"/staff/dashboard?unit={middle}", cookie),
        (f"page: dashboard of unit {leaf}, last 12 months, by week", f"/staff/dashboard?unit={leaf}&trend=week&from={(today - datetime.timedelta(days=90)).isoformat()}", cookie),
    ]
    cases = [case for case in cases if not CASES or any(word in case[0] for word in CASES)]
    print(f"{'case':<86} {'first':>8} {'p50':>8} {'p90':>8} {'p99':>8} {'bytes':>8}")
    for name, path, headers in cases:
        first, p50, p90, p99, size = measure(path, headers)
        print(f"{name:<86} {first:7.1f}ms {p50:7.1f}ms {p90:7.1f}ms {p99:7.1f}ms {size:8d}", flush=True)
        record(case=name, first=first, p50=p50, p90=p90, p99=p99)
    print(f"server peak RSS (VmHWM): {peak_rss_mb():.0f} MB")
    record(case="server peak RSS", rss_mb=peak_rss_mb())


def record(**figures):
    if RESULTS:
        with open(RESULTS, "a") as out:
            out.write(json.dumps({"tag": os.environ.get("KAIKU_BENCH_TAG", ""), "database": os.environ.get("KAIKU_BENCH_DATABASE", ""), **figures}) + "\n")


main()
