#!/usr/bin/env python3
"""Browser and accessibility check of Kaiku's staff pages: a handler's path from
a new case to a closed one.

usage: check_staff_pages.py [BASE_URL]      (default: $KAIKU_URL, else http://127.0.0.1:8080)

Runs against `kaiku demo` (it signs in as the demo handler, whose units include
JH-TER-VAST-KESK). A customer's answer asking for a reply is sent through the
public API; then, in headless Chromium, the handler signs in on the sign-in page,
finds the case in the inbox, opens it, takes it, writes an internal note and
answers the customer by e-mail, after which the case is closed, the history
shows every step and the public status page says it was answered. axe-core
audits the sign-in page, the inbox and the case page in fi, sv and en on a
desktop and a phone viewport; a second case is taken and closed with JavaScript
turned off. The demo supervisor's dashboard is audited the same way in fi, sv
and en, its child units are sorted by NPS with JavaScript off, and its print
layout is checked (navigation and forms hidden, charts and tables kept). Uses
the helpers of check_public_form.py (same environment).

At 320 px every staff page the administrator, handler and supervisor reach is
walked: none may scroll sideways (a data table may, inside its own box that
the keyboard reaches and that has a name); the inbox's rows become cards and
the navigation folds behind a menu button.

Environment: as check_public_form.py, plus
  KAIKU_HANDLER_EMAIL, KAIKU_HANDLER_PASSWORD   (default: the demo handler)
  KAIKU_STAFF_CHECKS=narrow                     only the 320 px walk

Prints one line per check and closes with 'N passed, M failed'.
"""

import os
import signal
import sys
import urllib.parse

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

HANDLER = os.environ.get("KAIKU_HANDLER_EMAIL", "handler@demo.kaiku.fi")
# Staff pages show colleagues by name; the demo handler's.
HANDLER_NAME = os.environ.get("KAIKU_HANDLER_NAME", "Hanna Käsittelijä")
PASSWORD = os.environ.get("KAIKU_HANDLER_PASSWORD", "kaiku-demo-2026")
HANDLER_UNIT = "JH-TER-VAST-KESK"
SUPERVISOR = os.environ.get("KAIKU_SUPERVISOR_EMAIL", "supervisor@demo.kaiku.fi")
# Not KAIKU_ADMIN_EMAIL: that names the bootstrap administrator, whose password differs from the demo users.
ADMIN = os.environ.get("KAIKU_DEMO_ADMIN_EMAIL", "admin@demo.kaiku.fi")
CUSTOMER = "asiakas.selain@example.fi"
BASE = pf.BASE


def open_case_via_api(text):
    status, targets = pf.http_json("GET", "/api/v1/targets?lang=fi")
    require(status == 200, "GET /api/v1/targets -> %s" % status)
    mine = [t for t in targets if t.get("unit") == HANDLER_UNIT]
    require(mine, "no target of unit %s in the demo" % HANDLER_UNIT)
    status, body = pf.http_json("POST", "/api/v1/responses", {
        "target": mine[0]["code"], "channel": "web", "language": "fi", "answers": {"nps": 3},
        "openText": text, "contact": {"email": CUSTOMER}, "wantsAnswer": True})
    require(status == 201, "POST /api/v1/responses -> %s %r" % (status, body))
    return body["receipt"]


def sign_in(drv, who=HANDLER):
    drv.get(BASE + "/staff")
    require("/staff/login" in drv.current_url, "an anonymous visit to /staff did not lead to the sign-in page: %s" % drv.current_url)
    email = drv.find_element(By.ID, "email")
    pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="email"]'))
    email.send_keys(who)
    pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="password"]'))
    drv.find_element(By.ID, "password").send_keys(PASSWORD)
    pf.submit_and_wait(drv, drv.find_element(By.CSS_SELECTOR, "form.login button[type=submit]"), "signing in")
    require(drv.find_elements(By.ID, "inbox-counts"), "no inbox after signing in (%s)" % drv.current_url)


