// eqkit wres compute | eqkit wdes compute: WRES and WDES from row-level CSV files or a counts
// file, through the one indicator engine (core/…/workforce_*.hpp). Both verbs share this code;
// only the plugin's indicators.json and the file options differ.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "commands.hpp"
#include "eqkit/files.hpp"
#include "eqkit/workforce_counts.hpp"
#include "eqkit/workforce_import.hpp"
#include "eqkit/workforce_indicators.hpp"
#include "eqkit/workforce_mapping.hpp"
#include "eqkit/workforce_report.hpp"

namespace eqkit::cli {
namespace {

namespace wf = eqkit::workforce;

// A standard's verb: its plugin, hook and the row-level files it reads (one option each).
struct StandardVerb {
    std::string id;
    std::string hook;
    std::string name;
    std::vector<std::pair<std::string, std::string>> files;  // role, help
};

struct ComputeOptions {
    std::map<std::string, std::string> files;  // role -> path
    std::string counts;
    std::string mapping;
    std::string previous;
    std::string year;
    bool strict = false;
    std::int64_t suppress_below = 10;
    std::string json_out;
    std::string csv_out;
    std::string html_out;
    std::string save_counts;
};

struct Loaded {
    Registry registry;
    wf::Definitions defs;
};

std::optional<Loaded> load_standard(const StandardVerb& verb, const GlobalOptions& globals) {
    Result<Registry> registry = load_registry(globals);
    if (!registry) {
        print_error(registry.error());
        return std::nullopt;
    }
    Result<const Framework*> fw = find_framework(*registry, verb.id);
    if (!fw) {
        print_error(fw.error());
        hint_at_failures(*registry);
        return std::nullopt;
    }
    const bool hooked = std::any_of((*fw)->computed.begin(), (*fw)->computed.end(),
                                    [&](const ComputedHook& h) { return h.hook == verb.hook; });
    if (!hooked) {
        print_error({(*fw)->file, "/computed",
                     "this framework does not name the code hook \"" + verb.hook + "\""});
        return std::nullopt;
    }
    Checked<wf::Definitions> defs = wf::load_definitions(wf::definitions_beside(**fw));
    if (!defs) {
        print_errors(defs.error());
        return std::nullopt;
    }
    return Loaded{std::move(*registry), std::move(*defs)};
}

// Progress on a terminal only, so piped output and tests stay clean.
wf::ProgressHandler terminal_progress() {
    if (isatty(STDERR_FILENO) == 0) return {};
    return [last = -1](const wf::Progress& p) mutable {
        const int percent = p.total == 0 ? 100 : static_cast<int>(100 * p.done / p.total);
        if (percent != last) {
            std::cerr << "\rReading " << p.file << ": " << percent << "%   " << std::flush;
            last = percent;
        }
        if (p.done >= p.total) std::cerr << '\n';
        return true;
    };
}

struct Inputs {
    wf::Counts counts;
    std::optional<wf::Counts> previous;
    wf::OutputContext context;
    std::optional<wf::ImportReport> report;
};

bool read_counts_file(const std::string& file, const wf::Definitions& defs, wf::Counts& out,
                      ErrorList& problems) {
    Result<wf::CountsLoad> load = wf::load_counts(file, defs);
    if (!load) {
        print_error(load.error());
        return false;
    }
    out = std::move(load->counts);
    problems.insert(problems.end(), load->problems.begin(), load->problems.end());
    return true;
}

std::optional<Inputs> read_inputs(const StandardVerb& verb, const ComputeOptions& o,
                                  const wf::Definitions& defs) {
    Inputs in;
    if (!o.counts.empty()) {
        if (!read_counts_file(o.counts, defs, in.counts, in.context.problems)) return std::nullopt;
        in.context.source = "the counts file " + o.counts;
    } else {
        std::optional<wf::ColumnMapping> mapping;
        if (!o.mapping.empty()) {
            Checked<wf::ColumnMapping> m = wf::load_mapping(o.mapping);
            if (!m) {
                print_errors(m.error());
                return std::nullopt;
            }
            mapping = std::move(*m);
            in.context.organisation = mapping->organisation;
        }
        std::vector<wf::InputFile> files;
        for (const auto& [role, path] : o.files)
            if (!path.empty()) files.push_back({role, path});
        Result<wf::ImportOutcome> imported =
            wf::import_files(defs, mapping ? &*mapping : nullptr, files, terminal_progress());
        if (!imported) {
            print_error(imported.error());
            return std::nullopt;
        }
        in.counts = std::move(imported->counts);
        in.report = std::move(imported->report);
        in.context.source = std::to_string(files.size()) + " CSV files";
        for (Error& e : wf::check_counts(in.counts, defs, "the " + verb.name + " CSV files"))
            in.context.problems.push_back(std::move(e));
    }
    if (!o.year.empty()) in.counts.year = o.year;
    if (!o.previous.empty()) {
        wf::Counts before;
        if (!read_counts_file(o.previous, defs, before, in.context.problems)) return std::nullopt;
        in.previous = std::move(before);
    }
    return in;
}

void print_problems(const Inputs& in) {
    print_errors(in.context.problems);
    if (!in.report) return;
    for (const std::string& note : in.report->notes)
        print_message(note);
    print_errors(in.report->problems);
    if (in.report->problem_count > in.report->problems.size()) {
        print_message("and " +
                      std::to_string(in.report->problem_count - in.report->problems.size()) +
                      " more problems like these");
    }
}

std::uint64_t problem_count(const Inputs& in) {
    return in.context.problems.size() + (in.report ? in.report->problem_count : 0);
}

bool write_output(const std::string& target, const std::string& text) {
    if (target == "-") {
        std::cout << text;
        return true;
    }
    if (Result<void> saved = save_atomically(target, text); !saved) {
        print_error(saved.error());
        return false;
    }
    return true;
}

// ---- the summary on the terminal ------------------------------------------------------------

std::string survey_summary(const wf::IndicatorResult& r) {
    std::string out;
    for (const wf::SurveyResult& s : r.current.survey) {
        if (!out.empty()) out += "; ";
        if (r.current.survey.size() > 1) out += s.def->code + ": ";
        for (std::size_t i = 0; i < s.def->columns.size(); ++i) {
            if (i > 0) out += ", ";
            out += s.def->columns[i].label + " ";
            const wf::Figure& f = s.values[i];
            if (f.state != wf::State::shown) {
                out += wf::state_text(f.state);
            } else if (s.def->unit == wf::SurveyUnit::score) {
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.2f", f.value);
                out += buf;
            } else {
                out += wf::format_percent(f.value);
            }
        }
    }
    return out;
}

void print_summary(const wf::Results& results, const Inputs& in) {
    const wf::Definitions& defs = *results.defs;
    std::cout << defs.title << (results.year.empty() ? "" : ", " + results.year) << " (from "
              << in.context.source << ")\n";
    const wf::Completeness& c = results.completeness;
    std::cout << "Data completeness (" << defs.characteristic << " known): ";
    if (c.percent_known.state == wf::State::shown) {
        std::cout << wf::format_percent(c.percent_known.value) << " (" << c.known.value << " of "
                  << c.total.value << ")\n";
    } else if (c.at_least) {
        std::cout << "at least " << wf::format_percent(std::floor(*c.at_least * 10) / 10)
                  << " (exact figure suppressed)\n";
    } else {
        std::cout << wf::state_text(c.percent_known.state) << '\n';
    }
    for (const wf::IndicatorResult& r : results.indicators) {
        std::cout << "  " << r.def->code << "  " << r.def->short_title << ": ";
        if (r.def->kind == wf::IndicatorKind::survey) {
            std::cout << survey_summary(r);
        } else {
            std::cout << wf::describe_value(r, r.current.value);
        }
        if (const auto& l = r.current.likelihood; l && l->lower.state == wf::State::shown) {
            std::cout << " (95% interval " << wf::format_ratio(l->lower.value) << " to "
                      << wf::format_ratio(l->upper.value) << ", " << wf::interval_method << ")";
        }
        if (r.previous) std::cout << "; last year " << wf::describe_value(r, r.previous->value);
        for (const std::string& flag : r.flags) {
            if (flag == "outside_four_fifths_guide" || flag == "within_four_fifths_guide") {
                std::cout << "; " << (flag[0] == 'o' ? "outside" : "within")
                          << " the four-fifths guide (not an official threshold, UNCONFIRMED)";
            }
            if (flag == "small_numbers") std::cout << "; rests on small numbers";
        }
        if (r.def->kind == wf::IndicatorKind::board_difference) {
            std::cout << " (board minus workforce; sign convention UNCONFIRMED)";
        }
        std::cout << '\n';
    }
    if (results.suppress_below > 1) {
        std::cout << "Counts from 1 to " << results.suppress_below - 1 << " are suppressed "
                  << wf::suppressed_mark << " (" << results.suppressed_cells << " counts, "
                  << results.secondary_cells << " of them to protect another).\n";
    } else {
        std::cout << "Disclosure control is OFF: small numbers are shown. Do not publish.\n";
    }
    std::cout << "Some definitions are UNCONFIRMED; the JSON and HTML outputs say which and why.\n";
}

int run_compute(const StandardVerb& verb, const ComputeOptions& o, const GlobalOptions& globals) {
    std::optional<Loaded> loaded = load_standard(verb, globals);
    if (!loaded) return exit_bad_input;
    const wf::Definitions& defs = loaded->defs;
    std::optional<Inputs> in = read_inputs(verb, o, defs);
    if (!in) return exit_bad_input;
    print_problems(*in);
    if (o.strict && problem_count(*in) > 0) {
        print_message(std::to_string(problem_count(*in)) +
                      " problems in the data and --strict was given, so nothing was written");
        return exit_bad_input;
    }
    const wf::Results results =
        wf::compute(defs, in->counts, in->previous ? &*in->previous : nullptr,
                    wf::ComputeOptions{o.suppress_below});
    if (in->report) in->context.import = &*in->report;
    bool ok = true;
    if (!o.json_out.empty())
        ok = write_output(o.json_out, wf::results_json(results, in->context)) && ok;
    if (!o.csv_out.empty()) ok = write_output(o.csv_out, wf::results_csv(results)) && ok;
    if (!o.html_out.empty())
        ok = write_output(o.html_out, wf::results_html(results, in->context)) && ok;
    if (!o.save_counts.empty())
        ok = write_output(o.save_counts, wf::counts_json(in->counts, defs)) && ok;
    const bool to_stdout =
        o.json_out == "-" || o.csv_out == "-" || o.html_out == "-" || o.save_counts == "-";
    if (!to_stdout) print_summary(results, *in);
    return ok ? exit_ok : exit_bad_input;
}

// Exactly one source of counts: a counts file, or the row-level files.
std::string check_sources(const StandardVerb& verb, const ComputeOptions& o) {
    const bool any_file = std::any_of(o.files.begin(), o.files.end(),
                                      [](const auto& f) { return !f.second.empty(); });
    if (!o.counts.empty() && any_file) return "give either --counts or the CSV files, not both";
    if (!o.counts.empty() && !o.mapping.empty()) return "--mapping is for CSV files, not --counts";
    if (!o.counts.empty()) return "";
    std::string missing;
    for (const auto& [role, help] : verb.files) {
        if (role == "survey") continue;
        if (o.files.at(role).empty()) missing += (missing.empty() ? "--" : ", --") + role;
    }
    if (!any_file) return "give the counts (--counts FILE) or the CSV files (" + missing + ")";
    if (!missing.empty()) return "these CSV files are needed too: " + missing;
    return "";
}

void setup_standard(CLI::App& app, Context& context, StandardVerb verb) {
    auto v = std::make_shared<StandardVerb>(std::move(verb));
    auto o = std::make_shared<ComputeOptions>();
    CLI::App* top =
        app.add_subcommand(v->id, v->name + ": indicators computed from workforce data");
    top->require_subcommand(1);
    CLI::App* sub = top->add_subcommand(
        "compute", "Compute the " + v->name + " indicators from CSV files or a counts file");
    for (const auto& [role, help] : v->files)
        sub->add_option("--" + role, o->files[role], help);
    sub->add_option("--counts", o->counts,
                    "A counts file (" + v->id + " counts format) instead of CSV files");
    sub->add_option("--mapping", o->mapping, "Your column mapping file (eqkit-column-mapping/1)");
    sub->add_option("--previous", o->previous, "Last year's counts file: shown beside this year");
    sub->add_option("--year", o->year, "The year to label the results with, such as 2024-25");
    sub->add_flag("--strict", o->strict, "Fail, writing nothing, if any value is not as expected");
    sub->add_option(
           "--suppress-below", o->suppress_below,
           "Suppress counts below this (default 10); 0 shows every count, for internal use only")
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{1000000}));
    sub->add_option("--json", o->json_out,
                    "Write the results as JSON to this file (- for the screen)");
    sub->add_option("--csv", o->csv_out,
                    "Write the results as CSV to this file (- for the screen)");
    sub->add_option("--html", o->html_out, "Write the accessible HTML report to this file");
    sub->add_option("--save-counts", o->save_counts,
                    "Write the counts (unsuppressed, for next year's --previous) to this file");
    sub->callback([v, o, &context] {
        // CLI11 reports a ValidationError like any other command-line mistake (exit status 2).
        if (const std::string problem = check_sources(*v, *o); !problem.empty()) {
            throw CLI::ValidationError(problem);
        }
        context.status = run_compute(*v, *o, context.globals);
    });
}

}  // namespace

void setup_workforce(CLI::App& app, Context& context) {
    setup_standard(app, context,
                   {"wres",
                    "wres.indicators",
                    "WRES",
                    {{"staff", "Staff in post at 31 March (CSV)"},
                     {"recruitment", "Shortlisted and appointed applicants (CSV)"},
                     {"disciplinary", "Staff entering a formal disciplinary investigation (CSV)"},
                     {"training", "Non-mandatory training and CPD (CSV)"},
                     {"board", "Board members (CSV)"},
                     {"survey", "Staff Survey percentages, indicators 5 to 8 (CSV)"}}});
    setup_standard(app, context,
                   {"wdes",
                    "wdes.metrics",
                    "WDES",
                    {{"staff", "Staff in post at 31 March (CSV)"},
                     {"recruitment", "Shortlisted and appointed applicants (CSV)"},
                     {"capability", "Staff entering the formal capability process (CSV)"},
                     {"board", "Board members (CSV)"},
                     {"survey", "Staff Survey figures, metrics 4 to 9 (CSV)"}}});
}

}  // namespace eqkit::cli
