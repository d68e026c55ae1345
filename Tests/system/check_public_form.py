#!/usr/bin/env python3
"""Browser and accessibility check of Kaiku's public feedback form.

usage: check_public_form.py [BASE_URL]      (default: $KAIKU_URL, else http://127.0.0.1:8080)

Drives headless Chromium (/usr/bin/chromium, /usr/bin/chromedriver) with Selenium
and runs axe-core on every page it visits. The axe-core is the newest on PyPI,
4.12.1 as shipped by axe-playwright-python (installed without Playwright), else
axe-core-python's 4.4.3: the one axe-selenium-python 2.1.6 ships (3.1.1, from
2018) does not know the tag wcag21a. For fi, sv
and en, on a phone (390x844) and a desktop (1280x900) viewport, it fills in the
form as a person would (clicks labels, types, presses the submit button), checks
the thank-you page and its receipt, and then looks the stored response up through
the staff API to see that it was stored once, in the right language and channel,
with the phone number in the open text masked. It also checks the language
switcher, a submission with JavaScript disabled and the error path (no answer to
the recommendation question).

Environment:
  KAIKU_URL                            base URL (if not given as an argument)
  KAIKU_ADMIN_EMAIL, KAIKU_ADMIN_PASSWORD   staff credentials for the API look-ups
  KAIKU_ARTIFACTS                      directory for screenshots/HTML of failures
                                       (default: a new temporary directory)
  KAIKU_AXE_JS                         another axe.min.js to inject instead of the
                                       one axe-core-python ships
  CHROME_BIN, CHROMEDRIVER             override /usr/bin/chromium, /usr/bin/chromedriver

Prints one line per check, and closes with 'N passed, M failed'. Exit status 0
only when every check passed.
"""

import json
import os
import signal
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

# Selenium Manager must never try to download a driver or browser here.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

LANGS = ("fi", "sv", "en")
VIEWPORTS = {
    "phone": dict(width=390, height=844, deviceScaleFactor=3, mobile=True),
    "desktop": dict(width=1280, height=900, deviceScaleFactor=1, mobile=False),
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
PHONE = "040 123 4567"
OPEN_TEXT = {
    "fi": "Hyvä palvelu. Soittakaa minulle: " + PHONE,
    "sv": "Bra service. Ring mig: " + PHONE,
    "en": "Good service. Please call me: " + PHONE,
}
WAIT = 20  # seconds for a page to appear after a submit

BASE = (sys.argv[1] if len(sys.argv) > 1 else os.environ.get("KAIKU_URL") or "http://127.0.0.1:8080").rstrip("/")
ARTIFACTS = os.environ.get("KAIKU_ARTIFACTS") or tempfile.mkdtemp(prefix="kaiku-browser-")
os.makedirs(ARTIFACTS, exist_ok=True)


class CheckFailed(AssertionError):
    pass


def require(cond, msg):
    if not cond:
        raise CheckFailed(msg)


# --------------------------------------------------------------------------- HTTP


def http_json(method, path, body=None, token=None, timeout=30):
    """Returns (status, parsed JSON or raw text)."""
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(BASE + path, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    text = raw.decode("utf-8", "replace")
    try:
        return status, json.loads(text)
    except ValueError:
        return status, text


# ------------------------------------------------------------------------ browser


def make_driver(viewport="desktop", javascript=True):
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROME_BIN", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--disable-search-engine-choice-screen",
                "--window-size=%d,%d" % (VIEWPORTS[viewport]["width"], VIEWPORTS[viewport]["height"])):
        opts.add_argument(arg)
    prefs = {"intl.accept_languages": "fi,sv,en"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    opts.add_experimental_option("prefs", prefs)
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    drv = webdriver.Chrome(service=service, options=opts)
    drv.set_page_load_timeout(60)
    drv.set_script_timeout(60)
    # The exact CSS viewport (the window size alone leaves it to the browser).
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", VIEWPORTS[viewport])
    if VIEWPORTS[viewport]["mobile"]:
        drv.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5})
    return drv


def html_lang(drv):
    return (drv.find_element(By.TAG_NAME, "html").get_attribute("lang") or "").strip()


