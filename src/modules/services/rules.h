// Pure rules of the public service desk: the workflows, the documents of a research permit,
// checks of what the public sends, registration numbers, the SKM index, and percentiles of
// service times. No I/O; tested by the tables in tests/fixtures/services_*.tsv.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/error.h"
#include "core/time.h"
#include "modules/services/model.h"

namespace pantau::services {

// Checks of free text from the public: trimmed, at most `max_len` bytes, valid UTF-8, and no
// control characters other than line breaks and tabs (multi-line allowed only when `multiline`).
// Returns the cleaned text or adds a field error (code required / too_long / invalid_text).
std::optional<std::string> clean_text(std::string_view field, std::string_view value, bool required, size_t max_len,
                                      bool multiline, std::vector<FieldError>& errs);
// An e-mail address or an Indonesian phone number (08..., +62...), for replies to the applicant.
bool valid_contact(std::string_view contact);
// A SP4N-LAPOR! tracking reference: digits (the complaint's tracking id), 6 to 20 of them.
bool valid_lapor_ref(std::string_view ref);

// A new registration number: prefix of the kind, the year, and 8 random characters of the
// Crockford alphabet ("SKP-2026-7K3M-9QX2"). Random so that it reveals no count and cannot be
// guessed from a neighbour's.
std::string new_reg_no(std::string_view kind, int year);
std::string_view reg_prefix(std::string_view kind);
// A registration number as the public may type it (upper-cased, spaces removed); empty when it
// cannot be one.
std::string normalize_reg_no(std::string_view typed);
// The tracking secret handed to the applicant once (12 characters, ~60 bits), and its stored hash.
std::string new_secret();
std::string secret_hash(std::string_view secret);

// SKM: answers are rows of 9 scores 1..4; scores outside 1..4 are refused by the caller.
SkmResult skm_index(const std::vector<std::array<int, kSkmElements>>& answers);
// The band of an index (PermenPANRB 14/2017): A 88.31-100, B 76.61-88.30, C 65.00-76.60, D 25.00-64.99.
char skm_band(double index);
Message skm_band_label(char band);

// Nearest-rank percentile (p in 1..100) of a histogram value -> count; -1 when empty.
int percentile(const std::map<int, int64_t>& histogram, int p);

// What a research permit still lacks before the office can pass its documents: every required
// document must have a verdict OK (or NOT_APPLICABLE). Returns the missing/unsettled codes.
std::vector<std::string> unsettled_documents(const std::vector<std::string_view>& required,
                                             const std::map<std::string, std::string>& verdicts);

// The research permit's result report: due `working_days` working days after the research
// period ends, counted from the letter's day instead when the period ends earlier or is unknown
// (a letter issued late never makes the report late at once). The number of days is data per
// service (svc_services.result_report_wd).
Date result_report_due(std::optional<Date> period_end, Date issued, int working_days, const WorkingDayCalendar& cal);
// The letter's third condition, the result report. A letter prints only what was fixed when it
// was issued: the due date stored on the permit ("paling lambat tanggal 12 Mei 2027"); without
// one (letters issued before the date was stored) the wording those letters had ("satu bulan").
std::string result_report_condition(const std::optional<Date>& due);
// Overdue on `today` (the office's local date): the permit is still waiting for the report
// (status ISSUED) and the due date has passed. On the due date itself it is not late yet.
bool result_report_overdue(Date due, Date today, std::string_view status);

}  // namespace pantau::services
