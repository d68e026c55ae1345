#!/usr/bin/env python3
"""Kiosk check: a kiosk that keeps working while the server is down.

usage: check_kiosk.py BASE_URL   (KAIKU_BIN: the kaiku binary; DATABASE_URL as the server's)

Starts its own Kaiku on BASE_URL's port (on PostgreSQL when DATABASE_URL is
set, else a demo county in a new SQLite data dir) so that it can stop it.
An administrator registers a kiosk through the API; headless Chromium pairs
the kiosk page with the one-time code and answers once with the server up.
Then the server is stopped, two more answers are given and the page is
reloaded (the service worker serves it, the queue survives), the server
comes back, and exactly the three given answers arrive, with the times they
were given. axe-core audits the kiosk's screens.

Before that it walks every step at 320, 390 and 1366 px in Finnish (and at
390 px in Swedish and English), saving a screenshot of each and failing on
sideways scrolling or overlapping parts; it checks that the smileys are
drawn (SVG, no emoji in the page), that the step indicator counts and the
back button returns a step, and that after an answer the kiosk is back in
the organisation's default language for the next person.
"""

import datetime
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402

BASE = pf.BASE
PORT = urllib.parse.urlparse(BASE).port
BIN = os.environ.get("KAIKU_BIN") or os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "kaiku")
ADMIN = ("admin@demo.kaiku.fi", "kaiku-demo-2026")
COMMENTS = ["Kioskilla ennen katkoa", "Katkon aikana yksi", "Katkon aikana kaksi"]
WIDTHS = [320, 390, 1366]
# Pictographs, dingbats, the emoji variation selector: characters a device's fonts may draw or not.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F]")
STEP = {"fi": r"Kysymys (\d+)/(\d+)", "sv": r"Fråga (\d+) av (\d+)", "en": r"Question (\d+) of (\d+)"}
# Pairs of the stage's visible parts (and its buttons) whose boxes cross; the status line counts too.
OVERLAPS_JS = """
var parts = Array.prototype.slice.call(document.querySelectorAll('#kiosk > *, #kiosk-status, .top > *'));
var buttons = Array.prototype.slice.call(document.querySelectorAll('#kiosk button'));
function box(n) { var r = n.getBoundingClientRect(); return r.width && r.height ? r : null; }
function cross(a, b) { return a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1; }
function inside(a, b) { return a.contains(b) || b.contains(a); }
var found = [];
[parts, buttons].forEach(function (list) {
  for (var i = 0; i < list.length; i++) for (var j = i + 1; j < list.length; j++) {
    var a = box(list[i]), b = box(list[j]);
    if (a && b && !inside(list[i], list[j]) && cross(a, b))
      found.push((list[i].id || list[i].className || list[i].tagName) + ' / ' + (list[j].id || list[j].className || list[j].tagName));
  }
});
return found;
"""


class Server:
    def __init__(self):
        self.data_dir = None if os.environ.get("DATABASE_URL") else tempfile.mkdtemp(prefix="kaiku-kiosk-")
        self.process = None
        self.log = open(os.path.join(pf.ARTIFACTS, "kiosk-server.log"), "ab")

    def start(self):
        if self.data_dir:
            command = [BIN, "demo", "--data-dir", self.data_dir, "--port", str(PORT)]
        else:
            command = [BIN, "serve", "--hostname", "127.0.0.1", "--port", str(PORT)]
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log)
        deadline = time.time() + 240
        while time.time() < deadline:
            require(self.process.poll() is None, "the kiosk check's server exited (see kiosk-server.log)")
            status, _ = pf.http_json("GET", "/readyz", timeout=5) if self.reachable() else (0, None)
            if status == 200:
                return
            time.sleep(1)
        raise pf.CheckFailed("the kiosk check's server was not ready in 240 s")

    def reachable(self):
        try:
            pf.http_json("GET", "/healthz", timeout=2)
            return True
        except OSError:
            return False

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def close(self):
        self.stop()
        if self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def wait_for(drv, css, what, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = drv.find_elements(By.CSS_SELECTOR, css)
        if found:
            return found[0]
        time.sleep(0.2)
    raise pf.CheckFailed("%s did not appear (%s)" % (what, css))


def set_width(drv, width):
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                        dict(width=width, height=844 if width < 500 else 900, deviceScaleFactor=1, mobile=width < 500))


