#include "workforce_synth.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <vector>

namespace eqkit::synth {
namespace {

// xoshiro256** seeded by splitmix64: small, fast and the same on every platform.
class Random {
  public:
    explicit Random(std::uint64_t seed) {
        for (auto& s : state_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }
    // A number from 0 up to (not including) 1.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    bool chance(double p) { return uniform() < p; }
    // An index picked with the given weights.
    template <std::size_t N>
    std::size_t pick(const std::array<double, N>& weights) {
        double total = 0;
        for (double w : weights)
            total += w;
        double x = uniform() * total;
        for (std::size_t i = 0; i < N; ++i) {
            if (x < weights[i]) return i;
            x -= weights[i];
        }
        return N - 1;
    }

  private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> state_{};
};

// Buffered file writing; a failure is an exception (tooling, not product code).
class Writer {
  public:
    explicit Writer(const std::filesystem::path& path)
        : path_(path), file_(std::fopen(path.c_str(), "wb")) {
        if (file_ == nullptr) throw std::runtime_error("cannot write " + path.string());
        buffer_.reserve(1 << 20);
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer() {
        if (file_ != nullptr) std::fclose(file_);
    }
    Writer& operator<<(char c) { return *this << std::string_view(&c, 1); }
    Writer& operator<<(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= (1 << 20)) flush();
        return *this;
    }
    std::uint64_t close() {
        flush();
        if (std::fclose(file_) != 0) {
            file_ = nullptr;
            throw std::runtime_error("cannot write " + path_.string());
        }
        file_ = nullptr;
        return written_;
    }

