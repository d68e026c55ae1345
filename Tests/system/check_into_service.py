#!/usr/bin/env python3
"""Into-service check: a county puts Kaiku into service through the pages.

usage: check_into_service.py [BASE_URL]   (KAIKU_BIN: the kaiku binary)

Starts a Kaiku of its own (`kaiku serve` on a new, empty SQLite data dir, on
BASE_URL's port or a free one) and reads the one-time setup address from its
standard error. Then, in headless Chromium and as a person would (clicking
labels, typing, pressing buttons; the pages need no JavaScript):

  setup page -> done page -> staff sign-in -> Administration
  -> units: upload docs/examples/units.csv, preview, apply (and again: nothing to change)
  -> targets import: upload docs/examples/targets.csv, preview, apply
  -> targets: search by a keyword, edit a Swedish name, add a target
  -> survey: add an own 1-5 statement in fi/sv/en, preview, publish
  -> users: add a user (an invitation), open their page
  -> settings: the promise in working days -> audit log shows the changes
  -> public search finds the new target by its keyword; its form shows the
     own statement; an answer is sent.

Every page is audited with axe-core (serious/critical fail) in fi, sv and en
at 1366 px (and in fi at 320 px too), checked for horizontal scrolling at 320 px, and saved as full-page
screenshots at 320 and 1366 px in the artifacts dir ($KAIKU_ARTIFACTS): every
page in Finnish, and in Swedish or English when it fails there.
The server is stopped at the end whatever happens.

Runs on SQLite even when DATABASE_URL names PostgreSQL: the point is a fresh,
empty database, which a shared PostgreSQL of the other checks is not.

Prints one line per step with its time, closes with 'N passed, M failed' and
the total time. Exit status 0 only when every check passed.
"""

import base64
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# check_public_form reads its base URL from argv at import: give it ours.
if len(sys.argv) < 2 and not os.environ.get("KAIKU_URL"):
    sys.argv.append("http://127.0.0.1:%d" % _free_port())

import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

BASE = pf.BASE
PORT = urllib.parse.urlparse(BASE).port or 80
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("KAIKU_BIN") or os.path.join(ROOT, ".build", "debug", "kaiku")
UNITS_CSV = os.path.join(ROOT, "docs", "examples", "units.csv")
TARGETS_CSV = os.path.join(ROOT, "docs", "examples", "targets.csv")
LANGS = ("sv", "en", "fi")  # Finnish last: the journey goes on in Finnish
BUDGET = 240  # seconds the whole check should take
READY_TIMEOUT = 120
WIDE = dict(width=1366, height=900, deviceScaleFactor=1, mobile=False)
NARROW = dict(width=320, height=800, deviceScaleFactor=1, mobile=True)
pf.VIEWPORTS["wide"] = WIDE

ADMIN = {"name": "Aino Ylläpitäjä", "email": "aino.yllapitaja@esimerkki.fi", "password": "Vihrea-kettu-juoksee-87"}
NEW_USER = {"email": "eino.kasittelija@esimerkki.fi", "name": "Eino Käsittelijä", "role": "handler", "unit": "TERV-SUU-KESK"}
NEW_TARGET = {"code": "sosiaalitoimisto-keskusta", "unit": "SOS", "nameFi": "Sosiaalitoimisto, Keskusta",
              "nameSv": "Socialbyrån, centrum", "nameEn": "Social welfare office, centre",
              "keywords": "toimeentulotuki utkomststöd socialarbetare", "search": "toimeentulotuki"}
STATEMENT = {"id": "odotusaika", "fi": "Odotusaika oli kohtuullinen.", "sv": "Väntetiden var rimlig.",
             "en": "The waiting time was reasonable."}
T0 = time.monotonic()


def log(text):
    print("[%5.1f s] %s" % (time.monotonic() - T0, text), flush=True)


# ------------------------------------------------------------------ the server


