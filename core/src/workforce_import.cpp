// Row-level files to counts. Each row is checked, then used, excluded (by a rule, with the
// reason) or rejected (wrong, reported with its line and column): nothing disappears silently.
#include "eqkit/workforce_import.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>

#include "eqkit/csv_reader.hpp"
#include "person_table.hpp"
#include "workforce_values.hpp"

namespace eqkit::workforce {
namespace {

using namespace detail;

constexpr std::size_t no_column = static_cast<std::size_t>(-1);
constexpr std::size_t section_count = 3;    // non_clinical, clinical, medical
constexpr std::size_t max_event_files = 8;  // one bit each in PersonTable's counted byte

// Where each of our fields is in the current file (no_column when absent).
struct Layout {
    std::size_t person = no_column;
    std::size_t group = no_column;
    std::size_t band = no_column;
    std::size_t medical = no_column;
    std::size_t clinical = no_column;
    std::size_t bank = no_column;
    std::size_t shortlisted = no_column;
    std::size_t appointed = no_column;
    std::size_t voting = no_column;
    std::size_t executive = no_column;
    std::size_t indicator = no_column;
    std::size_t value = no_column;
    std::size_t survey_year = no_column;
    std::size_t question_id = no_column;
    std::vector<std::pair<std::size_t, const EventFlag*>> flags;
    std::vector<std::string> headings;
    std::vector<std::string> fields;  // our field name per column
    // Per column, the mapping's translations of its field's values; null when there are none,
    // so a row's value costs no lookup by field name.
    std::vector<const std::map<std::string, std::string, std::less<>>*> translations;
};

// A row's one problem: the column it is in, a short category for the totals, and the reason.
struct Issue {
    std::size_t column;
    std::string category;
    std::string reason;
};

std::string yes_no_reason(std::string_view raw) {
    return quote_value(raw) + " is not yes or no (use Y or N)";
}

}  // namespace

struct Import::Impl {
    struct Current {
        const InputDef* input = nullptr;
        std::size_t report = 0;
        std::string file;
        Layout layout;
        bool header_read = false;
        std::size_t width = 0;
        std::uint8_t bit = 0;
        bool by_person = false;  // events: counted by looking the person up in the staff file
        std::optional<Error> fatal;
        // Where this file's rows count, found once so that a row costs no map lookup.
        std::vector<std::int64_t>* counts = nullptr;  // events
        std::vector<std::int64_t>* second = nullptr;  // applicants: appointed; board: executive
        // Rows left out by a rule, by reason, tallied here and added to the report at the end.
        std::vector<std::pair<std::string, std::uint64_t>> left_out;
        std::size_t reason(std::string text) {
            left_out.emplace_back(std::move(text), 0);
            return left_out.size() - 1;
        }
        std::size_t bank = 0, counted_already = 0, not_shortlisted = 0, not_on_board = 0;
        std::vector<std::array<std::size_t, 2>> flag_reasons;  // per flag: said no, said yes
    };

    const Definitions& defs;
    const ColumnMapping* mapping;
    ImportOptions options;
    Classifier classifier;
    RowMatcher rows;
    PersonTable people;
    bool staff_read = false;
    bool staff_has_ids = false;
    std::vector<std::int64_t> band_counts;  // [section][row][group]
    std::size_t max_rows = 0;
    std::map<std::string, std::vector<std::int64_t>, std::less<>> measures;
    std::map<std::string, SurveyFigure, std::less<>> survey;
    std::map<std::string, std::uint8_t> event_bits;
    ImportReport report;
    std::string year;
    std::optional<Current> cur;
    std::unique_ptr<CsvReader> reader;

    Impl(const Definitions& d, const ColumnMapping* m, ImportOptions o)
        : defs(d), mapping(m), options(o), classifier(d), rows(d) {
        max_rows = std::max(defs.rows.afc.size(), defs.rows.medical.size());
        band_counts.assign(section_count * max_rows * defs.groups.size(), 0);
    }

    FileReport& file_report() { return report.files[cur->report]; }

    std::string place(std::size_t line, std::size_t column) const {
        std::string out = csv_place(line, column + 1);
        if (column < cur->layout.headings.size()) {
            out += " (" + quote_value(cur->layout.headings[column]) + ")";
        }
        return out;
    }

    void problem(std::size_t line, std::size_t column, std::string reason) {
        ++report.problem_count;
        if (report.problems.size() < options.max_problems) {
            report.problems.push_back({cur->file, place(line, column), std::move(reason)});
        }
    }

    void reject(const CsvRecord& r, Issue issue) {
        flush();  // the rows before this one report first
        ++file_report().rejected[issue.category];
        problem(r.line, issue.column, std::move(issue.reason));
    }

