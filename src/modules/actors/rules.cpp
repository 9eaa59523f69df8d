// Pure rules of actors: NIK check, Indonesian name keys, masking. Tested by the tables
// tests/fixtures/actors_nik.tsv and tests/fixtures/actors_names.tsv.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <string>

#include "core/service_clock.h"
#include "core/strings.h"
#include "modules/actors/public.h"

namespace pantau::actors {

namespace {

// Province codes of Kemendagri (including the 2022 Papua provinces).
bool known_province(int p) {
  static const std::set<int> k = {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
                                  61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96};
  return k.count(p) > 0;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : d[m - 1];
}

Error nik_error(std::string code, std::string id, std::string en) {
  return Error::invalid_field("nik", std::move(code), std::move(id), std::move(en));
}

// Latin letters with diacritics (U+00C0..U+017F) to their base letter; 0 = drop.
char base_letter(unsigned cp) {
  static const char* latin1 = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";  // C0..FF
  if (cp >= 0xC0 && cp <= 0xFF) {
    char ch = latin1[cp - 0xC0];
    return ch == '*' || ch == '/' ? 0 : ch;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    // Latin Extended-A comes in case pairs; map by ranges of the base letter.
    static const std::array<std::pair<unsigned, char>, 20> starts = {{
        {0x100, 'a'}, {0x106, 'c'}, {0x10E, 'd'}, {0x112, 'e'}, {0x11C, 'g'}, {0x124, 'h'}, {0x128, 'i'}, {0x134, 'j'},
        {0x136, 'k'}, {0x139, 'l'}, {0x143, 'n'}, {0x14C, 'o'}, {0x154, 'r'}, {0x15A, 's'}, {0x162, 't'}, {0x168, 'u'},
        {0x174, 'w'}, {0x176, 'y'}, {0x179, 'z'}, {0x17F, 's'}}};
    char out = 0;
    for (auto& [from, ch] : starts)
      if (cp >= from) out = ch;
    return out;
  }
  return 0;
}

// UTF-8 to lower-case ASCII letters, digits and separators. Apostrophes vanish ("Ma'ruf" ->
// "maruf"); other punctuation except '.' and ',' becomes a space.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      if (std::isalnum(b)) out += static_cast<char>(std::tolower(b));
      else if (b == '\'' || b == '`') continue;
      else if (b == '.' || b == ',') out += static_cast<char>(b);
      else out += ' ';
      continue;
    }
    unsigned cp = 0;
    int len = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
    cp = len == 2 ? b & 0x1F : len == 3 ? b & 0x0F : b & 0x07;
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    if (cp == 0x2018 || cp == 0x2019) continue;  // typographic apostrophes
    if (char ch = base_letter(cp)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    else out += ' ';
  }
  return out;
}

const std::set<std::string>& honorifics() {
  static const std::set<std::string> k = {"h", "hj", "haji", "hajah", "hajjah", "kh", "dr", "drs", "dra", "ir", "prof",
                                          "ust", "ustad", "ustadz", "ustaz", "ustadzah", "tuan", "ny", "nyonya", "sdr",
                                          "sdri", "bpk", "bapak", "ibu", "tgk", "apt", "drg"};
  return k;
}
const std::set<std::string>& degrees() {
  static const std::set<std::string> k = {"sh", "se", "spd", "spdi", "mpd", "msi", "mm", "mh", "st", "ssos", "sag", "sip",
                                          "skm", "ssi", "amd", "mt", "mag", "phd", "sked", "skep", "sth", "lc", "mkes",
                                          "sh.", "sos", "shi", "mhi", "sthi", "sei", "me", "ak", "cpa", "msc", "ba"};
  return k;
}

// Old spelling (EYD before 1972) and transliteration variants, applied to each word.
std::string respell(std::string w) {
  auto replace_all = [&](const std::string& from, const std::string& to) {
    for (size_t p = w.find(from); p != std::string::npos; p = w.find(from, p + to.size())) w.replace(p, from.size(), to);
  };
  replace_all("oe", "u");
  replace_all("dj", "j");
  replace_all("tj", "c");
  replace_all("sj", "sy");
  replace_all("nj", "ny");
  replace_all("ch", "kh");
  // Doubled letters are spelling variants (Muhammad/Muhamad, Abdullah/Abdulah).
  w.erase(std::unique(w.begin(), w.end()), w.end());
  static const std::array<std::pair<const char*, const char*>, 20> variants = {{
      {"moh", "muhamad"}, {"mokh", "muhamad"}, {"mokhd", "muhamad"}, {"mohd", "muhamad"}, {"muh", "muhamad"},
      {"muhd", "muhamad"}, {"mokhamad", "muhamad"}, {"mohamad", "muhamad"}, {"mohamed", "muhamad"}, {"md", "muhamad"},
      {"akhmad", "ahmad"}, {"ahmat", "ahmad"}, {"akhmat", "ahmad"}, {"abd", "abdul"}, {"nor", "nur"}, {"sity", "siti"},
      {"mukhamad", "muhamad"}, {"muhamed", "muhamad"}, {"mukhammad", "muhamad"}, {"yusup", "yusuf"}}};
  for (auto& [from, to] : variants)
    if (w == from) return to;
  return w;
}

}  // namespace

