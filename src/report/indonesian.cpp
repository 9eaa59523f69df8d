#include "report/indonesian.h"

#include <array>

namespace pantau::report {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
    "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};

constexpr std::array<std::string_view, 7> kDays = {"Minggu", "Senin", "Selasa", "Rabu",
                                                   "Kamis",  "Jumat", "Sabtu"};

constexpr std::array<std::string_view, 10> kDigits = {
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"};

// Scale words for groups of three digits, from 10^3 up to 10^18.
constexpr std::array<std::string_view, 7> kScales = {"",        "ribu",       "juta",      "miliar",
                                                     "triliun", "kuadriliun", "kuintiliun"};

void append_word(std::string& out, std::string_view w) {
  if (w.empty()) return;
  if (!out.empty()) out += ' ';
  out += w;
}

// Words for 1..999. Indonesian uses the "se-" prefix for one ten, hundred and (below) thousand.
void append_below_thousand(std::string& out, unsigned n) {
  const unsigned hundreds = n / 100, rest = n % 100;
  if (hundreds == 1) {
    append_word(out, "seratus");
  } else if (hundreds > 1) {
    append_word(out, kDigits[hundreds]);
    append_word(out, "ratus");
  }
  if (rest == 0) return;
  if (rest < 10) {
    append_word(out, kDigits[rest]);
  } else if (rest == 10) {
    append_word(out, "sepuluh");
  } else if (rest == 11) {
    append_word(out, "sebelas");
  } else if (rest < 20) {
    append_word(out, kDigits[rest - 10]);
    append_word(out, "belas");
  } else {
    append_word(out, kDigits[rest / 10]);
    append_word(out, "puluh");
    if (rest % 10 != 0) append_word(out, kDigits[rest % 10]);
  }
}

}  // namespace

std::string_view nama_bulan(int month) {
  if (month < 1 || month > 12) return {};
  return kMonths[static_cast<size_t>(month - 1)];
}

std::string_view nama_hari(Date d) { return kDays[static_cast<size_t>(weekday(d))]; }

std::string tanggal_indonesia(Date d) {
  std::string out = std::to_string(d.day);
  out += ' ';
  out += nama_bulan(d.month);
  out += ' ';
  out += std::to_string(d.year);
  return out;
}

std::string terbilang(int64_t n) {
  if (n == 0) return "nol";
  std::string out;
  // Work on the magnitude as unsigned so that INT64_MIN has one too.
  uint64_t m = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  if (n < 0) out = "minus";
  std::array<unsigned, kScales.size()> groups{};
  for (auto& g : groups) {
    g = static_cast<unsigned>(m % 1000);
    m /= 1000;
  }
  for (size_t i = groups.size(); i-- > 0;) {
    const unsigned g = groups[i];
    if (g == 0) continue;
    if (i == 1 && g == 1) {
      append_word(out, "seribu");  // 1000 is "seribu", never "satu ribu"
      continue;
    }
    append_below_thousand(out, g);
    append_word(out, kScales[i]);
  }
  return out;
}

std::string format_ribuan(int64_t n) {
  uint64_t m = n < 0 ? uint64_t{0} - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  const std::string digits = std::to_string(m);
  std::string out;
  if (n < 0) out += '-';
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string format_rupiah(int64_t amount) {
  std::string grouped = format_ribuan(amount);
  if (amount < 0) return "-Rp " + grouped.substr(1);
  return "Rp " + grouped;
}

}  // namespace pantau::report
