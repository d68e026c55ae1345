#!/usr/bin/env python3
"""Every page at every width: a sweep of Kaiku's public and staff pages.

usage: check_all_pages.py [BASE_URL]      (default: $KAIKU_URL, else http://127.0.0.1:8080)

Runs against `kaiku demo`. Finds the pages by following links — from the start page,
the status and figures pages as a resident, and from the staff home, the
Administration hub and the account page as the demo administrator — and matches
each address to a GET route of the server's own route table (`$KAIKU_BIN routes`):
one page per route. Every route that serves a page must be reached, or be named in
NOT_LINKED with the reason and the check that covers it, so that a new page cannot
slip past the sweep unseen.

For each page, in Finnish at 320, 390 and 1366 px: nothing scrolls sideways (WCAG
2.1 1.4.10; a wide data table may scroll inside its own box, which does not widen
the page), axe-core (wcag2a, wcag2aa, wcag21a, wcag21aa; the newest axe-core the
machine has, see check_public_form.axe_script_path) finds no serious or critical
violation, and a full-page screenshot goes to $KAIKU_ARTIFACTS/pages/ for a person
to look at. In Swedish and English the same at 390 px.

Environment: as check_public_form.py, plus
  KAIKU_BIN                   the server binary whose routes are swept (default .build/debug/kaiku)
  KAIKU_DEMO_ADMIN_EMAIL      the demo administrator (default admin@demo.kaiku.fi)
  KAIKU_DEMO_PASSWORD         the demo users' password (default kaiku-demo-2026)
  KAIKU_SWEEP_LIMIT           at most this many pages (default 120)
  KAIKU_SWEEP_PASSES          fewer passes, as lang:width pairs (default all five)
  KAIKU_SWEEP_NOTES_UNIT      the unit whose "what we did" notes are swept (default the demo's)
"""

import base64
import os
import re
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402

BASE = pf.BASE
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("KAIKU_BIN") or os.path.join(ROOT, ".build", "debug", "kaiku")
ADMIN = os.environ.get("KAIKU_DEMO_ADMIN_EMAIL", "admin@demo.kaiku.fi")
PASSWORD = os.environ.get("KAIKU_DEMO_PASSWORD", "kaiku-demo-2026")
LIMIT = int(os.environ.get("KAIKU_SWEEP_LIMIT", "120"))
SHOTS = os.path.join(pf.ARTIFACTS, "pages")
ROUTES = []  # the server's GET routes, read once at the start

WIDTHS = {
    320: dict(width=320, height=720, deviceScaleFactor=1, mobile=True),
    390: dict(width=390, height=844, deviceScaleFactor=1, mobile=True),
    1366: dict(width=1366, height=900, deviceScaleFactor=1, mobile=False),
}
# Finnish at every width; the other languages at one phone width. KAIKU_SWEEP_PASSES
# ("fi:390,sv:390") bounds a run to fewer passes (system-checks.sh does so on its second database).
PASSES = [("fi", 1366), ("fi", 390), ("fi", 320), ("sv", 390), ("en", 390)]
if os.environ.get("KAIKU_SWEEP_PASSES"):
    PASSES = [(p.split(":")[0], int(p.split(":")[1])) for p in os.environ["KAIKU_SWEEP_PASSES"].split(",")]

PUBLIC_SEEDS = ["/", "/status", "/figures", "/kiosk", "/staff/login"]
# The demo's notes are the handler's unit's ("what we did" notes are chosen by unit, through a form).
NOTES_UNIT = os.environ.get("KAIKU_SWEEP_NOTES_UNIT", "JH-TER-VAST-KESK")
STAFF_SEEDS = ["/staff", "/staff/admin", "/staff/account", "/staff/account/two-factor", "/staff/dashboard",
               "/staff/notes?unit=" + NOTES_UNIT]