    std::string_view value(const CsvRecord& r, std::size_t column) const {
        const std::string_view raw = r[column];
        const auto* translations = cur->layout.translations[column];
        if (translations == nullptr) return raw;
        const auto it = translations->find(raw);
        return it == translations->end() ? raw : std::string_view(it->second);
    }

    void find_translations() {
        Layout& l = cur->layout;
        if (mapping == nullptr) return;
        for (std::size_t i = 0; i < l.fields.size(); ++i)
            l.translations[i] = mapping->values_of(l.fields[i]);
    }

    std::vector<std::int64_t>& measure(const std::string& key) {
        auto& m = measures[key];
        if (m.empty()) m.assign(defs.groups.size(), 0);
        return m;
    }

    // ---- the header ---------------------------------------------------------------------

    std::optional<std::size_t> column_of(const CsvRecord& header, const std::string& field) {
        const std::string* mapped =
            mapping == nullptr ? nullptr : mapping->heading(cur->input->role, field);
        const std::string wanted = normalise_words(mapped != nullptr ? *mapped : field);
        std::optional<std::size_t> found;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (normalise_words(header[i]) != wanted) continue;
            if (found) {
                cur->fatal =
                    Error{cur->file, csv_place(header.line, i + 1),
                          "the heading " + quote_value(header[i]) + " appears twice (also column " +
                              std::to_string(*found + 1) + "); rename one of them"};
                return std::nullopt;
            }
            found = i;
        }
        return found;
    }

    std::string headings_found() const {
        std::string out;
        for (const std::string& h : cur->layout.headings)
            out += (out.empty() ? "" : ", ") + quote_value(h);
        return out.empty() ? "none" : out;
    }

    void missing(const CsvRecord& header, const std::string& field) {
        if (cur->fatal) return;
        const std::string* mapped =
            mapping == nullptr ? nullptr : mapping->heading(cur->input->role, field);
        std::string reason =
            mapped != nullptr
                ? "the column mapping (" + mapping->file + ") puts " + field + " in the column " +
                      quote_value(*mapped) + ", but there is no such column"
                : "there is no " + field + " column; rename the column, or say which column " +
                      "holds it in a column mapping file (--mapping)";
        cur->fatal = Error{cur->file, "line " + std::to_string(header.line),
                           reason + " (columns found: " + headings_found() + ")"};
    }

    // Finds a field's column; a required field that is missing stops the file.
    std::size_t find(const CsvRecord& header, const std::string& field, bool required) {
        std::optional<std::size_t> index = column_of(header, field);
        if (!index) {
            if (required) missing(header, field);
            return no_column;
        }
        cur->layout.fields[*index] = field;
        return *index;
    }

    [[gnu::noinline]] void read_header(const CsvRecord& header) {
        Layout& l = cur->layout;
        l.headings.assign(header.fields.begin(), header.fields.end());
        l.fields.assign(header.size(), std::string());
        l.translations.assign(header.size(), nullptr);
        cur->width = header.size();
        if (header.blank) {
            cur->fatal = Error{cur->file, "line 1",
                               "the first line is empty; it must hold the column headings"};
            return;
        }
        const std::string& group = defs.classification.field;
        switch (cur->input->kind) {
            case InputKind::staff:
                l.person = find(header, "person_id", false);
                l.group = find(header, group, true);
                l.band = find(header, "afc_band", true);
                l.medical = find(header, "medical_subgroup", false);
                l.clinical = find(header, "clinical", true);
                l.bank = find(header, "is_bank", false);
                break;
            case InputKind::applicants:
                l.group = find(header, group, true);
                l.shortlisted = find(header, "shortlisted", true);
                l.appointed = find(header, "appointed", true);
                break;
            case InputKind::events:
                l.person = find(header, "person_id", false);
                l.group = find(header, group, false);
                for (const EventFlag& flag : cur->input->flags) {
                    const std::size_t i = find(header, flag.field, false);
                    if (i != no_column) l.flags.emplace_back(i, &flag);
                }
                choose_event_counting(header);
                break;
            case InputKind::board:
                l.group = find(header, group, true);
                l.voting = find(header, "voting", true);
                l.executive = find(header, "executive", false);
                break;
            case InputKind::survey:
                l.indicator = find(header, "indicator", true);
                l.group = find(header, "group", true);
                l.value = find(header, "percentage", true);
                l.survey_year = find(header, "survey_year", false);
                l.question_id = find(header, "question_id", false);
                break;
        }
        find_translations();
        note_unused_mapping();
        prepare_tallies();
    }

