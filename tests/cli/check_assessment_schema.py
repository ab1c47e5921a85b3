#!/usr/bin/python3
"""schemas/eqkit-assessment-1.schema.json against the assessment files EqualityKit writes.

The real eqkit binary writes assessment files holding every key the format has (scores,
narratives, raters, evidence category scores, the scoring method, the statements that apply, the
rules' answers, judgements, I/We statements and sections, "needs review" marks from a migration,
impact assessment fields, rows, sign-off and versions); each must validate, and so must every
assessment file in tests/ that eqkit opens. A file with the answer sources that only the faces
write is made by hand and must both open in eqkit and validate. Copies broken on purpose must be
rejected, so a schema that accepts anything fails here. Run by ctest with Debian's
python3-jsonschema.

usage: check_assessment_schema.py SOURCE_DIR EQKIT_BINARY WORK_DIR
"""
import copy
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from schema_check import SchemaCheck  # noqa: E402


def main():
    check = SchemaCheck(sys.argv, "eqkit-assessment-1.schema.json")
    source, work, failures = check.source, check.work, check.failures
    run, accepts, rejects = check.run, check.accepts, check.rejects

    # CQC single assessment framework: every assessment-wide choice and the report page text.
    saf = work / "saf.json"
    run("assess", "new", "--framework", "cqc_saf", "--title", "Sunrise Care Home", "--out", saf)
    run("assess", "choose", saf, "--method", "evidence_categories", "--answer", "breach=no")
    run("assess", "set", saf, "SAFE-1", "--category", "people=3", "--category", "staff=4",
        "--note", "Falls audit", "--i-statement", "I feel safe",
        "--we-statement", "We learn from incidents", "--section", "What we found=Good practice")
    run("assess", "choose", saf, "--method", "statement_scores", "--applies", "SAFE-1",
        "--applies", "SAFE-2", "--applies", "SAFE-3", "--applies", "SAFE-4")
    for code, score in (("SAFE-1", 4), ("SAFE-2", 4), ("SAFE-3", 4), ("SAFE-4", 1)):
        run("assess", "set", saf, code, "--score", score)
    run("assess", "judge", saf, "SAFE", "--rating", "Good", "--rationale", "One fall, acted on")
    doc = accepts(saf, "a CQC assessment with every choice")
    for key in ("method", "applicable", "judgements", "flags"):
        if key not in doc:
            failures.append(f"the CQC assessment has no \"{key}\": the test no longer covers it")

    # EDS 2022 with raters, carried to its next version: "needs review" marks.
    eds = work / "eds.json"
    run("assess", "new", "--framework", "eds2022", "--out", eds)
    run("assess", "set", eds, "1A", "--score", "2", "--note", "Ramps", "--rater", "Staff")
    nxt = json.loads((source / "plugins" / "eds2022" / "framework.json").read_text())
    nxt["version"] = "2099"
    (work / "eds-next.json").write_text(json.dumps(nxt))
    run("assess", "migrate", eds, "--to", work / "eds-next.json", "--out", work / "migrated.json")
    doc = accepts(work / "migrated.json", "an assessment carried to a new version")
    if not doc["answers"] or doc["answers"][0].get("needs_review") is not True:
        failures.append("the migrated assessment has no \"needs review\" mark")

    # An impact assessment: fields, rows with risk, sign-off, then an edit (version 2).
    eia = work / "eia.json"
    run("assess", "new", "--framework", "eira_nhs", "--out", eia)
    run("assess", "field", eia, "lead", "Jo Bloggs")
    run("assess", "row", eia, "race", "--relevance", "yes", "--impact", "negative",
        "--reason", "Fewer referrals", "--text", "mitigation=Outreach")
    accepts(eia, "an impact assessment with fields and rows")

    # Answer sources, which only the faces write: made by hand, opened by eqkit, validated.
    sourced = json.loads(saf.read_text())
    sourced["answers"][0]["needs_review"] = True
    sourced["answers"][0]["sources"] = [{"item": "eds2022:2A", "from": "EDS 2022 2A",
                                         "accepted_by": "Jo", "accepted_on": "2025-01-31"}]
    (work / "sourced.json").write_text(json.dumps(sourced))
    run("assess", "score", work / "sourced.json")
    accepts(work / "sourced.json", "an answer accepted from a linked item")

    # Every assessment file kept in the tests that eqkit opens.
    for path in sorted((source / "tests").rglob("*.json")):
        try:
            doc = json.loads(path.read_text())
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(doc, dict) or doc.get("format") != "eqkit-assessment/1":
            continue
        if run("assess", "score", path, expect_ok=False).returncode == 0:
            accepts(path, str(path.relative_to(source)))

    bad = copy.deepcopy(sourced)
    bad["answers"][0]["surprise"] = 1
    rejects(bad, "an unknown answer key")
    bad = copy.deepcopy(sourced)
    bad["answers"][0]["sources"][0]["accepted_on"] = "last Tuesday"
    rejects(bad, "a source date that is not YYYY-MM-DD")
    bad = copy.deepcopy(sourced)
    bad["judgements"]["SAFE"] = {"rating": "Good"}
    rejects(bad, "a judgement without a rationale")
    bad = copy.deepcopy(sourced)
    bad["answers"][0]["needs_review"] = False
    rejects(bad, "needs_review written as false")

    return check.result()


if __name__ == "__main__":
    sys.exit(main())
