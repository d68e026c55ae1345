#!/usr/bin/env python3
"""Browser and accessibility check of the annual customer report.

usage: check_annual_report.py [BASE_URL]    (default: $KAIKU_URL, else http://127.0.0.1:8080)

Runs against `kaiku demo`. In headless Chromium the demo supervisor signs in,
chooses a unit and this year on /staff/reports/annual and follows the link to
the report; axe-core audits the report in fi, sv and en (and the choosing
page), the report has its language and title, no navigation or form, and at
320 px it reflows without sideways scrolling. Through the API the same
report's figures equal GET /api/v1/reports/summary for the year, and the PDF
(headless Chromium on the server) starts as a PDF. Uses the helpers of
check_public_form.py (same environment); well under a minute.

Environment: as check_public_form.py, plus
  KAIKU_SUPERVISOR_EMAIL, KAIKU_SUPERVISOR_PASSWORD   (default: the demo supervisor)

Prints one line per check and closes with 'N passed, M failed'.
"""

import datetime
import os
import re
import signal
import sys
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402

SUPERVISOR = os.environ.get("KAIKU_SUPERVISOR_EMAIL", "supervisor@demo.kaiku.fi")
PASSWORD = os.environ.get("KAIKU_SUPERVISOR_PASSWORD", "kaiku-demo-2026")
BASE = pf.BASE
YEAR = datetime.date.today().year
TITLES = {"fi": "Asiakkuuskertomus %d", "sv": "Kundberättelse %d", "en": "Customer report %d"}
pf.VIEWPORTS["narrow"] = pf.NARROW


def token():
    return pf.api_token(SUPERVISOR, PASSWORD)


def get(path, tok):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + tok})
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read()


def figures_equal_the_api():
    tok = token()
    status, summary = pf.http_json("GET", "/api/v1/reports/summary?from=%d-01-01&to=%d-12-31" % (YEAR, YEAR), token=tok)
    require(status == 200, "summary -> %s" % status)
    status, kind, body = get("/api/v1/reports/annual?year=%d&lang=en" % YEAR, tok)
    require(status == 200 and kind.startswith("text/html"), "annual -> %s %s" % (status, kind))
    page = body.decode("utf-8")
    require("In %d there were %d answers in all" % (YEAR, summary["n"]) in page, "the report's n is not the API's %s" % summary["n"])
    if summary["nps"] is not None:
        require(re.search(r'id="headline-nps"><dt>[^<]*</dt><dd>%d<' % summary["nps"], page),
                "the report's NPS is not the API's %s" % summary["nps"])


def pdf_is_made():
    status, kind, body = get("/api/v1/reports/annual?year=%d&format=pdf" % YEAR, token())
    require(status == 200 and kind.startswith("application/pdf") and body.startswith(b"%PDF"), "pdf -> %s %s" % (status, kind))


def main():
    print("annual report checks against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    r.check("api: the report's n and NPS are the summary API's", figures_equal_the_api)
    r.check("api: the PDF is made", pdf_is_made)

    drv = pf.make_driver("desktop")
    try:
        r.check("supervisor signs in", lambda: pf.sign_in(drv, SUPERVISOR, PASSWORD), drv)

        def choose():
            drv.get(BASE + "/staff/reports/annual?lang=fi")
            pf.run_axe(drv, "annual report page (fi)")
            year = drv.find_element(By.ID, "f-year")
            pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="f-year"]'))
            year.find_element(By.CSS_SELECTOR, "option[value='%d']" % YEAR).click()
            old = drv.find_element(By.TAG_NAME, "html")
            pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))
            pf.wait_new_page(drv, old, "choosing the year")
            link = drv.find_element(By.ID, "annual-html")
            require("year=%d" % YEAR in link.get_attribute("href"), "the link is not for %d" % YEAR)
            old = drv.find_element(By.TAG_NAME, "html")
            pf.click_like_a_person(drv, link)
            pf.wait_new_page(drv, old, "opening the report")
            require(drv.title.startswith(TITLES["fi"] % YEAR), "title %r" % drv.title)
        r.check("page: choose this year and open the report", choose, drv)

        for lang in ("fi", "sv", "en"):
            def audited(lang=lang):
                drv.get(BASE + "/staff/reports/annual.html?year=%d&lang=%s" % (YEAR, lang))
                require(pf.html_lang(drv) == lang, "the report is not in %s" % lang)
                require(drv.title.startswith(TITLES[lang] % YEAR), "title %r" % drv.title)
                require(not drv.find_elements(By.CSS_SELECTOR, "nav, form, script"), "navigation, a form or a script in the report")
                require(len(drv.find_elements(By.CSS_SELECTOR, "svg[role=img] title")) >= 2, "the charts have no titles")
                pf.run_axe(drv, "annual report (%s)" % lang)
            r.check("report: axe (%s, desktop)" % lang, audited, drv)
    finally:
        drv.quit()

    narrow = pf.make_driver("narrow")
    try:
        def reflow():
            pf.sign_in(narrow, SUPERVISOR, PASSWORD)
            narrow.get(BASE + "/staff/reports/annual.html?year=%d&lang=sv" % YEAR)
            overflow = pf.scrolls_sideways(narrow)
            require(not overflow, "the report scrolls sideways at 320 px")
            pf.run_axe(narrow, "annual report (320 px)")
        r.check("report: reflows at 320 px, axe (sv)", reflow, narrow)
    finally:
        narrow.quit()

    return r.finish()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
