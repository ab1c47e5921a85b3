#!/usr/bin/python3
"""The workforce JSON Schemas (schemas/) against the files they describe.

Each schema must accept what EqualityKit reads and writes (the shipped indicators files, the
test counts files, a column mapping, and what the real eqkit binary writes with --json and
--save-counts), and must reject a copy broken on purpose, so a schema that accepts anything
fails here too. Run by ctest with Debian's python3-jsonschema.

usage: check_schemas.py SOURCE_DIR EQKIT_BINARY WORK_DIR
"""
import copy
import json
import pathlib
import subprocess
import sys

import jsonschema


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    source, eqkit, work = (pathlib.Path(a) for a in sys.argv[1:4])
    work.mkdir(parents=True, exist_ok=True)
    schemas = source / "schemas"
    data = source / "tests" / "data" / "wres"
    failures = []

    def validator(name):
        schema = load(schemas / name)
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema)

    def accepts(name, instance, label):
        errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
        for e in errors[:5]:
            where = "/" + "/".join(str(p) for p in e.path)
            failures.append(f"{name} rejects {label} at {where}: {e.message}")
        print(f"{'ok' if not errors else 'FAIL'}: {name} accepts {label}")

    def rejects(name, instance, label):
        if validator(name).is_valid(instance):
            failures.append(f"{name} accepts {label}, which it must reject")
        print(f"ok: {name} rejects {label}")

    def broken_format(doc):
        bad = copy.deepcopy(doc)
        bad["format"] = "not-a-format/9"
        return bad

    # What EqualityKit reads.
    for standard in ("wres", "wdes"):
        doc = load(source / "plugins" / standard / "indicators.json")
        accepts("eqkit-indicators-1.schema.json", doc, f"plugins/{standard}/indicators.json")
        rejects("eqkit-indicators-1.schema.json", broken_format(doc), "a wrong format")
    for name in ("issue_counts.json", "previous_counts.json"):
        doc = load(data / name)
        accepts("eqkit-wres-counts-1.schema.json", doc, f"tests/data/wres/{name}")
        bad = copy.deepcopy(doc)
        bad["headcount"]["white"] = "many"
        rejects("eqkit-wres-counts-1.schema.json", bad, "a count that is text")
    wdes = load(data / "wdes_counts.json")
    accepts("eqkit-wdes-counts-1.schema.json", wdes, "tests/data/wres/wdes_counts.json")
    rejects("eqkit-wdes-counts-1.schema.json", broken_format(wdes), "a wrong format")

    mapping = {
        "format": "eqkit-column-mapping/1",
        "organisation": "Sunrise NHS Trust",
        "files": {"staff": {"person_id": "Assignment Number", "afc_band": "Pay Band"},
                  "training": {"person_id": "Assignment Number"}},
        "values": {"afc_band": {"Band 8 - Range A": "8a"}},
    }
    accepts("eqkit-column-mapping-1.schema.json", mapping, "the documented mapping")
    bad = copy.deepcopy(mapping)
    bad["files"]["staff"]["afc_band"] = 5
    rejects("eqkit-column-mapping-1.schema.json", bad, "a heading that is a number")

    # What EqualityKit writes: the real binary's --json results and --save-counts.
    for standard, counts in (("wres", "issue_counts.json"), ("wdes", "wdes_counts.json")):
        results = work / f"{standard}-results.json"
        saved = work / f"{standard}-saved-counts.json"
        run = subprocess.run([str(eqkit), standard, "compute", "--counts", str(data / counts),
                              "--json", str(results), "--save-counts", str(saved)],
                             capture_output=True, text=True, check=False)
        if run.returncode != 0:
            failures.append(f"eqkit {standard} compute failed ({run.returncode}): {run.stderr}")
            continue
        doc = load(results)
        accepts("eqkit-workforce-results-1.schema.json", doc, f"eqkit {standard} compute --json")
        bad = copy.deepcopy(doc)
        del bad["indicators"]
        rejects("eqkit-workforce-results-1.schema.json", bad, "results without indicators")
        accepts(f"eqkit-{standard}-counts-1.schema.json", load(saved),
                f"eqkit {standard} compute --save-counts")

    for f in failures:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
