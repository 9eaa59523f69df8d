// Metadata of a generated document, shown by viewers under "Properties" (PDF and XLSX alike).
#pragma once
#include <optional>
#include <string>

#include "core/time.h"

namespace pantau::report {

struct DocumentInfo {
  std::string title;
  std::string author;  // usually the office, e.g. "Badan Kesbangpol Provinsi Kalimantan Selatan"
  std::string subject;
  std::optional<TimePoint> created;  // empty = now
};

}  // namespace pantau::report
