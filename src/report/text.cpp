#include "report/text.h"

namespace pantau::report::detail {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Decodes one code point at s[i]; returns its byte length, or 0 if the sequence is invalid
// (bad continuation, overlong form, surrogate, or beyond U+10FFFF).
size_t decode(std::string_view s, size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  const size_t n = utf8_length(c);
  if (n == 1) {
    cp = c;
    return c < 0x80 ? 1 : 0;
  }
  if (i + n > s.size()) return 0;
  cp = c & (0xFF >> (n + 1));
  for (size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace

size_t utf8_length(unsigned char c) {
  if (c >= 0xF0 && c <= 0xF4) return 4;
  if (c >= 0xE0 && c <= 0xEF) return 3;
  if (c >= 0xC2 && c <= 0xDF) return 2;
  return 1;
}

std::string clean_text(std::string_view s, bool keep_newlines, bool bmp_only) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp = 0;
    const size_t n = decode(s, i, cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    if (cp == '\r') {
      // dropped: "\r\n" and "\n" end a line alike
    } else if (cp == '\n') {
      out += keep_newlines ? '\n' : ' ';
    } else if (cp < 0x20 || cp == 0x7F) {
      out += ' ';
    } else if (bmp_only && cp > 0xFFFF) {
      out += kReplacement;
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace pantau::report::detail
