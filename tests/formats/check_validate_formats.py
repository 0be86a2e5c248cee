#!/usr/bin/env python3
"""`netmap validate --format sarif` and `--format gitlab`, checked from outside.

SARIF: every log validates against the SARIF 2.1.0 JSON schema
(tests/data/sarif/sarif-2.1.0.json, from Microsoft's sarif-sdk, MIT) with
python3-jsonschema, and, when Microsoft's SARIF Multitool is installed in
TOOL_DIR (the ctest fixture sarif_tool installs it from npm), `Sarif.Multitool
validate` finds nothing to complain about. GitLab: the Code Quality fields,
severities, relative paths, and fingerprints that are unique and the same in
every run. Both: the exit status of contract 5.2.

Usage: check_validate_formats.py NETMAP SOURCE_DIR [TOOL_DIR]
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import jsonschema

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
    return cond


def validate(netmap, cwd, fmt, *paths, strict=False):
    args = [netmap, "validate", "--today", "2026-06-01", "--format", fmt]
    if strict:
        args.append("--strict")
    run = subprocess.run(args + list(paths), cwd=cwd, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    return run.returncode, run.stdout, run.stderr.decode("utf-8", "replace")


def multitool(tool_dir):
    if not tool_dir:
        return None
    exe = os.path.join(tool_dir, "node_modules", "@microsoft", "sarif-multitool-linux",
                       "Sarif.Multitool")
    return exe if os.access(exe, os.X_OK) else None


def main():
    netmap = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    tool = multitool(sys.argv[3] if len(sys.argv) > 3 else None)
    with open(os.path.join(source, "tests", "data", "sarif", "sarif-2.1.0.json")) as f:
        sarif_schema = json.load(f)
    sarif_validator = jsonschema.Draft202012Validator(sarif_schema)

    # Every rule id the loader and validation report has an entry in rules.c.
    listed = {r["id"] for r in json.loads(validate(netmap, source, "sarif", "data")[1])
              ["runs"][0]["tool"]["driver"]["rules"]}
    for name in ("loader.c", "validate.c", "tables.c", "csv.c", "ods.c", "xlsx.c"):
        if not os.path.exists(os.path.join(source, "src", name)):
            continue
        with open(os.path.join(source, "src", name)) as f:
            code = f.read()
        used = set(re.findall(r'\b(?:error_at|problem|nm_diags_add|nm_book_problem_add|fail|book_error|file_error|cell_error|sheet_error|FILE_ERROR|SHEET_ERROR|CELL_ERROR)\([^"();]*"([a-z][a-z0-9-]*)"',
                              code))
        check(used and used <= listed,
              "src/%s reports rules that src/rules.c lacks: %s" % (name, sorted(used - listed)))

    # (name, paths, expected exit status); paths relative to the source dir.
    cases = [
        ("valid example", ["data"], 0),
        ("invalid fixtures", ["tests/data/schema/invalid"], 1),
        ("control character, space and umlaut", ["tests/data/formats"], 1),
        ("unreadable path", ["data", "tests/data/no-such-file.yaml"], 2),
        ("absolute path", [os.path.join(source, "tests", "data", "formats")], 1),
    ]
    scratch = tempfile.mkdtemp(prefix="netmap-sarif-")
    tool_runs = 0
    try:
        for name, paths, status in cases:
            rc, out, err = validate(netmap, source, "sarif", *paths)
            check(rc == status, "sarif %s: exit %d, expected %d (%s)" % (name, rc, status, err))
            check(b"\x1b" not in out and b"\t" not in out,
                  "sarif %s: a raw control character in the output" % name)
            log = json.loads(out)
            errors = sorted(sarif_validator.iter_errors(log), key=str)
            check(not errors, "sarif %s: not SARIF 2.1.0: %s" % (name, errors[:1]))
            run = log["runs"][0]
            rules = run["tool"]["driver"]["rules"]
            for r in run["results"]:
                check(rules[r["ruleIndex"]]["id"] == r["ruleId"],
                      "sarif %s: ruleIndex of %s" % (name, r["ruleId"]))
                uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                check(not uri.startswith(("/", "file:")),
                      "sarif %s: uri %s not relative to the working directory" % (name, uri))
            check(run["invocations"][0]["executionSuccessful"] == (status != 2),
                  "sarif %s: executionSuccessful" % name)
            if tool:
                path = os.path.join(scratch, "%d.sarif" % tool_runs)
                with open(path, "wb") as f:
                    f.write(out)
                report = path + ".validation.sarif"
                t = subprocess.run([tool, "validate", path, "--output", report],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                tool_runs += 1
                if check(t.returncode == 0 and os.path.exists(report),
                         "sarif %s: Sarif.Multitool validate failed: %s"
                         % (name, t.stdout.decode()[-500:])):
                    with open(report) as f:
                        found = json.load(f)["runs"][0].get("results", [])
                    bad = [x for x in found if x.get("level", "warning") in ("error", "warning")]
                    check(not bad, "sarif %s: Sarif.Multitool: %s" % (name, bad[:2]))
        tricky = json.loads(validate(netmap, source, "sarif", "tests/data/formats")[1])
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                for r in tricky["runs"][0]["results"]}
        check(uris == {"tests/data/formats/Ordner%20mit%20%C3%9Cmlaut/probleme.yaml"},
              "sarif: uri not percent-encoded: %s" % uris)

        # GitLab Code Quality.
        for name, paths, status in cases:
            rc, out, err = validate(netmap, source, "gitlab", *paths)
            check(rc == status, "gitlab %s: exit %d, expected %d" % (name, rc, status))
            check(b"\x1b" not in out and b"\t" not in out,
                  "gitlab %s: a raw control character in the output" % name)
            issues = json.loads(out)
            check(isinstance(issues, list), "gitlab %s: not a list" % name)
            again = json.loads(validate(netmap, source, "gitlab", *paths)[1])
            check(issues == again, "gitlab %s: differs between two runs" % name)
            prints = [i["fingerprint"] for i in issues]
            check(len(set(prints)) == len(prints), "gitlab %s: fingerprints repeat" % name)
            for i in issues:
                check(set(i) == {"description", "check_name", "fingerprint", "severity",
                                 "location"}, "gitlab %s: keys %s" % (name, sorted(i)))
                check(re.fullmatch(r"[0-9a-f]{64}", i["fingerprint"]) is not None,
                      "gitlab %s: fingerprint %s" % (name, i["fingerprint"]))
                check(i["severity"] in ("major", "minor"), "gitlab %s: severity" % name)
                loc = i["location"]
                check(isinstance(loc["lines"]["begin"], int) and loc["lines"]["begin"] >= 1,
                      "gitlab %s: lines.begin" % name)
                check(not loc["path"].startswith("/"), "gitlab %s: path %s" % (name, loc["path"]))
            if name == "control character, space and umlaut":
                check([i["severity"] for i in issues] == ["major", "major", "major", "minor"],
                      "gitlab: severities %s" % [i["severity"] for i in issues])
                check(issues[0]["description"] ==
                      "unknown key 'mem\tber_of' in actor; did you mean 'member_of'?",
                      "gitlab: description %r" % issues[0]["description"])

        # A fingerprint leaves the line out: it survives a line added above.
        moved = os.path.join(scratch, "moved")
        os.mkdir(moved)
        src = os.path.join(source, "tests", "data", "schema", "invalid", "enum-type.yaml")
        shutil.copy(src, os.path.join(moved, "x.yaml"))
        first = json.loads(validate(netmap, moved, "gitlab", "x.yaml")[1])
        with open(src) as f:
            text = f.read()
        with open(os.path.join(moved, "x.yaml"), "w") as f:
            f.write("# one more line\n" + text)
        second = json.loads(validate(netmap, moved, "gitlab", "x.yaml")[1])
        check([i["fingerprint"] for i in first] == [i["fingerprint"] for i in second] and
              first[0]["location"]["lines"]["begin"] + 1 ==
              second[0]["location"]["lines"]["begin"],
              "gitlab: fingerprint changed when the problem moved down a line")

        # --strict: warnings fail in every format.
        for fmt in ("sarif", "gitlab"):
            rc = validate(netmap, source, fmt, "tests/data/schema/valid", strict=True)[0]
            check(rc == 0, "%s --strict on a warning-free file: exit %d" % (fmt, rc))
    finally:
        shutil.rmtree(scratch)

    for f in FAILURES:
        print("FAIL: " + f)
    print("validate formats: %d SARIF logs checked against the 2.1.0 schema%s; "
          "GitLab Code Quality checked" % (len(cases), ", and by Sarif.Multitool %d" % tool_runs
                                           if tool else " (Sarif.Multitool not installed)"))
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
