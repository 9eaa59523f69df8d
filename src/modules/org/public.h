// What official documents of every module need to know about an office: its letterhead, the
// city where it sits (the place of signing), its short name in document numbers, and its head
// with NIP, rank (pangkat) and position. Documents ask here instead of reading org_units and
// users themselves. Read-only; every function runs inside the caller's transaction and sees the
// whole table (an office's letterhead is public information, scope is the caller's business).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "db/database.h"
#include "report/pdf.h"

namespace pantau::org {

// The largest coat of arms an office may upload (1 MiB): a letterhead image needs far less.
inline constexpr size_t kMaxEmblemBytes = 1 << 20;

// A person as a signature block prints them.
struct Official {
  int64_t user_id = 0;
  std::string name, nip, rank, position;
};

struct Office {
  int64_t id = 0;
  std::string name, kind, region_code, region_name, address, contact, city, short_code;
  // "PEMERINTAH PROVINSI KALIMANTAN SELATAN", "PEMERINTAH KOTA BANJARMASIN"; "KEMENTERIAN DALAM
  // NEGERI" for the ministry.
  std::string government;
  std::optional<Official> head;  // the Kepala (role KABAN) of the office, when one has an account
  // The office's own coat of arms in the files store (SHA-256 of its bytes), empty when none.
  // Not inherited: a kab/kota office prints its own region's arms, never its province's.
  std::string emblem_sha256;

  // Where the office's documents are signed: its city ("Banjarbaru" for the provincial offices
  // of Kalimantan Selatan), else the region's name without "Kabupaten "/"Kota ".
  std::string signing_place() const;
  // The office's name in document numbers: short_code, else "Kesbangpol".
  std::string number_code() const;
  // The kop surat, with the coat of arms when the office has one (read from the files store).
  report::Letterhead letterhead() const;
  // The bytes of the coat of arms (PNG or JPEG), empty when the office has none or the file is
  // missing from the files store. For documents that write their letterhead themselves.
  std::string emblem() const;
  // The signer block of the head: "KEPALA <OFFICE>" with name, rank and NIP; dotted lines when
  // the office has no head on record.
  report::Signer head_signer() const;
};

// The Kesbangpol office of a region (the ministry's unit for ""); nullopt when none is recorded.
std::optional<Office> kesbangpol_office(db::Conn& c, const std::string& region_code);
// Any org unit by id (a Perangkat Daerah, a partner), with its head if one is recorded.
std::optional<Office> office_by_id(db::Conn& c, int64_t id);
// A user as an official (name, NIP, rank, position); nullopt for an unknown id.
std::optional<Official> official(db::Conn& c, int64_t user_id);
// "PEMERINTAH PROVINSI KALIMANTAN SELATAN" / "PEMERINTAH KABUPATEN BANJAR" for a region code.
std::string government_of(db::Conn& c, const std::string& region_code);

}  // namespace pantau::org
