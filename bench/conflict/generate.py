#!/usr/bin/env python3
"""Adds a national conflict data set to a migrated and seeded Pantau SQLite database.

    pantau seed --demo --db X.db --data data
    python3 bench/conflict/generate.py X.db [--incidents 1000000] [--years 10] [--hotspots 20000] [--seed 7]

Incidents spread over every kab/kota and kecamatan of the `regions` table for `--years` years up to
--last-day (default 2026-11-23): coordinates near the region's centre (where known), the five
sources of UU 7/2012, the types of the seeded taxonomy, casualties on a small share, 95% BIASA /
4% TERBATAS / 1% RAHASIA. Hotspots at every stage. Standard library only; deterministic for a
given --seed. With --csv PREFIX, also writes --csv-files import files PREFIX.N.csv of --csv-rows valid rows each
(under the server's 1 MB body limit), for the bulk import measurement.
"""
import argparse
import random
import sqlite3
import sys
import time
from datetime import date, timedelta

SOURCES = ["POLEKSOSBUD", "SARA", "BOUNDARY", "NATURAL_RESOURCE_DISPUTE", "NATURAL_RESOURCE_DISTRIBUTION"]
INFO = ["FIELD", "MEDIA", "AGENCY", "PUBLIC"]
STAGES = ["POTENTIAL"] * 5 + ["LATENT"] * 4 + ["ESCALATING"] * 2 + ["OPEN", "RECOVERY", "RESOLVED", "RESOLVED"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--incidents", type=int, default=1_000_000)
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--last-day", default="2026-11-23")
    ap.add_argument("--hotspots", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--csv", default="")
    ap.add_argument("--csv-rows", type=int, default=10_000)
    ap.add_argument("--csv-files", type=int, default=5)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    t0 = time.time()
    last = date.fromisoformat(args.last_day)
    days = args.years * 365

    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # bulk load of a benchmark copy; the server uses FULL
    con.execute("PRAGMA cache_size=-200000")
    cur = con.cursor()
    regions = {c: (lvl, lat, lng) for c, lvl, lat, lng in cur.execute("SELECT code, level, lat, lng FROM regions")}
    places = sorted(c for c, (lvl, _, _) in regions.items() if lvl >= 2)
    if len([c for c in places if regions[c][0] == 2]) < 400:
        sys.exit("generate: seed the reference data first (fewer than 400 kab/kota)")

    def centre(code):
        while code:
            lvl, lat, lng = regions.get(code, (0, None, None))
            if lat is not None and lng is not None:
                return lat, lng
            code = code.rsplit(".", 1)[0] if "." in code else ""
        return None

    types = [t for (t,) in cur.execute("SELECT code FROM conflict_types")]
    creator = cur.execute("SELECT id FROM users WHERE username = 'admin'").fetchone()[0]
    now_s = f"{last.isoformat()}T08:00:00.000Z"

    def incident(i):
        code = rnd.choice(places)
        c = centre(code)
        lat = lng = None
        if c and rnd.random() < 0.9:
            lat = round(c[0] + rnd.uniform(-0.12, 0.12), 5)
            lng = round(c[1] + rnd.uniform(-0.12, 0.12), 5)
        r = rnd.random()
        fat = rnd.choice([1, 1, 2, 3, 5]) if r < 0.03 else 0
        inj = rnd.randint(1, 12) if r < 0.15 else 0
        disp = rnd.choice([50, 120, 300, 1000]) if r < 0.01 else 0
        cls = 0 if r < 0.95 else (1 if r < 0.99 else 2)
        on = (last - timedelta(days=rnd.randrange(days))).isoformat()
        return (code, on, 1, lat, lng, 1 if lat is not None else 3, rnd.choice(SOURCES), rnd.choice(types), "[]", fat, inj, disp,
                1 if rnd.random() < 0.1 else 0, rnd.choice(INFO), "", "UNVERIFIED", f"Insiden uji beban {i}", None, cls, creator, now_s)

    cur.execute("BEGIN")
    batch = []
    for i in range(args.incidents):
        batch.append(incident(i))
        if len(batch) == 20000:
            cur.executemany("INSERT INTO conflict_incidents (region_code, occurred_on, time_precision, lat, lng, geo_precision, source, "
                            "type_code, actors, fatalities, injuries, displaced, property_damage, info_source, info_ref, verification, "
                            "description, hotspot_id, classification, created_by, created_at) VALUES "
                            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
            batch = []
    if batch:
        cur.executemany("INSERT INTO conflict_incidents (region_code, occurred_on, time_precision, lat, lng, geo_precision, source, "
                        "type_code, actors, fatalities, injuries, displaced, property_damage, info_source, info_ref, verification, "
                        "description, hotspot_id, classification, created_by, created_at) VALUES "
                        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    hs = []
    for i in range(args.hotspots):
        code = rnd.choice(places)
        hs.append((code, f"Potensi konflik uji beban {i}", rnd.choice(SOURCES), rnd.choice(types), rnd.choice(STAGES),
                   0 if rnd.random() < 0.95 else 1, creator, now_s, now_s))
    cur.executemany("INSERT INTO conflict_hotspots (region_code, name, source, type_code, stage, classification, created_by, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", hs)
    cur.execute("COMMIT")
    cur.execute("ANALYZE")
    n = cur.execute("SELECT COUNT(*) FROM conflict_incidents").fetchone()[0]
    print(f"generate: {n} incidents, {args.hotspots} hotspots in {time.time() - t0:.0f} s", file=sys.stderr)

    if args.csv:
        # Valid rows in one province (so a province user may import them), dated in the past year.
        kab = [c for c in places if c.startswith("63.")]
        for k in range(args.csv_files):
            with open(f"{args.csv}.{k}.csv", "w", encoding="utf-8") as f:
                f.write("region_code,occurred_on,source,type_code,info_source,injuries,property_damage,description\n")
                for i in range(args.csv_rows):
                    on = (last - timedelta(days=rnd.randrange(365))).isoformat()
                    f.write(f"{rnd.choice(kab)},{on},{rnd.choice(SOURCES)},{rnd.choice(types)},{rnd.choice(INFO)},"
                            f"{rnd.randint(0, 3)},0,Impor {k}-{i}\n")


if __name__ == "__main__":
    main()
