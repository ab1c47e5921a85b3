"""What the JSON Schema tests share: the real eqkit binary run in a fresh work folder, a schema
from schemas/ (its $refs to the other schemas resolved by file name, as Debian's jsonschema 4.10
does), and the failures collected so that every one is printed before the test fails."""
import json
import os
import pathlib
import shutil
import subprocess

import jsonschema


class SchemaCheck:
    def __init__(self, argv, schema_name):
        self.source, self.eqkit, self.work = (pathlib.Path(a) for a in argv[1:4])
        shutil.rmtree(self.work, ignore_errors=True)
        self.work.mkdir(parents=True)
        self.env = dict(os.environ, EQKIT_PLUGINS=str(self.source / "plugins"))
        schemas = {p.name: json.loads(p.read_text())
                   for p in (self.source / "schemas").glob("*.json")}
        schema = schemas[schema_name]
        jsonschema.Draft202012Validator.check_schema(schema)
        resolver = jsonschema.RefResolver(base_uri="", referrer=schema, store=schemas)
        self.validator = jsonschema.Draft202012Validator(schema, resolver=resolver)
        self.failures = []

    def run(self, *args, expect_ok=True):
        """eqkit ARGS in the work folder; a failure is recorded unless expect_ok is False."""
        r = subprocess.run([str(self.eqkit), *map(str, args)], env=self.env, cwd=self.work,
                           capture_output=True, text=True)
        if expect_ok and r.returncode != 0:
            self.failures.append(f"eqkit {' '.join(map(str, args))} failed: {r.stderr.strip()}")
        return r

    def accepts(self, path, label):
        doc = json.loads((self.work / path).read_text())
        errors = sorted(self.validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errors[:5]:
            where = "/" + "/".join(str(p) for p in e.path)
            self.failures.append(f"the schema rejects {label} at {where}: {e.message}")
        print(f"{'ok' if not errors else 'FAIL'}: {label}")
        return doc

    def rejects(self, doc, label):
        if self.validator.is_valid(doc):
            self.failures.append(f"the schema accepts {label}, which it must reject")
        print(f"ok: rejects {label}")

    def result(self):
        for f in self.failures:
            print(f"FAIL: {f}")
        return 1 if self.failures else 0
