// SQL of the Ombudsman self-assessment. An assessment belongs to an office's region: the caller
// sees those of their region subtree and writes those too; outside it is 404, as an absent one.
#include <set>

#include "audit/audit.h"
#include "core/fileio.h"
#include "core/time.h"
#include "modules/services/assessment.h"
#include "modules/services/public.h"

namespace pantau::services {

namespace {

Error assessment_not_found() { return Error::not_found("Penilaian mandiri tidak ditemukan.", "Self-assessment not found."); }

bool known_item(const Checklist& cl, const std::string& item) {
  for (auto& i : cl.items)
    if (i.code == item) return true;
  return false;
}

// The assessment's region when the caller may see it.
std::optional<std::string> visible_region(db::Conn& c, const auth::Scope& s, int64_t id) {
  db::Params p{id};
  std::string where = s.region_filter("region_code", p);
  return c.query_str("SELECT region_code FROM svc_assessments WHERE id = ? AND " + where, p);
}

Status bump(db::Conn& c, int64_t id, int64_t version, const std::string& now) {
  if (c.exec("UPDATE svc_assessments SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?", {now, id, version}) == 0)
    return Error::stale_version();
  return {};
}

}  // namespace

Status seed_ombudsman_checklist(db::Conn& c, const std::string& data_dir) { return seed_checklist(c, data_dir); }

Status seed_checklist(db::Conn& c, const std::string& data_dir) {
  PANTAU_TRY(std::string items, read_text_file(data_dir + "/ombudsman_checklist.tsv"));
  PANTAU_TRY(std::string zones, read_text_file(data_dir + "/ombudsman_zones.tsv"));
  PANTAU_TRY(Checklist cl, parse_checklist(items, zones));
  c.exec("DELETE FROM svc_checklist");
  c.exec("DELETE FROM svc_zone_rules");
  int64_t pos = 0;
  for (auto* rows : {&cl.dimensions, &cl.items})
    for (auto& r : *rows)
      c.exec("INSERT INTO svc_checklist (code, level, dimension, weight, text_id, text_en, source, confidence, position) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             {r.code, r.level, r.dimension, r.weight, r.text.id, r.text.en, r.source, r.confidence, ++pos});
  for (auto& z : cl.zones)
    c.exec("INSERT INTO svc_zone_rules (zone, min_score, label_id, label_en, source, confidence) VALUES (?, ?, ?, ?, ?, ?)",
           {z.zone, z.min_score, z.label.id, z.label.en, z.source, z.confidence});
  return {};
}

Checklist load_checklist(db::Conn& c) {
  Checklist cl;
  c.query("SELECT level, code, dimension, weight, text_id, text_en, source, confidence FROM svc_checklist ORDER BY position", {},
          [&](const db::Row& r) {
            ChecklistRow row{r.str(0), r.str(1), r.str(2), r.f64(3), {r.str(4), r.str(5)}, r.str(6), r.str(7)};
            (row.level == "DIMENSION" ? cl.dimensions : cl.items).push_back(row);
          });
  c.query("SELECT zone, min_score, label_id, label_en, source, confidence FROM svc_zone_rules ORDER BY min_score DESC", {},
          [&](const db::Row& r) { cl.zones.push_back({r.str(0), r.f64(1), {r.str(2), r.str(3)}, r.str(4), r.str(5)}); });
  return cl;
}

std::optional<Assessment> get_assessment(db::Conn& c, const auth::Scope& s, int64_t id, const Checklist& cl) {
  db::Params p{id};
  std::string where = s.region_filter("a.region_code", p);
  std::optional<Assessment> a;
  c.query("SELECT a.id, a.version, a.region_code, COALESCE(g.name, a.region_code), a.year, a.created_at, a.updated_at "
          "FROM svc_assessments a LEFT JOIN regions g ON g.code = a.region_code WHERE a.id = ? AND " + where,
          p, [&](const db::Row& r) {
            a = Assessment{r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(5), r.str(6), static_cast<int>(r.i64(4)), {}, {}, {}, &cl};
          });
  if (!a) return std::nullopt;
  std::map<std::string, std::string> answers;
  c.query("SELECT item_code, answer, note, updated_at FROM svc_assessment_answers WHERE assessment_id = ? ORDER BY item_code", {id},
          [&](const db::Row& r) {
            a->answers.push_back({r.str(0), r.str(1), r.str(2), r.str(3)});
            answers[r.str(0)] = r.str(1);
          });
  c.query("SELECT e.id, e.file_id, e.item_code, f.name, f.mime, e.added_at FROM svc_assessment_evidence e "
          "JOIN evidence_files f ON f.id = e.file_id WHERE e.assessment_id = ? ORDER BY e.item_code, e.id",
          {id}, [&](const db::Row& r) { a->evidence.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), r.str(4), r.str(5)}); });
  a->score = score_assessment(cl, answers);
  return a;
}

