#!/usr/bin/env python3
"""DuckDB reference for the report benchmark: the whole organisation's summary,
computed by DuckDB from the raw answers and by Kaiku from its rollups, for the
same periods, the same figures, side by side. Prints figures; it is not a
timed test.

usage: python3 -m venv /tmp/duck && /tmp/duck/bin/pip install duckdb
       /tmp/duck/bin/python Tests/system/bench_duckdb.py SQLITE_FILE [BASE_URL]

SQLITE_FILE is a data set made by `kaiku generate`; BASE_URL a Kaiku server
serving that same database (its administrator KAIKU_ADMIN_EMAIL/PASSWORD).
Without BASE_URL only DuckDB is timed.

The answers are copied into an in-memory DuckDB table laid out the way that
suits DuckDB best: a small-integer unit id, the local day as a DATE, channel
and language as one-byte codes, the recommendation and each statement in a
one-byte column of its own (NULL where not answered or "cannot say", which
the summary does not count), in the order they were given so that DuckDB's
zone maps skip whatever lies outside a period. DuckDB runs on
KAIKU_DUCKDB_THREADS (2) threads.

Each case is `GET /api/v1/reports/summary?unit=ROOT&from=…&to=…&groupBy=…`
and the SQL that returns exactly its JSON's figures: for the whole and for
each group (a child of the root, a month, a channel or a language) n,
promoters, passives, detractors and, per statement, the sum and count of its
1-5 answers (the JSON shows count and mean). The SQL groups by the small key
first and then sums those few rows into the groups and the whole, the
fastest way to write it. Every run's figures from both are compared, so the
comparison is of the same work. KAIKU_BENCH_REQUESTS (20) runs per case,
DuckDB and Kaiku interleaved, after one warm-up of each; the "arbitrary
range" case moves by a day on every run, so that no cache can answer it.
"""

import datetime
import http.client
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

import duckdb

DATABASE = sys.argv[1]
BASE = sys.argv[2].rstrip("/") if len(sys.argv) > 2 else None
RUNS = int(os.environ.get("KAIKU_BENCH_REQUESTS", "20"))
THREADS = int(os.environ.get("KAIKU_DUCKDB_THREADS", "2"))
CHANNELS = ["web", "kiosk", "sms", "paper", "oral", "remote", "open311"]
LANGUAGES = ["fi", "sv", "en"]


def organisation():
    """The generated organisation: its root's code, each unit's small id and the code of the root's child above it."""
    db = sqlite3.connect(f"file:{DATABASE}?mode=ro", uri=True)
    org = db.execute("SELECT organisation_id FROM units WHERE parent_id IS NULL ORDER BY code LIMIT 1").fetchone()[0]
    units = db.execute("SELECT id, parent_id, code FROM units WHERE organisation_id = ?", (org,)).fetchall()
    db.close()
    parent = {u[0]: u[1] for u in units}
    code = {u[0]: u[2] for u in units}
    root = next(u for u, p in parent.items() if p is None)
    child = {}
    for unit in parent:
        walk = unit
        while parent.get(walk) not in (None, root):
            walk = parent[walk]
        child[unit] = code[walk] if parent.get(walk) == root else None
    return org, code[root], [(unit, index, child[unit]) for index, unit in enumerate(sorted(parent))]


