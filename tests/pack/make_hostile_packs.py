#!/usr/bin/env python3
"""Writes hostile evidence packs, each with the error EqualityKit must give for it.

Usage: make_hostile_packs.py OUT_DIR PLUGINS_DIR

For every case NAME this writes OUT_DIR/NAME.zip and OUT_DIR/NAME.expected (a fragment of the
message `eqkit pack import` must print). control.zip is a good pack (empty .expected): it shows
the base the others are made from is itself acceptable, so each case fails for its own reason.
Packs are generated, never committed: the ZIP structures are built with zipfile and patched
with struct where a real tool would refuse to write them.
"""
import hashlib
import io
import json
import os
import struct
import sys
import warnings
import zipfile

# Writing a duplicate name on purpose is the point of one case.
warnings.filterwarnings("ignore", message="Duplicate name")

LOCAL = b"PK\x03\x04"
CENTRAL = b"PK\x01\x02"


def sha(data):
    return hashlib.sha256(data).hexdigest()


def base_files(plugins):
    """The files of a small, valid pack (name -> bytes), manifest last."""
    framework_bytes = open(os.path.join(plugins, "eds2022", "framework.json"), "rb").read()
    framework = json.loads(framework_bytes)
    assessment = json.dumps({
        "format": "eqkit-assessment/1",
        "framework": {"id": "eds2022", "version": framework["version"]},
        "answers": [{"item": "1A", "score": 2, "narrative": "Made by a script."}],
    }, indent=2).encode() + b"\n"
    note = b"Minutes of the equality group.\n"
    files = {
        "answers.csv": b"assessment,item,score\r\neds2022,1A,2\r\n",
        "report.html": b"<!DOCTYPE html><title>Pack</title><h1>Pack</h1>\n",
        "assessments/eds2022.json": assessment,
        "evidence/ev1/note.txt": note,
    }
    manifest = {
        "format": "eqkit-pack/1",
        "tool": {"name": "EqualityKit", "version": "test"},
        "frameworks": [{"id": "eds2022", "version": framework["version"],
                        "title": framework["title"], "sha256": sha(framework_bytes)}],
        "assessments": [{"id": "eds2022", "framework": "eds2022",
                         "framework_version": framework["version"],
                         "path": "assessments/eds2022.json", "size": len(assessment),
                         "sha256": sha(assessment)}],
        "documents": [
            {"path": name, "media_type": kind, "size": len(files[name]), "sha256": sha(files[name])}
            for name, kind in (("answers.csv", "text/csv"), ("report.html", "text/html"))],
        "evidence": [{"id": "ev1", "kind": "file", "title": "Minutes",
                      "effective_from": "2024-01-01", "added_by": "Jo Bloggs",
                      "added_on": "2024-01-02", "sha256": sha(note), "size": len(note),
                      "media_type": "text/plain", "original_name": "note.txt",
                      "path": "evidence/ev1/note.txt", "supports": ["eds2022:1A"]}],
    }
    return files, manifest


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED):
    """entries: list of (name, bytes) or (ZipInfo, bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as z:
        for name, data in entries:
            z.writestr(name, data)
    return bytearray(buffer.getvalue())


def pack(files, manifest, extra=()):
    entries = [("manifest.json", json.dumps(manifest, indent=2).encode())]
    entries += sorted(files.items())
    entries += list(extra)
    return zip_bytes(entries)


def headers(data):
    """Offsets of each entry's local header and central header, in order."""
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    locals_ = [info.header_offset for info in z.infolist()]
    end = data.rfind(b"PK\x05\x06")
    (central,) = struct.unpack_from("<I", data, end + 16)
    centrals = []
    at = central
    for _ in locals_:
        assert data[at:at + 4] == CENTRAL
        centrals.append(at)
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        at += 46 + name_len + extra_len + comment_len
    return locals_, centrals


def patch(data, index, flags=None, method=None, crc=None, csize=None, usize=None, name=None,
          external=None, made_by=None, central_only=False):
    """Changes one entry's fields in its local header and its central directory record."""
    locals_, centrals = headers(data)
    local, central = locals_[index], centrals[index]
    for at, base in (() if central_only else ((local, 4),)) + ((central, 6),):
        if flags is not None:
            struct.pack_into("<H", data, at + base + 2, flags)
        if method is not None:
            struct.pack_into("<H", data, at + base + 4, method)
        if crc is not None:
            struct.pack_into("<I", data, at + base + 10, crc)
        if csize is not None:
            struct.pack_into("<I", data, at + base + 14, csize)
        if usize is not None:
            struct.pack_into("<I", data, at + base + 18, usize)
        if name is not None:
            name_at = at + (30 if base == 4 else 46)
            (length,) = struct.unpack_from("<H", data, at + base + 22)
            assert len(name) == length, "a patched name keeps its length"
            data[name_at:name_at + length] = name
    if external is not None:
        struct.pack_into("<I", data, central + 38, external)
    if made_by is not None:
        struct.pack_into("<H", data, central + 4, made_by)
    return data