    void prepare_tallies() {
        Current& c = *cur;
        c.bank = c.reason("bank staff (left out of the workforce)");
        c.counted_already = c.reason("person already counted (each person counts once)");
        c.not_shortlisted = c.reason("not shortlisted");
        c.not_on_board = c.reason("neither a voting nor an executive member");
        for (const auto& [column, flag] : c.layout.flags)
            c.flag_reasons.push_back(
                {c.reason(flag->field + " = N"), c.reason(flag->field + " = Y")});
        switch (c.input->kind) {
            case InputKind::events:
                c.counts = &measure(c.input->measure);
                break;
            case InputKind::applicants:
                c.counts = &measure("shortlisted");
                c.second = &measure("appointed");
                break;
            case InputKind::board:
                c.counts = &measure("board_voting");
                if (c.layout.executive != no_column) c.second = &measure("board_executive");
                break;
            case InputKind::staff:
            case InputKind::survey:
                break;
        }
    }

    void leave_out(std::size_t reason) { ++cur->left_out[reason].second; }

    // The tallies into the file's report, leaving out reasons that never happened.
    void fold_tallies() {
        for (const auto& [why, n] : cur->left_out)
            if (n > 0) file_report().excluded[why] += n;
    }

    // By person_id when the staff file has ids (their group then comes from the staff file);
    // otherwise by the group column on each row.
    void choose_event_counting(const CsvRecord& header) {
        Layout& l = cur->layout;
        const std::string& group = defs.classification.field;
        if (l.person != no_column && staff_read && staff_has_ids) {
            cur->by_person = true;
            return;
        }
        if (l.group != no_column) {
            if (l.person != no_column) {
                report.notes.push_back(cur->file + ": person_id is not used because " +
                                       (staff_read ? "the staff file has no person_id column"
                                                   : "no staff file was read before it") +
                                       "; each row is counted by its " + group + " instead");
            }
            return;
        }
        if (cur->fatal) return;
        cur->fatal = Error{
            cur->file, "line " + std::to_string(header.line),
            l.person == no_column
                ? "there is neither a person_id nor a " + group +
                      " column, so no row can be counted (columns found: " + headings_found() + ")"
                : std::string(staff_read ? "the staff file has no person_id column"
                                         : "the staff file must be read first") +
                      ", so the person_id here cannot be looked up; add the " + group + " column"};
    }

    // A mapping is shared by WRES and WDES, so a field one standard does not read is normal;
    // a field no file of any kind has is probably misspelt, and worth a note.
    void note_unused_mapping() {
        static constexpr std::string_view known[] = {"person_id",
                                                     "ethnic_category",
                                                     "disability",
                                                     "afc_band",
                                                     "medical_subgroup",
                                                     "clinical",
                                                     "is_bank",
                                                     "staff_group",
                                                     "occupation_code",
                                                     "snapshot_date",
                                                     "sex",
                                                     "age_band",
                                                     "religion_or_belief",
                                                     "sexual_orientation",
                                                     "assignment_category",
                                                     "shortlisted",
                                                     "appointed",
                                                     "voting",
                                                     "executive",
                                                     "indicator",
                                                     "group",
                                                     "percentage",
                                                     "survey_year",
                                                     "question_id",
                                                     "accessed_non_mandatory",
                                                     "mandatory",
                                                     "board_member",
                                                     "board_voting",
                                                     "board_executive"};
        if (mapping == nullptr) return;
        const auto it = mapping->columns.find(cur->input->role);
        if (it == mapping->columns.end()) return;
        for (const auto& entry : it->second) {
            const std::string& field = entry.first;  // clang 14 cannot capture bindings
            const bool is_known =
                std::find(std::begin(known), std::end(known), field) != std::end(known) ||
                std::any_of(cur->input->flags.begin(), cur->input->flags.end(),
                            [&](const EventFlag& f) { return f.field == field; });
            if (!is_known) {
                report.notes.push_back(mapping->file + ": " + quote_value(field) + " (mapped to " +
                                       quote_value(entry.second) +
                                       ") is not a field EqualityKit reads; check its spelling");
            }
        }
    }

    // ---- rows ---------------------------------------------------------------------------

    std::optional<std::size_t> group_of(const CsvRecord& r, std::optional<Issue>& issue) {
        const std::size_t col = cur->layout.group;
        std::optional<std::size_t> g = classifier.group(value(r, col));
        if (!g) {
            issue = Issue{col, defs.classification.label + " not recognised",
                          quote_value(r[col]) + " is not a recognised " +
                              lower_first(defs.classification.label) + " (use " +
                              classifier.expected() + ")"};
        }
        return g;
    }

    static std::string lower_first(std::string text) {
        if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z')
            text[0] = static_cast<char>(text[0] + 32);
        return text;
    }

