// Evidence files (data dukung): stored once under the SHA-256 of their content, typed by their
// magic bytes (never by the client's claim), and downloadable only by users whose scope and
// clearance cover the record the file belongs to.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/scope.h"
#include "db/database.h"

namespace pantau::files {

// The type of a file decided from its first bytes: "application/pdf", "image/jpeg", "image/png",
// DOCX, XLSX or PPTX (a ZIP holding word/, xl/ or ppt/), or "" when it is none of the accepted types.
std::string sniff_type(std::string_view head, const std::string& path_for_zip_check);

struct StoredFile {
  int64_t id = 0;
  std::string sha256, name, mime, region_code, entity, entity_id, uploaded_at;
  int64_t size = 0;
  int classification = 0;
};

struct UploadMeta {
  std::string name, region_code, entity, entity_id;
  int classification = 0;
};

std::string to_json(const StoredFile& f);

// The files store this process serves, set once at start-up (`pantau serve`), for work that has
// no request at hand: an official document reads its office's coat of arms from it.
void set_content_root(const std::string& root);
// The bytes stored under `sha256` in that store, or nullopt (no store set, no such file, or more
// than `max_bytes`).
std::optional<std::string> read_content(const std::string& sha256, size_t max_bytes);

class EvidenceStore {
 public:
  EvidenceStore(std::string root, size_t max_bytes);
  // Takes a finished temporary file (already hashed while it streamed in), checks its size and
  // type by magic bytes, and moves it to its content address (the same content twice is stored
  // once). Returns the detected type.
  Result<std::string> place(const std::string& tmp_path, const std::string& sha256, int64_t size);
  // Records a placed file and its audit row inside the caller's write transaction.
  Result<StoredFile> record(db::Conn& c, const auth::Scope& who, const std::string& sha256, int64_t size,
                            const std::string& mime, const UploadMeta& meta);
  // Places bytes Pantau made itself (demo data) and records them for `meta` as an upload by `who`:
  // the same checks of type and size, the same audit entry.
  Result<StoredFile> store_bytes(db::Conn& c, const auth::Scope& who, std::string_view bytes, const UploadMeta& meta);
  // Looks a file up within the caller's scope and clearance (NotFound otherwise).
  Result<StoredFile> find(db::Database& db, const auth::Scope& who, int64_t id);
  std::string path_of(const std::string& sha256) const;
  const std::string& tmp_dir() const { return tmp_; }
  size_t max_bytes() const { return max_bytes_; }

 private:
  std::string root_, tmp_;
  size_t max_bytes_;
};

}  // namespace pantau::files
