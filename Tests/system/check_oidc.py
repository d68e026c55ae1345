#!/usr/bin/env python3
"""Single sign-on check: staff sign in through a real OpenID Connect provider.

usage: check_oidc.py BASE_URL   (KAIKU_BIN: the kaiku binary)

Starts oidc-provider-mock (PyPI) on a free loopback port and a Kaiku demo of
its own on BASE_URL's port, in a new SQLite data dir, with KAIKU_OIDC_* set
to that provider. Headless Chromium then signs the demo handler in through
the provider in fi, sv and en: the sign-in page offers the organisation's
account, the provider's form is answered, Kaiku's inbox opens; signing out
ends the session. A person the provider knows but Kaiku does not is refused
with a page in the chosen language. The administrator then turns on creating
users on the single sign-on settings page, and that person gets in. axe-core audits Kaiku's pages on the way.
A provider that cannot start fails the check (scripts/setup-test-deps.sh installs it).
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_public_form as pf  # noqa: E402
from check_public_form import By, require  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

BASE = pf.BASE
PORT = urllib.parse.urlparse(BASE).port
BIN = os.environ.get("KAIKU_BIN") or os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug", "kaiku")
HANDLER = "handler@demo.kaiku.fi"
ADMIN = "admin@demo.kaiku.fi"
SIGN_IN = {"fi": "Kirjaudu organisaation tunnuksella", "sv": "Logga in med organisationens konto",
           "en": "Sign in with your organisation's account"}
REFUSED = {"fi": "ei ole käyttöoikeutta", "sv": "ingen behörighet", "en": "no access to Kaiku"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(url, process, what, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        require(process.poll() is None, "%s exited (status %s); see its log in %s" % (what, process.returncode, pf.ARTIFACTS))
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise pf.CheckFailed("%s did not answer %s within %d s" % (what, url, seconds))


def stop(process):
    if process and process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def set_user(issuer, sub, claims):
    request = urllib.request.Request(issuer + "/users/" + urllib.parse.quote(sub), data=json.dumps(claims).encode(),
                                     method="PUT", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        require(response.status == 204, "PUT /users/%s -> %s" % (sub, response.status))


def answer_provider(drv, sub):
    field = pf.WebDriverWait(drv, pf.WAIT).until(lambda d: d.find_element(By.NAME, "sub"))
    field.send_keys(sub)
    old = drv.find_element(By.TAG_NAME, "html")
    drv.find_element(By.CSS_SELECTOR, "form button[type=submit]:not([name])").click()
    pf.wait_new_page(drv, old, "the provider's answer")


def sign_in_through_provider(drv, lang, sub):
    drv.get(BASE + "/staff/login?lang=" + lang)
    link = drv.find_element(By.CSS_SELECTOR, "a[href^='/staff/oidc/login']")
    require(link.text.strip() == SIGN_IN[lang], "the sign-in page (%s) offers %r" % (lang, link.text))
    pf.run_axe(drv, "sign-in page with single sign-on (%s)" % lang)
    old = drv.find_element(By.TAG_NAME, "html")
    link.click()
    pf.wait_new_page(drv, old, "the provider's form")
    answer_provider(drv, sub)


def main():
    print("single sign-on check against %s (artifacts in %s)" % (BASE, pf.ARTIFACTS))
    r = pf.Runner()
    provider_port = free_port()
    issuer = "http://127.0.0.1:%d" % provider_port
    data_dir = tempfile.mkdtemp(prefix="kaiku-oidc-")
    provider_log = open(os.path.join(pf.ARTIFACTS, "oidc-provider.log"), "ab")
    server_log = open(os.path.join(pf.ARTIFACTS, "oidc-server.log"), "ab")
    provider = server = drv = None
    try:
        def start():
            nonlocal provider, server
            python = os.environ.get("PYTHON", sys.executable)
            provider = subprocess.Popen([python, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(provider_port)],
                                        stdout=provider_log, stderr=provider_log)
            wait_until(issuer + "/.well-known/openid-configuration", provider,
                       "oidc-provider-mock (install it with scripts/setup-test-deps.sh)", 60)
            env = dict(os.environ, KAIKU_OIDC_ISSUER=issuer, KAIKU_OIDC_CLIENT_ID="kaiku-check", KAIKU_OIDC_CLIENT_SECRET="check-secret")
            env.pop("DATABASE_URL", None)
            env.pop("KAIKU_PUBLIC_URL", None)
            server = subprocess.Popen([BIN, "demo", "--data-dir", data_dir, "--port", str(PORT)], stdout=server_log, stderr=server_log, env=env)
            wait_until(BASE + "/readyz", server, "the check's Kaiku server", 240)
            set_user(issuer, "handler-sso", {"email": HANDLER, "email_verified": True, "name": "Demo Handler"})
            set_user(issuer, "stranger-sso", {"email": "stranger@elsewhere.example", "email_verified": True})
            set_user(issuer, "newcomer-sso", {"email": "newcomer@demo.kaiku.fi", "email_verified": True, "name": "New Comer"})
        if not r.check("provider and server start", start):
            print("%d passed, %d failed" % (r.passed, r.failed))
            return 1

        drv = pf.make_driver("desktop")
        for lang in ("fi", "sv", "en"):
            def known(lang=lang):
                drv.delete_all_cookies()
                sign_in_through_provider(drv, lang, "handler-sso")
                path = urllib.parse.urlparse(drv.current_url).path
                require(path.rstrip("/") == "/staff", "after the provider Kaiku showed %s, not the inbox" % drv.current_url)
                require(drv.find_elements(By.CSS_SELECTOR, "form[action='/staff/logout']"), "the inbox has no sign-out form")
                pf.run_axe(drv, "inbox after single sign-on (%s)" % lang)
                old = drv.find_element(By.TAG_NAME, "html")
                pf.open_staff_menu(drv)
                drv.find_element(By.CSS_SELECTOR, "form[action='/staff/logout'] button").click()
                pf.wait_new_page(drv, old, "signing out")
                require(urllib.parse.urlparse(drv.current_url).port == provider_port,
                        "signing out did not go on to the provider's end-session page: %s" % drv.current_url)
                drv.get(BASE + "/staff")
                require("/staff/login" in drv.current_url, "the session lived on after signing out: %s" % drv.current_url)
            r.check("handler signs in through the provider and out again, axe (%s)" % lang, known, drv)

            def stranger(lang=lang):
                drv.delete_all_cookies()
                sign_in_through_provider(drv, lang, "stranger-sso")
                body = drv.find_element(By.TAG_NAME, "body").text
                require(REFUSED[lang] in body, "the refusal page (%s) does not say why: %r" % (lang, body[:300]))
                pf.run_axe(drv, "single sign-on refused (%s)" % lang)
                drv.get(BASE + "/staff")
                require("/staff/login" in drv.current_url, "a refused person reached %s" % drv.current_url)
            r.check("a person Kaiku does not know is refused, axe (%s)" % lang, stranger, drv)

        def settings_page():
            drv.delete_all_cookies()
            pf.sign_in(drv, ADMIN, "kaiku-demo-2026")
            for lang in ("fi", "sv", "en"):
                drv.get(BASE + "/staff/admin/identity-provider?lang=" + lang)
                require(drv.find_elements(By.ID, "identity-provider-form"), "no identity provider form (%s)" % lang)
                require(drv.find_elements(By.ID, "from-environment"), "the page does not say the environment's provider is in use")
                pf.run_axe(drv, "single sign-on settings (%s)" % lang)
            drv.find_element(By.ID, "f-provisioning").click()
            Select(drv.find_element(By.ID, "f-defaultRole")).select_by_value("handler")
            Select(drv.find_element(By.ID, "f-defaultUnit")).select_by_index(1)
            old = drv.find_element(By.TAG_NAME, "html")
            drv.find_element(By.CSS_SELECTOR, "#identity-provider-form button[type=submit]").click()
            pf.wait_new_page(drv, old, "saving the single sign-on settings")
            require(drv.find_elements(By.ID, "notice"), "saving did not say it was saved: %r" % drv.find_element(By.TAG_NAME, "body").text[:300])
            drv.delete_all_cookies()
            sign_in_through_provider(drv, "en", "newcomer-sso")
            path = urllib.parse.urlparse(drv.current_url).path
            require(path.rstrip("/") == "/staff", "a newcomer was not created and signed in: %s" % drv.current_url)
        r.check("administrator turns on creating users on the settings page (axe); a newcomer signs in", settings_page, drv)
    finally:
        if drv:
            drv.quit()
        stop(server)
        stop(provider)
        shutil.rmtree(data_dir, ignore_errors=True)
    print("%d passed, %d failed" % (r.passed, r.failed))
    return 1 if r.failed else 0


sys.exit(main())