# Routes that answer with something other than a page, or that no page links to.
NOT_PAGES = re.compile(
    r"^/(api|open311|brand)/|^/(healthz|readyz|openapi\.json)$|\.(css|js|svg|png|csv|pdf|json)$|/(qr\.svg|qr\.png)$"
)
NOT_LINKED = {
    "/setup/:token": "the first administrator's one-time address; the into-service check walks it",
    "/setup/done": "the end of setting up; the into-service check walks it",
    "/staff/oidc/login": "a redirect to the identity provider; the single sign-on check follows it",
    "/staff/oidc/callback": "the identity provider's return; the single sign-on check follows it",
    "/staff/login/code": "the second step of a sign-in with a second factor; SecondFactorSignInTests",
    "/staff/login/two-factor": "setting up a required second factor mid sign-in; SecondFactorSignInTests",
    "/staff/password/:token": "an e-mailed one-time address; the into-service check walks it",
    "/staff/password/set": "the answer to an e-mailed one-time address; the into-service check walks it",
    "/staff/reports/unsubscribe/:token": "an e-mailed one-time address; MonthlyReportSubscriptionTests",
    "/t/:code": "the short address on posters redirects to /f/:code, which is swept",
    "/t/:code/remote": "the short address of the remote form redirects to /f/:code/remote",
}
# Pages no page links to, on purpose, whose address follows from a page that was found:
# (route, the found route it follows from, how its address is made from that one's).
DERIVED = [
    ("/f/:code/remote", "/f/:code", lambda path: path + "/remote"),  # given to customers of remote appointments
    ("/t/:code/print", "/f/:code", lambda path: "/t/" + path.split("/")[2] + "/print"),  # printed from the poster page
    ("/widget/units/:code", "/figures/units/:code", lambda path: path.replace("/figures/", "/widget/", 1)),  # embedded
    ("/widget/targets/:code", "/figures/targets/:code", lambda path: path.replace("/figures/", "/widget/", 1)),
    ("/status/:receipt", "/thanks/:receipt", lambda path: path.replace("/thanks/", "/status/", 1)),  # the code on the receipt
]


def server_routes():
    """The GET routes of the server's route table, as (pattern, regex) pairs."""
    out = subprocess.run([BIN, "routes"], capture_output=True, text=True, timeout=120, check=False)
    require(out.returncode == 0, "`%s routes` failed: %s" % (BIN, out.stderr.strip()[-300:]))
    routes = []
    for line in out.stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2 or cells[0] != "GET" or NOT_PAGES.search(cells[1]):
            continue
        pattern = cells[1]
        parts = [("[^/]+" if s.startswith(":") else ".*" if s == "**" else re.escape(s)) for s in pattern.split("/")]
        routes.append((pattern, re.compile("^" + "/".join(parts) + "$")))
    require(routes, "no GET routes in the output of `%s routes`" % BIN)
    return routes


def route_of(routes, path):
    """The most literal route matching a path (a literal segment beats a parameter)."""
    found = [(p.count(":") + p.count("*"), p) for p, rx in routes if rx.match(path)]
    return min(found)[1] if found else None


def with_lang(url, lang):
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True) if k != "lang"]
    query.append(("lang", lang))
    return urllib.parse.urlunsplit(("", "", parts.path, urllib.parse.urlencode(query), ""))


def driver(width):
    pf.VIEWPORTS["w%d" % width] = WIDTHS[width]
    return pf.make_driver("w%d" % width)


def links_on(drv):
    hrefs = drv.execute_script(
        "return Array.from(document.querySelectorAll('a[href]'))"
        ".filter(function (a) { return !a.hasAttribute('download'); })"
        ".map(function (a) { return a.href; });"
    )
    base = urllib.parse.urlsplit(BASE)
    out = []
    for href in hrefs or []:
        u = urllib.parse.urlsplit(href)
        if (u.scheme, u.netloc) == (base.scheme, base.netloc):
            out.append(urllib.parse.urlunsplit(("", "", u.path or "/", u.query, "")))
    return out


def crawl(drv, routes, seeds, pages):
    """Breadth first from the seeds; the first address met for each route is its page."""
    queue = list(seeds)
    seen = set()
    while queue and len(pages) < LIMIT:
        url = queue.pop(0)
        path = urllib.parse.urlsplit(url).path
        route = route_of(routes, path)
        if url in seen or route is None or route in pages or route in NOT_LINKED:
            continue
        seen.add(url)
        drv.get(BASE + with_lang(url, "fi"))
        landed = urllib.parse.urlsplit(drv.current_url).path
        if route_of(routes, landed) != route:
            continue  # a redirect (for example to the sign-in page): the page it led to counts on its own
        pages[route] = url
        queue.extend(links_on(drv))


def thanks_page(drv):
    """The thank-you page exists only after an answer: send one from the first form."""
    forms = [u for u in links_on(drv) if u.startswith("/f/")]
    require(forms, "no form link on the start page")
    drv.get(BASE + with_lang(forms[0], "fi"))
    pf.fill_and_submit(drv, "fi")
    pf.read_receipt(drv, "fi")
    return urllib.parse.urlsplit(drv.current_url).path