def open_case_from_inbox(drv, receipt):
    links = drv.find_elements(By.LINK_TEXT, receipt)
    require(links, "case %s is not in the inbox" % receipt)
    pf.submit_and_wait(drv, links[0], "opening the case")
    require(receipt in drv.find_element(By.TAG_NAME, "h1").text, "the case page's heading does not name %s" % receipt)


def press(drv, form_id, what):
    form = drv.find_element(By.ID, form_id)
    pf.submit_and_wait(drv, form.find_element(By.CSS_SELECTOR, "button[type=submit]"), what)
    errors = drv.find_elements(By.ID, "error")
    require(not errors, "%s was refused: %s" % (what, errors[0].text if errors else ""))
    require(drv.find_elements(By.ID, "notice"), "no notice after %s (%s)" % (what, drv.current_url))


def type_into(drv, field_id, text):
    pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="%s"]' % field_id))
    drv.find_element(By.ID, field_id).send_keys(text)


def history_kinds(drv):
    return [li.get_attribute("data-kind") for li in drv.find_elements(By.CSS_SELECTOR, "#history li")]


def child_nps(drv):
    """The child units' NPS column as numbers (None where suppressed), in page order."""
    values = []
    for row in drv.find_elements(By.CSS_SELECTOR, "#children tbody tr"):
        cell = row.find_elements(By.CSS_SELECTOR, "td")[1].text.strip()
        values.append(int(cell) if cell.lstrip("-").isdigit() else None)
    return values


def dashboard_checks(r):
    drv = pf.make_driver("desktop")
    try:
        def dashboard(lang):
            drv.get(BASE + "/staff/dashboard?lang=" + lang)
            require(pf.html_lang(drv) == lang, "dashboard is not in %s" % lang)
            require(drv.find_elements(By.CSS_SELECTOR, "svg.trend-chart[role=img] title"), "no titled trend chart")
            require(drv.find_elements(By.CSS_SELECTOR, "#trend tbody tr"), "the trend has no table alternative")
            require(drv.find_elements(By.CSS_SELECTOR, "#children tbody tr"), "no child units on the supervisor's dashboard")
            headline = drv.find_element(By.ID, "headline").text
            require(any(ch.isdigit() for ch in headline), "no headline figures: %r" % headline)
            pf.run_axe(drv, "dashboard (%s)" % lang)

        r.check("supervisor signs in", lambda: sign_in(drv, SUPERVISOR), drv)
        for lang in ("fi", "sv", "en"):
            r.check("dashboard: charts with tables, axe (%s, desktop)" % lang, lambda lang=lang: dashboard(lang), drv)

        def kiosks():
            drv.get(BASE + "/staff/kiosks?lang=fi")
            require(pf.html_lang(drv) == "fi", "the kiosks page is not in Finnish")
            require(not drv.find_elements(By.ID, "register-form"), "a supervisor is offered the registration form")
            pf.run_axe(drv, "kiosks page (fi)")
        r.check("kiosks page for a supervisor: axe (fi)", kiosks, drv)

        def sms_survey_figures():
            drv.get(BASE + "/staff/sms-survey?lang=fi")
            require(pf.html_lang(drv) == "fi", "the SMS survey page is not in Finnish")
            require(drv.find_elements(By.CSS_SELECTOR, "#activity tbody tr[data-figure=visits]"), "no figures on the SMS survey page")
            require(not drv.find_elements(By.ID, "settings-form"), "a supervisor is offered the settings form")
            require(drv.find_elements(By.ID, "settings"), "a supervisor does not see the settings")
            pf.run_axe(drv, "SMS survey page (fi)")
        r.check("SMS survey page for a supervisor: figures and settings to read, axe (fi)", sms_survey_figures, drv)

        def printable():
            drv.get(BASE + "/staff/dashboard")
            drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            try:
                hidden = [sel for sel in (".staff-nav", ".dashboard-controls") if drv.find_element(By.CSS_SELECTOR, sel).is_displayed()]
                require(not hidden, "shown when printed: %s" % hidden)
                require(drv.find_element(By.CSS_SELECTOR, "svg.trend-chart").is_displayed(), "the chart is not printed")
                require(drv.find_element(By.ID, "children").is_displayed(), "the child units are not printed")
            finally:
                drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            pdf = drv.print_page()
            require(len(pdf) > 10_000, "printing gave %d bytes" % len(pdf))
        r.check("dashboard prints without navigation and forms", printable, drv)
    finally:
        drv.quit()

    phone = pf.make_driver("phone")
    try:
        def on_phone():
            sign_in(phone, SUPERVISOR)
            phone.get(BASE + "/staff/dashboard")
            pf.run_axe(phone, "dashboard (phone)")
        r.check("dashboard: axe (fi, phone)", on_phone, phone)

        def review_on_phone():
            phone.get(BASE + "/staff/review?lang=fi")
            pf.run_axe(phone, "review page (phone)")
            overflow = phone.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
            require(not overflow, "the review page scrolls sideways on a phone")
        r.check("review page: axe, no sideways scrolling (fi, phone)", review_on_phone, phone)
    finally:
        phone.quit()

    nojs = pf.make_driver("desktop", javascript=False)
    try:
        def sort_without_javascript():
            sign_in(nojs, SUPERVISOR)
            nojs.get(BASE + "/staff/dashboard")
            header = nojs.find_element(By.XPATH, '//table[@id="children"]//th[.//a[contains(@href, "sort=nps")]]//a')
            pf.submit_and_wait(nojs, header, "sorting by NPS")
            sorted_header = nojs.find_element(By.XPATH, '//table[@id="children"]//th[@aria-sort]')
            require(sorted_header.get_attribute("aria-sort") == "descending", "aria-sort is %r" % sorted_header.get_attribute("aria-sort"))
            shown = [v for v in child_nps(nojs) if v is not None]
            require(shown == sorted(shown, reverse=True), "NPS not in descending order: %r" % shown)
        r.check("dashboard: child units sort by NPS without JavaScript", sort_without_javascript, nojs)
    finally:
        nojs.quit()