class Server:
    """`kaiku serve` on a new SQLite data dir, standard error kept to read the setup address from."""

    def __init__(self):
        self.data_dir = tempfile.mkdtemp(prefix="kaiku-into-service-")
        self.log_path = os.path.join(pf.ARTIFACTS, "into-service-server.stderr.log")
        self.out_path = os.path.join(pf.ARTIFACTS, "into-service-server.stdout.log")
        self.process = None
        self.setup_url = None

    def start(self):
        env = dict(os.environ)
        # A fresh installation: no PostgreSQL, no bootstrap administrator or operator, e-mail to the log.
        for name in list(env):
            if name == "DATABASE_URL" or name.startswith(("KAIKU_ADMIN_", "KAIKU_OPERATOR_", "KAIKU_SMTP_")):
                del env[name]
        # The setup address must reach the operator whatever the log level.
        env["LOG_LEVEL"] = "error"
        require(os.access(BIN, os.X_OK), "no kaiku binary at %s (build first, or set KAIKU_BIN)" % BIN)
        with open(self.log_path, "wb") as err, open(self.out_path, "wb") as out:
            self.process = subprocess.Popen(
                [BIN, "serve", "--hostname", "127.0.0.1", "--port", str(PORT), "--data-dir", self.data_dir],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        deadline = time.time() + READY_TIMEOUT
        ready = False
        while time.time() < deadline:
            require(self.process.poll() is None, "the server exited with status %s (see %s)" % (self.process.returncode, self.log_path))
            if not ready:
                try:
                    ready = pf.http_json("GET", "/readyz", timeout=5)[0] == 200
                except OSError:
                    pass
            if self.setup_url is None:
                with open(self.log_path, encoding="utf-8", errors="replace") as f:
                    found = re.search(r"http://\S+/setup/[A-Za-z0-9_-]+", f.read())
                if found:
                    self.setup_url = found.group(0)
            if ready and self.setup_url:
                return
            time.sleep(0.5)
        require(ready, "GET /readyz was not 200 within %d s (see %s)" % (READY_TIMEOUT, self.log_path))
        raise pf.CheckFailed("no setup address http://…/setup/<token> on standard error with LOG_LEVEL=error (see %s)" % self.log_path)

    def close(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.data_dir, ignore_errors=True)


# -------------------------------------------------------------------- helpers


def url(path, lang=None):
    if lang is None:
        return BASE + path
    return BASE + path + ("&" if "?" in path else "?") + "lang=" + lang


def path_of(drv):
    return urllib.parse.urlparse(drv.current_url).path


def follow(drv, css, what):
    links = drv.find_elements(By.CSS_SELECTOR, css)
    require(links, "no link %s (%s) on %s" % (what, css, drv.current_url))
    pf.open_staff_menu(drv)
    pf.submit_and_wait(drv, links[0], "following the link " + what)


def press(drv, form_css, what, button_css="button[type=submit]"):
    forms = drv.find_elements(By.CSS_SELECTOR, form_css)
    require(forms, "no form %s on %s" % (form_css, drv.current_url))
    buttons = forms[0].find_elements(By.CSS_SELECTOR, button_css)
    require(buttons, "the form %s has no button %s" % (form_css, button_css))
    pf.submit_and_wait(drv, buttons[0], what)


def type_into(drv, field_id, text, clear=True):
    """Clicks the field's label, as a person would, and types."""
    labels = drv.find_elements(By.CSS_SELECTOR, 'label[for="%s"]' % field_id)
    require(labels, "the field #%s has no label on %s" % (field_id, drv.current_url))
    pf.click_like_a_person(drv, labels[0])
    field = drv.find_element(By.ID, field_id)
    require(drv.switch_to.active_element == field, "clicking the label of #%s did not focus it" % field_id)
    if clear:
        field.clear()
    field.send_keys(text)


def choose(drv, input_id):
    """Ticks a radio or checkbox by clicking its label."""
    box = drv.find_element(By.ID, input_id)
    pf.click_like_a_person(drv, drv.find_element(By.CSS_SELECTOR, 'label[for="%s"]' % input_id))
    require(box.is_selected(), "clicking the label of #%s did not select it" % input_id)


def select(drv, select_id, value):
    field = drv.find_element(By.ID, select_id)
    values = [o.get_attribute("value") for o in field.find_elements(By.TAG_NAME, "option")]
    require(value in values, "#%s offers no %r (it offers %s)" % (select_id, value, ", ".join(values[:20])))
    Select(field).select_by_value(value)


def no_errors(drv, what):
    summary = drv.find_elements(By.ID, "error-summary")
    require(not summary, "%s was refused: %s" % (what, summary[0].text.replace("\n", " / ") if summary else ""))


def notice(drv, what):
    require(drv.find_elements(By.ID, "notice"), "no #notice after %s (%s)" % (what, drv.current_url))


def text_of(drv):
    return drv.find_element(By.TAG_NAME, "body").get_attribute("textContent") or ""


def screenshot(drv, stem):
    """A full-page PNG of what the browser shows now (as wide as the page really is)."""
    width, height = drv.execute_script(
        "var d = document.documentElement; return [Math.max(d.scrollWidth, window.innerWidth), Math.max(d.scrollHeight, document.body.scrollHeight)];")
    shot = drv.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, 8000), "scale": 1}})
    with open(os.path.join(pf.ARTIFACTS, stem + ".png"), "wb") as f:
        f.write(base64.b64decode(shot["data"]))