Result<NikInfo> check_nik(std::string_view nik, Date today) {
  if (nik.size() != 16 || !std::all_of(nik.begin(), nik.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
    return nik_error("format", "NIK harus 16 angka.", "The NIK must be 16 digits.");
  auto num = [&](size_t pos) { return (nik[pos] - '0') * 10 + (nik[pos + 1] - '0'); };
  int prov = num(0), kab = num(2), kec = num(4);
  if (!known_province(prov))
    return nik_error("region", "Dua angka pertama NIK bukan kode provinsi.", "The first two digits of the NIK are not a province code.");
  if (kab == 0 || kec == 0)
    return nik_error("region", "Kode kabupaten/kota atau kecamatan dalam NIK tidak valid.",
                     "The district or sub-district code in the NIK is not valid.");
  int dd = num(6), mm = num(8), yy = num(10);
  NikInfo info;
  info.sex = dd > 40 ? 'P' : 'L';
  if (dd > 40) dd -= 40;
  int year = 2000 + yy;
  if (Date{year, mm, dd} > today) year -= 100;  // nobody is born in the future: the 1900s
  // A 29 February is possible only when the century chosen makes a leap year.
  if (mm < 1 || mm > 12 || dd < 1 || dd > month_days(year, mm))
    return nik_error("birth_date", "Tanggal lahir dalam NIK tidak mungkin.", "The birth date in the NIK is impossible.");
  info.birth_date = Date{year, mm, dd};
  if (nik.substr(12) == "0000")
    return nik_error("serial", "Nomor urut NIK tidak boleh 0000.", "The NIK serial number cannot be 0000.");
  info.region_code = std::string(nik.substr(0, 2)) + "." + std::string(nik.substr(2, 2)) + "." + std::string(nik.substr(4, 2));
  return info;
}

std::vector<std::string> name_words(std::string_view name) {
  std::string f = fold(name);
  // Degrees follow a comma ("Ahmad Fauzi, S.H., M.H."): drop the tail when every part is short.
  if (size_t comma = f.find(','); comma != std::string::npos) {
    std::string tail = f.substr(comma);
    bool titles = true;
    for (auto& part : split(tail, ',')) {
      std::string t;
      for (char ch : part)
        if (ch != '.' && ch != ' ') t += ch;
      if (t.size() > 6) titles = false;
    }
    if (titles) f = f.substr(0, comma);
  }
  std::vector<std::string> words;
  for (auto& raw : split(f, ' ')) {
    std::string tok;
    for (char ch : raw)
      if (ch != ',') tok += ch;
    if (tok.empty()) continue;
    if (tok.find('.') == std::string::npos) {
      words.push_back(tok);
      continue;
    }
    // "S.Pd.I." is one abbreviation; "H.Ahmad" or "A.Rahman" are two words.
    auto parts = split(tok, '.');
    bool abbreviation = std::all_of(parts.begin(), parts.end(), [](const std::string& p) { return p.size() <= 3; });
    if (abbreviation) {
      std::string joined;
      for (auto& p : parts) joined += p;
      if (!joined.empty()) words.push_back(joined);
    } else {
      for (auto& p : parts)
        if (!p.empty()) words.push_back(p);
    }
  }
  size_t first = 0;
  while (first + 1 < words.size() && honorifics().count(words[first])) ++first;
  words.erase(words.begin(), words.begin() + static_cast<long>(first));
  while (words.size() > 1 && degrees().count(words.back())) words.pop_back();
  // "M. Yusuf": a lone M before a name is Muhammad.
  if (words.size() > 1 && words[0] == "m") words[0] = "muhamad";
  for (auto& w : words) w = respell(w);
  return words;
}

std::string name_key(std::string_view name) { return name_parts(name).key; }

NameParts name_parts(std::string_view name) {
  NameParts n{name_words(name), {}};
  for (auto& w : n.words) n.key += w;
  return n;
}

bool names_match(std::string_view a, std::string_view b) {
  std::string ka = name_key(a);
  return !ka.empty() && ka == name_key(b);
}

std::string mask_identifier(std::string_view id) {
  if (id.size() <= 6) return std::string(id.size(), '*');
  return std::string(id.substr(0, 2)) + std::string(id.size() - 4, '*') + std::string(id.substr(id.size() - 2));
}

bool valid_passport(std::string_view p) {
  return p.size() >= 5 && p.size() <= 12 &&
         std::all_of(p.begin(), p.end(), [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); });
}

Date office_day(std::string_view region_code, std::string_view utc_iso) {
  return local_date(utc_iso, region_code).value_or(today_utc());
}

}  // namespace pantau::actors