def admin_checks(r):
    drv = pf.make_driver("desktop")
    try:
        r.check("administrator signs in", lambda: sign_in(drv, ADMIN), drv)

        def sms_survey_settings(lang):
            drv.get(BASE + "/staff/sms-survey?lang=" + lang)
            require(pf.html_lang(drv) == lang, "the SMS survey page is not in %s" % lang)
            require(drv.find_elements(By.ID, "settings-form"), "the administrator has no settings form")
            pf.run_axe(drv, "SMS survey settings (%s)" % lang)
            # Saved unchanged from the keyboard, so the demo's survey stays as it was for the other checks.
            old = drv.find_element(By.TAG_NAME, "html")
            drv.find_element(By.ID, "f-oncePerDays").send_keys(Keys.ENTER)
            pf.wait_new_page(drv, old, "saving the SMS survey settings")
            notice = drv.find_elements(By.CSS_SELECTOR, "#notice[role=status]")
            require(notice, "no saved notice after saving the settings (%s)" % drv.current_url)
            pf.run_axe(drv, "SMS survey settings after saving (%s)" % lang)
        for lang in ("sv", "en"):
            r.check("SMS survey settings saved from the keyboard: axe (%s)" % lang,
                    lambda lang=lang: sms_survey_settings(lang), drv)
    finally:
        drv.quit()


# Pages a walk at phone width starts from; links under /staff found on them are followed too.
NARROW_START = ["/staff", "/staff?status=all", "/staff/feedback", "/staff/dashboard", "/staff/ideas", "/staff/review",
                "/staff/entry", "/staff/posters", "/staff/kiosks", "/staff/sms-survey", "/staff/admin", "/staff/account"]
