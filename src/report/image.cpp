// inspect_image (declared in report/pdf.h): what an uploaded image is, judged from its bytes.
// It parses outside input (coats of arms, meeting photos), so it lives in the parse library and
// has a fuzz target of its own (tests/fuzz/fuzz_image.cpp).
#include <hpdf.h>
#include <png.h>

#include <cstring>
#include <string>
#include <vector>

#include "report/pdf.h"

namespace pantau::report {

namespace {
// Whether libpng decodes the whole image without an error (the size was checked before).
bool png_decodes(std::string_view bytes) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return false;
  image.format = PNG_FORMAT_RGBA;
  std::vector<png_byte> pixels(PNG_IMAGE_SIZE(image));
  const bool ok = png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) != 0;
  if (!ok) png_image_free(&image);
  return ok && !PNG_IMAGE_FAILED(image);
}
}  // namespace

Result<ImageInfo> inspect_image(std::string_view bytes, std::string_view field, int max_side) {
  const std::string f(field);
  ImageInfo info;
  const bool png = bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8);
  const bool jpeg = bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3);
  if (!png && !jpeg)
    return Error::invalid_field(f, "type", "Gambar harus berupa berkas PNG atau JPEG.", "The image must be a PNG or JPEG file.");
  info.mime = png ? "image/png" : "image/jpeg";
  auto too_big = [&] {
    return Error::invalid_field(f, "dimensions",
                                "Ukuran gambar paling besar " + std::to_string(max_side) + " × " + std::to_string(max_side) + " piksel.",
                                "The image may be at most " + std::to_string(max_side) + " × " + std::to_string(max_side) + " pixels.");
  };
  // A PNG is unpacked whole by the library: its size (IHDR, right after the signature) is read
  // first, so a small file cannot ask for gigabytes.
  if (png) {
    if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR")
      return Error::invalid_field(f, "unreadable", "Gambar tidak dapat dibaca.", "The image cannot be read.");
    auto be32 = [&](size_t o) {
      return (static_cast<uint32_t>(static_cast<unsigned char>(bytes[o])) << 24) |
             (static_cast<uint32_t>(static_cast<unsigned char>(bytes[o + 1])) << 16) |
             (static_cast<uint32_t>(static_cast<unsigned char>(bytes[o + 2])) << 8) |
             static_cast<uint32_t>(static_cast<unsigned char>(bytes[o + 3]));
    };
    if (be32(16) > static_cast<uint32_t>(max_side) || be32(20) > static_cast<uint32_t>(max_side)) return too_big();
  }
  // The PDF library's PNG loader ends the process on some damaged PNGs instead of returning an
  // error, so a PNG is first decoded whole by libpng's own simplified API, which reports every
  // damage (truncation, bad CRC, bad zlib data) as an error: only what it reads cleanly reaches
  // the PDF library.
  if (png && !png_decodes(bytes))
    return Error::invalid_field(f, "unreadable", "Gambar tidak dapat dibaca.", "The image cannot be read.");
  // Loaded on a scratch document: what the library refuses here never reaches a real one.
  bool failed = false;
  HPDF_Doc doc = HPDF_New([](HPDF_STATUS, HPDF_STATUS, void* user) { *static_cast<bool*>(user) = true; }, &failed);
  if (doc == nullptr) return Error::internal("Cannot allocate a PDF document.");
  const auto* data = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  const auto size = static_cast<HPDF_UINT>(bytes.size());
  HPDF_Image image = png ? HPDF_LoadPngImageFromMem(doc, data, size) : HPDF_LoadJpegImageFromMem(doc, data, size);
  if (image != nullptr && !failed) {
    info.width = static_cast<int>(HPDF_Image_GetWidth(image));
    info.height = static_cast<int>(HPDF_Image_GetHeight(image));
  }
  HPDF_Free(doc);
  if (image == nullptr || failed || info.width <= 0 || info.height <= 0)
    return Error::invalid_field(f, "unreadable", "Gambar tidak dapat dibaca.", "The image cannot be read.");
  if (info.width > max_side || info.height > max_side) return too_big();
  return info;
}

}  // namespace pantau::report
