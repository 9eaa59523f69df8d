#include "core/fileio.h"

#include <fstream>
#include <sstream>

namespace pantau {
Result<std::string> read_text_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f)
    return Error::make(ErrorKind::NotFound, "file.missing", "Berkas tidak ditemukan: " + path, "File not found: " + path);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace pantau
