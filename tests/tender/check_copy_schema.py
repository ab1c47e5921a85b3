#!/usr/bin/python3
"""schemas/eqkit-tender-evaluator-copy-1.schema.json against the copies EqualityKit writes.

The real eqkit binary makes a tender with a bid carrying a verified evidence pack, a bid without
one and a declared conflict, then an evaluator's copy: blank, scored, and submitted (signed). Each
must validate; the schemas it refers to (question set, responses, scoresheet, tender folder) are
loaded from schemas/. Copies broken on purpose must be rejected, so a schema that accepts anything
fails here. Run by ctest with Debian's python3-jsonschema.

usage: check_copy_schema.py SOURCE_DIR EQKIT_BINARY WORK_DIR
"""
import copy
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "support"))
from schema_check import SchemaCheck  # noqa: E402


def main():
    check = SchemaCheck(sys.argv, "eqkit-tender-evaluator-copy-1.schema.json")
    source, work, failures = check.source, check.work, check.failures
    run, accepts, rejects = check.run, check.accepts, check.rejects

    run("key", "new", "--out", "ann.key")
    run("workspace", "new", "ws")
    (work / "policy.txt").write_text("Interpreters and step-free clinics.\n")
    run("evidence", "add", "ws", "policy.txt", "--title", "Access policy", "--item", "eds2022:1A")
    run("pack", "export", "ws", "--out", "pack.zip", "--sign", "ann.key")
    run("tender", "new", "--questions", "tender_psr_access", "--out", "t", "--deadline",
        "2999-12-31")
    run("tender", "evaluator", "add", "t", "Ann")
    run("tender", "publish", "t")
    codes = ["PSR4-ACCESS", "PSR4-INEQUALITIES", "PSR4-CHOICE"]
    for bidder in ("Acme", "Beacon", "Cedar"):
        answers = [{"question": q, "text": f"{bidder} on {q}.", "cites": ["eds2022:1A"]}
                   for q in codes]
        (work / f"{bidder}.json").write_text(json.dumps(
            {"format": "eqkit-tender-responses/1", "bidder": bidder, "answers": answers}))
    run("tender", "bid", "add", "t", "--bidder", "Acme", "--responses", "Acme.json", "--pack",
        "pack.zip")
    run("tender", "bid", "add", "t", "--bidder", "Beacon", "--responses", "Beacon.json")
    run("tender", "bid", "add", "t", "--bidder", "Cedar", "--responses", "Cedar.json")
    run("tender", "coi", "t", "--evaluator", "Ann", "--bidder", "Cedar", "--declare", "Trustee")
    run("tender", "evaluator-copy", "t", "--evaluator", "Ann", "--out", "copy.json")
    blank = accepts("copy.json", "a blank copy with a pack, a bid without one and a conflict")
    if blank.get("bids", [{}])[0].get("pack") is None:
        failures.append("the first bid's pack is missing from the copy")
    for bidder in ("Acme", "Beacon"):
        for q in codes:
            run("tender", "score", "copy.json", "--bidder", bidder, "--question", q, "--score",
                "2", "--rationale", "fair")
    accepts("copy.json", "a scored copy")
    run("tender", "submit", "copy.json", "--key", "ann.key", "--out", "sheet.json")
    signed = accepts("copy.json", "a submitted copy")

    for label, change in [
            ("an unknown key", lambda d: d.update(extra=1)),
            ("a bad fingerprint", lambda d: d.update(sha256="abc")),
            ("a bid without responses", lambda d: d["bids"][0].pop("responses")),
            ("a conflict without its declaration", lambda d: d["conflicts"][0].pop("declaration")),
            ("another format", lambda d: d.update(format="eqkit-tender-scoresheet/1"))]:
        broken = copy.deepcopy(signed)
        change(broken)
        rejects(broken, label)

    return check.result()


if __name__ == "__main__":
    sys.exit(main())