def save_artifacts(drv, name):
    if drv is None:
        return None
    stem = os.path.join(ARTIFACTS, "".join(c if c.isalnum() or c in "-_" else "_" for c in name))
    try:
        drv.save_screenshot(stem + ".png")
        with open(stem + ".html", "w", encoding="utf-8") as f:
            f.write(drv.page_source)
        return stem
    except WebDriverException:
        return None


def axe_script_path():
    """The newest axe-core on the machine: axe-playwright-python's (4.12.1), else axe-core-python's (4.4.3)."""
    override = os.environ.get("KAIKU_AXE_JS")
    if override:
        return override
    import importlib.util

    for package in ("axe_playwright_python", "axe_core_python"):
        spec = importlib.util.find_spec(package)
        if spec is not None and spec.submodule_search_locations:
            path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
            if os.path.exists(path):
                return path
    raise CheckFailed("neither axe-playwright-python nor axe-core-python is installed (run scripts/setup-test-deps.sh)")


_AXE_SOURCE = None


def run_axe(drv, what):
    """Runs axe-core on the current page; fails on serious or critical violations."""
    global _AXE_SOURCE
    if _AXE_SOURCE is None:
        with open(axe_script_path(), encoding="utf-8") as f:
            _AXE_SOURCE = f.read()
    drv.execute_script(_AXE_SOURCE)
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    results = drv.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, %s).then(function (r) { done(r); }, function (e) { done({error: String(e)}); });" % options
    )
    require(isinstance(results, dict) and "error" not in results, "axe did not run on %s: %r" % (what, results))
    bad = [v for v in results.get("violations", []) if v.get("impact") in BLOCKING_IMPACTS]
    minor = [v for v in results.get("violations", []) if v.get("impact") not in BLOCKING_IMPACTS]
    for v in minor:
        print("    note: axe %s (%s) on %s: %s" % (v["id"], v.get("impact"), what, v.get("help")))
    if bad:
        lines = ["axe found %d serious/critical violation(s) on %s (%s):" % (len(bad), what, drv.current_url)]
        for v in bad:
            lines.append("  - [%s] %s: %s" % (v.get("impact"), v["id"], v.get("help")))
            lines.append("    %s" % v.get("helpUrl", ""))
            for node in v.get("nodes", [])[:5]:
                lines.append("    at %s" % " ".join(map(str, node.get("target", []))))
                lines.append("       %s" % (node.get("html", "")[:200]))
                summary = (node.get("failureSummary") or "").replace("\n", "\n       ")
                if summary:
                    lines.append("       %s" % summary)
            if len(v.get("nodes", [])) > 5:
                lines.append("    ... and %d more element(s)" % (len(v["nodes"]) - 5))
        raise CheckFailed("\n".join(lines))


def click_like_a_person(drv, element):
    """Scrolls the element to the middle of the viewport and clicks it."""
    drv.execute_script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element)
    element.click()


def label_for(drv, radio):
    """The label a person clicks for this radio: label[for=id], else the wrapping label."""
    rid = radio.get_attribute("id")
    if rid:
        labels = drv.find_elements(By.CSS_SELECTOR, 'label[for="%s"]' % rid.replace('"', '\\"'))
        if labels:
            return labels[0]
    wrapping = radio.find_elements(By.XPATH, "ancestor::label[1]")
    require(wrapping, "radio %s has no label" % (rid or radio.get_attribute("outerHTML")[:120]))
    return wrapping[0]


def choose_radio(drv, radio, what):
    click_like_a_person(drv, label_for(drv, radio))
    require(radio.is_selected(), "clicking the label of %s did not select it" % what)


def submit_button(drv, field):
    forms = field.find_elements(By.XPATH, "ancestor::form[1]")
    require(forms, "the field is not inside a <form>")
    buttons = forms[0].find_elements(
        By.CSS_SELECTOR, "button[type=submit], button:not([type]), input[type=submit]")
    require(buttons, "the form has no submit button")
    return buttons[0]


def open_form(drv, target, lang):
    drv.get("%s/f/%s?lang=%s" % (BASE, urllib.parse.quote(target), lang))
    got = html_lang(drv)
    require(got == lang, "form page %s: <html lang=%r>, expected %r" % (drv.current_url, got, lang))
    require(drv.find_elements(By.ID, "nps-9"), "form page %s has no #nps-9" % drv.current_url)


