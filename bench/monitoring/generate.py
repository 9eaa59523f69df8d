#!/usr/bin/env python3
"""Adds a national monitoring data set to a migrated and seeded Pantau SQLite database.

    pantau seed --demo --db X.db --data data
    python3 bench/monitoring/generate.py X.db [--years 10] [--events 200000] [--evidence 50000] [--seed 61]

For all provinces (TRIWULAN_PROVINSI) and kabupaten/kota (TRIWULAN) of the `regions` table:
quarterly reports for `--years` years up to 2026-Q4; `--events` fast reports (political_events)
over kab/kota and kecamatan; `--evidence` evidence_files rows (one shared blob row); and the
search index rows (search_docs + search_fts) for every generated report and event.

Search terms: the server folds, lower-cases and stems every word with the Snowball Indonesian
stemmer. This script has no stemmer (standard library only), so it writes the folded, lower-cased
words WITHOUT stemming. Queries whose words the stemmer leaves unchanged ("hoaks", "kondusif",
"politik") therefore match exactly as they would on server-written rows; other words may not.
Only the standard library is used. Deterministic for a given --seed.
"""
import argparse
import random
import sqlite3
import sys
import time
import unicodedata
from datetime import date, datetime, timedelta, timezone

# ---- text material --------------------------------------------------------------------------

GENERAL = [
    "Situasi politik di wilayah ini secara umum kondusif dan terkendali.",
    "Hubungan eksekutif dan DPRD berjalan baik; pembahasan APBD selesai tepat waktu.",
    "Terdapat dinamika internal partai politik menjelang musyawarah daerah.",
    "Aktivitas organisasi kemasyarakatan berlangsung tertib dan tidak menimbulkan gangguan.",
    "Unjuk rasa mahasiswa terkait kenaikan harga bahan pokok berlangsung damai.",
    "Penyebaran hoaks di media sosial terkait pemilihan kepala daerah meningkat.",
    "Forum Kerukunan Umat Beragama aktif melakukan dialog lintas tokoh agama.",
    "Kondisi keamanan dan ketertiban masyarakat stabil selama periode pelaporan.",
    "Terjadi perbedaan pendapat antara pemerintah daerah dan DPRD mengenai pokok pikiran dewan.",
    "Partisipasi masyarakat dalam kegiatan pendidikan politik cukup tinggi.",
]
ELECTION = [
    "Tidak ada tahapan pemilihan pada periode ini.",
    "KPU melaksanakan pemutakhiran data pemilih berkelanjutan bersama Disdukcapil.",
    "Tahapan kampanye berjalan tertib; Bawaslu mencatat beberapa pelanggaran alat peraga.",
    "Distribusi logistik pemilu ke kecamatan terpencil terkendala cuaca dan akses jalan.",
    "Pemungutan dan penghitungan suara berlangsung lancar di seluruh TPS.",
    "Persiapan pemungutan suara ulang dipantau bersama KPU dan Bawaslu.",
    "Sengketa hasil pemilihan diajukan ke Mahkamah Konstitusi oleh salah satu pasangan calon.",
    "Rekapitulasi suara tingkat kecamatan selesai sesuai jadwal.",
]
SUPPORT = [
    "Perangkat Daerah mendukung sosialisasi dan pendidikan politik pemilih.",
    "Pemerintah daerah menyalurkan hibah kepada KPU dan Bawaslu sesuai NPHD.",
    "Satpol PP dan Dinas Perhubungan membantu pengamanan dan pengaturan lalu lintas.",
    "Dinas Kominfo memantau media sosial dan menangkal hoaks bersama kepolisian.",
    "Sarana dan prasarana kantor dipinjamkan untuk sekretariat panitia pemilihan.",
    "Disdukcapil melayani perekaman KTP elektronik bagi pemilih pemula.",
]
THREATS = [
    "Tidak ditemukan potensi kerawanan menonjol.",
    "Potensi penyebaran hoaks dan ujaran kebencian di media sosial.",
    "Potensi konflik antarpendukung pasangan calon di beberapa desa.",
    "Isu netralitas ASN dalam kegiatan kampanye perlu diwaspadai.",
    "Indikasi politik uang menjelang hari pemungutan suara.",
    "Potensi sengketa batas desa yang dapat dipolitisasi.",
    "Konflik internal partai dapat memengaruhi pencalonan anggota legislatif.",
]
MEASURES = [
    "Koordinasi rutin dengan Forkopimda dan tokoh masyarakat.",
    "Rapat koordinasi tim terpadu penanganan konflik sosial.",
    "Patroli siber bersama Dinas Kominfo dan kepolisian.",
    "Dialog dengan pengurus partai politik dan organisasi kemasyarakatan.",
    "Sosialisasi netralitas ASN kepada seluruh perangkat daerah.",
    "Pemantauan lapangan oleh tim kewaspadaan dini di setiap kecamatan.",
]
RECOMMEND = [
    "Meningkatkan literasi digital masyarakat menjelang tahapan pemilihan.",
    "Memperkuat koordinasi dengan penyelenggara pemilu dan aparat keamanan.",
    "Menambah anggaran pendidikan politik bagi pemilih pemula.",
    "Menyusun peta kerawanan sosial politik sampai tingkat desa.",
    "Mengoptimalkan peran FKDM dan FKUB dalam deteksi dini.",
    "Menindaklanjuti laporan masyarakat secara cepat dan terbuka.",
]
SECTIONS = [GENERAL, ELECTION, SUPPORT, THREATS, MEASURES, RECOMMEND]

