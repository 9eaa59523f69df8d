// Indonesian wording for official documents: dates ("23 November 2026"), numbers in words
// ("seratus enam puluh empat juta") and Rupiah amounts ("Rp 1.164.904.000").
// Pure functions, no locale dependence; safe to call from any thread.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"

namespace pantau::report {

// Month name, 1 = "Januari" .. 12 = "Desember"; "" outside 1..12.
std::string_view nama_bulan(int month);
// Day name of a date: "Minggu", "Senin", ... "Sabtu".
std::string_view nama_hari(Date d);
// "23 November 2026" (day without a leading zero). Used in letters and signature blocks.
std::string tanggal_indonesia(Date d);
// A number in Indonesian words, as written in a Berita Acara or under a Rupiah amount:
// 0 -> "nol", 11 -> "sebelas", 1001 -> "seribu satu", -5 -> "minus lima",
// 1164904000 -> "satu miliar seratus enam puluh empat juta sembilan ratus empat ribu".
// Covers the whole int64 range (up to "kuintiliun").
std::string terbilang(int64_t n);
// "Rp 1.164.904.000"; negative amounts as "-Rp 25.000"; zero as "Rp 0".
std::string format_rupiah(int64_t amount);
// Digits grouped with dots, the Indonesian way: 1164904000 -> "1.164.904.000", -1500 -> "-1.500".
std::string format_ribuan(int64_t n);

}  // namespace pantau::report
