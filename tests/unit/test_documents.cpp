// The document register: numbers, codes, re-issue of an unchanged document, supersession, and the
// QR code drawn into the page.
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "documents/register.h"
#include "modules/org/public.h"
#include "report/qr.h"
#include "store_fixture.h"

using namespace pantau;

TEST(Qr, EncodesAUrlWithFinderPatterns) {
  auto qr = report::qr_encode("https://pantau.example.go.id/verifikasi/Zx9-abcdefghijklmnopqr");
  ASSERT_TRUE(qr);
  EXPECT_GE(qr->size, 25);
  // The three finder squares: dark corners top-left, top-right, bottom-left; light bottom-right.
  EXPECT_TRUE(qr->at(0, 0));
  EXPECT_TRUE(qr->at(qr->size - 1, 0));
  EXPECT_TRUE(qr->at(0, qr->size - 1));
  EXPECT_TRUE(qr->at(6, 6) && !qr->at(7, 7));
  EXPECT_FALSE(report::qr_encode(""));
  EXPECT_FALSE(report::qr_encode(std::string(5000, 'x')));
}

TEST(DocumentNumber, ClassificationRunningNumberOfficeYear) {
  EXPECT_EQ(documents::format_number("200.1", 7, "Bakesbangpol", 2026), "200.1/0007/Bakesbangpol/2026");
  EXPECT_EQ(documents::format_number("", 12345, "Kesbangpol", 2027), "12345/Kesbangpol/2027");
}

namespace {

class DocumentRegisterTest : public testing_support::StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (HasFatalFailure()) return;
    seed_minimal_regions();
    who = user_in("63", "KABAN");
    ASSERT_TRUE(db_->write([&](db::Conn& c) -> Status {
      c.exec("UPDATE org_units SET city = 'Banjarbaru', short_code = 'Bakesbangpol', name = 'Badan Kesatuan Bangsa dan "
             "Politik Provinsi Kalimantan Selatan' WHERE id = ?",
             {who.org_unit_id});
      c.exec("UPDATE users SET full_name = 'H. Muhammad Syarifuddin', nip = '196804121994031007', rank = 'Pembina Utama Muda "
             "(IV/c)' WHERE id = ?",
             {who.user_id});
      return {};
    }).ok());
  }
  // A small official document whose body is `body`, signed by the office's head.
  Result<documents::Issued> issue(const std::string& ref_id, bool draft = false, const std::string& number = "") {
    documents::DocumentRef ref{"MONITORING_REPORT", "periodic_report", ref_id, "63", "Laporan uji " + ref_id, draft, number};
    return documents::issue(*db_, who, ref, "https://pantau.example.go.id/", [&](db::Conn& c, const documents::Stamp& st) {
      auto office = org::kesbangpol_office(c, "63");
      report::PdfDocument doc({"Laporan uji", office->name, "uji", st.issued_at});
      if (st.draft) doc.watermark("DRAF");
      doc.letterhead(office->letterhead());
      doc.title("LAPORAN UJI", "Nomor: " + st.number);
      doc.paragraph(body);
      doc.signature_block({office->signing_place(), Date{2026, 12, 1}, office->head_signer(), std::nullopt, ""});
      documents::stamp_block(doc, st);
      return doc.finish();
    });
  }
  std::optional<documents::Entry> by_code(const std::string& code) {
    std::optional<documents::Entry> e;
    EXPECT_TRUE(db_->read([&](db::Conn& c) { e = documents::find_by_code(c, code); }).ok());
    return e;
  }
  auth::Scope who;
  std::string body = "Situasi politik kondusif.";
};

static std::string text_of(const std::string& pdf) {
  auto path = std::filesystem::path(testing::TempDir()) / ("doc-" + random_token(6) + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf;
  std::string out;
  FILE* p = popen(("pdftotext -layout '" + path.string() + "' - 2>/dev/null").c_str(), "r");
  char buf[4096];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  std::filesystem::remove(path);
  return out;
}

}  // namespace