def step_of(drv, lang):
    text = wait_for(drv, "#kiosk-step", "the step indicator").text
    found = re.search(STEP[lang], text)
    require(found, "the step indicator reads %r, expected %r" % (text, STEP[lang]))
    return int(found.group(1)), int(found.group(2))


def looks_right(drv, name):
    """Saves the screen for a person to look at; fails on sideways scrolling or parts on top of each other."""
    time.sleep(0.2)
    pf.save_artifacts(drv, name)
    require(not pf.scrolls_sideways(drv), "%s scrolls sideways" % name)
    overlaps = drv.execute_script(OVERLAPS_JS)
    require(not overlaps, "%s: parts overlap: %s" % (name, "; ".join(overlaps[:5])))
    require(not EMOJI.search(drv.page_source), "%s has emoji characters in the page" % name)


def move_on(drv):
    """Goes one step forward without sending; False on the last step (the comment)."""
    for css in ("button[data-score='10']", ".smileys button[data-score='4']", "button.skip", "#next"):
        found = drv.find_elements(By.CSS_SELECTOR, css)
        if found:
            found[0].click()
            return True
    return False


def walk(drv, lang, width):
    """Every step of the survey in one language at one width, back to the start at the end."""
    set_width(drv, width)
    drv.get(BASE + "/kiosk?lang=fi")
    wait_for(drv, "#kiosk[data-ready] button[data-score='10']", "the first question, refreshed")
    if lang != "fi":
        drv.find_element(By.CSS_SELECTOR, "button[lang='%s']" % lang).click()
    require(pf.html_lang(drv) == lang, "the kiosk is not in %s" % lang)
    seen = 0
    while True:
        number, total = step_of(drv, lang)
        require(number == seen + 1, "step %d shown after step %d" % (number, seen))
        looks_right(drv, "kiosk-%s-%d-step%d" % (lang, width, number))
        seen = number
        if not move_on(drv):
            break
    require(seen == total and drv.find_elements(By.ID, "comment"), "the walk ended at step %d of %d, not on the comment" % (seen, total))


def answer(drv, nps, comment):
    """Answers on the kiosk: the recommendation, 4 for every statement, a comment; returns when it was sent."""
    wait_for(drv, "button[data-score='%d']" % nps, "the recommendation question").click()
    while True:
        smiley = drv.find_elements(By.CSS_SELECTOR, ".smileys button[data-score='4']")
        if smiley:
            smiley[0].click()
            continue
        area = wait_for(drv, "#comment", "the comment field")
        area.send_keys(comment)
        given = datetime.datetime.now(datetime.timezone.utc)
        drv.find_element(By.ID, "send").click()
        wait_for(drv, "#thanks", "the thank-you screen")
        return given


def kiosk_answers(token):
    """The answers this check gave (the demo county has kiosk answers of its own)."""
    status, answers = pf.http_json("GET", "/api/v1/responses?limit=1000", token=token)
    require(status == 200, "GET /api/v1/responses -> %s" % status)
    return [a for a in answers if a.get("channel") == "kiosk" and a.get("openText") in COMMENTS]


def finish(r):
    print("%d passed, %d failed" % (r.passed, r.failed))
    return 1 if r.failed else 0


