#!/usr/bin/env python3
"""DuckDB reference for the report benchmark: how long a column store takes
to scan the raw answers for the figures that Kaiku reads from its rollups.
Prints figures; it is not a timed test.

usage: python3 -m venv /tmp/duck && /tmp/duck/bin/pip install duckdb
       /tmp/duck/bin/python Tests/system/bench_duckdb.py /var/tmp/k10n/kaiku.sqlite [YEAR]

Copies the answers of a SQLite data set made by `kaiku generate` into an
in-memory DuckDB table, one column per statement (as an analyst would lay it
out for DuckDB), then times the "whole organisation, calendar year, by unit"
figures of bench_reports.py for every unit at every level of the tree, by
survey: first only n, NPS and the statement means; then what Kaiku's report
holds, n and the distribution of the recommendation (0-10) and of every
statement (0-5), which the dashboards show. The latter is also
timed with the roll-up done by joining every answer to its unit's ancestors,
the plain way to write it.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

import duckdb

DATABASE = sys.argv[1]
YEAR = int(sys.argv[2]) if len(sys.argv) > 2 else time.gmtime().tm_year
STATEMENTS = 7
RUNS = 10


def sqlite_csv(query, path):
    with open(path, "w") as out:
        subprocess.run(["sqlite3", "-readonly", "-csv", DATABASE, query], stdout=out, check=True)


def main():
    con = duckdb.connect()
    con.execute(f"SET threads = {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as work:
        started = time.monotonic()
        sqlite_csv("SELECT id, parent_id FROM units", f"{work}/units.csv")
        sqlite_csv("SELECT unit_id, survey_id, local_day, recommendation, statements FROM responses", f"{work}/answers.csv")
        split = ", ".join(
            f"TRY_CAST(NULLIF(string_split(statements, ',')[{i + 1}], '') AS TINYINT) AS s{i}" for i in range(STATEMENTS))
        con.execute(f"""CREATE TABLE answers AS
            SELECT unit_id, survey_id, local_day::INTEGER AS local_day, recommendation::TINYINT AS recommendation, {split}
            FROM read_csv('{work}/answers.csv', header = false, all_varchar = true,
                          names = ['unit_id', 'survey_id', 'local_day', 'recommendation', 'statements'])""")
        con.execute(f"""CREATE TABLE units AS SELECT * FROM read_csv('{work}/units.csv', header = false,
                        all_varchar = true, names = ['id', 'parent_id'])""")
    con.execute("""CREATE TABLE ancestry AS
        WITH RECURSIVE up(unit_id, ancestor_id) AS (
            SELECT id, id FROM units
            UNION ALL SELECT up.unit_id, u.parent_id FROM up JOIN units u ON u.id = up.ancestor_id WHERE u.parent_id IS NOT NULL)
        SELECT * FROM up""")
    answers = con.execute("SELECT count(*) FROM answers").fetchone()[0]
    print(f"loaded {answers:,} answers and {con.execute('SELECT count(*) FROM units').fetchone()[0]} units "
          f"into DuckDB {duckdb.__version__} in {time.monotonic() - started:.1f} s; {os.cpu_count()} threads")

    counts = ["count(*) AS n"] + [f"count(*) FILTER (recommendation = {v}) AS r{v}" for v in range(11)]
    counts += [f"count(*) FILTER (s{i} = {v}) AS s{i}_{v}" for i in range(STATEMENTS) for v in range(6)]
    sums = ", ".join(f"sum({c.split(' AS ')[1]})" for c in counts)
    period = f"local_day BETWEEN {YEAR}0101 AND {YEAR}1231"
    headline = ["count(*) AS n", "count(*) FILTER (recommendation >= 9) AS promoters",
                "count(*) FILTER (recommendation <= 6) AS detractors"]
    headline += [f"sum(s{i}) FILTER (s{i} > 0) AS sum{i}, count(*) FILTER (s{i} > 0) AS n{i}" for i in range(STATEMENTS)]
    headline_sums = ", ".join(f"sum({c.split(' AS ')[-1]})" for c in ", ".join(headline).split(", "))
    queries = {
        "n, NPS and statement means only, per unit, then summed up the tree": f"""
            WITH per_unit AS (SELECT unit_id, survey_id, {", ".join(headline)} FROM answers WHERE {period} GROUP BY ALL)
            SELECT a.ancestor_id, p.survey_id, {headline_sums} FROM per_unit p JOIN ancestry a USING (unit_id) GROUP BY ALL""",
        "full distributions, per unit, then summed up the tree": f"""
            WITH per_unit AS (SELECT unit_id, survey_id, {", ".join(counts)} FROM answers WHERE {period} GROUP BY ALL)
            SELECT a.ancestor_id, p.survey_id, {sums} FROM per_unit p JOIN ancestry a USING (unit_id) GROUP BY ALL""",
        "full distributions, every answer joined to its ancestors": f"""
            SELECT a.ancestor_id, x.survey_id, {", ".join(counts)}
            FROM answers x JOIN ancestry a USING (unit_id) WHERE {period} GROUP BY ALL""",
    }
    for label, query in queries.items():
        rows = con.execute(query).fetchall()
        timings = []
        for _ in range(RUNS):
            start = time.perf_counter()
            con.execute(query).fetchall()
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        total = sum(row[2] for row in rows)
        print(f"{label}: {len(rows)} rows (n summed over them {total:,}), "
              f"p50 {statistics.median(timings):.1f} ms, best {timings[0]:.1f} ms, worst {timings[-1]:.1f} ms")


main()