EVENT_TITLES = {
    "ELECTION_STAGE.LOGISTICS": ["Keterlambatan distribusi logistik pemilu ke {k}",
                                 "Surat suara rusak ditemukan di gudang KPU {r}"],
    "ELECTION_STAGE.VOTER_LIST": ["Warga mengeluhkan tidak terdaftar dalam DPT di {k}",
                                  "Temuan pemilih ganda dalam daftar pemilih {r}"],
    "ELECTION_STAGE.CAMPAIGN": ["Kampanye di luar jadwal oleh tim pasangan calon di {k}",
                                "Alat peraga kampanye dipasang di fasilitas umum {k}"],
    "ELECTION_STAGE.VOTING": ["Pemungutan suara ditunda di satu TPS di {k}",
                              "Keributan kecil saat penghitungan suara di {k}"],
    "ELECTION_STAGE.DISPUTE": ["Massa pendukung calon menolak hasil rekapitulasi di {r}"],
    "POLITICAL_SITUATION.DEMONSTRATION": ["Unjuk rasa mahasiswa di depan gedung DPRD {r}",
                                          "Aksi damai buruh menuntut kenaikan upah di {r}",
                                          "Unjuk rasa warga menolak tambang di {k}"],
    "POLITICAL_SITUATION.PARTY_DISPUTE": ["Dualisme kepengurusan partai di {r}",
                                          "Pemecatan kader partai memicu protes di {r}"],
    "POLITICAL_SITUATION.EXEC_DPRD": ["Rapat paripurna APBD tidak kuorum di {r}",
                                      "DPRD {r} menggulirkan hak interpelasi"],
    "POLITICAL_SITUATION.SARA_HOAX": ["Beredar hoaks tentang penundaan pemungutan suara di {r}",
                                      "Ujaran kebencian bernuansa SARA di media sosial {r}",
                                      "Hoaks kebocoran data pemilih beredar di {k}"],
    "POLITICAL_SITUATION.MONEY_POLITICS": ["Dugaan politik uang menjelang pemungutan suara di {k}",
                                           "Pembagian sembako oleh tim sukses di {k}"],
    "POLITICAL_SITUATION.ASN_NEUTRALITY": ["Kepala desa diduga tidak netral di {k}",
                                           "ASN menghadiri kampanye pasangan calon di {r}"],
    "GOV_SUPPORT": ["Pemerintah daerah menyiapkan posko pengamanan pemilihan di {r}"],
    "POLITICAL_ACTORS": ["Pembentukan ormas baru dilaporkan di {r}"],
    "POP_DATA": ["Lonjakan perpindahan penduduk menjelang pemilihan di {k}"],
    "POLITICAL_EDUCATION": ["Sosialisasi pendidikan politik bagi pemilih pemula di {k}"],
}
EVENT_DESC = [
    "Dilaporkan oleh tim pemantau lapangan; sedang dikoordinasikan dengan unsur Forkopimda.",
    "Informasi diterima dari media daring lokal dan telah dikonfirmasi kepada camat setempat.",
    "Situasi tetap kondusif; aparat kepolisian melakukan pengamanan di lokasi.",
    "Massa berjumlah sekitar {n} orang; tidak ada korban maupun kerusakan fasilitas.",
    "Bawaslu setempat telah menerima laporan dan melakukan klarifikasi.",
    "Dinas Kominfo melakukan penelusuran akun penyebar dan melaporkannya ke kepolisian.",
    "Tokoh agama dan tokoh adat diminta membantu meredam ketegangan warga.",
]
HANDLING = ["", "", "Rapat koordinasi Forkopimda dan dialog dengan perwakilan massa.",
            "Klarifikasi resmi melalui kanal media sosial pemerintah daerah.",
            "Pendampingan oleh Kesbangpol dan camat; situasi kembali normal."]