def wait_new_page(drv, old_html, what):
    """Waits until the document that old_html belonged to is gone and a new one has a body.

    A page that enhances the form with JavaScript may instead show the outcome in
    place: #receipt or #error-summary appearing counts as the new page too."""

    def gone(d):
        try:
            old_html.tag_name
        except WebDriverException:
            # Stale, or Chrome's "node does not belong to the document" mid-navigation.
            return True
        try:
            return bool(d.find_elements(By.CSS_SELECTOR, "#receipt, #error-summary"))
        except WebDriverException:
            return False

    try:
        WebDriverWait(drv, WAIT, poll_frequency=0.1).until(gone)
        WebDriverWait(drv, WAIT).until(lambda d: d.find_elements(By.TAG_NAME, "body"))
    except TimeoutException:
        raise CheckFailed("%s did not load a new page within %d s" % (what, WAIT))


def fill_and_submit(drv, lang, with_nps=True):
    """Fills in the form on the current page as a person would, presses its submit button
    and waits for the page that answers."""
    if with_nps:
        choose_radio(drv, drv.find_element(By.ID, "nps-9"), "#nps-9")
    statements = drv.find_elements(By.CSS_SELECTOR, 'input[type=radio][name^="q_"][value="4"]')
    require(statements, "no statement question (radio named q_* with value 4) on the form")
    choose_radio(drv, statements[0], "statement %s=4" % statements[0].get_attribute("name"))
    text = drv.find_element(By.ID, "openText")
    click_like_a_person(drv, text)
    text.clear()
    text.send_keys(OPEN_TEXT[lang])
    button = submit_button(drv, text)
    old_html = drv.find_element(By.TAG_NAME, "html")
    click_like_a_person(drv, button)
    wait_new_page(drv, old_html, "pressing the submit button")


def read_receipt(drv, lang):
    try:
        el = WebDriverWait(drv, WAIT).until(EC.presence_of_element_located((By.ID, "receipt")))
    except TimeoutException:
        raise CheckFailed("no #receipt on the page after submitting (%s)" % drv.current_url)
    receipt = (el.text or el.get_attribute("textContent") or "").strip()
    require(receipt, "#receipt is empty")
    got = html_lang(drv)
    require(got == lang, "thank-you page: <html lang=%r>, expected %r" % (got, lang))
    return receipt


# ------------------------------------------------- helpers of the staff pages' checks


NARROW = dict(width=320, height=800, deviceScaleFactor=2, mobile=True)


def submit_and_wait(drv, element, what):
    """Clicks a button or link as a person would and waits for the page it leads to."""
    old = drv.find_element(By.TAG_NAME, "html")
    click_like_a_person(drv, element)
    wait_new_page(drv, old, what)


def sign_in(drv, email, password):
    """Signs a staff member in through the sign-in form (from a clean slate of cookies)."""
    drv.delete_all_cookies()
    drv.get(BASE + "/staff/login?lang=fi")
    drv.find_element(By.ID, "email").send_keys(email)
    drv.find_element(By.ID, "password").send_keys(password)
    submit_and_wait(drv, drv.find_element(By.CSS_SELECTOR, "form.login button[type=submit]"), "signing in")
    require("/staff/login" not in drv.current_url, "signing in failed (%s)" % drv.current_url)


def api_token(email, password):
    """A bearer token of the JSON API for a staff member."""
    status, body = http_json("POST", "/api/v1/auth/token", {"email": email, "password": password})
    require(status == 200, "POST /api/v1/auth/token -> %s" % status)
    return body["token"]


def open_staff_menu(drv):
    """Opens the staff navigation's <details class="staff-menu">, as a person on a phone does with its Menu
    button. On a desktop CSS shows the closed menu's links, but Selenium counts whatever is inside a closed
    <details> as hidden and refuses to click it; opening it changes nothing a person sees there."""
    drv.execute_script("var d = document.querySelector('details.staff-menu'); if (d) { d.open = true; }")


