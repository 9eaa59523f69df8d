// What the service desk's two route files share (portal.cpp: the public portal without an
// account; routes.cpp: the staff side): the request form, the public files and the letters.
#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/app.h"
#include "http/json.h"
#include "modules/services/store.h"

namespace pantau::services {

inline constexpr size_t kMaxPublicFile = 5u << 20;  // 5 MB per document

// Files of the public (uploads, issued letters) live apart from the internal evidence, at their
// content address under <files_dir>/public.
std::string public_root(http::Ctx& ctx);
std::string public_path(http::Ctx& ctx, const std::string& sha);
// Writes bytes at their content address under the public files directory (atomic rename).
Status put_public_bytes(http::Ctx& ctx, const std::string& sha, std::string_view bytes);

// The bodies of this module are shallow: at most four levels.
Result<json::In> body_of(const http::Request& req);
// {"documents": {"<type>": "<upload token>"}} of a form.
std::map<std::string, std::string> documents_of(json::In& in, std::vector<FieldError>& errs);
// Reads a request form (public or counter). `staff`: channel and SP4N-LAPOR! reference allowed.
Result<CaseInput> case_input(const std::string& body, bool staff);
// An issued letter, streamed from its content address (404 while none is issued).
http::Response letter_file(http::Ctx& ctx, const std::optional<std::string>& sha, std::string_view name);

// The public portal's handlers (portal.cpp), registered in routes.cpp with the others.
http::Response public_offices_route(http::Ctx& ctx);
http::Response public_office_route(http::Ctx& ctx);
http::Response public_forms(http::Ctx& ctx);
http::Response public_upload(http::Ctx& ctx);
http::Response public_submit(http::Ctx& ctx);
http::Response public_track(http::Ctx& ctx);
http::Response public_action(http::Ctx& ctx);
http::Response public_survey(http::Ctx& ctx);
http::Response public_letter(http::Ctx& ctx);
// Annual reports of an office and its subtree (reports.cpp): ?year=&region=.
http::Response ppid_report_pdf(http::Ctx& ctx);
http::Response ppid_report_xlsx(http::Ctx& ctx);
http::Response skm_report_pdf(http::Ctx& ctx);
http::Response skm_report_xlsx(http::Ctx& ctx);
// The recap of service times of an office and its subtree (all offices for the ministry):
// ?year=&region=, as JSON and as XLSX.
http::Response recap_route(http::Ctx& ctx);
http::Response recap_xlsx_route(http::Ctx& ctx);
// The Ombudsman self-assessment (assessment_routes.cpp).
http::Response assessment_checklist_route(http::Ctx& ctx);
http::Response assessments_route(http::Ctx& ctx);
http::Response create_assessment_route(http::Ctx& ctx);
http::Response assessment_route(http::Ctx& ctx);
http::Response assessment_answer_route(http::Ctx& ctx);
http::Response assessment_evidence_route(http::Ctx& ctx);

}  // namespace pantau::services