def index_of(data, name):
    z = zipfile.ZipFile(io.BytesIO(bytes(data)))
    return [info.filename for info in z.infolist()].index(name)


def with_file(files, manifest, path, data, evidence_changes=None):
    """The base pack with its evidence file at another path (and the manifest to match)."""
    files = dict(files)
    del files["evidence/ev1/note.txt"]
    files[path] = data
    manifest = json.loads(json.dumps(manifest))
    manifest["evidence"][0]["path"] = path
    manifest["evidence"][0]["size"] = len(data)
    manifest["evidence"][0]["sha256"] = sha(data)
    if evidence_changes:
        manifest["evidence"][0].update(evidence_changes)
    return files, manifest


def cases(plugins):
    files, manifest = base_files(plugins)
    note = files["evidence/ev1/note.txt"]
    out = {}

    out["control"] = (pack(files, manifest), "")

    def extra_entry(name, data=b"x"):
        return pack(files, manifest, extra=[(name, data)])

    out["traversal"] = (extra_entry("../evil.txt"), "../evil.txt: the name goes up a folder")
    out["traversal_deep"] = (extra_entry("evidence/ev1/../../../../tmp/evil.txt"),
                             "the name goes up a folder")
    out["absolute_path"] = (extra_entry("/tmp/evil.txt"), "/tmp/evil.txt: the name is an absolute path")
    out["backslash"] = (extra_entry("..\\evil.txt"), "the name holds a character that is not allowed")
    out["drive_letter"] = (extra_entry("C:/Windows/evil.txt"),
                           "the name holds a character that is not allowed")
    out["dot_part"] = (extra_entry("evidence/./evil.txt"), "the name has a \".\" part")
    out["control_character"] = (extra_entry("evidence/a\x01b.txt"),
                                "evidence/a?b.txt: the name holds control characters")

    data = extra_entry("evidence/link.txt", b"/etc/passwd")
    patch(data, index_of(data, "evidence/link.txt"), external=(0o120777 << 16),
          made_by=(3 << 8) | 20)
    out["symlink"] = (data, "evidence/link.txt: the entry is a symbolic link")

    data = pack(files, manifest, extra=[("evidence/ev1/note.txt", note)])
    out["duplicate_name"] = (data, "evidence/ev1/note.txt: the name appears twice in the pack")

    out["names_differ_by_case"] = (extra_entry("evidence/ev1/NOTE.txt", note),
                                   "evidence/ev1/NOTE.txt: the name differs only in letter case "
                                   "from \"evidence/ev1/note.txt\"")

    data = extra_entry("evidence/AB.txt")
    patch(data, index_of(data, "evidence/AB.txt"), name=b"evidence/\xff\xfe.txt")
    out["name_not_utf8"] = (data, "(a name that is not UTF-8): the name is not valid UTF-8")

    out["file_and_folder"] = (extra_entry("evidence/ev1"),
                              "evidence/ev1: the name is used both for a file and for a folder")

    data = pack(files, manifest)
    patch(data, index_of(data, "evidence/ev1/note.txt"), flags=1)
    out["encrypted"] = (data, "evidence/ev1/note.txt: the entry is encrypted")

    data = pack(files, manifest)
    patch(data, index_of(data, "report.html"), method=12)
    out["unsupported_method"] = (data, "report.html: the entry is compressed with method 12")

    # Stored, with a compressed size that disagrees with the uncompressed size.
    data = zip_bytes([("manifest.json", json.dumps(manifest).encode())] + sorted(files.items()),
                     zipfile.ZIP_STORED)
    patch(data, index_of(data, "evidence/ev1/note.txt"), usize=len(note) - 5)
    out["stored_sizes_disagree"] = (data, "evidence/ev1/note.txt: the entry is stored "
                                          "uncompressed but declares two different sizes")

    # Declared smaller than the real content: unpacking stops early and the CRC-32 fails.
    big = b"Minutes, line after line.\n" * 400
    f2, m2 = with_file(files, manifest, "evidence/ev1/note.txt", big)
    m2["evidence"][0]["size"] = len(big) - 100
    data = pack(f2, m2)
    patch(data, index_of(data, "evidence/ev1/note.txt"), usize=len(big) - 100)
    out["declared_size_too_small"] = (data, "evidence/ev1/note.txt: the contents do not match "
                                            "the CRC-32 check in the ZIP header")

    # Declared larger than the real content: the data ends before the declared size.
    m3 = json.loads(json.dumps(m2))
    m3["evidence"][0]["size"] = len(big) + 100
    data = pack(f2, m3)
    patch(data, index_of(data, "evidence/ev1/note.txt"), usize=len(big) + 100)
    out["declared_size_too_large"] = (data, "evidence/ev1/note.txt: the ZIP header says "
                                            f"{len(big) + 100} bytes but the file unpacks to "
                                            f"{len(big)}")

    # A real zip bomb: 64 MiB of zeros in about 64 KiB.
    zeros = bytes(64 << 20)
    f4, m4 = with_file(files, manifest, "evidence/ev1/zeros.txt", zeros)
    out["zip_bomb"] = (pack(f4, m4), "evidence/ev1/zeros.txt: the entry would unpack to "
                                     "67108864 bytes from")

    # Directory entries that claim far more than the total limit (16 GiB) altogether.
    data = pack(files, manifest, extra=[(f"padding/{i}.bin", b"tiny") for i in range(5)])
    for i in range(5):
        patch(data, index_of(data, f"padding/{i}.bin"), usize=0xFFFFFFF0, central_only=True)
    out["total_size_over_limit"] = (data, "the pack would unpack to more than 17179869184 bytes")

    data = pack(files, manifest, extra=[(f"e/{i}", b"") for i in range(20001)])
    out["too_many_entries"] = (data, "entries; the limit is 20000")

    f5 = dict(files)
    data = zip_bytes([("manifest.json", b"this is not JSON")] + sorted(f5.items()))
    out["manifest_not_json"] = (data, "manifest.json: line 1, column 2: this is not valid JSON")

    huge = json.dumps({"format": "eqkit-pack/1",
                       "padding": [sha(str(i).encode()) for i in range(260000)]}).encode()
    data = zip_bytes([("manifest.json", huge)] + sorted(files.items()))
    out["manifest_huge"] = (data, f"manifest.json: the file is too large ({len(huge)} bytes; "
                                  "the limit is 16777216)")

    data = zip_bytes(sorted(files.items()))
    out["no_manifest"] = (data, "manifest.json: the pack has no manifest.json")

    good = pack(files, manifest)
    out["truncated_half"] = (good[: len(good) // 2], "this is not a complete ZIP file")
    out["truncated_end"] = (good[:-10], "the ZIP directory is damaged or truncated")
    out["not_a_zip"] = (bytearray(b"%PDF-1.4 not a zip at all\n" * 10),
                        "this is not a complete ZIP file")

    out["unlisted_file"] = (extra_entry("evidence/ev9/secret.txt"),
                            "evidence/ev9/secret.txt: this file is in the pack but not listed "
                            "in the manifest")

    m6 = json.loads(json.dumps(manifest))
    m6["evidence"][0]["path"] = "evidence/ev1/../../../../tmp/evil.txt"
    out["manifest_path_traversal"] = (pack(files, m6), "/evidence/0/path: the name goes up a "
                                                       "folder")

    m7 = json.loads(json.dumps(manifest))
    m7["evidence"][0]["sha256"] = sha(b"something else")
    out["hash_mismatch"] = (pack(files, m7), "evidence/ev1/note.txt: the contents have changed")

    m8 = json.loads(json.dumps(manifest))
    m8["evidence"].append({"id": "ev2", "kind": "link", "title": "Click me",
                           "effective_from": "2024-01-01", "added_by": "Jo",
                           "added_on": "2024-01-01", "url": "javascript:alert(1)",
                           "supports": []})
    out["script_link"] = (pack(files, m8), "/evidence/1/url: a link must be a web address")

    m9 = json.loads(json.dumps(manifest))
    m9["assessments"][0]["path"] = "workspace.json"
    out["manifest_overwrites_index"] = (pack(files, m9), "/assessments/0/path: expected "
                                                         "\"assessments/eds2022.json\"")
    return out


def main():
    out_dir, plugins = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    for name in os.listdir(out_dir):
        if name.endswith((".zip", ".expected")):
            os.remove(os.path.join(out_dir, name))
    made = cases(plugins)
    for name, (data, expected) in made.items():
        with open(os.path.join(out_dir, name + ".zip"), "wb") as f:
            f.write(bytes(data))
        with open(os.path.join(out_dir, name + ".expected"), "w", encoding="utf-8") as f:
            f.write(expected)
    print(f"wrote {len(made)} packs to {out_dir}")


if __name__ == "__main__":
    main()
