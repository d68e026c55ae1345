#!/usr/bin/env python3
"""Inbox benchmark: how long the staff inbox takes to render for a handler with
10,000 open cases. Prints figures; it is not a timed test.

usage: bench_inbox.py BASE_URL SERVER_PID

Against a running `kaiku demo` (or any server with KAIKU_ADMIN_EMAIL/PASSWORD):
creates a handler whose scope is the organisation's root unit, sends
KAIKU_BENCH_CASES (default 10,000) answers asking for a reply through
POST /api/v1/responses (8 threads), signs the handler in through the sign-in
form (cookie + CSRF, as a browser does), checks the inbox counts them, then for
each of a few inbox views measures one cold request with its own clock and runs
  wrk -t2 -c4 -d10s --latency -H 'Cookie: kaiku_session=…' URL
printing requests/s, p50 and p99, and finally the server's peak RSS (VmHWM).
"""

import concurrent.futures
import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request

BASE = sys.argv[1].rstrip("/")
PID = sys.argv[2]
CASES = int(os.environ.get("KAIKU_BENCH_CASES", "10000"))
DURATION = os.environ.get("KAIKU_BENCH_DURATION", "10s")
HANDLER = "bench-handler@example.org"
PASSWORD = "bench-Handler-password-1"


def call(method, path, body=None, token=None):
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    request = urllib.request.Request(BASE + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def setup():
    status, body = call("POST", "/api/v1/auth/token",
                        {"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]})
    assert status == 200, (status, body)
    admin = body["token"]
    _, units = call("GET", "/api/v1/units", token=admin)
    root = [u["code"] for u in units if u.get("parent") is None][0]
    status, body = call("POST", "/api/v1/users", {"email": HANDLER, "password": PASSWORD, "role": "handler", "unit": root}, token=admin)
    assert status in (201, 409), (status, body)
    _, targets = call("GET", "/api/v1/targets?lang=fi")
    return admin, [t["code"] for t in targets]


def send_answers(targets):
    def one(i):
        status, body = call("POST", "/api/v1/responses", {
            "target": targets[i % len(targets)], "channel": ["web", "kiosk", "paper"][i % 3], "language": "fi",
            "answers": {"nps": i % 11}, "openText": "Vastatkaa minulle, palaute numero %d." % i,
            "contact": {"email": "asiakas%d@example.fi" % i}, "wantsAnswer": True})
        return status
    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(one, range(CASES)))
    bad = [s for s in statuses if s != 201]
    assert not bad, "%d answers were refused: %r" % (len(bad), bad[:5])
    print("sent %d answers asking for a reply in %.1f s" % (CASES, time.monotonic() - started))


def sign_in():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(BASE + "/staff/login").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"email": HANDLER, "password": PASSWORD, "csrf": csrf, "next": "/staff"}).encode()
    inbox = opener.open(BASE + "/staff/login", data=form).read().decode()
    session = [c.value for c in jar if c.name == "kaiku_session"]
    assert session, "no session cookie after signing in"
    counts = re.search(r'id="inbox-counts">([^<]+)<', inbox).group(1)
    print("inbox after signing in: %s" % counts)
    return session[0], counts


def measure(cookie, path):
    request = urllib.request.Request(BASE + path, headers={"Cookie": "kaiku_session=" + cookie})
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=60) as response:
        size = len(response.read())
    cold = (time.monotonic() - started) * 1000
    out = subprocess.run(["wrk", "-t2", "-c4", "-d" + DURATION, "--latency", "-H", "Cookie: kaiku_session=" + cookie, BASE + path],
                         capture_output=True, text=True, check=True).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
    p50 = re.search(r"\s50%\s+([\d.]+\w+)", out).group(1)
    p99 = re.search(r"\s99%\s+([\d.]+\w+)", out).group(1)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    print("%-34s first %6.1f ms  %7s req/s  p50 %8s  p99 %8s  %6d bytes%s" % (
        path, cold, rps, p50, p99, size, "  NON-2XX %s" % non2xx.group(1) if non2xx else ""))
    return non2xx is None


def rss():
    with open("/proc/%s/status" % PID) as f:
        return [line.split(":")[1].strip() for line in f if line.startswith("VmHWM")][0]


def main():
    admin, targets = setup()
    send_answers(targets)
    cookie, counts = sign_in()
    total = int(re.match(r"\d+", counts).group(0))
    assert total >= CASES, "the inbox counts %d cases, expected at least %d" % (total, CASES)
    ok = True
    for path in ["/staff", "/staff?page=100", "/staff?due=soon", "/staff?channel=paper&status=all", "/staff?theme=thanks"]:
        ok = measure(cookie, path) and ok
    print("server peak RSS (VmHWM): %s" % rss())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
