#include "report/qr.h"

#include <qrencode.h>

#include <string>

namespace pantau::report {

std::optional<QrMatrix> qr_encode(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const std::string s(text);
  QRcode* code = QRcode_encodeString8bit(s.c_str(), 0, QR_ECLEVEL_M);
  if (code == nullptr) return std::nullopt;
  QrMatrix m;
  m.size = code->width;
  m.dark.resize(static_cast<size_t>(m.size) * m.size);
  for (size_t i = 0; i < m.dark.size(); ++i) m.dark[i] = (code->data[i] & 1) != 0;
  QRcode_free(code);
  return m;
}

void draw_qr(Canvas& canvas, const QrMatrix& qr, Point at, double side) {
  if (qr.size <= 0) return;
  constexpr int kQuiet = 4;
  const double module = side / (qr.size + 2 * kQuiet);
  canvas.rect({at.x, at.y, side, side}, Rgb{1, 1, 1}, std::nullopt);
  // One rectangle per horizontal run of dark modules: a fraction of the drawing operators of one
  // square per module. A hair wider than the module closes the seams some viewers show.
  for (int y = 0; y < qr.size; ++y) {
    int x = 0;
    while (x < qr.size) {
      if (!qr.at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < qr.size && qr.at(end, y)) ++end;
      const double left = at.x + (kQuiet + x) * module;
      const double top = at.y + side - (kQuiet + y) * module;
      canvas.rect({left, top - module - 0.05, (end - x) * module + 0.05, module + 0.05}, Rgb{0, 0, 0}, std::nullopt);
      x = end;
    }
  }
}

}  // namespace pantau::report
