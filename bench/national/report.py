#!/usr/bin/env python3
"""Writes the national benchmark's report (Markdown) from run.sh's measurements, with the sizing table."""
import argparse
import math

# Requests per second per session of each kind (mix.lua): election day, and an ordinary working day
# (a fast report per kecamatan per working day, dashboards every 5 minutes, lists every 10, the
# map, the report list and a search every 30).
KINDS = {"kec": 7285, "office": None}  # office sessions: the rest of the sessions
ELECTION = {"submit": ("kec", 1 / 900), "events_kec": ("kec", 1 / 900), "upload": ("kec", 1 / 1800),
            "dashboard": ("office", 1 / 60), "events_office": ("office", 1 / 120), "geo": ("office", 1 / 300),
            "reports": ("office", 1 / 300), "search": ("office", 1 / 300)}
NORMAL = {"submit": ("kec", 1 / 28800), "events_kec": ("kec", 1 / 28800), "upload": ("kec", 1 / 57600),
          "dashboard": ("office", 1 / 300), "events_office": ("office", 1 / 600), "geo": ("office", 1 / 1800),
          "reports": ("office", 1 / 1800), "search": ("office", 1 / 1800)}
UTIL = 0.5  # plan cores to run at half their capacity, so that p99 stays near the service time


def demand(table, kec, office):
    out = {}
    for k, (kind, per) in table.items():
        name = "events" if k.startswith("events") else k
        out[name] = out.get(name, 0) + (kec if kind == "kec" else office) * per
    return out


def main():
    ap = argparse.ArgumentParser()
    for a in ["results", "mix-endpoints", "rate", "sessions", "offices", "reports", "events", "files", "docs", "db-mb",
              "db-mb-after", "rss-kb", "setup-s", "commit", "load", "cpu", "acked", "stored", "events-after", "mix-conns"]:
        ap.add_argument("--" + a, required=True)
    a = ap.parse_args()
    rows = {}
    for line in open(a.results):
        f = line.rstrip("\n").split("\t")
        rows[f[0]] = {"rps": float(f[1]), "p50": float(f[2]), "p99": float(f[3]), "reqs": int(f[4]), "non2xx": int(f[5]),
                      "cpu": int(f[6]), "us": int(f[7]), "pgcpu": int(f[8]), "pgus": int(f[9])}
    mix_ep = {}
    for line in open(a.mix_endpoints):
        f = line.split()
        if len(f) == 4:
            mix_ep[f[0]] = (int(f[1]), float(f[2]), float(f[3]))
    sessions = int(a.sessions)
    kec = min(KINDS["kec"], sessions)
    office = sessions - kec
    p = print
    p(f"### National deployment on PostgreSQL — {a.commit}, load average before {a.load}")
    p()
    p(f"`bash bench/national/run.sh` on {a.cpu}: one Pantau instance pinned to one core; PostgreSQL 15 (a "
      f"throwaway cluster, default settings, fsync on) and wrk on the other. Data set: {a.offices} Kesbangpol offices, "
      f"{a.reports} quarterly reports, {a.events} fast reports, {a.files} evidence files, {a.docs} search documents "
      f"({a.db_mb} MB); {sessions} sessions ({kec} kecamatan operators, {office} office officers). Set-up {a.setup_s} s.")
    p()
    p("**What one core carries, per endpoint** (64 connections, each request from a random session of its kind; "
      "µs/req = CPU time per request of Pantau and of PostgreSQL):")
    p()
    p("| endpoint | req/s | p50 ms | p99 ms | Pantau CPU | Pantau µs/req | PostgreSQL CPU | PostgreSQL µs/req | non-2xx |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in ["dashboard", "events", "reports", "search", "geo", "submit", "upload"]:
        r = rows.get(n)
        if r:
            p(f"| {n} | {r['rps']:,.0f} | {r['p50']:.1f} | {r['p99']:.1f} | {r['cpu']}% | {r['us']} | {r['pgcpu']}% | {r['pgus']} | {r['non2xx']} |")
    m = rows.get("mix")
    if m:
        p()
        p(f"**Election day at {sessions:,} sessions**: the mix at the rate these sessions send ({a.rate} req/s requested, "
          f"think time between a connection's requests), {a.mix_conns} connections: **{m['rps']:,.0f} req/s, p50 {m['p50']:.1f} ms, "
          f"p99 {m['p99']:.1f} ms** (client side), Pantau CPU {m['cpu']}% of its core ({m['us']} µs/req), PostgreSQL "
          f"{m['pgcpu']}% ({m['pgus']} µs/req), non-2xx {m['non2xx']}. Server-side time per endpoint in that run:")
        p()
        p("| endpoint | requests | p50 ms | p99 ms |")
        p("|---|---:|---:|---:|")
        for n, (c, p50, p99) in sorted(mix_ep.items(), key=lambda x: -x[1][0]):
            p(f"| {n} | {c:,} | {p50:.1f} | {p99:.1f} |")
    p()
    p(f"Nothing lost: {a.acked} fast reports acknowledged (2xx) in the measured runs' access logs, {a.stored} stored "
      "(stored may exceed acknowledged: requests in flight when wrk stops). "
      f"Peak RSS of Pantau {int(a.rss_kb) // 1024} MB; database {a.db_mb} MB before, {a.db_mb_after} MB after "
      f"{int(a.events_after) - int(a.events):,} more fast reports.")
    p()
    # Sizing: cores = sum(rate x CPU per request) / utilisation.
    p(f"**Sizing** (national, {KINDS['kec']:,} kecamatan operators and {office:,} office officers; cores planned at "
      f"{int(UTIL * 100)}% busy; CPU per request from the per-endpoint runs above):")
    p()
    p("| day | requests/s | Pantau cores | Pantau instances | PostgreSQL cores |")
    p("|---|---:|---:|---:|---:|")
    for label, table in [("ordinary working day", NORMAL), ("election day", ELECTION)]:
        d = demand(table, KINDS["kec"], office)
        app = sum(rate * rows[n]["us"] for n, rate in d.items() if n in rows) / 1e6 / UTIL
        db = sum(rate * rows[n]["pgus"] for n, rate in d.items() if n in rows) / 1e6 / UTIL
        total = sum(d.values())
        p(f"| {label} | {total:,.0f} | {app:.2f} | {max(2, math.ceil(app))} (one per core, two at least) | {db:.2f} |")
    p()


if __name__ == "__main__":
    main()