LOCATIONS = ["Depan gedung DPRD", "Kantor KPU", "Alun-alun kota", "Balai desa", "Kantor camat", "Pasar induk",
             "Kampus universitas negeri", "Gudang logistik KPU", "Lapangan sepak bola", "Masjid raya"]
EVIDENCE_NAMES = ["foto_lokasi_{i}.jpg", "notulen_rapat_{i}.pdf", "tangkapan_layar_{i}.png", "surat_undangan_{i}.pdf",
                  "berita_acara_{i}.pdf", "daftar_hadir_{i}.pdf"]

# UTC offset of the region's local time (WIB +7, WITA +8, WIT +9) by province code.
WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}


def utc_offset(code):
    p = code[:2]
    return 9 if p in WIT else 8 if p in WITA else 7


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def day_end_utc(d, code):
    """23:59:59.999 local time of the region on date d, in UTC."""
    local = datetime(d.year, d.month, d.day, 23, 59, 59, 999000, tzinfo=timezone.utc)
    return local - timedelta(hours=utc_offset(code))


def region_terms(code):
    """As search::region_terms: "63.71.02" -> "zr63 zr6371 zr637102"."""
    parts = code.split(".")
    return " ".join("zr" + "".join(parts[:i + 1]) for i in range(len(parts)))


def area_words(terms, code):
    """As search::document_terms: each distinct word once more, joined to the kab/kota (or the
    province for a province's own records): "hoaks" in 63.71.02 -> "hoakszr6371"."""
    digits = code.replace(".", "")
    area = digits[:4] if len(digits) >= 4 else digits if len(digits) == 2 else ""
    if not area:
        return ""
    words = sorted(set(w for w in terms.split() if not (w.startswith("zr") and w[2:].isdigit() and len(w) > 2)))
    return "".join(" " + w + "zr" + area for w in words)


def doc_terms(text, code):
    words = fold_terms(text)
    return words + " " + region_terms(code) + area_words(words, code)