    // The staff row's band (or medical subgroup) as a section and row; an issue otherwise.
    std::optional<std::pair<std::size_t, std::size_t>> band_of(const CsvRecord& r,
                                                               std::optional<Issue>& issue) {
        const Layout& l = cur->layout;
        const std::string_view med = l.medical == no_column ? "" : trim(value(r, l.medical));
        if (!med.empty()) {
            if (auto row = rows.medical(med)) return std::pair{std::size_t{2}, *row};
            issue = Issue{l.medical, "medical subgroup not recognised",
                          quote_value(med) + " is not a medical and dental subgroup (use " +
                              rows.expected_medical() + ", or leave it empty)"};
            return std::nullopt;
        }
        const std::string_view band = trim(value(r, l.band));
        if (band.empty()) {
            issue = Issue{l.band, "no pay band",
                          "the pay band is empty (and there is no medical subgroup)"};
            return std::nullopt;
        }
        std::optional<std::size_t> row = rows.band(band);
        if (!row) {
            issue =
                Issue{l.band, "pay band not recognised",
                      quote_value(band) + " is not a pay band (use " + rows.expected_bands() + ")"};
            return std::nullopt;
        }
        std::optional<bool> clinical = parse_yes_no(value(r, l.clinical));
        if (!clinical) {
            issue = Issue{l.clinical, "clinical not Y or N", yes_no_reason(r[l.clinical])};
            return std::nullopt;
        }
        return std::pair{*clinical ? std::size_t{1} : std::size_t{0}, *row};
    }

    // A row waiting for its person_id's slot to arrive from memory (see PersonTable::prefetch).
    struct Pending {
        bool staff = true;
        std::size_t line = 0;
        std::array<char, PersonTable::max_id_length> id_buffer{};
        std::size_t id_length = 0;
        std::uint64_t hash = 0;
        std::optional<Issue> issue;  // staff: the row's problem, found before the lookup
        std::uint8_t mark = 0;       // staff: what the table records for this person
        std::size_t cell = 0;        // staff: index into band_counts

        [[nodiscard]] std::string_view id() const { return {id_buffer.data(), id_length}; }
        void set_id(std::string_view text) {
            copy_bytes(id_buffer.data(), text.data(), text.size());
            id_length = text.size();
        }
    };
    // Rows between a prefetch and its lookup: enough rows of work to cover a trip to memory.
    static constexpr std::size_t lookahead = 8;
    std::array<Pending, lookahead + 1> ring;  // waiting rows, oldest at head
    std::size_t head = 0;
    std::size_t waiting = 0;

    // The slot for the row being read (not yet waiting).
    Pending& next_pending() {
        Pending& p = ring[(head + waiting) % ring.size()];
        p.staff = true;
        p.id_length = 0;
        p.issue.reset();
        return p;
    }

    void finish_oldest() {
        Pending& p = ring[head];
        head = (head + 1) % ring.size();
        --waiting;
        if (p.staff) {
            finish_staff(p);
        } else {
            finish_event(p);
        }
    }

    // The row from next_pending() starts waiting; the oldest finishes once enough rows wait.
    // WebAssembly has no prefetch: there the waiting rows' slots are all loaded at once, so the
    // trips to memory overlap, and then the rows finish together.
    void wait() {
        ++waiting;
        if (waiting <= lookahead) return;
#if defined(__wasm__)
        load_waiting_slots();
        flush();
#else
        finish_oldest();
#endif
    }

    void load_waiting_slots() {
        std::uint8_t loaded = 0;
        for (std::size_t k = 0; k < waiting; ++k) {
            const Pending& p = ring[(head + k) % ring.size()];
            if (p.id_length > 0) loaded |= people.load(p.hash);
        }
        slots_loaded = loaded;  // kept, so that the loads are made
    }
    std::uint8_t slots_loaded = 0;

    // Finishes every waiting row. Called before any other row reports a problem, so problems
    // stay in line order; counts and tallies do not depend on the order.
    void flush() {
        while (waiting > 0 && !cur->fatal)
            finish_oldest();
        if (cur->fatal) waiting = 0;
    }

    void reject_at(std::size_t line, Issue issue) {
        ++file_report().rejected[issue.category];
        problem(line, issue.column, std::move(issue.reason));
    }

