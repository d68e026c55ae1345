#!/usr/bin/env python3
"""Browser and accessibility check of Kaiku's public figures and widget.

usage: check_public_figures.py [BASE_URL]   (default: $KAIKU_URL, else http://127.0.0.1:8080)

Uses the same headless Chromium, Selenium and axe-core set-up as
check_public_form.py (its helpers are imported from there). For fi, sv and en,
on a phone and a desktop viewport, it opens the public figures page of the unit
of the first target (/figures/units/{code}), the target's page
(/figures/targets/{code}), the widget (/widget/units/{code}), the index
(/figures) and the root unit's page with its child units, checks the
language, that every period shows figures or says in words why not (fewer
than the minimum n, or hidden to protect a smaller group), and runs axe-core (no serious or critical violations). It then
loads the widget in an iframe of a page served from another origin (a local
HTTP server on a free port) to prove that it may be framed, opens the pages
with JavaScript disabled, and reads the JSON endpoint with its CORS header
(a null n must say why in nSuppressed, a shown one be at least minimumN).
The unit page's 12-month trend has a row for each month with figures or
words; the widget says what NPS is; /figures gives every unit its NPS and n
(or why not) and its search works without JavaScript; the shares are drawn
in the one set of colours; nothing scrolls sideways on a phone.

Prints one line per check, and closes with 'N passed, M failed'. Exit status 0
only when every check passed.
"""

import http.server
import os
import signal
import sys
import threading
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_public_form import (  # noqa: E402
    BASE, LANGS, VIEWPORTS, Runner, html_lang, http_json, make_driver, require, run_axe, save_artifacts, scrolls_sideways)
from selenium.webdriver.common.by import By  # noqa: E402

# The words a period says instead of figures: fewer than the minimum n, or hidden for a smaller group's sake.
SUPPRESSED = {"fi": ("Tältä ajalta on alle %d vastausta", "Lukuja ei näytetä, jottei pienemmän ryhmän"),
              "sv": ("Färre än %d svar", "Siffrorna visas inte, så att en mindre grupps"),
              "en": ("Fewer than %d answers", "Not shown, so that a smaller group")}
MINIMUM_N = {"n": 5}
# ShareColours: promoters, passives, detractors, as the browser reports a fill.
SHARE_FILLS = {"s-promoter": "rgb(30, 107, 52)", "s-passive": "rgb(92, 92, 92)", "s-detractor": "rgb(164, 38, 44)"}


def check_share_colours(drv, where):
    for rect in drv.find_elements(By.CSS_SELECTOR, "svg rect[class^='s-']"):
        cls = rect.get_attribute("class")
        fill = drv.execute_script("return getComputedStyle(arguments[0]).fill", rect)
        require(SHARE_FILLS.get(cls) == fill, "%s: %s is drawn in %s, not in the shared colour %s" % (where, cls, fill, SHARE_FILLS.get(cls)))


def check_trend(drv, path):
    rows = drv.find_elements(By.CSS_SELECTOR, "#trend-table tbody tr")
    require(len(rows) == 12, "%s: the trend has %d months, expected 12" % (path, len(rows)))
    for row in rows:
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        require(cells and all(c.strip() for c in cells), "%s: a month of the trend is empty: %r" % (path, row.text))


def says_why(text, lang):
    below, complementary = SUPPRESSED[lang]
    return (below % MINIMUM_N["n"]) in text or complementary in text


def check_figures_page(drv, path, lang):
    drv.get("%s%s?lang=%s" % (BASE, path, lang))
    require(html_lang(drv) == lang, "%s: <html lang=%r>, expected %r" % (path, html_lang(drv), lang))
    require(drv.find_elements(By.TAG_NAME, "h1"), "%s has no <h1>" % path)
    periods = drv.find_elements(By.CSS_SELECTOR, "section.figures-period")
    require(len(periods) == 2, "%s: expected two period sections, found %d" % (path, len(periods)))
    for section in periods:
        text = section.text
        shown = section.find_elements(By.CSS_SELECTOR, "dl.figures dd")
        require(shown or says_why(text, lang),
                "%s: a period shows neither figures nor in words why not: %r" % (path, text[:200]))
    check_trend(drv, path)
    check_share_colours(drv, path)
    snippet = drv.find_elements(By.CSS_SELECTOR, ".figures-embed pre code")
    require(len(snippet) == 2 and "<iframe" in snippet[0].text, "%s: the iframe snippet is not shown as text" % path)


