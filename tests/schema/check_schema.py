#!/usr/bin/env python3
"""The JSON Schema against netmap itself, with an independent validator.

1. `netmap schema` prints exactly docs/netmap.schema.json, a valid draft
   2020-12 schema.
2. Every YAML file netmap accepts (the example town in data/, the test
   fixtures, the fuzz seeds) is accepted by the schema, document by
   document, read as an editor reads YAML (the YAML 1.2 core schema).
3. Every fixture of tests/data/schema/invalid/ (mistakes a schema can
   express) is rejected by netmap and by the schema.

Usage: check_schema.py NETMAP SOURCE_DIR. Needs python3-jsonschema and
python3-yaml (Makefile: TEST_PACKAGES).
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2 core schema, as yaml-language-server reads it: null, bool,
    int and float are resolved, everything else (dates, yes/no) is a string,
    and `<<` is a plain key."""


CoreLoader.yaml_implicit_resolvers = {}
for tag, regexp, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$",
     list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+.0123456789")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(regexp), first)


def construct_core_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_core_int)


def yaml_files(root):
    for base, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith((".yaml", ".yml")) and not name.startswith("."):
                yield os.path.join(base, name)


def netmap_accepts(netmap, path):
    run = subprocess.run([netmap, "validate", "--today", "2026-01-01", path],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if run.returncode not in (0, 1):
        raise SystemExit("netmap validate %s: exit %d: %s"
                         % (path, run.returncode, run.stderr.decode()))
    return run.returncode == 0


def schema_errors(validator, path):
    """The schema's complaints about a file, one string each."""
    with open(path, "rb") as f:
        data = f.read()
    try:
        docs = list(yaml.load_all(data.decode("utf-8-sig"), Loader=CoreLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        return ["not readable as YAML: %s" % str(e).splitlines()[0]]
    found = []
    for i, doc in enumerate(docs):
        e = jsonschema.exceptions.best_match(validator.iter_errors(doc))
        if e is not None:
            where = "/".join(str(p) for p in e.absolute_path)
            found.append("document %d at /%s: %s" % (i + 1, where, e.message))
    return found


def main():
    netmap, source = sys.argv[1], sys.argv[2]
    failures = []

    printed = subprocess.run([netmap, "schema"], stdout=subprocess.PIPE, check=True).stdout
    path = os.path.join(source, "docs", "netmap.schema.json")
    with open(path, "rb") as f:
        checked_in = f.read()
    if printed != checked_in:
        failures.append("docs/netmap.schema.json differs from `netmap schema`; "
                        "regenerate it with `netmap schema > docs/netmap.schema.json`")
    schema = json.loads(printed)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)

    # Folders that are one dataset: a file there may refer to another.
    datasets = [d for d in (os.path.join(source, "data"),
                            os.path.join(source, "tests", "data", "history", "v1"),
                            os.path.join(source, "tests", "data", "history", "v2"))
                if os.path.isdir(d) and netmap_accepts(netmap, d)]
    if os.path.join(source, "data") not in datasets:
        failures.append("netmap does not accept the example data in data/")
    accepted = rejected_both = rejected_netmap_only = 0
    invalid_dir = os.path.join(source, "tests", "data", "schema", "invalid")
    roots = [os.path.join(source, "data"), os.path.join(source, "tests", "data"),
             os.path.join(source, "tests", "fuzz")]
    for root in roots:
        for f in yaml_files(root):
            rel = os.path.relpath(f, source)
            errors = schema_errors(validator, f)
            if (any(f.startswith(d + os.sep) for d in datasets)
                    or netmap_accepts(netmap, f)):
                accepted += 1
                if errors:
                    failures.append("%s: netmap accepts it, the schema does not: %s"
                                    % (rel, errors[0]))
            elif errors:
                rejected_both += 1
            elif os.path.dirname(f) == invalid_dir:
                failures.append("%s: netmap rejects it, the schema accepts it" % rel)
            else:
                rejected_netmap_only += 1  # a reference, a duplicate id, ...
    if not os.listdir(invalid_dir):
        failures.append("no invalid fixtures in tests/data/schema/invalid")
    for f in failures:
        print("FAIL: " + f)
    print("schema: %d files netmap accepts, all valid; %d rejected by both; "
          "%d rejected by netmap only (what a schema cannot express)"
          % (accepted, rejected_both, rejected_netmap_only))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