    [[gnu::noinline]] void staff_row(const CsvRecord& r) {
        const Layout& l = cur->layout;
        std::optional<Issue> issue;
        std::optional<std::size_t> g = group_of(r, issue);
        std::optional<std::pair<std::size_t, std::size_t>> band;
        if (!issue) band = band_of(r, issue);
        bool bank = false;
        if (!issue && l.bank != no_column) {
            std::optional<bool> flag = parse_yes_no(value(r, l.bank));
            if (!flag) issue = Issue{l.bank, "bank flag not Y or N", yes_no_reason(r[l.bank])};
            bank = flag.value_or(false) && cur->input->exclude_bank;
        }
        const std::string_view id = l.person == no_column ? "" : trim(r[l.person]);
        if (l.person != no_column && !issue) {
            if (id.empty()) issue = Issue{l.person, "no person_id", "person_id is empty"};
            if (id.size() > PersonTable::max_id_length) {
                issue = Issue{l.person, "person_id too long",
                              "person_id is longer than 255 characters"};
            }
        }
        Pending& row = next_pending();
        row.line = r.line;
        row.issue = std::move(issue);
        row.mark = row.issue ? PersonTable::rejected
                   : bank    ? PersonTable::bank
                             : static_cast<std::uint8_t>(*g);
        if (!row.issue && !bank) {
            row.cell = (band->first * max_rows + band->second) * defs.groups.size() + *g;
        }
        const bool lookup = !id.empty() && id.size() <= PersonTable::max_id_length;
        if (lookup) {
            row.hash = people.prefetch(id);  // looked up one row later
            row.set_id(id);
        }
        if (lookup) return wait();
        flush();
        finish_staff(row);  // no id to look up: finish at once
    }

    void finish_staff(Pending& p) {
        if (p.id_length > 0) {
            const auto added =
                people.insert(p.id(), p.hash, p.mark, static_cast<std::uint32_t>(p.line));
            if (!added) {
                cur->fatal = Error{cur->file, csv_place(p.line, cur->layout.person + 1),
                                   "too many staff for one import"};
                return;
            }
            if (!added->fresh && !p.issue) {
                p.issue =
                    Issue{cur->layout.person, "person_id repeated",
                          "person_id " + quote_value(p.id()) + " is already on line " +
                              std::to_string(*added->person.line) + "; each person counts once"};
            }
        }
        if (p.issue) return reject_at(p.line, std::move(*p.issue));
        if (p.mark == PersonTable::bank) return leave_out(cur->bank);
        ++band_counts[p.cell];
        ++file_report().used;
    }

    [[gnu::noinline]] void applicant_row(const CsvRecord& r) {
        const Layout& l = cur->layout;
        std::optional<Issue> issue;
        std::optional<std::size_t> g = group_of(r, issue);
        if (issue) return reject(r, std::move(*issue));
        const std::optional<std::int64_t> shortlisted =
            parse_count_or_flag(value(r, l.shortlisted));
        const std::optional<std::int64_t> appointed = parse_count_or_flag(value(r, l.appointed));
        if (!shortlisted) {
            return reject(
                r, {l.shortlisted, "not a count",
                    quote_value(r[l.shortlisted]) + " is not a number of applicants or Y/N"});
        }
        if (!appointed) {
            return reject(r,
                          {l.appointed, "not a count",
                           quote_value(r[l.appointed]) + " is not a number of applicants or Y/N"});
        }
        if (*appointed > *shortlisted) {
            return reject(r, {l.appointed, "more appointed than shortlisted",
                              "more appointed (" + std::to_string(*appointed) +
                                  ") than shortlisted (" + std::to_string(*shortlisted) +
                                  "); indicator 2 counts appointments from shortlisting only"});
        }
        if (*shortlisted == 0) return leave_out(cur->not_shortlisted);
        (*cur->counts)[*g] += *shortlisted;
        (*cur->second)[*g] += *appointed;
        ++file_report().used;
    }

    [[gnu::noinline]] void event_row(const CsvRecord& r) {
        const Layout& l = cur->layout;
        if (cur->by_person) {
            if (!event_counts(r)) return;  // before the lookup: a left-out row needs none
            const std::string_view id = trim(r[l.person]);
            if (id.empty()) return reject(r, {l.person, "no person_id", "person_id is empty"});
            Pending& row = next_pending();
            if (id.size() <= PersonTable::max_id_length) {
                row.hash = people.prefetch(id);  // looked up a few rows later
                row.set_id(id);
            }
            row.staff = false;
            row.line = r.line;
            return wait();
        }
        if (!event_counts(r)) return;
        std::optional<Issue> issue;
        std::optional<std::size_t> g = group_of(r, issue);
        if (issue) return reject(r, std::move(*issue));
        ++(*cur->counts)[*g];
        ++file_report().used;
    }

    // The event file's flag columns: false when the row is left out (or rejected) by them.
    bool event_counts(const CsvRecord& r) {
        const auto& flags = cur->layout.flags;
        for (std::size_t i = 0; i < flags.size(); ++i) {
            const auto& [column, flag] = flags[i];
            std::optional<bool> says = parse_yes_no(value(r, column));
            if (!says) {
                reject(r, {column, flag->field + " not Y or N", yes_no_reason(r[column])});
                return false;
            }
            if (*says != flag->counts_when) {
                leave_out(cur->flag_reasons[i][*says ? 1 : 0]);
                return false;
            }
        }
        return true;
    }