def check_widget(drv, path, lang):
    drv.get("%s%s?lang=%s" % (BASE, path, lang))
    require(html_lang(drv) == lang, "%s: <html lang=%r>, expected %r" % (path, html_lang(drv), lang))
    require(drv.find_elements(By.TAG_NAME, "h1"), "%s has no <h1>" % path)
    require(drv.find_elements(By.CSS_SELECTOR, "p.what") and "NPS" in drv.find_element(By.CSS_SELECTOR, "p.what").text,
            "%s does not say what NPS is" % path)
    check_share_colours(drv, path)
    links = drv.find_elements(By.TAG_NAME, "a")
    require(len(links) == 2, "%s: expected two links, found %d" % (path, len(links)))
    for a in links:
        require(a.get_attribute("target") == "_blank" and "noopener" in (a.get_attribute("rel") or ""),
                "%s: link %s does not open in a new tab with rel=noopener" % (path, a.get_attribute("href")))


class HostPage(http.server.BaseHTTPRequestHandler):
    """A county's web page on another origin, with the widget in an iframe."""
    widget = ""

    def do_GET(self):  # noqa: N802 - the name BaseHTTPRequestHandler wants
        body = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>County page</title></head>'
                '<body><main><h1>Our unit</h1><iframe id="kaiku" title="Customer feedback" src="%s" '
                'width="320" height="260"></iframe></main></body></html>' % self.widget).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def main():
    print("public figures checks against %s" % BASE)
    r = Runner()
    state = {}

    def find_target():
        status, body = http_json("GET", "/api/v1/targets?lang=fi")
        require(status == 200 and isinstance(body, list) and body, "GET /api/v1/targets?lang=fi -> %s %r" % (status, body))
        state["target"], state["unit"] = body[0]["code"], body[0]["unit"]
        print("      target %r, unit %r" % (state["target"], state["unit"]))

    if not r.check("targets: GET /api/v1/targets?lang=fi", find_target):
        print("%d passed, %d failed" % (r.passed, r.failed))
        return 1
    unit, target = urllib.parse.quote(state["unit"]), urllib.parse.quote(state["target"])

    def json_endpoint():
        req = urllib.request.Request("%s/api/v1/public/units/%s/figures?lang=sv" % (BASE, unit))
        with urllib.request.urlopen(req, timeout=30) as resp:
            require(resp.headers.get("Access-Control-Allow-Origin") == "*", "no Access-Control-Allow-Origin: *")
            import json
            body = json.load(resp)
        keys = [p.get("key") for p in body.get("periods", [])]
        require(keys == ["last30days", "last12months"], "periods %r" % keys)
        require(body.get("unit", {}).get("code") == state["unit"], "unit %r" % body.get("unit"))
        MINIMUM_N["n"] = body.get("minimumN")
        require(isinstance(MINIMUM_N["n"], int) and MINIMUM_N["n"] >= 1, "minimumN %r" % body.get("minimumN"))
        for period in body["periods"]:
            require("nSuppressed" in period and "publishedAt" in period, "%s lacks nSuppressed or publishedAt" % period["key"])
            if period["n"] is None:
                require(period["nSuppressed"] in ("belowMinimum", "complementary"),
                        "%s: n is null without saying why: %r" % (period["key"], period["nSuppressed"]))
            else:
                require(period["n"] >= MINIMUM_N["n"] and period["nSuppressed"] is None,
                        "%s: n %r shown below the minimum %r" % (period["key"], period["n"], MINIMUM_N["n"]))

    r.check("api: GET /api/v1/public/units/%s/figures with CORS" % state["unit"], json_endpoint)

    for vp in VIEWPORTS:
        try:
            drv = make_driver(vp)
        except Exception as e:  # noqa: BLE001
            r.check("%s: start Chromium" % vp, lambda e=e: (_ for _ in ()).throw(e))
            continue
        try:
            for lang in LANGS:
                name = "%s/%s" % (lang, vp)

                def pages(drv=drv, lang=lang, name=name):
                    check_figures_page(drv, "/figures/units/%s" % unit, lang)
                    run_axe(drv, "the unit figures page (%s)" % name)
                    check_figures_page(drv, "/figures/targets/%s" % target, lang)
                    run_axe(drv, "the target figures page (%s)" % name)
                    check_widget(drv, "/widget/units/%s" % unit, lang)
                    run_axe(drv, "the widget (%s)" % name)
                    # The index, and through it the first organisation's root unit, whose page lists child units.
                    drv.get("%s/figures?lang=%s" % (BASE, lang))
                    require(html_lang(drv) == lang, "/figures: <html lang=%r>" % html_lang(drv))
                    run_axe(drv, "the figures index (%s)" % name)
                    roots = drv.find_elements(By.CSS_SELECTOR, "ul.unit-tree > li > a")
                    require(roots, "/figures lists no units")
                    lines = drv.find_elements(By.CSS_SELECTOR, "ul.unit-tree li > .unit-figures")
                    require(len(lines) == len(drv.find_elements(By.CSS_SELECTOR, "ul.unit-tree li > a")) and all(x.text.strip() for x in lines),
                            "/figures: not every unit has its NPS and n or words for why not")
                    require(not scrolls_sideways(drv), "/figures scrolls sideways (%s)" % name)
                    save_artifacts(drv, "figures-index-%s-%s" % (lang, vp))
                    require("org=" in roots[0].get_attribute("href"),
                            "/figures links units without their organisation: %s" % roots[0].get_attribute("href"))
                    root = urllib.parse.urlparse(roots[0].get_attribute("href")).path
                    check_figures_page(drv, root, lang)
                    require(drv.find_elements(By.CSS_SELECTOR, "table caption[id^=children-]"), "%s lists no child units" % root)
                    require(not scrolls_sideways(drv), "%s scrolls sideways (%s)" % (root, name))
                    save_artifacts(drv, "figures-root-%s-%s" % (lang, vp))
                    run_axe(drv, "the root unit's figures page (%s)" % name)

                r.check("%s: figures pages and widget, axe" % name, pages, drv)
        finally:
            drv.quit()

    drv = make_driver("desktop")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), HostPage)
    HostPage.widget = "%s/widget/units/%s?lang=fi" % (BASE, unit)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        def framed():
            drv.get("http://127.0.0.1:%d/" % server.server_address[1])
            drv.switch_to.frame(drv.find_element(By.ID, "kaiku"))
            try:
                require(drv.find_elements(By.TAG_NAME, "h1") and html_lang(drv) == "fi",
                        "the widget did not load inside an iframe of another origin (blocked from framing?)")
            finally:
                drv.switch_to.default_content()
            run_axe(drv, "a page from another origin framing the widget")

        r.check("widget framed by a page of another origin", framed, drv)
    finally:
        server.shutdown()
        drv.quit()

    drv = make_driver("desktop", javascript=False)
    try:
        def no_js():
            drv.get("data:text/html,<p id=x>off</p><script>document.getElementById('x').textContent='on'</script>")
            require(drv.find_element(By.ID, "x").text == "off", "JavaScript is not disabled in this browser")
            check_figures_page(drv, "/figures/units/%s" % unit, "fi")
            check_widget(drv, "/widget/targets/%s" % target, "fi")
            # The search is a plain GET form: the first unit's name finds it.
            drv.get("%s/figures?lang=fi" % BASE)
            first = drv.find_element(By.CSS_SELECTOR, "ul.unit-tree > li > a").text
            field = drv.find_element(By.ID, "q")
            field.send_keys(first.split()[0].lower())
            field.submit()
            require("q=" in drv.current_url, "the search did not submit as GET: %s" % drv.current_url)
            require(drv.find_elements(By.ID, "results"), "the search shows no results heading")
            found = [a.text for a in drv.find_elements(By.CSS_SELECTOR, "ul.unit-tree li > a")]
            require(first in found, "searching for %r did not find %r: %r" % (first.split()[0], first, found[:10]))

        r.check("fi/no-js: figures page, widget and the /figures search without JavaScript", no_js, drv)
    finally:
        drv.quit()

    return r.finish()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