# Not pages: downloads, printouts, and signing out.
NARROW_SKIP = (".csv", ".pdf", ".png", ".svg", "/print", "/logout", "/export", "/oidc/")
# One page per route at every width is the page sweep's (check_all_pages.py); this walk is about what each role reaches.
NARROW_LIMIT = 60

# Boxes that scroll sideways must be reachable from the keyboard and named (WCAG 1.4.10 allows them for data tables).
UNNAMED_SCROLL_BOXES = """
return Array.from(document.querySelectorAll('body *')).filter(function (e) {
  var s = getComputedStyle(e);
  if (!['auto', 'scroll'].includes(s.overflowX) || e.scrollWidth <= e.clientWidth + 1) return false;
  var named = e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby');
  return !(e.tabIndex >= 0 && named);
}).map(function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className; });
"""

# What sticks out of the window, for a failure message a person can act on.
WIDEST = """
var w = window.innerWidth;
return Array.from(document.querySelectorAll('body *')).filter(function (e) {
  var r = e.getBoundingClientRect();
  return r.right > w + 1 && !e.closest('[tabindex="0"]');
}).slice(0, 5).map(function (e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right); });
"""


def staff_links(drv):
    """Same-site /staff pages linked from the current page, without query or fragment."""
    found = set()
    for a in drv.find_elements(By.CSS_SELECTOR, "a[href]"):
        url = urllib.parse.urlsplit(a.get_attribute("href") or "")
        if url.netloc and BASE.split("//", 1)[-1] != url.netloc:
            continue
        if url.path.startswith("/staff") and not any(part in url.path for part in NARROW_SKIP):
            found.add(url.path)
    return found


def walk_narrow(drv, who):
    """Every staff page the role reaches at 320 px: nothing scrolls sideways but a named table box."""
    queue, seen, problems = list(NARROW_START), set(), []
    while queue and len(seen) < NARROW_LIMIT:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        drv.get(BASE + path + ("&" if "?" in path else "?") + "lang=fi")
        if "/staff/login" in drv.current_url:
            continue
        if pf.scrolls_sideways(drv):
            width = drv.execute_script("return document.documentElement.scrollWidth")
            problems.append("%s is %d px wide: %s" % (path, width, drv.execute_script(WIDEST)))
            pf.save_artifacts(drv, "narrow-%s-%s" % (who, path))
        unnamed = drv.execute_script(UNNAMED_SCROLL_BOXES)
        if unnamed:
            problems.append("%s has scrolling boxes without tabindex=0 and a label: %s" % (path, unnamed))
        queue.extend(sorted(staff_links(drv) - seen))
    require(not problems, "%s at 320 px:\n" % who + "\n".join(problems))
    return len(seen)


def visible(drv, element):
    """Drawn on screen: Selenium's is_displayed calls everything in a closed <details> hidden, even when CSS shows it."""
    return drv.execute_script("var e = arguments[0], r = e.getBoundingClientRect();"
                              "return e.checkVisibility({visibilityProperty: true}) && r.width > 0 && r.height > 0", element)


def inbox_and_menu_narrow(drv):
    """The inbox as cards and the navigation behind a menu button that the keyboard opens."""
    drv.get(BASE + "/staff?status=all&lang=fi")
    require(not pf.scrolls_sideways(drv), "the inbox scrolls sideways at 320 px")
    rows = drv.find_elements(By.CSS_SELECTOR, "#cases tbody tr")
    require(rows, "no cases in the inbox")
    shown = drv.execute_script("return getComputedStyle(arguments[0]).display", rows[0])
    require(shown == "block", "inbox rows are not cards at 320 px (display %r)" % shown)
    labelled = drv.execute_script("return getComputedStyle(arguments[0], '::before').content", rows[0].find_element(By.CSS_SELECTOR, "td"))
    require(labelled not in ("none", "normal", ""), "the card's cells do not say their column")
    nav = drv.find_element(By.CSS_SELECTOR, "nav.staff-nav")
    summary = drv.find_element(By.CSS_SELECTOR, "details.staff-menu > summary")
    require(visible(drv, summary) and not visible(drv, nav), "the navigation is not collapsed behind a menu button at 320 px")
    summary_focus = drv.execute_script("arguments[0].focus(); return document.activeElement === arguments[0]", summary)
    require(summary_focus, "the menu button cannot take keyboard focus")
    summary.send_keys(Keys.ENTER)
    require(visible(drv, nav), "Enter on the menu button does not open the navigation")
    current = nav.find_elements(By.CSS_SELECTOR, "a[aria-current=page]")
    require(current and current[0].get_attribute("href").rstrip("/").endswith("/staff"), "the inbox link is not marked aria-current=page")
    require(not pf.scrolls_sideways(drv), "the open menu makes the page scroll sideways")
    pf.save_artifacts(drv, "narrow-inbox-menu-open")
    pf.run_axe(drv, "inbox with the menu open (320 px)")