# ------------------------------------------------------------------- the run


class Journey:
    def __init__(self, runner):
        self.r = runner
        self.drv = None
        self.seq = 0
        self.broken = None  # the step that stopped the journey

    def step(self, name, fn):
        """A step of the journey; the journey stops at the first that fails."""
        if self.broken:
            return False
        ok = self.r.check("[%5.1f s] %s" % (time.monotonic() - T0, name), fn, self.drv)
        if not ok:
            self.broken = name
        return ok

    def audit(self, page, lang, address=None):
        """axe on the page as it is (loading address in lang first, when given), no scrolling
        sideways at 320 px, screenshots at 1366 and 320 px. Does not stop the journey."""
        if self.broken:
            return
        drv = self.drv
        self.seq += 1
        stem = "%02d-%s-%s" % (self.seq, page, lang)

        def run():
            if address is not None:
                drv.get(url(address, lang))
            got = pf.html_lang(drv)
            require(got == lang, "%s: <html lang=%r>, expected %r (%s)" % (page, got, lang, drv.current_url))
            problems = []
            try:
                pf.run_axe(drv, "%s (%s)" % (page, lang))
            except pf.CheckFailed as e:
                problems.append(str(e))
            # Screenshots of every page in Finnish; in Swedish and English only of what is wrong.
            shots = lang == "fi"
            if shots or problems:
                screenshot(drv, stem + "-1366")
            drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", NARROW)
            try:
                scroll = drv.execute_script("return document.documentElement.scrollWidth")
                if scroll > NARROW["width"]:
                    wide = drv.execute_script(
                        "var w = document.documentElement.clientWidth, out = [];"
                        "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
                        " if (r.right > w + 1 && out.length < 5) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                        " + (e.className && e.className.baseVal === undefined ? '.' + String(e.className).split(' ').join('.') : '')"
                        " + ' (right edge ' + Math.round(r.right) + ' px)'); }); return out;")
                    problems.append("%s (%s) scrolls sideways at 320 px: scrollWidth %d; wide: %s"
                                    % (page, lang, scroll, "; ".join(wide)))
                if shots:
                    # What only a phone shows: a table that scrolls in its box must be reachable by keyboard, say.
                    try:
                        pf.run_axe(drv, "%s (%s, 320 px)" % (page, lang))
                    except pf.CheckFailed as e:
                        problems.append(str(e))
                if shots or problems:
                    screenshot(drv, stem + "-320")
            finally:
                drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", WIDE)
            require(not problems, "\n".join(problems))

        self.r.check("    axe + 320 px: %s (%s)" % (page, lang), run, drv)

    def audit_all(self, page, address):
        for lang in LANGS:
            self.audit(page, lang, address)