    void finish_event(const Pending& p) {
        const std::optional<PersonTable::Person> person = people.find(p.id(), p.hash);
        const std::size_t column = cur->layout.person;
        if (!person) {
            return reject_at(p.line,
                             {column, "person not in the staff file",
                              "person_id " + quote_value(p.id()) +
                                  " is not in the staff file, so their group is not known"});
        }
        if (*person->group == PersonTable::rejected) {
            return reject_at(
                p.line, {column, "person's staff row rejected",
                         "the staff file's row for person_id " + quote_value(p.id()) + " (line " +
                             std::to_string(*person->line) + ") was rejected"});
        }
        if (*person->group == PersonTable::bank) return leave_out(cur->bank);
        if ((*person->counted & cur->bit) != 0) return leave_out(cur->counted_already);
        *person->counted = static_cast<std::uint8_t>(*person->counted | cur->bit);
        ++(*cur->counts)[*person->group];
        ++file_report().used;
    }

    [[gnu::noinline]] void board_row(const CsvRecord& r) {
        const Layout& l = cur->layout;
        std::optional<Issue> issue;
        std::optional<std::size_t> g = group_of(r, issue);
        if (issue) return reject(r, std::move(*issue));
        std::optional<bool> voting = parse_yes_no(value(r, l.voting));
        if (!voting) return reject(r, {l.voting, "voting not Y or N", yes_no_reason(r[l.voting])});
        std::optional<bool> executive = false;
        if (l.executive != no_column) {
            executive = parse_yes_no(value(r, l.executive));
            if (!executive) {
                return reject(r,
                              {l.executive, "executive not Y or N", yes_no_reason(r[l.executive])});
            }
        }
        if (!*voting && !*executive) return leave_out(cur->not_on_board);
        if (*voting) ++(*cur->counts)[*g];
        if (*executive) ++(*cur->second)[*g];
        ++file_report().used;
    }

    std::optional<std::string> survey_column(const PartDef& part, std::string_view raw) {
        const std::string wanted = normalise_words(raw);
        for (const SurveyColumn& c : part.columns) {
            if (normalise_words(c.key) == wanted || normalise_words(c.label) == wanted)
                return c.key;
            if (auto g = defs.group_index(c.key)) {
                for (const std::string& alias : defs.groups[*g].aliases)
                    if (normalise_words(alias) == wanted) return c.key;
            }
        }
        return std::nullopt;
    }

    [[gnu::noinline]] void survey_row(const CsvRecord& r) {
        const Layout& l = cur->layout;
        const PartDef* part = find_survey_part(defs, trim(value(r, l.indicator)));
        if (part == nullptr) {
            return reject(
                r, {l.indicator, "survey indicator not recognised",
                    quote_value(r[l.indicator]) + " is not a Staff Survey indicator here (use " +
                        survey_codes(defs) + ")"});
        }
        std::optional<std::string> column = survey_column(*part, value(r, l.group));
        if (!column) {
            std::string names;
            for (const SurveyColumn& c : part->columns)
                names += (names.empty() ? "" : ", ") + c.label;
            return reject(r, {l.group, "survey group not recognised",
                              quote_value(r[l.group]) + " is not a group of indicator " +
                                  part->code + " (use " + names + ")"});
        }
        std::optional<double> v = parse_number(value(r, l.value));
        const bool percent = part->unit == SurveyUnit::percent;
        if (!v || *v < 0 || (percent && *v > 100)) {
            return reject(r,
                          {l.value, percent ? "not a percentage" : "not a score",
                           quote_value(r[l.value]) + (percent ? " is not a percentage from 0 to 100"
                                                              : " is not a score of 0 or more")});
        }
        SurveyFigure& figure = survey[part->code];
        if (figure.values.count(*column) != 0) {
            return reject(r, {l.group, "survey figure repeated",
                              "indicator " + part->code + " already has a figure for " +
                                  defs.column_label(*column) + "; give each once"});
        }
        figure.values[*column] = *v;
        if (l.survey_year != no_column && figure.survey_year.empty()) {
            figure.survey_year = std::string(trim(r[l.survey_year]));
        }
        if (l.question_id != no_column && figure.question_id.empty()) {
            figure.question_id = std::string(trim(r[l.question_id]));
        }
        ++file_report().used;
    }

