// Internal to src/report: text clean-up shared by the PDF and XLSX writers.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace pantau::report::detail {

// Makes text safe for a document: invalid UTF-8 bytes become U+FFFD, carriage returns are
// dropped, tabs and other control characters become spaces; '\n' is kept when keep_newlines,
// else it becomes a space. With bmp_only, characters beyond U+FFFF (emoji), which the PDF
// font cannot show, become U+FFFD too.
std::string clean_text(std::string_view s, bool keep_newlines, bool bmp_only);

// Length in bytes of the UTF-8 sequence starting with lead byte c (1 for a stray byte).
size_t utf8_length(unsigned char c);

}  // namespace pantau::report::detail