def main():
    print("kiosk check against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    server = Server()
    drv = None
    state = {}
    try:
        r.check("server starts", server.start)

        def register():
            status, body = pf.http_json("POST", "/api/v1/auth/token", {"email": ADMIN[0], "password": ADMIN[1]})
            require(status == 200, "admin sign-in -> %s %r" % (status, body))
            state["token"] = body["token"]
            status, targets = pf.http_json("GET", "/api/v1/targets?lang=fi")
            require(status == 200 and targets, "no targets")
            target = targets[0]
            status, body = pf.http_json("POST", "/api/v1/kiosks", {"name": "Aula", "unit": target["unit"], "targets": [target["code"]],
                                                                    "offlineAfterMinutes": 5}, token=state["token"])
            require(status == 201, "POST /api/v1/kiosks -> %s %r" % (status, body))
            state["code"] = body["pairingCode"]
        r.check("administrator registers a kiosk and gets a pairing code", register)
        if "code" not in state:
            return finish(r)

        drv = pf.make_driver("desktop")

        def pair():
            drv.get(BASE + "/kiosk?lang=fi")
            field = wait_for(drv, "#pairing-code", "the pairing screen")
            pf.run_axe(drv, "kiosk pairing screen")
            field.send_keys(state["code"])
            drv.find_element(By.ID, "pair").click()
            wait_for(drv, "button[data-score='10']", "the first question after pairing")
            pf.run_axe(drv, "kiosk question (fi)")
            drv.find_element(By.CSS_SELECTOR, "button[lang='sv']").click()
            require(pf.html_lang(drv) == "sv", "one tap did not switch the kiosk to Swedish")
            pf.run_axe(drv, "kiosk question (sv)")
            drv.find_element(By.CSS_SELECTOR, "button[lang='fi']").click()
            # The service worker must control the page before the server goes away.
            deadline = time.time() + 20
            while time.time() < deadline and not drv.execute_script("return !!(navigator.serviceWorker && navigator.serviceWorker.controller)"):
                drv.refresh()
                time.sleep(1)
            require(drv.execute_script("return !!navigator.serviceWorker.controller"), "no service worker controls the kiosk page")
        r.check("kiosk pairs with the code, axe in fi and sv", pair, drv)

        def first_screen():
            drv.get(BASE + "/kiosk?lang=fi")
            wait_for(drv, "#kiosk[data-ready] button[data-score='10']", "the first question, refreshed")
            require(step_of(drv, "fi")[0] == 1, "the first question is not step 1")
            place = drv.find_elements(By.CSS_SELECTOR, "#kiosk .place")
            require(place and place[0].text.strip(), "the first screen does not name the unit or target")
            require(drv.find_elements(By.CSS_SELECTOR, "#kiosk .welcome"), "the first screen has no welcome line")
            require(not drv.find_elements(By.ID, "back"), "the only target's first question offers a way back to nowhere")
        r.check("the first screen names the place, welcomes and says step 1", first_screen, drv)

        def smileys_and_back():
            drv.find_element(By.CSS_SELECTOR, "button[data-score='7']").click()
            smileys = drv.find_elements(By.CSS_SELECTOR, ".smileys button")
            require(len(smileys) == 5, "%d smiley buttons, expected 5" % len(smileys))
            for button in smileys:
                require(button.find_elements(By.CSS_SELECTOR, "svg"), "a smiley is not drawn as SVG: %r" % button.text)
                require(re.search(r"\d \w", button.text), "a smiley button has no name in words: %r" % button.text)
            require(step_of(drv, "fi")[0] == 2, "the statement after the recommendation is not step 2")
            require(not EMOJI.search(drv.page_source), "the page has emoji characters")
            drv.find_element(By.ID, "back").click()
            wait_for(drv, "button[data-score='10']", "the recommendation question after going back")
            require(step_of(drv, "fi")[0] == 1, "back did not return to step 1")
            pf.run_axe(drv, "kiosk first question with the welcome (fi)")
        r.check("the smileys are SVG with names in words, no emoji; back returns a step", smileys_and_back, drv)

        def every_step():
            for width in WIDTHS:
                walk(drv, "fi", width)
            walk(drv, "sv", 390)
            walk(drv, "en", 390)
            set_width(drv, pf.VIEWPORTS["desktop"]["width"])
            drv.get(BASE + "/kiosk?lang=fi")
            wait_for(drv, "#kiosk[data-ready] button[data-score='10']", "the first question, refreshed")
        r.check("every step at 320, 390 and 1366 px (fi), 390 px (sv, en): no overlap, no sideways scroll", every_step, drv)

        def online_answer():
            wait_for(drv, "#kiosk[data-ready] button[lang='sv']", "the language buttons").click()
            state["given"] = [answer(drv, 9, COMMENTS[0])]
            deadline = time.time() + 15
            while time.time() < deadline and not (pf.html_lang(drv) == "fi" and drv.find_elements(By.CSS_SELECTOR, "button[data-score='10']")):
                time.sleep(0.5)
            require(pf.html_lang(drv) == "fi", "after an answer in Swedish the kiosk stayed in %r for the next person" % pf.html_lang(drv))
            require(re.search(STEP["fi"], drv.find_element(By.ID, "kiosk-step").text), "the next person's first screen is not in Finnish")
            deadline = time.time() + 20
            while time.time() < deadline and len(kiosk_answers(state["token"])) < 1:
                time.sleep(0.5)
            require(len(kiosk_answers(state["token"])) == 1, "the answer given online did not arrive")
        r.check("an answer given online arrives; the kiosk returns to Finnish for the next person", online_answer, drv)

        def offline_answers():
            server.stop()
            time.sleep(6)  # past the thank-you screen
            state["given"].append(answer(drv, 3, COMMENTS[1]))
            time.sleep(6)
            state["given"].append(answer(drv, 7, COMMENTS[2]))
            status = drv.find_element(By.ID, "kiosk-status").text
            require("2" in status, "the kiosk does not show two answers waiting: %r" % status)
            drv.get(BASE + "/kiosk?lang=fi")  # the server is down: the service worker serves the page
            wait_for(drv, "button[data-score='10']", "the kiosk page while the server is down")
            status = drv.find_element(By.ID, "kiosk-status").text
            require("2" in status, "the queue did not survive a reload: %r" % status)
        r.check("server stopped: two answers queue and survive a reload", offline_answers, drv)

        def back_online():
            server.start()
            deadline = time.time() + 60
            while time.time() < deadline and drv.find_element(By.ID, "kiosk-status").text:
                time.sleep(1)
            require(not drv.find_element(By.ID, "kiosk-status").text, "the queue did not empty after the server came back")
            answers = kiosk_answers(state["token"])
            require(len(answers) == 3, "%d of the kiosk's answers arrived, expected exactly 3: %r" % (len(answers), [a.get("openText") for a in answers]))
            by_text = {a.get("openText"): a for a in answers}
            for comment, given in zip(COMMENTS, state["given"]):
                require(comment in by_text, "the answer %r is missing" % comment)
                answered = datetime.datetime.fromisoformat(by_text[comment]["answeredAt"].replace("Z", "+00:00"))
                require(abs((answered - given).total_seconds()) < 10,
                        "%r was given at %s but stored as answered at %s" % (comment, given.isoformat(), answered.isoformat()))
            received = datetime.datetime.fromisoformat(by_text[COMMENTS[2]]["receivedAt"].replace("Z", "+00:00"))
            require(received > state["given"][2], "the offline answer's receipt time is not after it was given")
            status, kiosks = pf.http_json("GET", "/api/v1/kiosks", token=state["token"])
            require(status == 200 and any(k["status"] == "online" for k in kiosks), "the kiosk does not show online: %r" % kiosks)
        r.check("server back: exactly the given answers arrive with their answer times", back_online, drv)
    finally:
        if drv:
            drv.quit()
        server.close()
    return finish(r)


sys.exit(main())