    // The header and each kind of row are functions of their own ([[gnu::noinline]]): inlined
    // here they made one function of 20,000 WebAssembly instructions, which the browser takes
    // several imports to optimise.
    bool on_record(const CsvRecord& r) {
        if (!cur->header_read) {
            cur->header_read = true;
            read_header(r);
            return !cur->fatal;
        }
        if (r.blank) {
            ++file_report().blank_lines;
            return true;
        }
        ++file_report().rows;
        if (r.size() != cur->width) {
            std::optional<Error> ragged = ragged_row(cur->file, r, cur->width);
            flush();
            ++file_report().rejected["wrong number of fields"];
            ++report.problem_count;
            if (report.problems.size() < options.max_problems) report.problems.push_back(*ragged);
            return true;
        }
        switch (cur->input->kind) {
            case InputKind::staff:
                staff_row(r);
                break;
            case InputKind::applicants:
                applicant_row(r);
                break;
            case InputKind::events:
                event_row(r);
                break;
            case InputKind::board:
                board_row(r);
                break;
            case InputKind::survey:
                survey_row(r);
                break;
        }
        return !cur->fatal;
    }

    Result<void> stopped_by(Result<void> read) {
        if (cur->fatal) return tl::unexpected(*cur->fatal);
        return read;
    }
};

// The same fields, in the same order and with the same need, as Impl::read_header looks for.
std::vector<FieldSpec> input_fields(const Definitions& defs, const InputDef& input) {
    const std::string& group = defs.classification.field;
    switch (input.kind) {
        case InputKind::staff:
            return {{group, true},        {"afc_band", true},          {"clinical", true},
                    {"person_id", false}, {"medical_subgroup", false}, {"is_bank", false}};
        case InputKind::applicants:
            return {{group, true}, {"shortlisted", true}, {"appointed", true}};
        case InputKind::events: {
            std::vector<FieldSpec> fields{{"person_id", false}, {group, false}};
            for (const EventFlag& flag : input.flags)
                fields.push_back({flag.field, false});
            return fields;
        }
        case InputKind::board:
            return {{group, true}, {"voting", true}, {"executive", false}};
        case InputKind::survey:
            return {{"indicator", true},
                    {"group", true},
                    {"percentage", true},
                    {"survey_year", false},
                    {"question_id", false}};
    }
    return {};
}

Import::Import(const Definitions& defs, const ColumnMapping* mapping, ImportOptions options)
    : impl_(std::make_unique<Impl>(defs, mapping, options)) {}
Import::Import(Import&&) noexcept = default;
Import& Import::operator=(Import&&) noexcept = default;
Import::~Import() = default;

void Import::set_year(std::string year) {
    impl_->year = std::move(year);
}

const ImportReport& Import::report() const {
    return impl_->report;
}

Result<void> Import::begin(std::string_view role, std::string file, std::uint64_t size_hint) {
    Impl& im = *impl_;
    if (im.cur) return fail(file, "", "the previous file (" + im.cur->file + ") has not ended");
    const InputDef* input = im.defs.input(role);
    if (input == nullptr) {
        std::string roles;
        for (const InputDef& in : im.defs.inputs)
            roles += (roles.empty() ? "" : ", ") + in.role;
        return fail(file, "",
                    im.defs.short_title + " has no " + std::string(role) +
                        " file (it reads: " + roles + ")");
    }
    // Room for the most people the file can hold avoids regrowing the table.
    if (input->kind == InputKind::staff)
        im.people.reserve(static_cast<std::size_t>(size_hint / short_staff_row_bytes));
    im.waiting = 0;
    Impl::Current cur;
    cur.input = input;
    cur.file = std::move(file);
    if (input->kind == InputKind::events) {
        auto [it, fresh] = im.event_bits.emplace(input->role, std::uint8_t{0});
        if (fresh) {
            if (im.event_bits.size() > max_event_files)
                return fail(cur.file, "", "too many event files");
            it->second = static_cast<std::uint8_t>(1U << (im.event_bits.size() - 1));
        }
        cur.bit = it->second;
    }
    im.report.files.push_back(FileReport{input->role, cur.file, 0, 0, {}, {}, 0});
    cur.report = im.report.files.size() - 1;
    im.cur = std::move(cur);
    im.reader = std::make_unique<CsvReader>(im.cur->file,
                                            [&im](const CsvRecord& r) { return im.on_record(r); });
    return {};
}

Result<void> Import::feed(std::string_view bytes) {
    Impl& im = *impl_;
    if (!im.cur) return fail("", "", "no file has been started");
    return im.stopped_by(im.reader->feed(bytes));
}