def load(con, org, units):
    started = time.monotonic()
    con.execute("CREATE TABLE unit_map (id VARCHAR, unit SMALLINT, child VARCHAR)")
    con.executemany("INSERT INTO unit_map VALUES (?, ?, ?)", units)
    with tempfile.TemporaryDirectory() as work:
        with open(f"{work}/answers.csv", "w") as out:
            subprocess.run(["sqlite3", "-readonly", "-csv", DATABASE,
                            "SELECT unit_id, local_day, channel, language, recommendation, statements FROM responses "
                            f"WHERE organisation_id = '{org}' ORDER BY answered_at"], stdout=out, check=True)
        statement = lambda i: f"CASE WHEN string_split(statements, ',')[{i + 1}] IN ('1','2','3','4','5') THEN string_split(statements, ',')[{i + 1}]::UTINYINT END"
        width = con.execute(f"""SELECT max(length(statements) - length(replace(statements, ',', '')) + 1)
            FROM read_csv('{work}/answers.csv', header = false, all_varchar = true,
                          names = ['unit_id', 'local_day', 'channel', 'language', 'recommendation', 'statements'])""").fetchone()[0] or 0
        con.execute(f"""CREATE TABLE answers AS
            SELECT m.unit, strptime(a.local_day, '%Y%m%d')::DATE AS day,
                   (list_position({CHANNELS}, a.channel) - 1)::UTINYINT AS channel,
                   (list_position({LANGUAGES}, a.language) - 1)::UTINYINT AS language,
                   a.recommendation::UTINYINT AS recommendation
                   {"".join(f", {statement(i)} AS s{i}" for i in range(width))}
            FROM read_csv('{work}/answers.csv', header = false, all_varchar = true,
                          names = ['unit_id', 'local_day', 'channel', 'language', 'recommendation', 'statements']) a
            JOIN unit_map m ON m.id = a.unit_id""")
    con.execute("CREATE TABLE children AS SELECT unit, child FROM unit_map")
    count = con.execute("SELECT count(*) FROM answers").fetchone()[0]
    print(f"loaded {count:,} answers into DuckDB {duckdb.__version__} in {time.monotonic() - started:.1f} s; "
          f"{THREADS} threads, in memory, {con.execute('SELECT sum(estimated_size) FROM duckdb_tables()').fetchone()[0] / 1e6:.0f} MB estimated")
    return width


def query(by, width, frm, to):
    """The SQL for one summary: rows (key or NULL for the whole, n, promoters, passives, detractors, sum0, n0, …)."""
    figures = ["count(*) AS n", "count(*) FILTER (recommendation >= 9) AS p", "count(*) FILTER (recommendation BETWEEN 7 AND 8) AS pa",
               "count(*) FILTER (recommendation <= 6) AS d"] + [f"sum(s{i}) AS sum{i}, count(s{i}) AS n{i}" for i in range(width)]
    names = ["n", "p", "pa", "d"] + [name for i in range(width) for name in (f"sum{i}", f"n{i}")]
    inner, key, join = {
        "unit": ("unit", "c.child", "JOIN children c USING (unit)"),
        "month": ("day", "strftime(day, '%Y-%m')", ""),
        "channel": ("channel", f"{CHANNELS}[channel + 1]", ""),
        "language": ("language", f"{LANGUAGES}[language + 1]", ""),
    }[by]
    return f"""WITH small AS (SELECT {inner}, {", ".join(figures)} FROM answers
                              WHERE day BETWEEN DATE '{frm}' AND DATE '{to}' GROUP BY {inner})
               SELECT {key} AS key, {", ".join(f"sum({n})::BIGINT" for n in names)} FROM small {join}
               GROUP BY GROUPING SETS (({key}), ())"""


def duck_figures(rows, width):
    """{key or None: (n, promoters, passives, detractors, [(count, mean)…])}"""
    out = {}
    for row in rows:
        statements = [(row[6 + 2 * i], round(row[5 + 2 * i] / row[6 + 2 * i], 2) if row[6 + 2 * i] else None) for i in range(width)]
        out[row[0]] = (row[1], row[2], row[3], row[4], statements)
    return out


def kaiku_figures(summary):
    def one(part):
        return (part["n"], part.get("promoters"), part.get("passives"), part.get("detractors"),
                [(s["n"], s.get("mean")) for s in part.get("statements", [])])
    out = {None: one(summary)}
    for group in summary["groups"]:
        if group["n"] > 0:
            out[group["key"]] = one(group)
    return out