def scrolls_sideways(drv):
    """True when the page is wider than the window: no reflow."""
    return drv.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")


# ---------------------------------------------------------------------- the run


class Runner:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def check(self, name, fn, drv=None):
        t0 = time.monotonic()
        try:
            fn()
        except Exception as e:  # noqa: BLE001 - every failure is reported the same way
            self.failed += 1
            detail = str(e) if isinstance(e, CheckFailed) else "".join(
                traceback.format_exception_only(type(e), e)).strip()
            stem = save_artifacts(drv, name)
            print("FAIL  %s (%.1f s)" % (name, time.monotonic() - t0))
            for line in detail.splitlines():
                print("      " + line)
            if stem:
                print("      screenshot and HTML: %s.{png,html}" % stem)
            self.failures.append(name)
            return False
        self.passed += 1
        print("ok    %s (%.1f s)" % (name, time.monotonic() - t0))
        return True

    def finish(self):
        """Prints the closing lines and gives the exit status."""
        if self.failures:
            print("failed: " + "; ".join(self.failures))
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 0 if self.failed == 0 else 1


def main():
    print("public form checks against %s (artifacts in %s)" % (BASE, ARTIFACTS))
    r = Runner()
    state = {"target": None, "token": None, "receipts": []}  # receipts: (label, receipt, lang)

    def find_target():
        status, body = http_json("GET", "/api/v1/targets?lang=fi")
        require(status == 200, "GET /api/v1/targets?lang=fi -> %s %r" % (status, body))
        require(isinstance(body, list) and body and isinstance(body[0], dict) and body[0].get("code"),
                "GET /api/v1/targets?lang=fi: expected a non-empty array of {code,name,unit}, got %r" % (body,))
        state["target"] = body[0]["code"]
        print("      target %r (%s)" % (state["target"], body[0].get("name")))

    if not r.check("targets: GET /api/v1/targets?lang=fi", find_target):
        print("%d passed, %d failed" % (r.passed, r.failed + 1))  # nothing else can run
        return 1
    target = state["target"]

    # 1. The form in every language on both viewports.
    for vp in VIEWPORTS:
        drv = None
        try:
            drv = make_driver(vp)
        except Exception as e:  # noqa: BLE001
            err = e

            def cannot_start(err=err):
                raise err

            r.check("%s: start Chromium" % vp, cannot_start)
            continue
        try:
            for lang in LANGS:
                name = "%s/%s" % (lang, vp)

                def form_flow(drv=drv, lang=lang, name=name):
                    open_form(drv, target, lang)
                    run_axe(drv, "the form (%s)" % name)
                    fill_and_submit(drv, lang)
                    receipt = read_receipt(drv, lang)
                    state["receipts"].append((name, receipt, lang))
                    run_axe(drv, "the thank-you page (%s)" % name)

                r.check("%s: form, submit, receipt, axe" % name, form_flow, drv)

            # Error path: no answer to the recommendation question.
            for lang in LANGS if vp == "desktop" else ("fi",):
                name = "%s/%s" % (lang, vp)

                def error_flow(drv=drv, lang=lang, name=name):
                    open_form(drv, target, lang)
                    fill_and_submit(drv, lang, with_nps=False)
                    got = html_lang(drv)
                    require(got == lang, "error page: <html lang=%r>, expected %r" % (got, lang))
                    require(drv.find_elements(By.ID, "nps-0"), "error page does not show the form again (no #nps-0)")
                    require(not drv.find_elements(By.ID, "receipt"), "a submission without a recommendation answer was accepted")
                    try:
                        summaries = [WebDriverWait(drv, 5).until(
                            EC.presence_of_element_located((By.ID, "error-summary")))]
                    except TimeoutException:
                        raise CheckFailed("error page has no #error-summary")
                    links = [a for a in summaries[0].find_elements(By.TAG_NAME, "a")
                             if (a.get_attribute("href") or "").endswith("#nps-0")]
                    require(links, "#error-summary has no link to #nps-0")
                    fs = drv.find_element(By.ID, "nps-0").find_elements(By.XPATH, "ancestor::fieldset[1]")
                    require(fs, "#nps-0 is not inside a <fieldset>")
                    ids = (fs[0].get_attribute("aria-describedby") or "").split()
                    require(ids, "the recommendation fieldset has no aria-describedby")
                    texts = []
                    for i in ids:
                        els = drv.find_elements(By.ID, i)
                        require(els, "aria-describedby refers to a missing element #%s" % i)
                        texts.append((els[0].get_attribute("textContent") or "").strip())
                    require(any(texts), "the elements named by aria-describedby (%s) have no text" % ", ".join(ids))
                    run_axe(drv, "the error page (%s)" % name)

                r.check("%s: error path without a recommendation answer" % name, error_flow, drv)

            # Language switcher (once per viewport, from every language).
            def switcher(drv=drv):
                for lang in LANGS:
                    open_form(drv, target, lang)
                    found = {}
                    for a in drv.find_elements(By.CSS_SELECTOR, "a[hreflang]"):
                        hl = (a.get_attribute("hreflang") or "").strip().lower()
                        if hl in LANGS:
                            found.setdefault(hl, a.get_attribute("href"))
                    others = [l for l in LANGS if l != lang]
                    missing = [l for l in others if l not in found]
                    require(not missing, "form page in %s has no link with hreflang %s" % (lang, "/".join(missing)))
                    # Follow the next language's link as a person would.
                    nxt = others[0]
                    link = [a for a in drv.find_elements(By.CSS_SELECTOR, "a[hreflang]")
                            if (a.get_attribute("hreflang") or "").strip().lower() == nxt][0]
                    old_html = drv.find_element(By.TAG_NAME, "html")
                    click_like_a_person(drv, link)
                    wait_new_page(drv, old_html, "following the %s link" % nxt)
                    got = html_lang(drv)
                    require(got == nxt, "after following the %s link from %s: <html lang=%r>" % (nxt, lang, got))
                    path = urllib.parse.urlparse(drv.current_url).path
                    expected = "/f/" + target
                    require(path.rstrip("/") == expected,
                            "the %s link from %s lost the target: now at %s, expected path %s" % (nxt, lang, drv.current_url, expected))
                    require(drv.find_elements(By.ID, "nps-9"), "the %s page has no form (%s)" % (nxt, drv.current_url))

            r.check("%s: language switcher keeps the target" % vp, switcher, drv)

            # Search as you type: a typo finds the dental clinics, grouped by service area, without pressing search.
            def type_ahead(drv=drv, vp=vp):
                drv.get(BASE + "/?lang=fi")
                drv.find_element(By.ID, "q").send_keys("hamas")
                try:
                    WebDriverWait(drv, WAIT).until(
                        lambda d: "hamas" in d.find_element(By.ID, "results-heading").text)
                except TimeoutException:
                    raise CheckFailed("typing did not update the results within %d s" % WAIT)
                names = [a.text for a in drv.find_elements(By.CSS_SELECTOR, "#results ul.targets a")]
                require(names and all("ammas" in n for n in names), "typing 'hamas' listed %r" % names[:5])
                require(drv.find_elements(By.CSS_SELECTOR, "#results section.target-group h3"), "the results are not grouped by service area")
                require("?q=hamas" in drv.current_url or "&q=hamas" in drv.current_url, "the address does not keep the search: %s" % drv.current_url)
                require(not scrolls_sideways(drv), "the start page scrolls sideways")
                run_axe(drv, "start page after typing (%s)" % vp)

            r.check("%s: start page search as you type, axe" % vp, type_ahead, drv)

            # The contact fields appear only when the customer asks for an answer.
            def contact_on_request(drv=drv):
                open_form(drv, target, "fi")
                email = drv.find_element(By.ID, "contactEmail")
                require(not email.is_displayed(), "the e-mail field shows before an answer is asked for")
                click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, "label[for=wantsAnswer]"))
                WebDriverWait(drv, WAIT).until(lambda d: d.find_element(By.ID, "contactEmail").is_displayed())
                run_axe(drv, "form with the contact fields open")

            r.check("%s: contact fields appear when an answer is asked for, axe" % vp, contact_on_request, drv)

            # Switching language keeps what was answered, and the progress line follows the answers.
            def language_keeps_answers(drv=drv):
                open_form(drv, target, "fi")
                progress = drv.find_element(By.ID, "form-progress")
                before = progress.text
                choose_radio(drv, drv.find_element(By.ID, "nps-7"), "nps 7")
                WebDriverWait(drv, WAIT).until(lambda d: d.find_element(By.ID, "form-progress").text != before)
                drv.find_element(By.ID, "openText").send_keys("Hyvin meni")
                link = [a for a in drv.find_elements(By.CSS_SELECTOR, "a[hreflang]") if a.get_attribute("hreflang") == "sv"][0]
                old_html = drv.find_element(By.TAG_NAME, "html")
                click_like_a_person(drv, link)
                wait_new_page(drv, old_html, "switching to Swedish")
                require(html_lang(drv) == "sv", "the Swedish link did not lead to Swedish")
                require(drv.find_element(By.ID, "nps-7").is_selected(), "the recommendation was lost in the switch")
                require(drv.find_element(By.ID, "openText").get_attribute("value") == "Hyvin meni", "the typed text was lost in the switch")

            r.check("%s: switching language keeps the answers" % vp, language_keeps_answers, drv)
        finally:
            try:
                drv.quit()
            except Exception:  # noqa: BLE001
                pass

    # 2. Without JavaScript.
    drv = None

    def no_js():
        nonlocal drv
        drv = make_driver("desktop", javascript=False)
        # Prove that JavaScript really is off: a page's own script must not run.
        drv.get("data:text/html,<p id=x>off</p><script>document.getElementById('x').textContent='on'</script>")
        require(drv.find_element(By.ID, "x").text == "off", "JavaScript is not disabled in this browser")
        open_form(drv, target, "fi")
        fill_and_submit(drv, "fi")
        receipt = read_receipt(drv, "fi")
        state["receipts"].append(("fi/no-js", receipt, "fi"))

    try:
        r.check("fi/no-js: form, submit, receipt without JavaScript", no_js, drv)
    finally:
        if drv is not None:
            drv.quit()

    # 3. The stored responses, through the staff API.
    def sign_in():
        email = os.environ.get("KAIKU_ADMIN_EMAIL")
        password = os.environ.get("KAIKU_ADMIN_PASSWORD")
        require(email and password, "KAIKU_ADMIN_EMAIL and KAIKU_ADMIN_PASSWORD must be set")
        status, body = http_json("POST", "/api/v1/auth/token", {"email": email, "password": password})
        require(status == 200 and isinstance(body, dict) and body.get("token"),
                "POST /api/v1/auth/token -> %s %r" % (status, body))
        state["token"] = body["token"]

    if r.check("api: sign in (POST /api/v1/auth/token)", sign_in):
        for label, receipt, lang in state["receipts"]:
            def stored(receipt=receipt, lang=lang):
                q = urllib.parse.urlencode({"receipt": receipt})
                status, body = http_json("GET", "/api/v1/responses?" + q, token=state["token"])
                require(status == 200, "GET /api/v1/responses?%s -> %s %r" % (q, status, body))
                require(isinstance(body, list), "expected a JSON array, got %r" % (body,))
                require(len(body) == 1, "expected exactly one response with receipt %s, got %d" % (receipt, len(body)))
                resp = body[0]
                require(resp.get("receipt") in (None, receipt), "receipt %r != %r" % (resp.get("receipt"), receipt))
                require(resp.get("language") == lang, "language %r, expected %r" % (resp.get("language"), lang))
                require(resp.get("channel") == "web", "channel %r, expected 'web'" % resp.get("channel"))
                text = resp.get("openText") or ""
                require("[PHONE]" in text, "openText is not masked with [PHONE]: %r" % text)
                require(PHONE not in text and PHONE.replace(" ", "") not in text,
                        "openText still contains the phone number: %r" % text)

            r.check("api: %s response %s stored once, masked" % (label, receipt), stored)

    if r.failures:
        print("failed: " + "; ".join(r.failures))
    print("%d passed, %d failed" % (r.passed, r.failed))
    return 0 if r.failed == 0 else 1


if __name__ == "__main__":
    # On TERM (a script stopping us), unwind so that every browser is quit.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