Result<void> Import::end() {
    Impl& im = *impl_;
    if (!im.cur) return fail("", "", "no file has been started");
    Result<void> done = im.stopped_by(im.reader->finish());
    if (done) {
        im.flush();  // the last row may still be waiting for its lookup
        done = im.stopped_by(done);
    }
    im.waiting = 0;
    if (im.cur->header_read) im.fold_tallies();
    if (done && !im.cur->header_read) {
        done =
            fail(im.cur->file, "line 1", "the file is empty; it needs a line of column headings");
    }
    const InputDef& input = *im.cur->input;
    if (done) {
        switch (input.kind) {
            case InputKind::staff:
                im.staff_read = true;
                im.staff_has_ids = im.cur->layout.person != no_column;
                im.measure("headcount");
                break;
            case InputKind::applicants:
                im.measure("shortlisted");
                im.measure("appointed");
                break;
            case InputKind::events:
                im.measure(input.measure);
                break;
            case InputKind::board:
                im.measure("board_voting");
                if (im.cur->layout.executive != no_column) im.measure("board_executive");
                break;
            case InputKind::survey:
                break;
        }
    }
    im.cur.reset();
    im.reader.reset();
    return done;
}

Counts Import::counts() const {
    const Impl& im = *impl_;
    const std::size_t groups = im.defs.groups.size();
    Counts counts;
    counts.year = im.year;
    for (const auto& [key, values] : im.measures) {
        GroupCounts c(groups);
        for (std::size_t g = 0; g < groups; ++g)
            c[g] = values[g];
        counts.measures[key] = c;
    }
    if (im.staff_read) {
        GroupCounts headcount(groups, std::int64_t{0});
        // Section indexes as band_of() numbers them.
        auto add_rows = [&](std::size_t section, const std::vector<RowDef>& defs_rows) {
            static constexpr const char* keys[section_count] = {"non_clinical", "clinical",
                                                                "medical"};
            for (std::size_t row = 0; row < defs_rows.size(); ++row) {
                BandCount b{keys[section], defs_rows[row].key, GroupCounts(groups)};
                for (std::size_t g = 0; g < groups; ++g) {
                    const std::int64_t n =
                        im.band_counts[(section * im.max_rows + row) * groups + g];
                    b.counts[g] = n;
                    headcount[g] = *headcount[g] + n;
                }
                counts.bands.push_back(std::move(b));
            }
        };
        add_rows(0, im.defs.rows.afc);
        add_rows(1, im.defs.rows.afc);
        add_rows(2, im.defs.rows.medical);
        counts.measures["headcount"] = headcount;
    }
    for (const auto& [code, figure] : im.survey)
        counts.survey[code] = figure;
    return counts;
}

namespace {

// Closes the file however the import ends.
struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// 64 KiB: the buffer stays in the processor's cache (the first import in a process took a tenth
// less time than with 1 MiB; bench/wres_bench.sh).
constexpr std::size_t chunk_bytes = std::size_t{1} << 16;

}  // namespace

Result<ImportOutcome> import_files(const Definitions& defs, const ColumnMapping* mapping,
                                   std::vector<InputFile> files, const ProgressHandler& progress,
                                   ImportOptions options) {
    // The staff file first: the others look people up in it.
    std::stable_sort(files.begin(), files.end(), [&defs](const InputFile& a, const InputFile& b) {
        auto rank = [&defs](const InputFile& f) {
            const InputDef* in = defs.input(f.role);
            return in != nullptr && in->kind == InputKind::staff ? 0 : 1;
        };
        return rank(a) < rank(b);
    });
    std::uint64_t total = 0;
    for (const InputFile& f : files) {
        std::error_code ec;
        const std::uintmax_t size = std::filesystem::file_size(f.path, ec);
        if (!ec) total += size;
    }
    Import import(defs, mapping, options);
    std::vector<char> buffer(chunk_bytes);
    std::uint64_t done = 0;
    for (const InputFile& f : files) {
        const std::string name = f.path.generic_string();
        std::error_code ec;
        if (std::filesystem::is_directory(f.path, ec)) {
            return fail(name, "", "this is a folder, not a CSV file");
        }
        FilePtr file(std::fopen(f.path.c_str(), "rb"));
        if (!file)
            return fail(name, "",
                        "cannot open this file (" + std::string(std::strerror(errno)) + ")");
        std::error_code size_ec;
        const std::uintmax_t size = std::filesystem::file_size(f.path, size_ec);
        if (Result<void> ok = import.begin(f.role, name, size_ec ? 0 : size); !ok) {
            return tl::unexpected(ok.error());
        }
        for (;;) {
            const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
            if (n > 0) {
                if (Result<void> ok = import.feed(std::string_view(buffer.data(), n)); !ok) {
                    return tl::unexpected(ok.error());
                }
                done += n;
            }
            if (progress && !progress(Progress{f.role, name, done, std::max(total, done)})) {
                return fail(name, "", "the import was cancelled");
            }
            if (n < buffer.size()) break;
        }
        if (std::ferror(file.get()) != 0)
            return fail(name, "", "the file could not be read to the end");
        if (Result<void> ok = import.end(); !ok) return tl::unexpected(ok.error());
    }
    return ImportOutcome{import.counts(), import.report()};
}

}  // namespace eqkit::workforce
