#!/usr/bin/env python3
"""Browser and accessibility check of the feedback feed (/staff/feedback).

usage: check_feedback_feed.py [BASE_URL]    (default: $KAIKU_URL, else http://127.0.0.1:8080)

Runs against `kaiku demo`. A customer's comment with a word of its own is
sent through the public API; then, in headless Chromium, the demo handler
signs in, filters the feed by typing that word into the search field and
sending the filter form, marks the comment read, corrects its themes and
sentiment in the item's disclosure, and the API shows the read mark and the
correction. axe-core audits the filtered feed in fi, sv and en; at 320 px
the feed reflows without sideways scrolling. Uses the helpers of
check_public_form.py (same environment); well under a minute.

Environment: as check_public_form.py, plus
  KAIKU_HANDLER_EMAIL, KAIKU_HANDLER_PASSWORD   (default: the demo handler)

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
PASSWORD = os.environ.get("KAIKU_HANDLER_PASSWORD", "kaiku-demo-2026")
HANDLER_UNIT = "JH-TER-VAST-KESK"
BASE = pf.BASE
pf.VIEWPORTS["narrow"] = pf.NARROW


def send_comment(word):
    status, targets = pf.http_json("GET", "/api/v1/targets?lang=fi")
    require(status == 200, "GET /api/v1/targets -> %s" % status)
    mine = [t for t in targets if t.get("unit") == HANDLER_UNIT]
    require(mine, "no target of unit %s in the demo" % HANDLER_UNIT)
    status, body = pf.http_json("POST", "/api/v1/responses", {
        "target": mine[0]["code"], "channel": "kiosk", "language": "fi", "answers": {"nps": 4},
        "openText": "Laboratorion opasteet olivat sekavat, eksyin kahdesti (%s)." % word})
    require(status == 201, "POST /api/v1/responses -> %s %r" % (status, body))
    return body["id"]


def api_item(word):
    status, items = pf.http_json("GET", "/api/v1/feedback?q=" + word, token=pf.api_token(HANDLER, PASSWORD))
    require(status == 200 and len(items) == 1, "GET /api/v1/feedback?q=%s -> %s %r" % (word, status, items))
    return items[0]


def the_item(drv, response_id):
    items = drv.find_elements(By.ID, "item-" + response_id.upper())
    require(items, "the comment is not in the feed (%s)" % drv.current_url)
    return items[0]


def main():
    print("feedback feed checks against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    word = "syotti" + uuid.uuid4().hex[:8]
    state = {}
    r.check("api: a customer's comment arrives", lambda: state.update(id=send_comment(word)))
    if "id" not in state:
        print("%d passed, %d failed" % (r.passed, r.failed))
        return 1
    response_id = state["id"]

    drv = pf.make_driver("desktop")
    try:
        r.check("handler signs in", lambda: pf.sign_in(drv, HANDLER, PASSWORD), drv)

        def filter_by_search():
            drv.get(BASE + "/staff/feedback?lang=fi")
            require(drv.find_elements(By.CSS_SELECTOR, "nav.staff-nav a[href='/staff/feedback']"),
                    "the staff bar has no link to the feed")
            pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="f-q"]'))
            drv.find_element(By.ID, "f-q").send_keys(word)
            pf.submit_and_wait(drv, drv.find_element(By.CSS_SELECTOR, "form.feed-filters button[type=submit]"), "filtering the feed")
            require("q=" + word in drv.current_url, "the filter is not in the address: %s" % drv.current_url)
            require(len(drv.find_elements(By.CSS_SELECTOR, "article.feed-item")) == 1, "the search found more or less than the comment")
            require("unread" in the_item(drv, response_id).get_attribute("class"), "a new comment is not shown unread")
        r.check("feed: filter by a word of the text (fi)", filter_by_search, drv)

        def mark_read():
            item = the_item(drv, response_id)
            pf.submit_and_wait(drv, item.find_element(By.CSS_SELECTOR, "form[action$='/read'] button"), "marking read")
            require(drv.find_elements(By.ID, "notice"), "no notice after marking read")
            require("q=" + word in drv.current_url and drv.current_url.endswith("#item-" + response_id.upper()),
                    "not back on the filtered page at the item: %s" % drv.current_url)
            require("unread" not in the_item(drv, response_id).get_attribute("class"), "still shown unread")
            require(api_item(word)["read"] is True, "the API does not show the read mark")
        r.check("feed: mark read, back on the same filtered page", mark_read, drv)

        def correct():
            item = the_item(drv, response_id)
            pf.click_like_a_person(drv, item.find_element(By.CSS_SELECTOR, "details.feed-correct summary"))
            box = item.find_element(By.CSS_SELECTOR, "input[name='themes[]'][value='signage-premises']")
            if not box.is_selected():
                pf.click_like_a_person(drv, item.find_element(By.CSS_SELECTOR, "label[for='%s']" % box.get_attribute("id")))
            for other in item.find_elements(By.CSS_SELECTOR, "input[name='themes[]']"):
                if other.is_selected() and other.get_attribute("value") != "signage-premises":
                    pf.click_like_a_person(drv, item.find_element(By.CSS_SELECTOR, "label[for='%s']" % other.get_attribute("id")))
            radio = item.find_element(By.CSS_SELECTOR, "input[name='sentiment'][value='negative']")
            pf.click_like_a_person(drv, item.find_element(By.CSS_SELECTOR, "label[for='%s']" % radio.get_attribute("id")))
            pf.submit_and_wait(drv, item.find_element(By.CSS_SELECTOR, "details.feed-correct button[type=submit]"), "correcting")
            require(not drv.find_elements(By.ID, "error"), "the correction was refused")
            stored = api_item(word)
            require(stored["themes"] == ["signage-premises"] and stored["sentiment"] == "negative", "stored: %r" % stored)
        r.check("feed: correct the themes and sentiment", correct, drv)

        for lang in ("fi", "sv", "en"):
            def audited(lang=lang):
                drv.get(BASE + "/staff/feedback?q=%s&lang=%s" % (word, lang))
                require(pf.html_lang(drv) == lang, "the feed is not in %s" % lang)
                drv.find_element(By.CSS_SELECTOR, "details.feed-correct summary").click()
                pf.run_axe(drv, "feedback feed (%s)" % lang)
            r.check("feed: axe (%s, desktop, correction open)" % lang, audited, drv)
    finally:
        drv.quit()

    narrow = pf.make_driver("narrow")
    try:
        def reflow():
            pf.sign_in(narrow, HANDLER, PASSWORD)
            narrow.get(BASE + "/staff/feedback?lang=fi")
            require(narrow.find_elements(By.CSS_SELECTOR, "article.feed-item"), "no feed items in the demo")
            overflow = pf.scrolls_sideways(narrow)
            require(not overflow, "the feed scrolls sideways at 320 px")
            pf.run_axe(narrow, "feedback feed (320 px)")
        r.check("feed: reflows at 320 px, axe (fi)", reflow, narrow)
    finally:
        narrow.quit()

    return r.finish()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
