#!/usr/bin/env python3
"""Browser and accessibility check of the staff idea bank (/staff/ideas).

usage: check_ideas.py [BASE_URL]    (default: $KAIKU_URL, else http://127.0.0.1:8080)

Runs against `kaiku demo`. In headless Chromium the demo handler signs in,
sends an idea through the form (with a word of its own in the title); the
demo administrator then opens it, takes it as its owner and moves it under
review, accepted and implemented through the handling form, and the API
lists it as implemented. axe-core audits the list, the form, the idea page
and the categories' administration page in fi, sv and en; at 320 px the list and the idea page reflow without
sideways scrolling. Uses the helpers of check_public_form.py (same
environment); well under a minute.

Environment: as check_public_form.py, plus
  KAIKU_HANDLER_EMAIL, KAIKU_ADMIN_DEMO_EMAIL, KAIKU_DEMO_PASSWORD   (default: the demo's)

Prints one line per check and closes with 'N passed, M failed'.
"""

import os
import signal
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402

HANDLER = os.environ.get("KAIKU_HANDLER_EMAIL", "handler@demo.kaiku.fi")
ADMIN = os.environ.get("KAIKU_ADMIN_DEMO_EMAIL", "admin@demo.kaiku.fi")
PASSWORD = os.environ.get("KAIKU_DEMO_PASSWORD", "kaiku-demo-2026")
BASE = pf.BASE
pf.VIEWPORTS["narrow"] = pf.NARROW


def choose(drv, select_id, value):
    drv.find_element(By.CSS_SELECTOR, "#%s option[value='%s']" % (select_id, value)).click()


def api_ideas(query):
    status, items = pf.http_json("GET", "/api/v1/ideas?" + query, token=pf.api_token(ADMIN, PASSWORD))
    require(status == 200, "GET /api/v1/ideas?%s -> %s %r" % (query, status, items))
    return items


def main():
    print("idea bank checks against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    word = "idea" + uuid.uuid4().hex[:8]
    title = "Yhteinen kalenteri %s" % word
    state = {}

    drv = pf.make_driver("desktop")
    try:
        def submit():
            pf.sign_in(drv, HANDLER, PASSWORD)
            drv.get(BASE + "/staff/ideas?lang=fi")
            pf.submit_and_wait(drv, drv.find_element(By.ID, "new-idea"), "opening the form")
            pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="f-title"]'))
            drv.find_element(By.ID, "f-title").send_keys(title)
            drv.find_element(By.ID, "f-description").send_keys("Vuorot ja lomat yhteen kalenteriin.")
            choose(drv, "f-category", "sustainable-organisation")
            pf.submit_and_wait(drv, drv.find_element(By.CSS_SELECTOR, "#idea-form button[type=submit]"), "sending the idea")
            require(drv.find_elements(By.ID, "notice"), "no notice after sending")
            require("/staff/ideas/" in drv.current_url, "not on the idea's page: %s" % drv.current_url)
            state["url"] = drv.current_url.split("?")[0]
            require(drv.find_element(By.ID, "idea-status").text == "Uusi", "a new idea is not new")
        r.check("ideas: a handler sends an idea through the form", submit, drv)
        if "url" not in state:
            print("%d passed, %d failed" % (r.passed, r.failed))
            return 1

        def move():
            pf.sign_in(drv, ADMIN, PASSWORD)
            drv.get(state["url"] + "?lang=fi")
            owner = [o.get_attribute("value") for o in drv.find_elements(By.CSS_SELECTOR, "#f-owner option")
                     if ADMIN in o.text]
            require(owner, "the administrator is not offered as the owner")
            for step in ("under-review", "accepted", "implemented"):
                choose(drv, "f-status", step)
                choose(drv, "f-owner", owner[0])
                pf.submit_and_wait(drv, drv.find_element(By.CSS_SELECTOR, "#handle-form button[type=submit]"), "moving to " + step)
                require(not drv.find_elements(By.ID, "error-summary"), "moving to %s was refused" % step)
                status = drv.find_element(By.ID, "idea-details").get_attribute("data-status")
                require(status == step, "the idea is %s, not %s" % (status, step))
            listed = [i for i in api_ideas("status=implemented") if i["title"] == title]
            require(listed and listed[0]["category"] == "sustainable-organisation", "the API does not list it as implemented")
        r.check("ideas: the administrator moves it to implemented", move, drv)

        for lang in ("fi", "sv", "en"):
            def audited(lang=lang):
                for path in ("/staff/ideas", "/staff/ideas/new", state["url"].replace(BASE, ""), "/staff/admin/idea-categories"):
                    drv.get(BASE + path + "?lang=" + lang)
                    require(pf.html_lang(drv) == lang, "%s is not in %s" % (path, lang))
                    pf.run_axe(drv, "%s (%s)" % (path, lang))
            r.check("ideas: axe on the list, the form, the idea and the categories (%s)" % lang, audited, drv)
    finally:
        drv.quit()

    narrow = pf.make_driver("narrow")
    try:
        def reflow():
            pf.sign_in(narrow, ADMIN, PASSWORD)
            for path in ("/staff/ideas", state["url"].replace(BASE, "")):
                narrow.get(BASE + path + "?lang=fi")
                overflow = pf.scrolls_sideways(narrow)
                require(not overflow, "%s scrolls sideways at 320 px" % path)
        r.check("ideas: the list and the idea reflow at 320 px", reflow, narrow)
    finally:
        narrow.quit()

    return r.finish()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