  private:
    void flush() {
        if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            throw std::runtime_error("cannot write " + path_.string());
        }
        written_ += buffer_.size();
        buffer_.clear();
    }
    std::filesystem::path path_;
    std::FILE* file_;
    std::string buffer_;
    std::uint64_t written_ = 0;
};

enum Ethnic : std::uint8_t { white = 0, bme = 1, eth_unknown = 2 };
enum Disab : std::uint8_t { non_disabled = 0, disabled = 1, dis_unknown = 2 };

struct Code {
    const char* code;
    const char* text;
    Ethnic group;
};

// NHS ethnic category codes (protected-characteristics.md) with made-up population weights.
constexpr std::array<Code, 18> codes{
    {{"A", "White - British", white},
     {"B", "White - Irish", white},
     {"C", "White - Any other White background", white},
     {"D", "Mixed - White and Black Caribbean", bme},
     {"E", "Mixed - White and Black African", bme},
     {"F", "Mixed - White and Asian", bme},
     {"G", "Mixed - Any other mixed background", bme},
     {"H", "Asian or Asian British - Indian", bme},
     {"J", "Asian or Asian British - Pakistani", bme},
     {"K", "Asian or Asian British - Bangladeshi", bme},
     {"L", "Asian or Asian British - Any other Asian background", bme},
     {"M", "Black or Black British - Caribbean", bme},
     {"N", "Black or Black British - African", bme},
     {"P", "Black or Black British - Any other Black background", bme},
     {"R", "Other Ethnic Groups - Chinese", bme},
     {"S", "Other Ethnic Groups - Any other ethnic group", bme},
     {"Z", "Not stated", eth_unknown},
     {"99", "Not known", eth_unknown}}};
constexpr std::array<double, 19> code_weights{
    62,  3,   9, 0.8, 0.6, 0.8, 0.8, 6,   2,  0.8,
    2.4, 1.5, 4, 0.5, 0.6, 1.2, 1.2, 0.6, 0.4};  // last: blank

struct Band {
    const char* key;    // the RowDef key
    const char* plain;  // "8a"
    const char* local;  // "Band 8A"
};
constexpr std::array<Band, 15> bands{{{"under1", "Under 1", "Under Band 1"},
                                      {"1", "1", "Band 1"},
                                      {"2", "2", "Band 2"},
                                      {"3", "3", "Band 3"},
                                      {"4", "4", "Band 4"},
                                      {"5", "5", "Band 5"},
                                      {"6", "6", "Band 6"},
                                      {"7", "7", "Band 7"},
                                      {"8a", "8a", "Band 8A"},
                                      {"8b", "8b", "Band 8B"},
                                      {"8c", "8c", "Band 8C"},
                                      {"8d", "8d", "Band 8D"},
                                      {"9", "9", "Band 9"},
                                      {"vsm", "VSM", "Very senior manager"},
                                      {"other", "Non-AfC", "Non-AfC/Other"}}};
constexpr std::array<double, 15> band_weights{0.2, 0.5, 14, 12,  9,   17,  15, 10,
                                              4,   2,   1,  0.5, 0.3, 0.4, 1};
constexpr std::array<std::array<const char*, 3>, 4> medical{
    {{"consultant", "Consultant", "Consultant"},
     {"nccg", "NCCG", "Non-consultant career grade"},
     {"trainee", "Trainee", "Trainee grades"},
     {"medical_other", "Other", "Other"}}};
constexpr std::array<double, 4> medical_weights{40, 15, 40, 5};
constexpr std::array<const char*, 6> staff_groups{
    "Registered Nursing",
    "Admin and Clerical",
    "\"Allied Health Professionals, Scientific and Technical\"",
    "Estates and Ancillary",
    "Medical and Dental",
    "\"Additional Clinical Services, \"\"Support\"\"\""};

// Group -> count, and (section, row) -> group -> count.
struct Tally {
    std::array<std::int64_t, 3> headcount{};
    std::map<std::pair<std::string, std::string>, std::array<std::int64_t, 3>> bands;
    std::array<std::int64_t, 3> events{};
    std::array<std::int64_t, 3> training{};
    std::array<std::int64_t, 3> shortlisted{};
    std::array<std::int64_t, 3> appointed{};
    std::array<std::int64_t, 3> board_voting{};
    std::array<std::int64_t, 3> board_executive{};
};

std::string group_json(const std::array<std::int64_t, 3>& c,
                       const std::array<const char*, 3>& keys) {
    std::string out = "{";
    for (std::size_t g = 0; g < 3; ++g)
        out += std::string(g ? ", " : "") + "\"" + keys[g] + "\": " + std::to_string(c[g]);
    return out + "}";
}

std::string counts_json(const char* format, const std::string& year, const Tally& t,
                        const std::array<const char*, 3>& keys, const char* event_key,
                        bool training, const std::string& survey) {
    std::string out = std::string("{\"format\": \"") + format + "\", \"year\": \"" + year + "\",\n";
    out += "\"headcount\": " + group_json(t.headcount, keys) + ",\n";
    out += "\"shortlisted\": " + group_json(t.shortlisted, keys) + ",\n";
    out += "\"appointed\": " + group_json(t.appointed, keys) + ",\n";
    out += std::string("\"") + event_key + "\": " + group_json(t.events, keys) + ",\n";
    if (training) out += "\"training\": " + group_json(t.training, keys) + ",\n";
    out += "\"board_voting\": " + group_json(t.board_voting, keys) + ",\n";
    out += "\"board_executive\": " + group_json(t.board_executive, keys) + ",\n";
    out += "\"survey\": " + survey + ",\n\"bands\": [";
    bool first = true;
    for (const auto& [where, c] : t.bands) {
        out += first ? "\n" : ",\n";
        first = false;
        std::string head = where.first == "medical"
                               ? "{\"medical_subgroup\": \"" + where.second + "\""
                               : "{\"band\": \"" + where.second + "\", \"clinical\": " +
                                     (where.first == "clinical" ? "true" : "false");
        out += head;
        for (std::size_t g = 0; g < 3; ++g)
            out += std::string(", \"") + keys[g] + "\": " + std::to_string(c[g]);
        out += "}";
    }
    return out + "]}\n";
}

const char* yes_no(bool v, bool local) {
    return local ? (v ? "Yes" : "No") : (v ? "Y" : "N");
}

std::string ethnic_value(std::size_t i, bool local, Random& rnd) {
    if (i == codes.size()) return local && rnd.chance(0.5) ? "Unspecified" : "";
    const Code& c = codes[i];
    if (!local) return c.code;
    // ESR style: code (sometimes with a local second character), then the name.
    std::string code = c.code;
    if (code.size() == 1 && code != "Z" && rnd.chance(0.2))
        code += static_cast<char>('1' + rnd.next() % 3);
    return code + " " + c.text;
}

}  // namespace

Output generate(const Options& o, const std::filesystem::path& dir) {
    Random rnd(o.seed);
    Output out;
    const bool local = o.local_style;
    out.staff = dir / "staff.csv";
    out.recruitment = dir / "recruitment.csv";
    out.disciplinary = dir / "disciplinary.csv";
    out.training = dir / "training.csv";
    out.capability = dir / "capability.csv";
    out.board = dir / "board.csv";
    out.survey = dir / "survey.csv";
    out.survey_wdes = dir / "survey_wdes.csv";
    Tally race;
    Tally disab;
    // Each person's groups; 255 marks bank staff, who are left out of every count.
    std::vector<std::uint8_t> eth(o.staff);
    std::vector<std::uint8_t> dis(o.staff);
    {
        Writer staff(out.staff);
        staff << (local ? "Assignment Number,Ethnic Origin,Pay Band,Grade,Clinical?,Staff "
                          "Group,Bank,Disability Flag,Snapshot Date\r\n"
                        : "person_id,ethnic_category,afc_band,medical_subgroup,clinical,staff_"
                          "group,is_bank,disability,snapshot_date\n");
        const char* eol = local ? "\r\n" : "\n";
        for (std::uint64_t p = 0; p < o.staff; ++p) {
            const std::size_t ci = rnd.pick(code_weights);
            const Ethnic e = ci == codes.size() ? eth_unknown : codes[ci].group;
            const Disab d = static_cast<Disab>(rnd.pick(std::array<double, 3>{80, 5, 15}));
            const bool bank = rnd.chance(0.05);
            const bool is_medical = rnd.chance(0.12);
            const bool clinical = is_medical || rnd.chance(0.6);
            std::string band_value;
            std::string medical_value;
            std::pair<std::string, std::string> where;
            if (is_medical) {
                const auto& m = medical[rnd.pick(medical_weights)];
                medical_value = local ? m[2] : m[1];
                where = {"medical", m[0]};
            } else {
                const Band& b = bands[rnd.pick(band_weights)];
                band_value = local ? b.local : b.plain;
                where = {clinical ? "clinical" : "non_clinical", b.key};
            }
            const char* disability = d == disabled       ? "Yes"
                                     : d == non_disabled ? "No"
                                                         : (rnd.chance(0.5) ? "Not declared" : "");
            staff << "P" << std::to_string(1000000 + p) << ',' << ethnic_value(ci, local, rnd)
                  << ',' << band_value << ',' << medical_value << ','
                  << (local ? (clinical ? "Clinical" : "Non-clinical") : (clinical ? "Y" : "N"))
                  << ',' << staff_groups[rnd.next() % staff_groups.size()] << ','
                  << yes_no(bank, local) << ',' << disability << ",2025-03-31" << eol;
            eth[p] = bank ? 255 : e;
            dis[p] = bank ? 255 : d;
            if (bank) continue;
            ++race.headcount[e];
            ++disab.headcount[d];
            ++race.bands[where][e];
            ++disab.bands[where][d];
        }
        out.bytes += staff.close();
    }
    {
        Writer rec(out.recruitment);
        rec << (local ? "Applicant,Ethnicity,Disabled,Shortlisted,Appointed\n"
                      : "applicant_id,ethnic_category,disability,shortlisted,appointed\n");
        const std::uint64_t applicants = o.staff * 2 / 5;
        for (std::uint64_t a = 0; a < applicants; ++a) {
            const std::size_t ci = rnd.pick(code_weights);
            const Ethnic e = ci == codes.size() ? eth_unknown : codes[ci].group;
            const Disab d = static_cast<Disab>(rnd.pick(std::array<double, 3>{80, 8, 12}));
            const double p = e == white ? 0.15 : e == bme ? 0.09 : 0.12;
            const bool appointed = rnd.chance(d == disabled ? p * 0.8 : p);
            rec << "A" << std::to_string(a) << ',' << ethnic_value(ci, local, rnd) << ','
                << (d == disabled       ? "Yes"
                    : d == non_disabled ? "No"
                                        : "Not declared")
                << ',' << yes_no(true, local) << ',' << yes_no(appointed, local) << '\n';
            ++race.shortlisted[e];
            ++disab.shortlisted[d];
            if (appointed) {
                ++race.appointed[e];
                ++disab.appointed[d];
            }
        }
        out.bytes += rec.close();
    }
    {
        Writer disc(out.disciplinary);
        Writer cap(out.capability);
        Writer train(out.training);
        disc << (local ? "Assignment Number,Date entered\n"
                       : "person_id,entered_formal_investigation_date\n");
        cap << (local ? "Assignment Number,Date entered\n"
                      : "person_id,entered_formal_capability_date\n");
        train << (local ? "Assignment Number,Course,Mandatory?\n" : "person_id,course,mandatory\n");
        for (std::uint64_t p = 0; p < o.staff; ++p) {
            const std::string id = "P" + std::to_string(1000000 + p);
            const std::uint8_t e = eth[p];
            const std::uint8_t d = dis[p];
            const double pd = e == bme ? 0.011 : 0.006;
            if (rnd.chance(pd)) {
                const int times = rnd.chance(0.1) ? 2 : 1;  // two cases: the person counts once
                for (int t = 0; t < times; ++t)
                    disc << id << ",2024-0" << std::to_string(1 + t) << "-15\n";
                if (e != 255) ++race.events[e];
            }
            if (rnd.chance(d == disabled ? 0.008 : 0.004)) {
                cap << id << ",2024-06-01\n";
                if (d != 255) ++disab.events[d];
            }
            if (rnd.chance(0.3)) train << id << ",Fire safety," << yes_no(true, local) << '\n';
            if (rnd.chance(e == bme ? 0.42 : 0.5)) {
                const int courses = rnd.chance(0.3) ? 2 : 1;
                for (int t = 0; t < courses; ++t)
                    train << id << (t == 0 ? ",\"Leadership, level 2\"," : ",Coaching,")
                          << yes_no(false, local) << '\n';
                if (e != 255) ++race.training[e];
            }
        }
        out.bytes += disc.close() + cap.close() + train.close();
    }
    {
        Writer board(out.board);
        board << (local ? "Member,Ethnicity,Disabled,Voting member,Executive\n"
                        : "member_id,ethnic_category,disability,voting,executive\n");
        // 13 members: 11 voting (6 of them executives), 1 non-voting executive, 1 associate.
        const std::array<std::size_t, 13> who{0, 0, 0, 1, 2, 0, 7, 0, 0, 12, 0, 0, 16};
        for (std::size_t m = 0; m < who.size(); ++m) {
            const bool voting = m < 11;
            const bool exec = m < 6 || m == 11;
            const Ethnic e = codes[who[m]].group;
            const Disab d = m == 4 ? disabled : non_disabled;
            board << "B" << std::to_string(m) << ',' << codes[who[m]].code << ','
                  << (d == disabled ? "Yes" : "No") << ',' << yes_no(voting, local) << ','
                  << yes_no(exec, local) << '\n';
            if (voting) {
                ++race.board_voting[e];
                ++disab.board_voting[d];
            }
            if (exec) {
                ++race.board_executive[e];
                ++disab.board_executive[d];
            }
        }
        out.bytes += board.close();
    }
    {
        Writer s(out.survey);
        s << "indicator,group,percentage,survey_year,question_id\n";
        s << "5,White,25.1,2024,Q14a\n5,BME,28.0,2024,Q14a\n6,White,20.0,2024,Q14b/"
             "c\n6,BME,24.3,2024,Q14b/c\n"
             "7,White,58.2,2024,Q15\n7,BME,44.9,2024,Q15\n8,White,5.9,2024,Q16b\n8,BME,14.1,2024,"
             "Q16b\n";
        out.bytes += s.close();
        Writer w(out.survey_wdes);
        w << "indicator,group,percentage\n4a (i),Non-disabled,24.0\n4a "
             "(i),Disabled,31.5\n4b,Disabled,48.0\n"
             "4b,Non-disabled,46.1\n5,Disabled,51.0\n5,Non-disabled,57.9\n8,Disabled,72.4\n"
             "9a,Disabled,6.4\n9a,Non-disabled,6.9\n9a,Organisation,6.8\n";
        out.bytes += w.close();
    }
    const std::string wres_survey =
        "{\"5\": {\"white\": 25.1, \"bme\": 28.0, \"survey_year\": \"2024\", \"question_id\": "
        "\"Q14a\"}, "
        "\"6\": {\"white\": 20.0, \"bme\": 24.3, \"survey_year\": \"2024\", \"question_id\": "
        "\"Q14b/c\"}, "
        "\"7\": {\"white\": 58.2, \"bme\": 44.9, \"survey_year\": \"2024\", \"question_id\": "
        "\"Q15\"}, "
        "\"8\": {\"white\": 5.9, \"bme\": 14.1, \"survey_year\": \"2024\", \"question_id\": "
        "\"Q16b\"}}";
    const std::string wdes_survey =
        "{\"4a (i)\": {\"non_disabled\": 24.0, \"disabled\": 31.5}, \"4b\": {\"disabled\": 48.0, "
        "\"non_disabled\": 46.1}, \"5\": {\"disabled\": 51.0, \"non_disabled\": 57.9}, "
        "\"8\": {\"disabled\": 72.4}, \"9a\": {\"disabled\": 6.4, \"non_disabled\": 6.9, "
        "\"organisation\": 6.8}}";
    out.wres_counts = counts_json("eqkit-wres-counts/1", o.year, race, {"white", "bme", "unknown"},
                                  "disciplinary", true, wres_survey);
    out.wdes_counts =
        counts_json("eqkit-wdes-counts/1", o.year, disab, {"non_disabled", "disabled", "unknown"},
                    "capability", false, wdes_survey);
    if (local) {
        out.mapping = dir / "mapping.json";
        Writer m(out.mapping);
        m << R"JSON({"format": "eqkit-column-mapping/1", "organisation": "Synthetic Trust (fictional)",
 "files": {
  "staff": {"person_id": "Assignment Number", "ethnic_category": "Ethnic Origin", "afc_band": "Pay Band",
            "medical_subgroup": "Grade", "clinical": "Clinical?", "is_bank": "Bank", "disability": "Disability Flag"},
  "recruitment": {"ethnic_category": "Ethnicity", "disability": "Disabled", "shortlisted": "Shortlisted", "appointed": "Appointed"},
  "disciplinary": {"person_id": "Assignment Number"},
  "capability": {"person_id": "Assignment Number"},
  "training": {"person_id": "Assignment Number", "mandatory": "Mandatory?"},
  "board": {"ethnic_category": "Ethnicity", "disability": "Disabled", "voting": "Voting member", "executive": "Executive"}},
 "values": {"clinical": {"Clinical": "Y", "Non-clinical": "N"}}}
)JSON";
        out.bytes += m.close();
    }
    return out;
}

}  // namespace eqkit::synth