def wide_menu(drv):
    """On a desktop the navigation is a row of links, no menu button."""
    drv.get(BASE + "/staff?lang=fi")
    require(visible(drv, drv.find_element(By.CSS_SELECTOR, "nav.staff-nav a")), "the navigation is hidden on a desktop")
    require(not visible(drv, drv.find_element(By.CSS_SELECTOR, "details.staff-menu > summary")), "a menu button on a desktop")
    link = drv.find_element(By.CSS_SELECTOR, "nav.staff-nav a[href*='/staff/feedback']")
    focused = drv.execute_script("arguments[0].focus(); return document.activeElement === arguments[0]", link)
    require(focused, "the navigation's links cannot take keyboard focus on a desktop")
    pf.run_axe(drv, "inbox (desktop)")
    shown = drv.execute_script("return getComputedStyle(document.querySelector('#cases tbody tr')).display")
    require(shown == "table-row", "the inbox is not a table on a desktop (%r)" % shown)


def narrow_checks(r):
    pf.VIEWPORTS["narrow"] = pf.NARROW
    for who in (ADMIN, HANDLER, SUPERVISOR):
        drv = pf.make_driver("narrow")
        try:
            r.check("%s signs in at 320 px" % who, lambda drv=drv, who=who: sign_in(drv, who), drv)
            if who == HANDLER:
                r.check("inbox as cards, menu collapsed and opened from the keyboard (320 px)", lambda drv=drv: inbox_and_menu_narrow(drv), drv)
            r.check("every staff page of %s fits 320 px" % who, lambda drv=drv, who=who: print("      %d pages" % walk_narrow(drv, who)), drv)
        finally:
            drv.quit()
    drv = pf.make_driver("desktop")
    try:
        r.check("desktop: navigation in a row, inbox a table", lambda: (sign_in(drv), wide_menu(drv)), drv)
    finally:
        drv.quit()


