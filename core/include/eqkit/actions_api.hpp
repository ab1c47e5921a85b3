#pragma once
// JSON in, JSON out over a workspace's action plan, for the web faces (in the style of
// eqkit::LibraryApi): every rule (validation, overdue, statuses, messages) stays in the core.
// Every answer has "ok"; on failure "errors":[{"field","message"}], field naming the input.
#include <string>
#include <string_view>

#include "eqkit/workspace_folder.hpp"

namespace eqkit {

// filter_json: {"owner","status","framework","overdue":bool,"due_within_days":int,"all":bool}
// -> {"ok":true,"today","actions":[…as actions_list_json…],"owners":[…],"statuses":[{value,label}],
//     "counts":{"shown","overdue"},"evidence":[{id,label}] (the library's, to link to)}
[[nodiscard]] std::string actions_api_list(const WorkspaceFolder& workspace,
                                           std::string_view filter_json, std::string_view today);
// {"text","owner","due","item","assessment","evidence":[ids]} -> {"ok":true,"id"}
[[nodiscard]] std::string actions_api_add(const WorkspaceFolder& workspace,
                                          std::string_view request_json, std::string_view today);
// {"status","reason","owner","due","link_evidence":[ids],"unlink_evidence":[ids]} -> {"ok":true}
[[nodiscard]] std::string actions_api_set(const WorkspaceFolder& workspace, std::string_view id,
                                          std::string_view request_json, std::string_view today);
// Starts next year's assessment of a framework in the workspace, carrying the open actions of
// its latest assessment across (eqkit::start_assessment): {"framework","title"} ->
// {"ok":true,"id","previous","carried","message"}, message saying what was carried, in words.
[[nodiscard]] std::string actions_api_start(WorkspaceFolder& workspace,
                                            std::string_view request_json, std::string_view today);
// The accessible HTML page and the CSV of the filtered list, as text to download.
[[nodiscard]] std::string actions_api_export(const WorkspaceFolder& workspace,
                                             std::string_view filter_json, std::string_view format,
                                             std::string_view today);

// Every assessment in the workspace with its version, sign-off and review status, so a face can
// list which are due or overdue: {"ok":true,"today","assessments":[{id,framework,
// framework_title,title,version,signoff:{name,role,date}|null,review:{state,label,date,
// days_left,words}}]}.
[[nodiscard]] std::string reviews_api_list(const WorkspaceFolder& workspace,
                                           std::string_view today);

}  // namespace eqkit
