#!/usr/bin/env python3
"""Moves the national data set into PostgreSQL and creates the sessions of the national benchmark.

    python3 bench/national/load_pg.py SQLITE_DB POSTGRES_URL --sessions 10000 --out sessions.tsv

SQLITE_DB was seeded like the PostgreSQL database (`pantau seed --demo`) and then filled by
bench/monitoring/generate.py. The rows it added (offices, reports, fast reports, evidence, search
documents) are copied into PostgreSQL with COPY through psql (ON CONFLICT DO NOTHING, so the seeded
rows both databases share are kept once), and the id sequences moved past them.

Then one user per session, spread over every Kesbangpol office as an election day would see them:
one operator per kecamatan at its kab/kota office (they send the fast reports), the rest officers
of the province and kab/kota offices (they watch dashboards, lists and search). Each gets a session
written straight into `sessions` (token hashed with SHA-256 as the server does), so 10,000 logins
with password hashing are not part of the measurement. sessions.tsv: cookie, CSRF token, kind
(kec|office), the session's region (kecamatan or office region) and its office's region.
Standard library only; psql must be on PATH.
"""
import argparse
import csv
import hashlib
import io
import secrets
import sqlite3
import subprocess
import sys
from datetime import datetime, timezone

TABLES = ["org_units", "periodic_reports", "political_events", "blobs", "evidence_files", "search_docs"]


def psql(url, script):
    r = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url], input=script, text=True,
                       capture_output=True)
    if r.returncode != 0:
        sys.exit(f"load_pg: psql failed: {r.stderr.strip()[:2000]}")
    return r.stdout


def copy_table(src, url, table):
    cols = [row[1] for row in src.execute(f"PRAGMA table_info({table})")]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    n = 0
    for row in src.execute(f"SELECT {', '.join(cols)} FROM {table}"):
        w.writerow(["\\N" if v is None else v for v in row])
        n += 1
    collist = ", ".join(cols)
    has_id = "id" in cols
    script = (f"BEGIN;\nCREATE TEMP TABLE incoming AS SELECT {collist} FROM {table} WITH NO DATA;\n"
              f"COPY incoming ({collist}) FROM STDIN WITH (FORMAT csv, NULL '\\N');\n{buf.getvalue()}\\.\n"
              f"INSERT INTO {table} ({collist}) SELECT {collist} FROM incoming ON CONFLICT DO NOTHING;\n")
    if has_id:
        script += (f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                   f"(SELECT COALESCE(MAX(id), 1) FROM {table}));\n")
    script += "COMMIT;\n"
    psql(url, script)
    print(f"load_pg: {table}: {n} rows offered", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sqlite")
    ap.add_argument("url")
    ap.add_argument("--sessions", type=int, default=10000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    src = sqlite3.connect(args.sqlite)
    for t in TABLES:
        copy_table(src, args.url, t)

    offices = {code: uid for uid, code in src.execute(
        "SELECT id, region_code FROM org_units WHERE kind = 'KESBANGPOL' AND region_code <> '' ORDER BY id")}
    kec = [(code, parent) for code, parent in src.execute(
        "SELECT code, parent_code FROM regions WHERE level = 3 ORDER BY code")]
    if len(offices) < 500 or len(kec) < 7000:
        sys.exit(f"load_pg: only {len(offices)} offices and {len(kec)} kecamatan: generate the national data set first")
    pw = src.execute("SELECT password_hash FROM users WHERE role = 'OPERATOR' ORDER BY id LIMIT 1").fetchone()[0]
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")

    people = []   # (kind, role, clearance, office region, session region)
    for code, parent in kec:
        if parent in offices:
            people.append(("kec", "OPERATOR", 0, parent, code))
    office_codes = sorted(offices)
    roles = [("KABID", 1), ("ANALIS", 1), ("OPERATOR", 0), ("KABAN", 2)]
    i = 0
    while len(people) < args.sessions:
        code = office_codes[i % len(office_codes)]
        role, clearance = roles[(i // len(office_codes)) % len(roles)]
        people.append(("office", role, clearance, code, code))
        i += 1
    people = people[:args.sessions]

    users = io.StringIO()
    sessions = io.StringIO()
    uw = csv.writer(users, lineterminator="\n")
    sw = csv.writer(sessions, lineterminator="\n")
    with open(args.out, "w") as out:
        for n, (kind, role, clearance, office, region) in enumerate(people):
            name = f"nasional.{kind}.{n:05d}"
            uw.writerow([name, f"Petugas Uji {n:05d}", pw, role, clearance, offices[office], now, now, now])
            token = secrets.token_urlsafe(32)
            csrf = secrets.token_urlsafe(18)
            sw.writerow([hashlib.sha256(token.encode()).hexdigest(), name, csrf, now, now])
            out.write(f"pantau_session={token}\t{csrf}\t{kind}\t{region}\t{office}\n")
    psql(args.url, "BEGIN;\n"
         "COPY users (username, full_name, password_hash, role, clearance, org_unit_id, password_changed_at, created_at, updated_at) "
         f"FROM STDIN WITH (FORMAT csv);\n{users.getvalue()}\\.\n"
         "CREATE TEMP TABLE s_in (token_hash TEXT, username TEXT, csrf TEXT, created_at TEXT, last_seen_at TEXT);\n"
         f"COPY s_in FROM STDIN WITH (FORMAT csv);\n{sessions.getvalue()}\\.\n"
         "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at) "
         "SELECT s.token_hash, u.id, s.csrf, s.created_at, s.last_seen_at FROM s_in s JOIN users u ON u.username = s.username;\n"
         "COMMIT;\nANALYZE;\n")
    print(f"load_pg: {len(people)} users with a session ({sum(1 for p in people if p[0] == 'kec')} kecamatan operators)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