def main():
    print("staff page checks against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    if os.environ.get("KAIKU_STAFF_CHECKS") == "narrow":
        narrow_checks(r)
        return r.finish()
    state = {}

    r.check("api: a customer asks for an answer", lambda: state.update(receipt=open_case_via_api("Odotin aulassa tunnin. Vastatkaa minulle.")))
    if "receipt" not in state:
        print("%d passed, %d failed" % (r.passed, r.failed))
        return 1
    receipt = state["receipt"]

    drv = pf.make_driver("desktop")
    try:
        def login_page():
            drv.get(BASE + "/staff/login?lang=fi")
            require(pf.html_lang(drv) == "fi", "sign-in page is not in Finnish")
            pf.run_axe(drv, "sign-in page (fi)")
        r.check("sign-in page: axe (fi, desktop)", login_page, drv)
        r.check("handler signs in through the form", lambda: sign_in(drv), drv)

        def inbox():
            drv.get(BASE + "/staff?lang=fi")
            require(drv.find_elements(By.LINK_TEXT, receipt), "case %s is not in the inbox" % receipt)
            pf.run_axe(drv, "inbox (fi)")
        r.check("inbox lists the new case: axe (fi, desktop)", inbox, drv)

        def take_and_note():
            open_case_from_inbox(drv, receipt)
            require(CUSTOMER in drv.find_element(By.ID, "contact").text, "the customer's e-mail is not shown to the handler")
            pf.run_axe(drv, "case page (fi)")
            press(drv, "take-form", "taking the case")
            shown = drv.find_element(By.ID, "case-handler").text
            require(HANDLER_NAME in shown or HANDLER in shown, "the case page does not show the handler after taking: %r" % shown)
            type_into(drv, "note-text", "Selvitän odotusajan syyn.")
            press(drv, "note-form", "adding a note")
        r.check("case page: take and note, axe (fi)", take_and_note, drv)

        def answer():
            type_into(drv, "answer-text", "Hei, pahoittelemme odotusta. Olemme lisänneet aulaan henkilökuntaa.")
            # Nothing is sent without a last look: the preview first, then "Send" on it.
            form = drv.find_element(By.ID, "answer-form")
            pf.submit_and_wait(drv, form.find_element(By.CSS_SELECTOR, "button[value=preview]"), "previewing the answer")
            preview = drv.find_elements(By.ID, "preview-text")
            require(preview and "pahoittelemme odotusta" in preview[0].text, "the preview does not show the answer")
            pf.run_axe(drv, "answer preview (fi)")
            press(drv, "send-form", "sending the answer")
            status = drv.find_element(By.ID, "case-status").text
            require(status == "Suljettu", "case status after answering is %r, expected 'Suljettu'" % status)
            kinds = history_kinds(drv)
            require(kinds == ["received", "taken", "note", "answered", "closed"], "history is %r" % kinds)
            require(not drv.find_elements(By.ID, "answer-form"), "a closed case still offers the answer form")
        r.check("case page: answer by e-mail closes the case", answer, drv)

        def public_status():
            drv.get(BASE + "/status/%s?lang=en" % urllib.parse.quote(receipt))
            state_text = drv.find_element(By.ID, "state").text
            require(state_text == "Answered", "public status says %r" % state_text)
            require(CUSTOMER not in drv.page_source and HANDLER not in drv.page_source, "personal data on the public status page")
        r.check("public status page follows the case", public_status, drv)

        def review(lang):
            drv.get(BASE + "/staff/review?lang=" + lang)
            require(pf.html_lang(drv) == lang, "the review page is not in %s" % lang)
            require(drv.find_elements(By.CSS_SELECTOR, "article.review-item textarea"), "no open text waiting for review")
            pf.run_axe(drv, "review page (%s)" % lang)
        for lang in ("fi", "sv", "en"):
            r.check("review page lists text waiting: axe (%s, desktop)" % lang, lambda lang=lang: review(lang), drv)

        def publish_from_review():
            drv.get(BASE + "/staff/review?lang=fi")
            first = drv.find_element(By.CSS_SELECTOR, "article.review-item")
            article_id = first.get_attribute("id")
            box = first.find_element(By.TAG_NAME, "textarea")
            pf.click_like_a_person(drv, first.find_element(By.CSS_SELECTOR, "label"))
            box.send_keys(Keys.CONTROL, Keys.END)
            box.send_keys(" (muokattu)")
            pf.submit_and_wait(drv, first.find_element(By.CSS_SELECTOR, "button[value=publish]"), "publishing from the review page")
            require(drv.find_elements(By.ID, "notice"), "no notice after publishing")
            require(not drv.find_elements(By.ID, article_id), "the published text still waits for review")
            response_id = article_id[2:].lower()
            published = requests.get(BASE + "/open311/v2/requests/%s.json" % response_id, timeout=30)
            require(published.status_code == 200 and published.json()[0]["description"].endswith("(muokattu)"),
                    "the edited text is not public: %s %s" % (published.status_code, published.text[:200]))
        r.check("review page: an edited text is published", publish_from_review, drv)

        def paper_entry():
            drv.get(BASE + "/staff/entry?lang=fi")
            pf.run_axe(drv, "entry page (fi)")
            require(drv.find_element(By.ID, "f-channel-paper").is_selected(), "paper is not the default channel")
            nps = drv.find_element(By.ID, "f-nps")
            nps.send_keys("9")
            statements = drv.find_elements(By.CSS_SELECTOR, "input[id^='f-q_']")
            require(statements, "no statement fields on the entry page")
            statements[0].send_keys("4")
            drv.find_element(By.ID, "f-openText").send_keys("Paperilomake: kiitos hyvästä hoidosta")
            old = drv.find_element(By.TAG_NAME, "html")
            nps.send_keys(Keys.ENTER)  # from the keyboard alone: Enter in a field submits the form
            pf.wait_new_page(drv, old, "saving the entry")
            status = drv.find_elements(By.CSS_SELECTOR, "[role=status]")
            require(status and "Tallennettu" in status[0].text, "no saved notice after the entry (%s)" % drv.current_url)
            require(drv.switch_to.active_element.get_attribute("id") == "f-nps", "focus is not back on the recommendation")
            require(drv.find_element(By.ID, "f-nps").get_attribute("value") == "", "the answers were not cleared for the next form")
            pf.run_axe(drv, "entry page after saving (fi)")
        r.check("paper entry from the keyboard: saved, focus back, axe (fi)", paper_entry, drv)

        def posters():
            drv.get(BASE + "/staff/posters?lang=fi")
            cards = drv.find_elements(By.CSS_SELECTOR, ".poster-card")
            require(cards, "no feedback cards on the posters page")
            require(all(card.find_elements(By.TAG_NAME, "svg") for card in cards), "a card without its QR code")
            pf.run_axe(drv, "posters page (fi)")
        r.check("printable cards with QR codes: axe (fi)", posters, drv)

        for lang in ("sv", "en"):
            def localized(lang=lang):
                drv.get(BASE + "/staff?status=all&lang=" + lang)
                require(pf.html_lang(drv) == lang, "inbox is not in %s" % lang)
                pf.run_axe(drv, "inbox (%s)" % lang)
                open_case_from_inbox(drv, receipt)
                require(pf.html_lang(drv) == lang, "case page is not in %s" % lang)
                pf.run_axe(drv, "case page (%s)" % lang)
                drv.get(BASE + "/staff/entry")
                require(pf.html_lang(drv) == lang, "entry page is not in %s" % lang)
                pf.run_axe(drv, "entry page (%s)" % lang)
            r.check("inbox, case and entry pages: axe (%s, desktop)" % lang, localized, drv)
    finally:
        drv.quit()

    phone = pf.make_driver("phone")
    try:
        def phone_pages():
            sign_in(phone)
            pf.run_axe(phone, "inbox (phone)")
            phone.get(BASE + "/staff/login")
            pf.run_axe(phone, "sign-in page (phone)")
        r.check("inbox and sign-in page: axe (fi, phone)", phone_pages, phone)
    finally:
        phone.quit()

    second = {}
    r.check("api: a second customer asks for an answer", lambda: second.update(receipt=open_case_via_api("Toinen palaute.")))
    if "receipt" in second:
        nojs = pf.make_driver("desktop", javascript=False)
        try:
            def without_javascript():
                sign_in(nojs)
                open_case_from_inbox(nojs, second["receipt"])
                press(nojs, "take-form", "taking the case without JavaScript")
                type_into(nojs, "close-note", "Asiakas tavoitettu puhelimitse.")
                press(nojs, "close-form", "closing the case without JavaScript")
                kinds = history_kinds(nojs)
                require(kinds == ["received", "taken", "closed"], "history is %r" % kinds)
            r.check("take and close without JavaScript", without_javascript, nojs)
        finally:
            nojs.quit()

    dashboard_checks(r)
    admin_checks(r)
    narrow_checks(r)

    return r.finish()


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