TEST_P(DocumentRegisterTest, IssuesOnceReissuesTheSameBytesAndSupersedesAChangedDocument) {
  auto first = issue("1");
  ASSERT_TRUE(first.ok()) << first.error().message.en;
  const auto& e = first->entry;
  EXPECT_EQ(e.number, "200.1/0001/Bakesbangpol/2026");
  EXPECT_EQ(e.sha256, sha256_hex(first->pdf));
  EXPECT_EQ(e.size, static_cast<int64_t>(first->pdf.size()));
  EXPECT_GE(e.code.size(), 20u);  // 16 random bytes
  EXPECT_EQ(e.issuer_name, "Badan Kesatuan Bangsa dan Politik Provinsi Kalimantan Selatan");

  std::string text = text_of(first->pdf);
  EXPECT_NE(text.find("Banjarbaru, 1 Desember 2026"), std::string::npos) << text;
  EXPECT_NE(text.find("NIP. 196804121994031007"), std::string::npos);
  EXPECT_NE(text.find("Pembina Utama Muda (IV/c)"), std::string::npos);
  EXPECT_NE(text.find("Nomor: 200.1/0001/Bakesbangpol/2026"), std::string::npos);
  EXPECT_NE(text.find("https://pantau.example.go.id/verifikasi/" + e.code), std::string::npos);
  EXPECT_NE(report::pdf_content_streams(first->pdf).find(" re"), std::string::npos);  // the QR modules

  // Asked again, unchanged: the very same file, code and number; nothing new registered.
  auto again = issue("1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->pdf, first->pdf);
  EXPECT_EQ(again->entry.code, e.code);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document_register"), 1);

  // The record changed: a new entry with a new code keeps the number; the old one is superseded.
  body = "Situasi politik kondusif; satu unjuk rasa damai.";
  auto changed = issue("1");
  ASSERT_TRUE(changed.ok());
  EXPECT_NE(changed->entry.code, e.code);
  EXPECT_EQ(changed->entry.number, e.number);
  EXPECT_NE(changed->pdf, first->pdf);
  auto old = by_code(e.code);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->superseded_by, changed->entry.id);
  EXPECT_TRUE(old->superseded_at.has_value());
  EXPECT_FALSE(by_code(changed->entry.code)->superseded_by);

  // Another record draws the next number; a draft none; a record's own number is kept.
  EXPECT_EQ(issue("2")->entry.number, "200.1/0002/Bakesbangpol/2026");
  auto draft = issue("3", true);
  ASSERT_TRUE(draft.ok());
  EXPECT_EQ(draft->entry.number, "");
  EXPECT_TRUE(draft->entry.draft);
  EXPECT_NE(text_of(draft->pdf).find("DRAF"), std::string::npos);
  EXPECT_EQ(issue("4", false, "000.1.4/77/BA/2026")->entry.number, "000.1.4/77/BA/2026");
  EXPECT_EQ(issue("5")->entry.number, "200.1/0003/Bakesbangpol/2026");

  // Unknown codes and an issue that failed to render leave nothing behind.
  EXPECT_FALSE(by_code("tidak-ada"));
  EXPECT_FALSE(by_code(""));
  documents::DocumentRef bad{"MONITORING_REPORT", "periodic_report", "9", "63", "x", false, ""};
  auto refused = documents::issue(*db_, who, bad, "http://x", [](db::Conn&, const documents::Stamp&) -> Result<std::string> {
    return Error::not_found();
  });
  EXPECT_EQ(refused.error().kind, ErrorKind::NotFound);
  EXPECT_EQ(count("SELECT COUNT(*) FROM document_register WHERE ref_id = '9'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE entity = 'document' AND action = 'issue'"), 6);

  // The public answer says only what the page may show.
  std::string pub = documents::public_json(*old, false, std::string(64, 'a'));
  for (const char* want : {"\"number\":\"200.1/0001/Bakesbangpol/2026\"", "\"superseded\":true", "\"identical\":false"})
    EXPECT_NE(pub.find(want), std::string::npos) << pub;
  EXPECT_EQ(pub.find("ref_id"), std::string::npos);
  EXPECT_EQ(pub.find("issued_by"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, DocumentRegisterTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