def same(duck, kaiku):
    """Differences between the two, by key; a mean may differ by rounding alone."""
    problems = []
    for key in sorted(set(duck) | set(kaiku), key=str):
        a, b = duck.get(key), kaiku.get(key)
        if a is None or b is None:
            problems.append(f"{key}: only in {'Kaiku' if a is None else 'DuckDB'}")
            continue
        if a[:4] != b[:4] and all(x is not None for x in b[:4]):
            problems.append(f"{key}: DuckDB {a[:4]} Kaiku {b[:4]}")
        for i, ((n1, m1), (n2, m2)) in enumerate(zip(a[4], b[4])):
            if n1 != n2 or (m1 is not None and m2 is not None and abs(m1 - m2) > 0.0051):
                problems.append(f"{key} statement {i}: DuckDB n {n1} mean {m1}, Kaiku n {n2} mean {m2}")
    return problems


class Kaiku:
    def __init__(self, base):
        body = json.dumps({"email": os.environ["KAIKU_ADMIN_EMAIL"], "password": os.environ["KAIKU_ADMIN_PASSWORD"]}).encode()
        request = urllib.request.Request(base + "/api/v1/auth/token", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            self.headers = {"Authorization": "Bearer " + json.load(response)["token"], "Accept": "application/json"}
        url = urllib.parse.urlparse(base)
        self.connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)

    def summary(self, unit, by, frm, to):
        start = time.perf_counter()
        self.connection.request("GET", f"/api/v1/reports/summary?unit={unit}&from={frm}&to={to}&groupBy={by}", headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"summary {by} {frm}..{to}: HTTP {response.status}: {body[:300]!r}")
        return elapsed, json.loads(body)


def periods():
    today = datetime.date.today()
    year_ago = (today.replace(year=today.year - 1) if not (today.month == 2 and today.day == 29) else today - datetime.timedelta(days=365))
    fixed = lambda frm, to: lambda run: (frm, to)
    return [
        ("calendar year", fixed(datetime.date(today.year, 1, 1), datetime.date(today.year, 12, 31))),
        ("last 12 months", fixed(year_ago + datetime.timedelta(days=1), today)),
        ("last 30 days", fixed(today - datetime.timedelta(days=29), today)),
        ("arbitrary range", lambda run: (today - datetime.timedelta(days=300 - run), today - datetime.timedelta(days=190 - run - run % 5))),
    ]


def main():
    org, root, units = organisation()
    con = duckdb.connect()
    con.execute(f"SET threads = {THREADS}")
    width = load(con, org, units)
    kaiku = Kaiku(BASE) if BASE else None
    print(f"{'case':<44} {'DuckDB p50':>11} {'Kaiku p50':>10} {'DuckDB/Kaiku':>13}  figures")
    mismatches = 0
    for by in ["unit", "month", "channel", "language"]:
        for label, period in periods():
            duck_times, kaiku_times, problems = [], [], []
            for run in range(-1, RUNS):
                frm, to = period(max(run, 0))
                sql = query(by, width, frm, to)
                start = time.perf_counter()
                rows = con.execute(sql).fetchall()
                duck_ms = (time.perf_counter() - start) * 1000
                if kaiku:
                    kaiku_ms, summary = kaiku.summary(root, by, frm, to)
                    problems += same(duck_figures(rows, width), kaiku_figures(summary))
                if run >= 0:
                    duck_times.append(duck_ms)
                    if kaiku:
                        kaiku_times.append(kaiku_ms)
            duck = statistics.median(duck_times)
            name = f"{label}, groupBy={by}"
            if kaiku:
                ours = statistics.median(kaiku_times)
                verdict = "equal" if not problems else f"DIFFER ({len(problems)}): {problems[0]}"
                mismatches += bool(problems)
                print(f"{name:<44} {duck:9.1f}ms {ours:8.1f}ms {duck / ours:12.1f}x  {verdict}", flush=True)
            else:
                print(f"{name:<44} {duck:9.1f}ms", flush=True)
    if mismatches:
        raise SystemExit(f"{mismatches} cases gave different figures")


main()
