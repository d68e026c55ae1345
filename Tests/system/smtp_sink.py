#!/usr/bin/env python3
"""A real SMTP server that keeps what it receives, for Kaiku's mail tests.

    python3 Tests/system/smtp_sink.py --port P --dir D \
        [--starttls-cert CERT --starttls-key KEY | --tls-cert CERT --tls-key KEY] \
        [--auth USER:PASS [--auth-mechanisms LOGIN]] [--exit-on-stdin-eof]

Listens on 127.0.0.1:P (aiosmtpd) and prints READY on stdout once it accepts
connections. Each accepted message becomes two files in D:

    000001.eml   the message exactly as received (RFC 5322 bytes, dot-stuffing
                 removed, as a mail store would keep it)
    000001.json  the envelope (mail_from, rcpt_tos), the session (tls,
                 authenticated user and mechanism), and the message as parsed
                 by Python's own e-mail package: decoded headers, decoded body,
                 and any defects the parser found. Tests check the sender with
                 this independent decoder rather than with their own.

The .json file is written last, after the .eml, and both before the server
answers 250 to the end of DATA: once a client's send has succeeded, both
files are there.

Recipients whose local part is "reject" get 550, those whose local part is
"tempfail" get 451, so tests can check how the client reports refusals.

Exit codes: 0 after SIGTERM/SIGINT (or stdin EOF with --exit-on-stdin-eof),
2 for bad arguments, 3 when aiosmtpd is not installed.
"""

import argparse
import email
import email.policy
import json
import os
import signal
import ssl
import sys
import threading
import warnings

# aiosmtpd itself still sets its deprecated Session.login_data; keep stderr
# for real problems.
warnings.filterwarnings("ignore", category=DeprecationWarning)

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
except ImportError:
    print(
        "smtp_sink: the Python package aiosmtpd is not installed; "
        "run scripts/setup-test-deps.sh",
        file=sys.stderr,
    )
    sys.exit(3)


class Sink:
    """aiosmtpd handler: refuses the special recipients, stores the rest."""

    def __init__(self, directory):
        self.directory = directory
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.rsplit("@", 1)[0].lower()
        if local == "reject":
            return "550 5.1.1 <%s>: Recipient address rejected" % address
        if local == "tempfail":
            return "451 4.3.0 <%s>: Temporary failure, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            number = self.count
        base = os.path.join(self.directory, "%06d" % number)
        raw = envelope.original_content
        write_atomically(base + ".eml", raw)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            # session.ssl is set by STARTTLS only; implicit TLS shows on the transport.
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated_as": auth_login(session),
            "auth_mechanism": getattr(session, "kaiku_auth_mechanism", None),
            "message": parse(raw),
        }
        write_atomically(base + ".json", json.dumps(record, indent=2, ensure_ascii=False).encode("utf-8"))
        return "250 OK: queued as %06d" % number


def auth_login(session):
    data = session.auth_data if session.authenticated else None
    if isinstance(data, LoginPassword):
        return data.login.decode("utf-8", "replace")
    return None


def parse(raw):
    """The message as a strict, standard decoder sees it."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = {}
    defects = [repr(d) for d in message.defects]
    for name in ("From", "To", "Reply-To", "Subject", "Date", "Message-ID",
                 "MIME-Version", "Content-Type", "Content-Transfer-Encoding", "List-Unsubscribe"):
        value = message[name]
        if value is None:
            continue
        headers[name] = str(value)
        defects += ["%s: %r" % (name, d) for d in value.defects]
    result = {"headers": headers, "defects": defects, "body": None}
    for name in ("From", "To", "Reply-To"):
        value = message[name]
        if value is not None and len(value.addresses) == 1:
            address = value.addresses[0]
            result[name.lower().replace("-", "_") + "_address"] = {
                "display_name": address.display_name,
                "addr_spec": address.addr_spec,
            }
    if not message.is_multipart():
        result["body"] = message.get_content()
    else:
        # Each leaf part, decoded: a multipart/alternative's plain text and HTML.
        result["parts"] = [
            {"content_type": part.get_content_type(), "body": part.get_content()}
            for part in message.walk() if not part.is_multipart()
        ]
        defects += [repr(d) for part in message.walk() for d in part.defects]
    return result


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def make_authenticator(credentials):
    user, _, password = credentials.partition(":")

    def authenticator(server, session, envelope, mechanism, auth_data):
        session.kaiku_auth_mechanism = mechanism
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode("utf-8")
            and auth_data.password == password.encode("utf-8")
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return authenticator


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True, help="where received messages are stored")
    parser.add_argument("--starttls-cert", help="PEM certificate; enables (and requires) STARTTLS")
    parser.add_argument("--starttls-key", help="PEM private key for --starttls-cert")
    parser.add_argument("--tls-cert", help="PEM certificate; TLS from the first byte (implicit TLS, as on port 465)")
    parser.add_argument("--tls-key", help="PEM private key for --tls-cert")
    parser.add_argument("--auth", metavar="USER:PASS", help="offer AUTH and accept only these credentials")
    parser.add_argument("--auth-mechanisms", default="PLAIN,LOGIN",
                        help="comma-separated subset of PLAIN,LOGIN to offer (default both)")
    parser.add_argument("--exit-on-stdin-eof", action="store_true",
                        help="stop when stdin closes, so a crashed test leaves no server behind")
    args = parser.parse_args()
    if bool(args.starttls_cert) != bool(args.starttls_key):
        parser.error("--starttls-cert and --starttls-key go together")
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error("--tls-cert and --tls-key go together")
    if args.starttls_cert and args.tls_cert:
        parser.error("choose STARTTLS or implicit TLS, not both")

    os.makedirs(args.dir, exist_ok=True)
    options = {}
    if args.starttls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.starttls_cert, args.starttls_key)
        options.update(tls_context=context, require_starttls=True)
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        options.update(ssl_context=context)
    if args.auth:
        offered = {m.strip().upper() for m in args.auth_mechanisms.split(",") if m.strip()}
        options.update(
            authenticator=make_authenticator(args.auth),
            auth_required=True,
            # aiosmtpd counts only STARTTLS as TLS here; with implicit TLS
            # (or none at all, for plaintext tests) AUTH must be allowed as is.
            auth_require_tls=bool(args.starttls_cert),
            auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m not in offered],
        )

    controller = Controller(Sink(args.dir), hostname="127.0.0.1", port=args.port, **options)
    controller.start()
    print("READY", flush=True)

    stop = threading.Event()
    # A parent may start us with signals blocked (a process spawned from a
    # thread of a Swift test inherits that thread's mask); unblock the ones
    # that are meant to stop us, or terminate() would go unheard.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.buffer.read(), stop.set()), daemon=True).start()
    while not stop.wait(0.2):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