std::vector<AssessmentSummary> list_assessments(db::Conn& c, const auth::Scope& s, const std::string& region, const Checklist& cl) {
  db::Params p;
  std::string where = s.region_filter("a.region_code", p);
  if (!region.empty()) {
    where += " AND a.region_code = ?";
    p.push_back(region);
  }
  std::vector<AssessmentSummary> out;
  c.query("SELECT a.id, a.version, a.region_code, COALESCE(g.name, a.region_code), a.year FROM svc_assessments a "
          "LEFT JOIN regions g ON g.code = a.region_code WHERE " + where + " ORDER BY a.year DESC, a.region_code LIMIT 500",
          p, [&](const db::Row& r) { out.push_back({r.i64(0), r.i64(1), r.str(2), r.str(3), static_cast<int>(r.i64(4)), {}}); });
  for (auto& a : out) {
    std::map<std::string, std::string> answers;
    c.query("SELECT item_code, answer FROM svc_assessment_answers WHERE assessment_id = ?", {a.id},
            [&](const db::Row& r) { answers[r.str(0)] = r.str(1); });
    a.score = score_assessment(cl, answers);
  }
  return out;
}

Result<int64_t> create_assessment(db::Conn& c, const auth::Scope& s, const std::string& region, int year) {
  if (!s.covers(region)) return Error::not_found("Kantor tidak ditemukan.", "Office not found.");
  if (!c.query_i64("SELECT 1 FROM regions WHERE code = ?", {region}))
    return Error::invalid_field("region_code", "unknown", "Kode wilayah tidak dikenal.", "Unknown region code.");
  if (c.query_i64("SELECT 1 FROM svc_assessments WHERE region_code = ? AND year = ?", {region, int64_t{year}}))
    return Error::conflict("services.assessment_exists", "Penilaian mandiri kantor ini untuk tahun tersebut sudah ada.",
                           "This office already has a self-assessment for that year.");
  std::string now = now_iso();
  int64_t id = c.insert("INSERT INTO svc_assessments (region_code, year, version, created_at, updated_at) VALUES (?, ?, 1, ?, ?)",
                        {region, int64_t{year}, now, now});
  audit::append(c, s, {"create", "svc_assessment", std::to_string(id), region, 0, std::nullopt,
                       audit::snapshot({{"region_code", region}, {"year", int64_t{year}}})});
  return id;
}

Result<int64_t> answer_item(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const Checklist& cl,
                            const std::string& item, const std::string& answer, const std::string& note) {
  auto region = visible_region(c, s, id);
  if (!region) return assessment_not_found();
  if (!known_item(cl, item)) return Error::invalid_field("item", "unknown", "Butir daftar periksa tidak dikenal.", "Unknown checklist item.");
  std::string now = now_iso();
  PANTAU_CHECK(bump(c, id, version, now));
  auto before = c.query_str("SELECT answer FROM svc_assessment_answers WHERE assessment_id = ? AND item_code = ?", {id, item});
  c.exec("INSERT INTO svc_assessment_answers (assessment_id, item_code, answer, note, updated_at) VALUES (?, ?, ?, ?, ?) "
         "ON CONFLICT (assessment_id, item_code) DO UPDATE SET answer = excluded.answer, note = excluded.note, updated_at = excluded.updated_at",
         {id, item, answer, note, now});
  audit::append(c, s, {"answer", "svc_assessment", std::to_string(id), *region, 0,
                       before ? std::optional<std::string>(audit::snapshot({{"item", item}, {"answer", *before}})) : std::nullopt,
                       audit::snapshot({{"item", item}, {"answer", answer}, {"note", note}})});
  return version + 1;
}

Result<int64_t> add_evidence(db::Conn& c, const auth::Scope& s, int64_t id, int64_t version, const Checklist& cl,
                             const std::string& item, int64_t file_id) {
  auto region = visible_region(c, s, id);
  if (!region) return assessment_not_found();
  if (!known_item(cl, item)) return Error::invalid_field("item", "unknown", "Butir daftar periksa tidak dikenal.", "Unknown checklist item.");
  // A file of this office's area the caller may see, of a type the Ombudsman can read.
  db::Params p{file_id};
  std::string where = s.record_filter("region_code", "classification", p);
  auto mime = c.query_str("SELECT mime FROM evidence_files WHERE id = ? AND " + where, p);
  if (!mime) return Error::invalid_field("file_id", "unknown", "Berkas tidak ditemukan.", "File not found.");
  if (*mime != "application/pdf" && *mime != "image/jpeg" && *mime != "image/png")
    return Error::invalid_field("file_id", "type", "Bukti harus berkas PDF, JPEG, atau PNG.", "Evidence must be a PDF, JPEG or PNG file.");
  if (c.query_i64("SELECT 1 FROM svc_assessment_evidence WHERE assessment_id = ? AND item_code = ? AND file_id = ?", {id, item, file_id}))
    return Error::conflict("services.evidence_exists", "Berkas ini sudah menjadi bukti butir tersebut.", "This file is already evidence of that item.");
  std::string now = now_iso();
  PANTAU_CHECK(bump(c, id, version, now));
  c.exec("INSERT INTO svc_assessment_evidence (assessment_id, item_code, file_id, added_at) VALUES (?, ?, ?, ?)", {id, item, file_id, now});
  audit::append(c, s, {"add_evidence", "svc_assessment", std::to_string(id), *region, 0, std::nullopt,
                       audit::snapshot({{"item", item}, {"file_id", file_id}})});
  return version + 1;
}

}  // namespace pantau::services
