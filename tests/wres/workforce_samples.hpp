#pragma once
// Small WRES files whose indicators are worked out by hand in the tests that use them (the
// WorkforceApi tests and the canvas screen tests). Headings are an organisation's own, so the
// column-mapping step has work to do.
#include <string>

namespace eqkit::test {

// 40 White staff (code A, band 5, clinical) and 20 BME staff (code H, band 6, non-clinical);
// ids W1..W40 and B1..B20. "Bank Flag" is not one of our names, so it needs mapping to is_bank.
inline std::string sample_staff_csv() {
    std::string csv = "Person ID,Ethnic Category,AfC Band,Clinical,Bank Flag\r\n";
    for (int i = 1; i <= 40; ++i)
        csv += "W" + std::to_string(i) + ",A,5,Y,N\r\n";
    for (int i = 1; i <= 20; ++i)
        csv += "B" + std::to_string(i) + ",H,6,N,N\r\n";
    return csv;
}

// Per group: White 200 shortlisted, 60 appointed; BME 100 shortlisted, 20 appointed.
// Indicator 2 = (60 / 200) / (20 / 100) = 0.30 / 0.20 = 1.50.
inline std::string sample_recruitment_csv() {
    return "Ethnicity,Shortlisted,Appointed\nA,200,60\nH,100,20\n";
}

// Ten White and ten BME members of staff each enter one formal disciplinary investigation.
// Indicator 3 = (10 / 20 BME) / (10 / 40 White) = 0.50 / 0.25 = 2.00.
inline std::string sample_disciplinary_csv() {
    std::string csv = "person_id\n";
    for (int i = 1; i <= 10; ++i)
        csv += "W" + std::to_string(i) + "\nB" + std::to_string(i) + "\n";
    return csv;
}

}  // namespace eqkit::test
