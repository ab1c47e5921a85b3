// eqkit assess field | row | signoff | versions | export | reviews, and eqkit eira risk: the
// impact assessment parts of an assessment, sign-off and versions (docs/impact-assessment.md).
#include <filesystem>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "eqkit/dates.hpp"
#include "eqkit/files.hpp"
#include "eqkit/impact.hpp"
#include "eqkit/report.hpp"

namespace eqkit::cli {
namespace {

struct FieldOptions {
    std::string file;
    std::string field;
    std::string value;
};

struct RowOptions {
    std::string file;
    std::string subject;
    std::string relevance;
    std::string impact;
    std::string reason;
    std::vector<std::string> texts;  // "id=text"
    bool has_reason = false;
    bool clear_risk = false;
};

struct RiskOptions {
    std::string file;
    std::string subject;
    int likelihood = 0;
    int impact = 0;
    bool residual = false;
    bool json = false;
};

struct SignoffOptions {
    std::string file;
    std::string name;
    std::string role;
    std::string date;
};

struct VersionsOptions {
    std::string file;
    int version = 0;
    std::string out;
    bool html = false;
    bool json = false;
};

struct ReviewsOptions {
    std::string workspace;
    std::string today;
    bool json = false;
};

std::string today_or(const std::string& given) {
    return given.empty() ? today_iso() : given;
}

// Saves an edit and says which version the file now is (a change to a signed assessment
// starts the next one).
int save_and_say(const std::string& file, OpenAssessment& open, int version_before,
                 const std::string& what) {
    if (Checked<void> saved =
            save_assessment(file, open.framework(), open.assessment, open.registry);
        !saved) {
        print_errors(saved.error());
        return exit_bad_input;
    }
    std::cout << what << '\n';
    const VersionTrail& trail = open.assessment.trail;
    if (trail.version != version_before) {
        std::cout << "Version " << version_before
                  << " was signed off, so this change starts version " << trail.version
                  << "; version " << version_before << " is kept unchanged (eqkit assess export "
                  << file << " --version " << version_before << ").\n";
    }
    return exit_ok;
}

// The file named by the user, the place and reason from the core.
int refuse(const std::string& file, const Error& e) {
    print_error({file, e.place, e.reason});
    return exit_bad_input;
}

int run_field(const FieldOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    const int before = open->assessment.trail.version;
    if (Result<void> set = set_field(open->framework(), open->assessment, o.field, o.value); !set)
        return refuse(o.file, set.error());
    const FormField* f = open->framework().find_field(o.field);
    return save_and_say(o.file, *open, before,
                        f->label + ": " + (o.value.empty() ? "cleared" : "saved"));
}

Result<RowAnswer> changed_row(const RowOptions& o, RowAnswer row) {
    if (!o.relevance.empty()) row.relevance = o.relevance == "-" ? "" : o.relevance;
    if (!o.impact.empty()) row.impact = o.impact == "-" ? "" : o.impact;
    if (o.has_reason) row.reason = o.reason;
    for (const std::string& t : o.texts) {
        std::optional<KeyValue> kv = split_key_value(t);
        if (!kv) return fail("", "--text", "write each text as ID=TEXT, such as evidence=\"…\"");
        if (kv->value.empty()) {
            row.texts.erase(kv->key);
        } else {
            row.texts[kv->key] = std::move(kv->value);
        }
    }
    if (o.clear_risk) {
        row.risk_before.reset();
        row.risk_after.reset();
    }
    return row;
}

int run_row(const RowOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    const Framework& fw = open->framework();
    const auto it = open->assessment.form.rows.find(o.subject);
    Result<RowAnswer> row =
        changed_row(o, it == open->assessment.form.rows.end() ? RowAnswer{} : it->second);
    if (!row) return refuse(o.file, row.error());
    const int before = open->assessment.trail.version;
    if (Result<void> set = set_row(fw, open->assessment, o.subject, *row); !set)
        return refuse(o.file, set.error());
    const RowLevel* impact = fw.rows->impact.level(row->impact);
    return save_and_say(o.file, *open, before,
                        fw.rows->subject(o.subject)->title + ": impact " +
                            (impact == nullptr ? std::string("not rated") : impact->label));
}

// "likelihood 4 × impact 3 = 12: High (UNCONFIRMED: …)"
std::string risk_words(const RiskResult& r) {
    std::string out = "likelihood " + std::to_string(r.at.likelihood) + " × impact " +
                      std::to_string(r.at.impact) + " = " + std::to_string(r.score);
    if (r.band != nullptr) out += ": " + r.band->label + unconfirmed_suffix(r.band->provenance);
    return out;
}

nlohmann::json risk_json(const std::string& subject, const char* when, const RiskResult& r) {
    nlohmann::json out = {{"characteristic", subject},
                          {"when", when},
                          {"likelihood", r.at.likelihood},
                          {"impact", r.at.impact},
                          {"score", r.score}};
    if (r.band != nullptr) out["band"] = band_json(*r.band);
    return out;
}

int run_risk(const RiskOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    const Framework& fw = open->framework();
    if (!fw.risk_matrix) return refuse(o.file, {"", "", fw.id + " has no risk matrix"});
    const auto it = open->assessment.form.rows.find(o.subject);
    RowAnswer row = it == open->assessment.form.rows.end() ? RowAnswer{} : it->second;
    (o.residual ? row.risk_after : row.risk_before) = RiskRating{o.likelihood, o.impact};
    const int before = open->assessment.trail.version;
    if (Result<void> set = set_row(fw, open->assessment, o.subject, row); !set)
        return refuse(o.file, set.error());
    const RiskResult r = *assess_risk(*fw.risk_matrix, {o.likelihood, o.impact});
    const char* when = o.residual ? "after mitigation" : "before mitigation";
    if (o.json) {
        if (Checked<void> saved =
                save_assessment(o.file, open->framework(), open->assessment, open->registry);
            !saved) {
            print_errors(saved.error());
            return exit_bad_input;
        }
        print_json(risk_json(o.subject, when, r));
        return exit_ok;
    }
    return save_and_say(
        o.file, *open, before,
        fw.rows->subject(o.subject)->title + ": risk " + when + ": " + risk_words(r));
}

int run_signoff(const SignoffOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    Signoff s{o.name, o.role, today_or(o.date)};
    if (Checked<void> ok = sign_off(open->framework(), open->assessment, s); !ok) {
        for (const Error& e : ok.error())
            print_error({o.file, e.place, e.reason});
        return exit_bad_input;
    }
    if (Checked<void> saved =
            save_assessment(o.file, open->framework(), open->assessment, open->registry);
        !saved) {
        print_errors(saved.error());
        return exit_bad_input;
    }
    std::cout << "Version " << open->assessment.trail.version << " of " << o.file
              << " is signed off by " << s.name << " (" << s.role << ") on " << s.date
              << ". It is now locked: a later change starts version "
              << open->assessment.trail.version + 1 << ".\n";
    return exit_ok;
}

// One line per version: its number, who signed it and when.
nlohmann::json versions_json(const OpenAssessment& open) {
    nlohmann::json list = nlohmann::json::array();
    const VersionTrail& trail = open.assessment.trail;
    for (int v = 1; v <= trail.version; ++v) {
        Result<std::string> text = version_text(open.framework(), open.assessment, v);
        Checked<Assessment> a = parse_assessment(*text, "version", open.registry);
        nlohmann::json item = {{"version", v}, {"current", v == trail.version}};
        if (a && a->trail.signoff) {
            item["signoff"] = {{"name", a->trail.signoff->name},
                               {"role", a->trail.signoff->role},
                               {"date", a->trail.signoff->date}};
        }
        nlohmann::json changes = nlohmann::json::array();
        for (const VersionChange& c : trail.changes) {
            if (c.version == v) changes.push_back(c.change);
        }
        item["changes"] = std::move(changes);
        list.push_back(std::move(item));
    }
    return list;
}

int run_versions(const VersionsOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    const nlohmann::json list = versions_json(*open);
    if (o.json) {
        print_json({{"file", o.file}, {"versions", list}});
        return exit_ok;
    }
    for (const nlohmann::json& v : list) {
        std::cout << "Version " << v["version"].get<int>()
                  << (v["current"].get<bool>() ? " (current)" : "") << ": ";
        if (v.contains("signoff")) {
            std::cout << "signed off by " << v["signoff"]["name"].get<std::string>() << " ("
                      << v["signoff"]["role"].get<std::string>() << ") on "
                      << v["signoff"]["date"].get<std::string>();
        } else {
            std::cout << "not signed off";
        }
        std::cout << '\n';
        for (const nlohmann::json& c : v["changes"])
            std::cout << "  changed: " << c.get<std::string>() << '\n';
    }
    return exit_ok;
}

int run_export(const VersionsOptions& o, const GlobalOptions& globals) {
    std::optional<OpenAssessment> open = open_assessment(o.file, globals);
    if (!open) return exit_bad_input;
    const int version = o.version == 0 ? open->assessment.trail.version : o.version;
    Result<std::string> text = version_text(open->framework(), open->assessment, version);
    if (!text) return refuse(o.file, text.error());
    std::string bytes = *text;
    if (o.html) {
        Checked<Assessment> a = parse_assessment(*text, o.file, open->registry);
        if (!a) {
            print_errors(a.error());
            return exit_bad_input;
        }
        bytes = render_report_html(open->framework(), *a);
    }
    if (o.out.empty()) {
        std::cout << bytes;
        return exit_ok;
    }
    if (Result<void> saved = save_atomically(o.out, bytes); !saved) {
        print_error(saved.error());
        return exit_bad_input;
    }
    std::cout << "Wrote version " << version << " of " << o.file << " to " << o.out << ".\n";
    return exit_ok;
}

nlohmann::json review_row(const StoredAssessment& s, const Framework& fw,
                          const std::string& today) {
    const ReviewStatus r = review_status(fw, s.assessment, today);
    nlohmann::json out = {{"id", s.entry.id},
                          {"framework", s.entry.framework},
                          {"title", s.assessment.title},
                          {"version", s.assessment.trail.version},
                          {"signed_off", s.assessment.trail.signoff.has_value()},
                          {"review_date", r.date},
                          {"review", review_state_label(r.state)}};
    if (r.state != ReviewState::no_date) out["days_left"] = r.days_left;
    return out;
}

int run_reviews(const ReviewsOptions& o, const GlobalOptions& globals) {
    std::optional<OpenWorkspace> open = open_workspace(o.workspace, globals);
    if (!open) return exit_bad_input;
    const std::string today = today_or(o.today);
    nlohmann::json rows = nlohmann::json::array();
    for (const StoredAssessment& s : open->folder.assessments())
        rows.push_back(review_row(s, *open->registry->find(s.entry.framework), today));
    if (o.json) {
        print_json({{"today", today}, {"assessments", rows}});
        return exit_ok;
    }
    for (const nlohmann::json& r : rows) {
        std::cout << r["id"].get<std::string>() << " (" << r["framework"].get<std::string>()
                  << ", version " << r["version"].get<int>()
                  << (r["signed_off"].get<bool>() ? ", signed off" : ", not signed off")
                  << "): review " << r["review"].get<std::string>();
        if (!r["review_date"].get<std::string>().empty())
            std::cout << " (" << r["review_date"].get<std::string>() << ")";
        std::cout << '\n';
    }
    return exit_ok;
}

void setup_field(CLI::App& assess, Context& context) {
    auto o = std::make_shared<FieldOptions>();
    CLI::App* sub =
        assess.add_subcommand("field", "Answer one of the form's fields (\"\" clears it)");
    sub->add_option("FILE", o->file, "The assessment file")->required();
    sub->add_option("FIELD", o->field, "The field's id, such as lead or review_date")->required();
    sub->add_option("VALUE", o->value, "The answer; dates as YYYY-MM-DD")->required();
    sub->callback([o, &context] { context.status = run_field(*o, context.globals); });
}

void setup_row(CLI::App& assess, Context& context) {
    auto o = std::make_shared<RowOptions>();
    CLI::App* sub = assess.add_subcommand(
        "row", "Screen one protected characteristic or group: relevance, impact and reason");
    sub->add_option("FILE", o->file, "The assessment file")->required();
    sub->add_option("CHARACTERISTIC", o->subject, "Its id, such as race or carers")->required();
    sub->add_option("--relevance", o->relevance, "yes, no or not_sure (- clears)");
    sub->add_option("--impact", o->impact, "positive, neutral, negative or unknown (- clears)");
    CLI::Option* reason = sub->add_option("--reason", o->reason, "Why it is rated so");
    sub->add_option("--text", o->texts, "A column as ID=TEXT: evidence, engagement, mitigation…");
    sub->add_flag("--clear-risk", o->clear_risk, "Remove the risk scores");
    sub->callback([o, reason, &context] {
        o->has_reason = reason->count() > 0;
        context.status = run_row(*o, context.globals);
    });
}

void setup_signoff(CLI::App& assess, Context& context) {
    auto o = std::make_shared<SignoffOptions>();
    CLI::App* sub = assess.add_subcommand(
        "signoff", "Sign off the assessment, which locks it: later changes start a new version");
    sub->add_option("FILE", o->file, "The assessment file")->required();
    sub->add_option("--name", o->name, "Who signs it off")->required();
    sub->add_option("--role", o->role, "Their role")->required();
    sub->add_option("--date", o->date, "The date (YYYY-MM-DD; default today)");
    sub->callback([o, &context] { context.status = run_signoff(*o, context.globals); });
}

void setup_versions(CLI::App& assess, Context& context) {
    auto o = std::make_shared<VersionsOptions>();
    CLI::App* list =
        assess.add_subcommand("versions", "List the versions, who signed each and when");
    list->add_option("FILE", o->file, "The assessment file")->required();
    list->add_flag("--json", o->json, "Print JSON instead of text");
    list->callback([o, &context] { context.status = run_versions(*o, context.globals); });
    auto e = std::make_shared<VersionsOptions>();
    CLI::App* exp = assess.add_subcommand(
        "export",
        "Print or write one version as it was signed (assessment file, or --html report)");
    exp->add_option("FILE", e->file, "The assessment file")->required();
    exp->add_option("--version", e->version, "Which version (default: the current one)");
    exp->add_option("--out", e->out, "Write to this file instead of printing");
    exp->add_flag("--html", e->html, "The accessible HTML report of that version");
    exp->callback([e, &context] { context.status = run_export(*e, context.globals); });
}

void setup_reviews(CLI::App& assess, Context& context) {
    auto o = std::make_shared<ReviewsOptions>();
    CLI::App* sub = assess.add_subcommand(
        "reviews", "List a workspace's assessments with version, sign-off and review status");
    sub->add_option("WORKSPACE", o->workspace, "The workspace folder")->required();
    sub->add_option("--today", o->today, "Work out due and overdue as on this date");
    sub->add_flag("--json", o->json, "Print JSON instead of text");
    sub->callback([o, &context] { context.status = run_reviews(*o, context.globals); });
}

}  // namespace

void setup_assess_impact(CLI::App& assess, Context& context) {
    setup_field(assess, context);
    setup_row(assess, context);
    setup_signoff(assess, context);
    setup_versions(assess, context);
    setup_reviews(assess, context);
}

void setup_eira(CLI::App& app, Context& context) {
    CLI::App* eira = app.add_subcommand("eira", "Impact assessments: score risk on the matrix");
    eira->require_subcommand(1);
    auto o = std::make_shared<RiskOptions>();
    CLI::App* risk = eira->add_subcommand(
        "risk",
        "Score a negative impact's risk as likelihood × impact, before or after mitigation");
    risk->add_option("FILE", o->file, "The assessment file")->required();
    risk->add_option("--characteristic", o->subject, "The row's id, such as race")->required();
    risk->add_option("--likelihood", o->likelihood, "Likelihood on the matrix")->required();
    risk->add_option("--impact", o->impact, "Impact on the matrix")->required();
    risk->add_flag("--residual", o->residual, "The risk after mitigation");
    risk->add_flag("--json", o->json, "Print JSON instead of text");
    risk->callback([o, &context] { context.status = run_risk(*o, context.globals); });
}

}  // namespace eqkit::cli
