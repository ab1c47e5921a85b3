#pragma once
// The verbs, one file each (cmd_<verb>.cpp). Each setup_ function adds its subcommand to the
// app, binds its options into a struct and, when the verb is chosen, runs it and leaves the
// exit status in the context.
#include <CLI/CLI.hpp>

#include "common.hpp"

namespace eqkit::cli {

void setup_frameworks(CLI::App& app, Context& context);  // cmd_frameworks.cpp
void setup_framework(CLI::App& app, Context& context);   // cmd_framework.cpp: show, validate
void setup_assess(CLI::App& app, Context& context);      // cmd_assess.cpp: new, set, score
void setup_report(CLI::App& app, Context& context);      // cmd_report.cpp
void setup_workspace(CLI::App& app, Context& context);   // cmd_workspace.cpp: new
void setup_evidence(CLI::App& app, Context& context);    // cmd_evidence.cpp: add, list, (de)tach
void setup_key(CLI::App& app, Context& context);         // cmd_key.cpp: new
void setup_pack(CLI::App& app, Context& context);        // cmd_pack.cpp: export, verify, import
void setup_workforce(CLI::App& app, Context& context);   // cmd_wres.cpp: wres, wdes compute
void setup_crosswalk(CLI::App& app, Context& context);   // cmd_crosswalk.cpp
void setup_coverage(CLI::App& app, Context& context);    // cmd_coverage.cpp
void setup_tender(CLI::App& app, Context& context);      // cmd_tender.cpp
void setup_eira(CLI::App& app, Context& context);        // cmd_impact.cpp: eira risk
void setup_actions(CLI::App& app, Context& context);     // cmd_actions.cpp: list, add, set
// cmd_impact.cpp: assess field, row, signoff, versions, export, reviews; added by setup_assess
void setup_assess_impact(CLI::App& assess, Context& context);

// cmd_versions.cpp: "framework diff" and "assess migrate", added by setup_framework/_assess
void setup_framework_diff(CLI::App& framework, Context& context);
void setup_assess_migrate(CLI::App& assess, Context& context);
// cmd_judge.cpp: "assess judge" and "assess choose", added by setup_assess
void setup_assess_choices(CLI::App& assess, Context& context);
// cmd_assess.cpp: saves only bytes the core reads back against the registry.
[[nodiscard]] Checked<void> save_assessment(const std::string& file, const Framework& fw,
                                            const Assessment& assessment, const Registry& registry);
// cmd_framework.cpp: a framework file with the loader's and the registry's checks; on success
// the framework is left in *valid.
[[nodiscard]] ErrorList check_framework_file(const std::string& file, Framework* valid);

}  // namespace eqkit::cli
