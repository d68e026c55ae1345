#!/usr/bin/env python3
"""Reports and dashboards with periods and units that change on every request,
so that nothing one request computed can stand in for the next. Prints p50,
p90 and the slowest of N requests per case (env N, default 40) and the
server's peak RSS; it is not a timed test.

usage: bench_varied_reports.py BASE_URL SERVER_PID
(the administrator from KAIKU_ADMIN_EMAIL / KAIKU_ADMIN_PASSWORD, over a
`kaiku generate` data set: root, service areas, units)
"""
import datetime, http.client, http.cookiejar, json, os, random, re, statistics, sys, time, urllib.parse, urllib.request
BASE = sys.argv[1].rstrip("/"); PID = sys.argv[2]; N = int(os.environ.get("N", "40")); HOST = urllib.parse.urlparse(BASE)
def token():
    body = json.dumps({"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]}).encode()
    r = urllib.request.Request(BASE + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(r, timeout=60))["token"]
def cookie():
    jar = http.cookiejar.CookieJar(); op = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = op.open(BASE + "/staff/login", timeout=60).read().decode()
    csrf = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
    op.open(BASE + "/staff/login", urllib.parse.urlencode({"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"], "csrf": csrf, "next": "/staff"}).encode(), timeout=60).read()
    return "; ".join(f"{c.name}={c.value}" for c in jar)
bearer = {"Authorization": "Bearer " + token(), "Accept": "application/json"}; ck = {"Cookie": cookie()}
units = json.load(urllib.request.urlopen(urllib.request.Request(BASE + "/api/v1/units", headers=bearer), timeout=60))
root = next(u["code"] for u in units if u["parent"] is None)
areas = [u["code"] for u in units if u["parent"] == root]
leaves = [u["code"] for u in units if u["parent"] in areas]
today = datetime.date.today(); rnd = random.Random(7)
def day(d): return d.isoformat()
def period(kind):
    if kind == "year": return f"{today.year}-01-01", f"{today.year}-12-31"
    end = today - datetime.timedelta(days=rnd.randrange(0, 20))
    if kind == "12m": return day(end.replace(year=end.year - 1) + datetime.timedelta(days=1)), day(end)
    if kind == "30d": return day(end - datetime.timedelta(days=29)), day(end)
    a = today - datetime.timedelta(days=rnd.randrange(0, 360)); b = today - datetime.timedelta(days=rnd.randrange(0, 360))
    return day(min(a, b)), day(max(a, b))
def run(name, make, headers):
    c = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=120); t = []
    for _ in range(N + 1):
        path = make(); s = time.perf_counter(); c.request("GET", path, headers=headers); r = c.getresponse(); b = r.read(); t.append((time.perf_counter() - s) * 1000)
        if r.status != 200: raise SystemExit(f"{path}: {r.status} {b[:200]!r}")
    rest = sorted(t[1:]); print(f"{name:<62} p50 {statistics.median(rest):7.1f} ms  p90 {rest[int(0.9*len(rest))]:7.1f} ms  max {rest[-1]:7.1f} ms", flush=True)
S = "/api/v1/reports/summary?unit={u}&from={f}&to={t}&groupBy={g}"
for kind in ["year", "12m", "30d", "range"]:
    for g in ["unit", "month", "channel", "language"]:
        run(f"API whole organisation, {kind}, by {g}", lambda kind=kind, g=g: S.format(u=root, f=(p := period(kind))[0], t=p[1], g=g), bearer)
run("API a random service area, random range, by unit", lambda: S.format(u=rnd.choice(areas), f=(p := period("range"))[0], t=p[1], g="unit"), bearer)
run("API a random unit, random range, by month", lambda: S.format(u=rnd.choice(leaves), f=(p := period("range"))[0], t=p[1], g="month"), bearer)
run("page: dashboard whole organisation, 12m (varying end)", lambda: "/staff/dashboard?unit={}&from={}&to={}".format(root, *period("12m")), ck)
run("page: dashboard whole organisation, random range", lambda: "/staff/dashboard?unit={}&from={}&to={}".format(root, *period("range")), ck)
run("page: dashboard of a random unit, 12m (varying end)", lambda: "/staff/dashboard?unit={}&from={}&to={}".format(rnd.choice(leaves), *period("12m")), ck)
run("page: dashboard of a random service area, random range", lambda: "/staff/dashboard?unit={}&from={}&to={}".format(rnd.choice(areas), *period("range")), ck)
for line in open(f"/proc/{PID}/status"):
    if line.startswith("VmHWM"): print("server peak RSS", int(line.split()[1]) // 1024, "MB")