def main():
    log("into-service check against %s, binary %s (artifacts in %s)" % (BASE, BIN, pf.ARTIFACTS))
    r = pf.Runner()
    j = Journey(r)
    server = Server()
    state = {}
    try:
        if not j.step("server: kaiku serve on an empty SQLite database, setup address on stderr at LOG_LEVEL=error", server.start):
            return finish(r, j)
        log("setup address %s" % server.setup_url)
        setup_path = urllib.parse.urlparse(server.setup_url).path
        j.drv = pf.make_driver("wide")
        drv = j.drv
        run_journey(j, drv, setup_path, state)
    finally:
        if j.drv is not None:
            try:
                j.drv.quit()
            except Exception:  # noqa: BLE001
                pass
        server.close()
    return finish(r, j)


def run_journey(j, drv, setup_path, state):
    # ---- 1. First start: the setup page.
    j.audit_all("setup", setup_path)

    def setup_refused():
        drv.get(url(setup_path, "fi"))
        press(drv, "form", "sending the setup form empty")
        require(drv.find_elements(By.ID, "error-summary"), "the empty setup form was not refused with an error summary")
        links = [a.get_attribute("href") for a in drv.find_elements(By.CSS_SELECTOR, "#error-summary a")]
        require(any(h.endswith("#code") for h in links), "the error summary does not link to #code: %s" % links)
        require(drv.find_element(By.ID, "code").get_attribute("aria-invalid") == "true", "#code is not marked invalid")
    if j.step("setup: an empty form is refused with an error summary", setup_refused):
        j.audit("setup-refused", "fi")

    def setup():
        drv.get(url(setup_path, "fi"))
        type_into(drv, "code", "esimerkki")
        type_into(drv, "nameFi", "Esimerkin hyvinvointialue")
        type_into(drv, "nameSv", "Exempels välfärdsområde")
        type_into(drv, "nameEn", "Example Wellbeing Services County")
        require(drv.find_element(By.ID, "offerSv").is_selected() and drv.find_element(By.ID, "offerEn").is_selected(),
                "Swedish and English are not offered by default")
        type_into(drv, "timeZone", "Europe/Helsinki")
        type_into(drv, "promiseDays", "14")
        choose(drv, "promiseIn-calendarDays")
        type_into(drv, "adminName", ADMIN["name"])
        type_into(drv, "adminEmail", ADMIN["email"])
        type_into(drv, "adminPassword", ADMIN["password"])
        type_into(drv, "adminPasswordAgain", ADMIN["password"])
        press(drv, "form", "sending the setup form")
        no_errors(drv, "the setup form")
        require(path_of(drv) == "/setup/done", "setup did not lead to /setup/done but to %s" % drv.current_url)
    if not j.step("setup: organisation esimerkki and its first administrator", setup):
        return
    j.audit_all("setup-done", "/setup/done")

    def used():
        drv.get(url(setup_path, "fi"))
        require(not drv.find_elements(By.ID, "code"), "the used setup address still shows the setup form")
    j.step("setup: the address works only once", used)
    j.audit("setup-used", "fi")

    # ---- 2. Sign in.
    def sign_in():
        drv.get(url("/setup/done", "fi"))
        follow(drv, 'a[href^="/staff/login"]', "to sign in")
        type_into(drv, "email", ADMIN["email"])
        type_into(drv, "password", ADMIN["password"])
        press(drv, "form.login", "signing in")
        require(drv.find_elements(By.ID, "inbox-counts"), "no inbox after signing in (%s)" % drv.current_url)
    j.audit_all("sign-in", "/staff/login")
    if not j.step("sign-in: the first administrator signs in", sign_in):
        return

    def hub():
        follow(drv, 'nav a[href^="/staff/admin"], header a[href^="/staff/admin"]', "Administration in the navigation")
        require(path_of(drv) == "/staff/admin", "the navigation's Administration link led to %s" % drv.current_url)
        hrefs = [a.get_attribute("href") for a in drv.find_elements(By.CSS_SELECTOR, "#admin-pages a")]
        for wanted in ("/staff/admin/units", "/staff/admin/targets", "/staff/admin/survey", "/staff/admin/users",
                       "/staff/admin/settings", "/staff/admin/audit-log"):
            require(any(urllib.parse.urlparse(h).path == wanted for h in hrefs), "the Administration page has no link to %s" % wanted)
    if not j.step("hub: Administration from the navigation lists every page", hub):
        return
    j.audit_all("admin-hub", "/staff/admin")

    def from_hub(path):
        drv.get(url("/staff/admin"))
        follow(drv, '#admin-pages a[href^="%s"]' % path, "to " + path)
        require(path_of(drv) == path, "the link led to %s, expected %s" % (drv.current_url, path))

    # ---- 3. The org tree.
    j.step("units: open from Administration", lambda: from_hub("/staff/admin/units"))
    j.audit_all("units", "/staff/admin/units")

    def upload(path, csv, lang):
        drv.get(url(path, lang))
        drv.find_element(By.ID, "f-file").send_keys(csv)
        press(drv, "#upload-form", "uploading " + os.path.basename(csv))
        no_errors(drv, "the upload of " + os.path.basename(csv))
        require(drv.find_elements(By.ID, "preview"), "no preview after uploading %s" % os.path.basename(csv))

    def counts():
        return {dd.get_attribute("data-count"): int(dd.text) for dd in drv.find_elements(By.CSS_SELECTOR, "#counts dd")}

    for lang in LANGS:
        def units_preview(lang=lang):
            upload("/staff/admin/units", UNITS_CSV, lang)
            got = counts()
            # The root exists since setup (its OID is new); the seven others are added.
            require(got.get("add") == 7 and got.get("rename") == 1, "the preview counts %r, expected 7 added, 1 renamed" % got)
            rows = drv.find_elements(By.CSS_SELECTOR, "#changes tbody tr")
            require(len(rows) == sum(got.get(k, 0) for k in ("add", "rename", "move", "close", "reopen")),
                    "the change table has %d rows for the counts %r" % (len(rows), got))
            require(drv.find_elements(By.CSS_SELECTOR, "#apply-form button[type=submit]"), "no Apply button in the preview")
            require(len(drv.find_elements(By.CSS_SELECTOR, "#tree tbody tr")) == 1, "the preview already changed the tree")
        if j.step("units: upload units.csv, preview in %s (counts, changes, nothing applied yet)" % lang, units_preview):
            j.audit("units-preview", lang)

    def units_apply():
        press(drv, "#apply-form", "applying the units")
        no_errors(drv, "applying the units")
        notice(drv, "applying the units")
        rows = drv.find_elements(By.CSS_SELECTOR, "#tree tbody tr")
        require(len(rows) == 8, "the tree has %d units after the import, expected 8" % len(rows))
        closed = drv.find_element(By.CSS_SELECTOR, '#tree tr[data-unit="SOS-VANHA"]').find_elements(By.TAG_NAME, "strong")
        require(closed, "SOS-VANHA is not shown closed")
    if not j.step("units: apply; the tree has 8 units, SOS-VANHA closed", units_apply):
        return
    j.audit("units-applied", "fi")

    def units_again():
        upload("/staff/admin/units", UNITS_CSV, "fi")
        require(drv.find_elements(By.ID, "nothing"), "re-uploading the same file does not say that nothing changes")
        require(not drv.find_elements(By.ID, "apply-form"), "re-uploading the same file offers to apply something")
    j.step("units: the same file again changes nothing", units_again)

    # ---- 4. Targets from CSV.
    def to_targets_import():
        follow(drv, 'a[href^="/staff/admin/targets/import"]', "to the targets import")
    j.step("targets import: from the units page", to_targets_import)
    j.audit_all("targets-import", "/staff/admin/targets/import")
    for lang in LANGS:
        def targets_preview(lang=lang):
            upload("/staff/admin/targets/import", TARGETS_CSV, lang)
            got = counts()
            require(got.get("add") == 4, "the preview counts %r, expected 4 added" % got)
            require(drv.find_elements(By.CSS_SELECTOR, "#changes tbody tr"), "no changes listed in the preview")
        if j.step("targets import: upload targets.csv, preview in %s" % lang, targets_preview):
            j.audit("targets-preview", lang)

    def targets_apply():
        press(drv, "#apply-form", "applying the targets")
        no_errors(drv, "applying the targets")
        notice(drv, "applying the targets")
        rows = drv.find_elements(By.CSS_SELECTOR, "#targets tbody tr")
        require(len(rows) == 4, "%d targets after the import, expected 4" % len(rows))
    if not j.step("targets import: apply; 4 targets", targets_apply):
        return

    # ---- 5. The target editor.
    j.step("targets: open from Administration", lambda: from_hub("/staff/admin/targets"))
    j.audit_all("targets", "/staff/admin/targets")

    def search_targets():
        drv.get(url("/staff/admin/targets", "fi"))
        type_into(drv, "f-q", "tandläkare")
        press(drv, "form.filters", "searching the targets")
        codes = [tr.get_attribute("data-code") for tr in drv.find_elements(By.CSS_SELECTOR, "#targets tbody tr")]
        require(codes == ["hammas-keskusta"], "searching 'tandläkare' found %r, expected only hammas-keskusta" % codes)
        follow(drv, '#targets a[href^="/staff/admin/targets/hammas-keskusta"]', "to edit hammas-keskusta")
        require(drv.find_elements(By.ID, "target-form"), "no target form at %s" % drv.current_url)
    if j.step("targets: search by the keyword 'tandläkare' finds the dental clinic; open it", search_targets):
        j.audit_all("target-edit", "/staff/admin/targets/hammas-keskusta")

        def rename_sv():
            drv.get(url("/staff/admin/targets/hammas-keskusta", "fi"))
            type_into(drv, "f-nameSv", "Tandklinik, centrum (Esplanaden)")
            press(drv, "#target-form", "saving the target")
            no_errors(drv, "saving the target")
            notice(drv, "saving the target")
            drv.get(url("/staff/admin/targets/hammas-keskusta", "fi"))
            value = drv.find_element(By.ID, "f-nameSv").get_attribute("value")
            require(value == "Tandklinik, centrum (Esplanaden)", "the Swedish name is %r after saving" % value)
        j.step("targets: change the Swedish name and save", rename_sv)

    def new_target_refused():
        drv.get(url("/staff/admin/targets", "fi"))
        follow(drv, 'a[href^="/staff/admin/targets/new"]', "to add a target")
        # The browser itself asks for the required fields; the server refuses a code that is taken.
        type_into(drv, "f-code", "neuvola")
        type_into(drv, "f-nameFi", "Toinen neuvola")
        press(drv, "#target-form", "creating a target with a code that is taken")
        require(drv.find_elements(By.ID, "error-summary"), "a new target with a taken code was not refused with an error summary")
        require(drv.find_element(By.ID, "f-code").get_attribute("aria-invalid") == "true", "#f-code is not marked invalid")
    j.audit_all("target-new", "/staff/admin/targets/new")
    if j.step("targets: a new target with a code already taken is refused", new_target_refused):
        j.audit("target-new-refused", "fi")

    def new_target():
        drv.get(url("/staff/admin/targets/new", "fi"))
        type_into(drv, "f-code", NEW_TARGET["code"])
        select(drv, "f-unit", NEW_TARGET["unit"])
        for field in ("nameFi", "nameSv", "nameEn", "keywords"):
            type_into(drv, "f-" + field, NEW_TARGET[field])
        require(drv.find_element(By.ID, "f-active").is_selected(), "a new target is not active by default")
        press(drv, "#target-form", "creating the target")
        no_errors(drv, "creating the target")
        notice(drv, "creating the target")
        require(path_of(drv) == "/staff/admin/targets/" + NEW_TARGET["code"], "creating led to %s" % drv.current_url)
    if not j.step("targets: add %s under %s with keywords" % (NEW_TARGET["code"], NEW_TARGET["unit"]), new_target):
        return

    # ---- 6. The survey editor.
    j.step("survey: open from Administration", lambda: from_hub("/staff/admin/survey"))
    j.audit_all("survey", "/staff/admin/survey")
    for lang in LANGS:
        def survey_preview(lang=lang):
            drv.get(url("/staff/admin/survey", lang))
            press(drv, "#survey-editor", "adding a 1-5 statement", "#add-scale1to5")
            require(drv.find_elements(By.ID, "question-0"), "no question after pressing 'add a 1-5 statement'")
            type_into(drv, "q0_id", STATEMENT["id"])
            for l in ("fi", "sv", "en"):
                type_into(drv, "q0_" + l, STATEMENT[l])
            press(drv, "#survey-editor", "previewing the survey", "#preview")
            no_errors(drv, "the survey preview")
            shown = drv.find_elements(By.CSS_SELECTOR, '#preview-section li[data-question="%s"]' % STATEMENT["id"])
            require(len(shown) == 3, "the statement is in %d of the 3 previews" % len(shown))
            for l, li in zip(("fi", "sv", "en"), shown):
                require(STATEMENT[l] in li.text, "the %s preview shows %r, not %r" % (l, li.text, STATEMENT[l]))
        if j.step("survey: add an own 1-5 statement in fi/sv/en, preview in %s" % lang, survey_preview):
            j.audit("survey-preview", lang)

    def publish():
        press(drv, "#survey-editor", "publishing the survey", "#publish")
        no_errors(drv, "publishing the survey")
        notice(drv, "publishing the survey")
        require(drv.find_elements(By.CSS_SELECTOR, "#survey-versions tbody tr"), "no published version listed")
    if not j.step("survey: publish", publish):
        return
    j.audit("survey-published", "fi")

    # ---- 7. Users.
    j.step("users: open from Administration", lambda: from_hub("/staff/admin/users"))
    j.audit_all("users", "/staff/admin/users")

    def add_user():
        drv.get(url("/staff/admin/users", "fi"))
        type_into(drv, "f-email", NEW_USER["email"])
        type_into(drv, "f-name", NEW_USER["name"])
        select(drv, "f-role", NEW_USER["role"])
        select(drv, "f-unit", NEW_USER["unit"])
        select(drv, "f-language", "sv")
        press(drv, "#add-user", "adding a user")
        no_errors(drv, "adding a user")
        notice(drv, "adding a user")
        require(path_of(drv).startswith("/staff/admin/users/"), "adding a user led to %s" % drv.current_url)
        state["user_path"] = path_of(drv)
        require(NEW_USER["email"] in drv.find_element(By.ID, "user-summary").text, "the user's page does not show their e-mail")
    if j.step("users: add %s (an invitation goes out)" % NEW_USER["email"], add_user):
        def find_user():
            drv.get(url("/staff/admin/users", "fi"))
            type_into(drv, "f-q", "Eino")
            press(drv, "form.filters", "searching the users")
            follow(drv, '#users a[href^="%s"]' % state["user_path"], "to the new user")
            require(drv.find_elements(By.ID, "details-form"), "the user's page has no details form")
        j.step("users: find the new user by name and open their page", find_user)
        j.audit_all("user", state["user_path"])

    # ---- 8. Settings.
    j.step("settings: open from Administration", lambda: from_hub("/staff/admin/settings"))
    j.audit_all("settings", "/staff/admin/settings")

    def settings():
        drv.get(url("/staff/admin/settings", "fi"))
        type_into(drv, "f-promiseDays", "5")
        choose(drv, "f-promiseIn-workingDays")
        press(drv, "#settings-form", "saving the settings")
        no_errors(drv, "saving the settings")
        notice(drv, "saving the settings")
        require(drv.find_element(By.ID, "f-promiseIn-workingDays").is_selected(), "the promise is not in working days after saving")
        require(drv.find_element(By.ID, "f-promiseDays").get_attribute("value") == "5", "the promise is not 5 days after saving")
    j.step("settings: the promise is 5 working days", settings)

    # ---- 9. The audit log.
    def audit_log():
        from_hub("/staff/admin/audit-log")
        actions = {c.text.strip() for c in drv.find_elements(By.CSS_SELECTOR, "#audit-log code")}
        wanted = ["organisation.create", "unit.add", "target.add", "target.update", "survey.publish", "user.create", "settings.update"]
        missing = [a for a in wanted if a not in actions]
        require(not missing, "the audit log does not show %s (it shows %s)" % (", ".join(missing), ", ".join(sorted(actions))))
        subjects = text_of(drv)
        for subject in (NEW_USER["email"], NEW_TARGET["code"], "hammas-keskusta"):
            require(subject in subjects, "the audit log does not name %s" % subject)
    j.step("audit log: every change is there (organisation, units, targets, survey, user, settings)", audit_log)
    j.audit_all("audit-log", "/staff/admin/audit-log")

    # ---- 10. The public side.
    j.audit_all("public-landing", "/")

    def public_search():
        drv.get(url("/", "fi"))
        type_into(drv, "q", NEW_TARGET["search"])
        press(drv, "form.search", "searching on the front page")
        links = drv.find_elements(By.CSS_SELECTOR, 'ul.targets a[href*="/f/%s"]' % NEW_TARGET["code"])
        require(links, "searching %r does not find %s" % (NEW_TARGET["search"], NEW_TARGET["code"]))
        drv.get(url("/?q=vanha", "fi"))
        require(not drv.find_elements(By.CSS_SELECTOR, 'ul.targets a[href*="/f/vanha-palvelukeskus"]'),
                "the inactive target of a closed unit is offered on the front page")
        drv.get(url("/?q=" + urllib.parse.quote(NEW_TARGET["search"]), "fi"))
        follow(drv, 'ul.targets a[href*="/f/%s"]' % NEW_TARGET["code"], "to the new target's form")
        require(drv.find_elements(By.CSS_SELECTOR, 'input[type=radio][name="q_%s"]' % STATEMENT["id"]),
                "the form does not ask the own statement (no radio q_%s)" % STATEMENT["id"])
    if not j.step("public: the front page search finds the new target by its keyword; its form asks the own statement", public_search):
        return
    form_path = "/f/" + NEW_TARGET["code"]
    for lang in LANGS:
        def form_text(lang=lang):
            drv.get(url(form_path, lang))
            require(STATEMENT[lang] in text_of(drv), "the %s form does not show %r" % (lang, STATEMENT[lang]))
        j.step("public: the form shows the own statement in %s" % lang, form_text)
        j.audit("public-form", lang)

    def answer():
        drv.get(url(form_path, "fi"))
        choose(drv, "nps-9")
        radios = drv.find_elements(By.CSS_SELECTOR, 'input[type=radio][name="q_%s"][value="4"]' % STATEMENT["id"])
        require(radios, "no answer 4 for the own statement")
        pf.choose_radio(drv, radios[0], "the own statement = 4")
        type_into(drv, "openText", "Asiointi sujui hyvin, kiitos.")
        press(drv, "form", "sending the answer")
        receipt = drv.find_elements(By.ID, "receipt")
        require(receipt and receipt[0].text.strip(), "no receipt after sending the answer (%s)" % drv.current_url)
        log("answer sent, receipt %s" % receipt[0].text.strip())
    if j.step("public: answer the form, own statement included; a receipt", answer):
        j.audit("public-thanks", "fi")


def finish(r, j):
    took = time.monotonic() - T0
    if j.broken:
        print("the journey stopped at: %s" % j.broken)
    if r.failures:
        print("failed: " + "; ".join(r.failures))
    print("%d passed, %d failed; took %.0f s%s" % (r.passed, r.failed, took,
                                                   "" if took <= BUDGET else " (over the %d s budget)" % BUDGET))
    print("screenshots in %s" % pf.ARTIFACTS)
    return 0 if r.failed == 0 else 1


if __name__ == "__main__":
    # On TERM (a script stopping us), unwind so that the browser and the server are stopped.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    sys.exit(main())