def full_screenshot(drv, name):
    metrics = drv.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics.get("contentSize")
    width = drv.execute_script("return document.documentElement.clientWidth")
    height = min(int(size["height"]), 8000)
    shot = drv.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    with open(os.path.join(SHOTS, name + ".png"), "wb") as f:
        f.write(base64.b64decode(shot["data"]))


def overflowing_elements(drv):
    """What sticks out past the right edge, for the failure message."""
    return drv.execute_script(
        "var w = document.documentElement.clientWidth, out = [];"
        "document.querySelectorAll('body *').forEach(function (e) {"
        "  var r = e.getBoundingClientRect();"
        "  if (r.right > w + 1 && r.width > 0) {"
        "    var p = e.parentElement, inBox = false;"
        "    for (; p; p = p.parentElement) { var o = getComputedStyle(p).overflowX;"
        "      if (o === 'auto' || o === 'scroll' || o === 'hidden') { inBox = true; break; } }"
        "    if (!inBox) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +"
        "      (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '') +"
        "      ' right=' + Math.round(r.right)); } });"
        "return out.slice(0, 8);"
    )


def slug(route):
    return re.sub(r"[^A-Za-z0-9]+", "_", route).strip("_") or "start"


def visit(drv, url, lang, width, route):
    drv.get(BASE + with_lang(url, lang))
    landed = route_of(ROUTES, urllib.parse.urlsplit(drv.current_url).path)
    require(landed == route, "%s led to %s, not to the page of %s" % (url, drv.current_url, route))
    require(pf.html_lang(drv) == lang, "%s is not in %s (<html lang=%r>)" % (url, lang, pf.html_lang(drv)))
    full_screenshot(drv, "%s-%s-%d" % (slug(route), lang, width))
    if pf.scrolls_sideways(drv):
        raise pf.CheckFailed("%s scrolls sideways at %d px (%s): %s" % (
            url, width, lang, ", ".join(overflowing_elements(drv)) or "no single element found"))
    pf.run_axe(drv, "%s (%s, %d px)" % (url, lang, width))


def main():
    os.makedirs(SHOTS, exist_ok=True)
    print("page sweep of %s (screenshots in %s)" % (BASE, SHOTS))
    r = pf.Runner()
    routes = server_routes()
    ROUTES.extend(routes)
    public, staff = {}, {}
    drivers = {}
    try:
        crawler = drivers[1366] = driver(1366)

        def find_pages():
            crawl(crawler, routes, PUBLIC_SEEDS, public)
            crawler.get(BASE + "/?lang=fi")
            thanks = thanks_page(crawler)
            require(route_of(routes, thanks) == "/thanks/:receipt", "sending an answer led to %s, not a thank-you page" % thanks)
            public["/thanks/:receipt"] = thanks
            for route, source, make in DERIVED:
                if source in public and route not in public:
                    public[route] = make(urllib.parse.urlsplit(public[source]).path)
            pf.sign_in(crawler, ADMIN, PASSWORD)
            crawl(crawler, routes, STAFF_SEEDS, staff)
            missing = sorted(p for p, _ in routes
                             if p not in public and p not in staff and p not in NOT_LINKED)
            print("    %d public and %d staff pages found" % (len(public), len(staff)))
            require(not missing, "no page links to these routes (link them, or name them in NOT_LINKED "
                    "with the check that covers them): " + ", ".join(missing))

        r.check("every page is reachable by a link", find_pages, crawler)

        for lang, width in PASSES:
            if width not in drivers:
                drivers[width] = driver(width)
                if staff:
                    pf.sign_in(drivers[width], ADMIN, PASSWORD)
            drv = drivers[width]
            t0 = time.monotonic()
            failures = []
            for route, url in list(public.items()) + list(staff.items()):
                try:
                    visit(drv, url, lang, width, route)
                except Exception as e:  # noqa: BLE001 - each page is reported, the pass goes on
                    lines = (str(e) or type(e).__name__).splitlines()
                    failures.append("%s: %s" % (route, "\n    ".join(lines[:14])))
                    pf.save_artifacts(drv, "sweep-%s-%s-%d" % (slug(route), lang, width))

            def verdict(failures=failures):
                require(not failures, "%d page(s) failed:\n" % len(failures) + "\n".join(failures))

            print("    %s at %d px: %d pages in %.0f s" % (lang, width, len(public) + len(staff), time.monotonic() - t0))
            r.check("%d pages in %s at %d px: no sideways scrolling, axe, screenshot" % (
                len(public) + len(staff), lang, width), verdict)
    finally:
        for drv in drivers.values():
            drv.quit()
    return r.finish()


if __name__ == "__main__":
    sys.exit(main())
