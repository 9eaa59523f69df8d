// QR codes for official documents (the verification link of the document register), encoded by
// libqrencode and drawn as vector squares into a PDF page, so they print sharp at any size.
// Pure functions; safe from any thread.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "report/pdf.h"

namespace pantau::report {

// The modules of a QR code, row by row from the top: true = dark.
struct QrMatrix {
  int size = 0;  // modules per side
  std::vector<bool> dark;
  bool at(int x, int y) const { return dark[static_cast<size_t>(y) * size + x]; }
};

// Encodes `text` (8-bit mode, error correction level M: a creased or stamped-over printout still
// reads). nullopt when the text is empty or too long for a QR code (about 2,300 bytes).
std::optional<QrMatrix> qr_encode(std::string_view text);

// Draws the code as a square of side `side` points with its bottom-left corner at `at`, including
// the quiet zone of four modules around it (white), so it scans on any background.
void draw_qr(Canvas& canvas, const QrMatrix& qr, Point at, double side);

}  // namespace pantau::report
