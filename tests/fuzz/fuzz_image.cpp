// report::inspect_image on any bytes: a PNG or JPEG upload (coat of arms, meeting photo) judged by
// content. It must answer, never end the process (the PDF library's PNG loader does on damaged
// files unless libpng has read them cleanly first), and what it accepts must be what it says.
#include <string_view>

#include "fuzz_common.h"
#include "report/pdf.h"

using namespace pantau;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // A small side limit keeps each run fast; the size check is what bounds the decoding.
  constexpr int kSide = 256;
  auto r = report::inspect_image(bytes, "file", kSide);
  if (r.ok()) {
    const bool png = bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8);
    FUZZ_CHECK(r->mime == (png ? "image/png" : "image/jpeg"));
    FUZZ_CHECK(r->width > 0 && r->width <= kSide && r->height > 0 && r->height <= kSide);
  } else {
    FUZZ_CHECK(!r.error().fields.empty() && r.error().fields[0].field == "file");
  }
  return 0;
}
