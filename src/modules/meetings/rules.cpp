#include "modules/meetings/rules.h"

#include <rapidjson/document.h>

#include <array>
#include <cmath>

#include "http/json.h"

namespace pantau::meetings {

namespace {
constexpr std::array<std::string_view, 6> kStatusNames = {"PLANNED", "INVITED", "HELD", "MINUTED", "CLOSED", "CANCELLED"};
constexpr std::array<std::string_view, 5> kActionNames = {"INVITE", "HOLD", "MINUTE", "CLOSE", "CANCEL"};
constexpr std::array<std::string_view, 4> kSignatureNames = {"NOT_REQUIRED", "PENDING", "SIGNED", "VOIDED"};

Error refuse(const char* code, const char* id, const char* en) { return Error::conflict(code, id, en); }
}  // namespace

std::string_view name(MeetingStatus s) { return kStatusNames[static_cast<size_t>(s)]; }
std::string_view name(MeetingAction a) { return kActionNames[static_cast<size_t>(a)]; }
std::string_view name(SignatureState s) { return kSignatureNames[static_cast<size_t>(s)]; }

std::optional<MeetingStatus> parse_status(std::string_view s) {
  for (size_t i = 0; i < kStatusNames.size(); ++i)
    if (kStatusNames[i] == s) return static_cast<MeetingStatus>(i);
  return std::nullopt;
}
std::optional<MeetingAction> parse_action(std::string_view s) {
  for (size_t i = 0; i < kActionNames.size(); ++i)
    if (kActionNames[i] == s) return static_cast<MeetingAction>(i);
  return std::nullopt;
}

Result<MeetingStatus> transition(MeetingStatus from, MeetingAction a, const TransitionFacts& f) {
  using S = MeetingStatus;
  switch (a) {
    case MeetingAction::Invite:
      if (from != S::Planned) break;
      if (f.participants == 0)
        return refuse("meeting.no_participants", "Tambahkan peserta undangan sebelum mengirim undangan.",
                      "Add invited participants before sending the invitation.");
      return S::Invited;
    case MeetingAction::Hold:
      if (from != S::Invited) break;
      if (!f.started)
        return refuse("meeting.not_started", "Rapat belum dimulai.", "The meeting has not started yet.");
      return S::Held;
    case MeetingAction::Minute:
      if (from != S::Held) break;
      if (!f.minutes_approved)
        return refuse("meeting.minutes_not_approved", "Notula belum disetujui pimpinan rapat.",
                      "The minutes are not approved by the chair yet.");
      return S::Minuted;
    case MeetingAction::Close:
      if (from != S::Minuted) break;
      if (!f.berita_acara_final)
        return refuse("meeting.berita_acara_not_final", "Berita Acara belum ditandatangani semua penanda tangan.",
                      "The Berita Acara is not signed by every required signatory yet.");
      return S::Closed;
    case MeetingAction::Cancel:
      if (from != S::Planned && from != S::Invited) break;
      return S::Cancelled;
  }
  return Error::conflict("meeting.transition_not_allowed",
                         "Langkah ini tidak dapat dilakukan pada status rapat saat ini.",
                         "This step is not possible in the meeting's current status.");
}

bool checkin_open(MeetingStatus s, TimePoint start, TimePoint end, TimePoint now) {
  if (s != MeetingStatus::Invited && s != MeetingStatus::Held) return false;
  return now >= start - std::chrono::minutes(30) && now <= end;
}

bool is_open(std::string_view status) { return status == "OPEN" || status == "IN_PROGRESS" || status == "AGREED"; }

std::string effective_status(std::string_view status, std::string_view due_date, Date today) {
  if (is_open(status)) {
    auto due = parse_date(due_date);
    if (due && *due < today) return "OVERDUE";
  }
  return std::string(status);
}

SignatureState signature_state(const Participant& p, int64_t ba_revision) {
  if (!p.required_signatory || !p.present) return SignatureState::NotRequired;
  if (!p.ba_signed_at || !p.ba_signed_revision) return SignatureState::Pending;
  return *p.ba_signed_revision == ba_revision ? SignatureState::Signed : SignatureState::Voided;
}

bool berita_acara_final(const std::vector<Participant>& ps, int64_t ba_revision) {
  int required = 0;
  for (const auto& p : ps) {
    SignatureState s = signature_state(p, ba_revision);
    if (s == SignatureState::NotRequired) continue;
    ++required;
    if (s != SignatureState::Signed) return false;
  }
  return required > 0;
}

Result<Strokes> parse_strokes(std::string_view json, const std::string& field) {
  auto bad = [&](const char* id, const char* en) { return Error::invalid_field(field, "invalid", id, en); };
  rapidjson::Document d;
  d.Parse<rapidjson::kParseStopWhenDoneFlag>(json.data(), json.size());
  if (d.HasParseError() || !d.IsArray()) return bad("Tanda tangan tidak terbaca.", "The signature cannot be read.");
  if (d.Size() == 0 || d.Size() > 60) return bad("Tanda tangan harus berisi 1 sampai 60 goresan.", "A signature has 1 to 60 strokes.");
  Strokes out;
  size_t points = 0, longest = 0;
  for (const auto& stroke : d.GetArray()) {
    if (!stroke.IsArray()) return bad("Tanda tangan tidak terbaca.", "The signature cannot be read.");
    std::vector<Point> line;
    for (const auto& pt : stroke.GetArray()) {
      if (!pt.IsArray() || pt.Size() != 2 || !pt[0].IsNumber() || !pt[1].IsNumber())
        return bad("Tanda tangan tidak terbaca.", "The signature cannot be read.");
      double x = pt[0].GetDouble(), y = pt[1].GetDouble();
      if (!std::isfinite(x) || !std::isfinite(y) || x < 0 || x > 300 || y < 0 || y > 120)
        return bad("Titik tanda tangan di luar bidang 300 x 120.", "A signature point lies outside the 300 x 120 box.");
      line.push_back({std::round(x * 10) / 10, std::round(y * 10) / 10});
      if (++points > 3000) return bad("Tanda tangan terlalu rumit (lebih dari 3000 titik).", "The signature has more than 3000 points.");
    }
    longest = std::max(longest, line.size());
    out.push_back(std::move(line));
  }
  if (longest < 2) return bad("Tanda tangan kosong.", "The signature is empty.");
  return out;
}

std::string strokes_json(const Strokes& s) {
  json::Out o;
  o.begin_array();
  for (const auto& line : s) {
    o.begin_array();
    for (const auto& p : line) o.begin_array().value(p.x).value(p.y).end_array();
    o.end_array();
  }
  o.end_array();
  return o.take();
}

std::string_view name(Attendance a) {
  switch (a) {
    case Attendance::InvitedPresent: return "INVITED_PRESENT";
    case Attendance::InvitedAbsent: return "INVITED_ABSENT";
    case Attendance::WalkIn: return "WALK_IN";
    case Attendance::Listed: return "LISTED";
  }
  return "";
}

Attendance attendance_of(const Participant& p) {
  if (p.invited) return p.present ? Attendance::InvitedPresent : Attendance::InvitedAbsent;
  return p.present ? Attendance::WalkIn : Attendance::Listed;
}

bool added_as_invited(MeetingStatus s, bool present) { return s == MeetingStatus::Invited && !present; }

}  // namespace pantau::meetings