def fold_terms(text):
    """Approximation of search::terms without stemming: fold Latin-1 accents, lower-case, split."""
    out, word = [], []
    for ch in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(ch):
            continue
        c = ch.lower()
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            word.append(c)
        else:
            if 2 <= len(word) <= 40:
                out.append("".join(word))
            word = []
    if 2 <= len(word) <= 40:
        out.append("".join(word))
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--years", type=int, default=10)
    ap.add_argument("--last-year", type=int, default=2026)
    ap.add_argument("--events", type=int, default=200000)
    ap.add_argument("--evidence", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=61)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    t_start = time.time()

    con = sqlite3.connect(args.db, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")   # bulk load of a benchmark copy; the server uses FULL
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA cache_size=-200000")
    cur = con.cursor()

    regions = {code: (name, level) for code, name, level in
               cur.execute("SELECT code, name, level FROM regions")}
    provinces = sorted(c for c, (_, l) in regions.items() if l == 1)
    kabkota = sorted(c for c, (_, l) in regions.items() if l == 2)
    kecamatan = sorted(c for c, (_, l) in regions.items() if l == 3)
    if len(provinces) < 30 or len(kabkota) < 400:
        sys.exit(f"generate: only {len(provinces)} provinces / {len(kabkota)} kab/kota: seed the reference data first")
    users = [u for (u,) in cur.execute("SELECT id FROM users ORDER BY id")]
    admin = cur.execute("SELECT id FROM users WHERE username = 'admin'").fetchone()
    creator = admin[0] if admin else users[0]
    categories = [c for (c,) in cur.execute("SELECT code FROM monitoring_categories WHERE active = 1")]
    due_days = {t: v for t, v in cur.execute("SELECT code, due_value FROM report_types")}
    now = datetime(2026, 11, 23, 8, 0, 0, tzinfo=timezone.utc)
    now_s = iso(now)

    cur.execute("BEGIN")
    # One KESBANGPOL org unit per province and kab/kota (the demo seed has only Kalimantan Selatan's).
    units = {}
    for code, kind, uid in cur.execute("SELECT region_code, kind, id FROM org_units ORDER BY id"):
        if kind == "KESBANGPOL" and code not in units:
            units[code] = uid
    national_unit = cur.execute("SELECT id FROM org_units WHERE region_code = '' ORDER BY id").fetchone()
    for code in provinces + kabkota:
        if code in units:
            continue
        parent = units.get(code[:2]) if len(code) > 2 else (national_unit[0] if national_unit else None)
        cur.execute("INSERT INTO org_units (name, kind, region_code, parent_id, created_at, updated_at, version) "
                    "VALUES (?, 'KESBANGPOL', ?, ?, ?, ?, 1)",
                    (f"Badan Kesatuan Bangsa dan Politik {regions[code][0]}", code, parent, now_s, now_s))
        units[code] = cur.lastrowid

    # ---- periodic reports -------------------------------------------------------------------
    docs = []   # (entity, entity_id, region, classification, title, link, excerpt, terms)
    rows = []
    first_year = args.last_year - args.years + 1
    statuses_past = ["ACCEPTED"] * 50 + ["CONSOLIDATED"] * 15 + ["ARCHIVED"] * 15 + ["SUBMITTED"] * 8 + \
                    ["RETURNED"] * 4 + ["DRAFT"] * 3 + [None] * 5   # None: never created (MISSING)
    for year in range(first_year, args.last_year + 1):
        for q in range(1, 5):
            start = date(year, 3 * q - 2, 1)
            end = (date(year + (q == 4), (3 * q) % 12 + 1, 1) - timedelta(days=1))
            period = f"{year}-Q{q}"
            for code in provinces + kabkota:
                rtype = "TRIWULAN_PROVINSI" if len(code) == 2 else "TRIWULAN"
                due_date = end + timedelta(days=due_days.get(rtype, 10))
                due = day_end_utc(due_date, code)
                if start > now.date():
                    continue
                if due > now:   # period still open: draft, submitted early or nothing yet
                    status = rnd.choice(["DRAFT", "DRAFT", "SUBMITTED", None])
                else:
                    status = rnd.choice(statuses_past)
                if status is None:
                    continue
                sections = [" ".join(rnd.sample(pool, rnd.randint(1, 3))) for pool in SECTIONS]
                created = datetime(end.year, end.month, end.day, 1, 0, tzinfo=timezone.utc) + timedelta(hours=rnd.randint(0, 72))
                submitted = reviewed = None
                submitted_by = reviewed_by = None
                if status != "DRAFT":
                    # Around the due date: most on time, some late (days), a few early.
                    submitted = due + timedelta(hours=rnd.choice([-200, -120, -72, -30, -6, -2, 5, 30, 80, 200]),
                                                minutes=rnd.randint(0, 59), seconds=rnd.randint(0, 59))
                    if submitted > now:
                        submitted = now - timedelta(hours=rnd.randint(1, 48))
                    submitted_by = creator
                    if status in ("ACCEPTED", "CONSOLIDATED", "ARCHIVED", "RETURNED"):
                        reviewed = min(submitted + timedelta(days=rnd.randint(1, 10)), now)
                        reviewed_by = creator
                note = "Lengkapi data tahapan pemilihan dan lampiran notulen rapat." if status == "RETURNED" else None
                updated = reviewed or submitted or created
                rows.append((rtype, code, units[code], period, start.isoformat(), end.isoformat(), iso(due), status,
                             *sections, 0, iso(submitted) if submitted else None, submitted_by,
                             iso(reviewed) if reviewed else None, reviewed_by, note, creator, iso(created), iso(updated)))
    before = cur.execute("SELECT COALESCE(MAX(id), 0) FROM periodic_reports").fetchone()[0]
    cur.executemany(
        "INSERT OR IGNORE INTO periodic_reports (report_type, region_code, org_unit_id, period, period_start, period_end, "
        "due_at, status, general_situation, election_stages, gov_support, potential_threats, measures_taken, "
        "recommendations, classification, submitted_at, submitted_by, reviewed_at, reviewed_by, review_note, created_by, "
        "created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)", rows)
    report_ids = []
    for rid, rtype, code, period, *secs in cur.execute(
            "SELECT id, report_type, region_code, period, general_situation, election_stages, gov_support, "
            "potential_threats, measures_taken, recommendations FROM periodic_reports WHERE id > ?", (before,)):
        report_ids.append((rid, code))
        body = "".join(s + "\n" for s in secs)
        title = f"Laporan {rtype} {regions[code][0]} {period}"
        docs.append(("periodic_report", str(rid), code, 0, title, f"/monitoring/reports/{rid}", body[:300],
                     doc_terms(title + " " + body, code)))
    print(f"generate: {len(report_ids)} periodic reports ({time.time() - t_start:.0f} s)", file=sys.stderr)

    # ---- fast reports -------------------------------------------------------------------------
    places = kabkota + kecamatan
    before = cur.execute("SELECT COALESCE(MAX(id), 0) FROM political_events").fetchone()[0]
    ev_statuses = ["REPORTED"] * 20 + ["VERIFIED"] * 25 + ["ESCALATED"] * 8 + ["HANDLED"] * 22 + ["CLOSED"] * 20 + ["REJECTED"] * 5
    span = int((now - datetime(first_year, 1, 1, tzinfo=timezone.utc)).total_seconds())
    times = sorted(rnd.randrange(span) for _ in range(args.events))
    base = datetime(first_year, 1, 1, tzinfo=timezone.utc)
    batch = []
    for i in range(args.events):
        code = rnd.choice(places)
        kab = code[:5]
        cat = rnd.choice(categories)
        titles = EVENT_TITLES.get(cat) or EVENT_TITLES.get(cat.split(".")[0]) or ["Kejadian politik di {r}"]
        title = rnd.choice(titles).format(r=regions[kab][0], k=regions[code][0])
        desc = " ".join(rnd.sample(EVENT_DESC, 2)).format(n=rnd.randint(20, 500))
        occurred = base + timedelta(seconds=times[i])
        reported = occurred + timedelta(minutes=rnd.randint(10, 600))
        if reported > now:
            reported = now
        status = rnd.choice(ev_statuses)
        handling = rnd.choice(HANDLING) if status in ("HANDLED", "CLOSED") else ""
        note = "Tidak terbukti setelah klarifikasi lapangan." if status == "REJECTED" else ""
        classification = 0 if rnd.random() < 0.9 else 1 if rnd.random() < 0.8 else 2
        lat = lng = None
        if rnd.random() < 0.6:
            lat, lng = round(rnd.uniform(-10.5, 5.5), 5), round(rnd.uniform(95.5, 140.5), 5)
        batch.append((code, rnd.choice(LOCATIONS), lat, lng, iso(occurred), iso(reported), cat, title, desc, "[]",
                      rnd.choice(["LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "CRITICAL"]),
                      rnd.choice(["FIELD", "MEDIA", "AGENCY", "PUBLIC_REPORT"]), "", handling, status, note,
                      classification, creator, units[kab], iso(reported)))
    cur.executemany(
        "INSERT INTO political_events (region_code, location_text, lat, lng, occurred_at, reported_at, category_code, title, "
        "description, actors, escalation_level, source, source_ref, handling, status, status_note, classification, "
        "reported_by, org_unit_id, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)", batch)
    event_ids = []
    for eid, code, loc, title, desc, handling, cls in cur.execute(
            "SELECT id, region_code, location_text, title, description, handling, classification FROM political_events "
            "WHERE id > ?", (before,)):
        event_ids.append((eid, code, cls))
        body = desc + "\n" + loc + "\n" + handling + "\n" + regions[code][0]
        docs.append(("political_event", str(eid), code, cls, title, f"/monitoring/events/{eid}", body[:300],
                     doc_terms(title + " " + body, code)))
    print(f"generate: {len(event_ids)} fast reports ({time.time() - t_start:.0f} s)", file=sys.stderr)

    # ---- evidence files (one shared blob row) ---------------------------------------------------
    sha = "5f1e0c3d9b2a4e6f8a7c1b0d2e4f6a8c9b1d3e5f7a9c0b2d4e6f8a1c3b5d7e9f"
    cur.execute("INSERT OR IGNORE INTO blobs (sha256, size, mime, created_at) VALUES (?, 48213, 'application/pdf', ?)",
                (sha, now_s))
    ev_rows = []
    for i in range(args.evidence):
        if rnd.random() < 0.5:
            rid, code = rnd.choice(report_ids)
            entity, eid, cls = "periodic_report", rid, 0
        else:
            eid, code, cls = rnd.choice(event_ids)
            entity = "political_event"
        name = rnd.choice(EVIDENCE_NAMES).format(i=i + 1)
        mime = "image/jpeg" if name.endswith(".jpg") else "image/png" if name.endswith(".png") else "application/pdf"
        ev_rows.append((sha, name, mime, 48213, code, cls, entity, str(eid), creator, now_s))
    cur.executemany("INSERT INTO evidence_files (sha256, name, mime, size, region_code, classification, entity, entity_id, "
                    "uploaded_by, uploaded_at) VALUES (?,?,?,?,?,?,?,?,?,?)", ev_rows)
    print(f"generate: {len(ev_rows)} evidence files ({time.time() - t_start:.0f} s)", file=sys.stderr)

    # ---- search index ---------------------------------------------------------------------------
    before = cur.execute("SELECT COALESCE(MAX(id), 0) FROM search_docs").fetchone()[0]
    cur.executemany("INSERT OR REPLACE INTO search_docs (entity, entity_id, region_code, classification, title, link, excerpt, "
                    "terms) VALUES (?,?,?,?,?,?,?,?)", docs)
    # The FTS5 rowid is the id negated, added in ascending rowid order (search.cpp, kFtsFrom).
    cur.execute("INSERT INTO search_fts (rowid, terms) SELECT -id, terms FROM search_docs WHERE id > ? ORDER BY id DESC",
                (before,))
    # A bulk load leaves the full-text index in many segments; a running server merges them a
    # little every 10 minutes (src/app/main.cpp). Start from the merged state it converges to.
    cur.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
    cur.execute("COMMIT")
    print(f"generate: {len(docs)} search documents ({time.time() - t_start:.0f} s)", file=sys.stderr)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(f"generate: done in {time.time() - t_start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
