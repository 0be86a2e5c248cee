#!/usr/bin/env python3
"""An editor really uses the schema: yaml-language-server, driven over its
stdio protocol (LSP) like an editor drives it, opens a file that names
docs/netmap.schema.json in its modeline and holds a misspelt key and a
wrong actor type; its diagnostics must name both, and a correct file must
get none. Completion at a `type:` value must offer the actor types with
their German labels.

Usage: check_editor.py SOURCE_DIR TOOL_DIR (TOOL_DIR/node_modules/.bin/
yaml-language-server, installed by the ctest fixture yaml_ls; without it,
and without node, the check is skipped: exit 0 with a note).
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

BAD = """# yaml-language-server: $schema={schema}
actors:
  - id: caritas-ks
    name: Caritasverband
    type: asociation
    memebr_of: [ak-sprache]
"""

GOOD = """# yaml-language-server: $schema={schema}
actors:
  - id: caritas-ks
    name: Caritasverband
    type: association
    member_of: [ak-sprache]
    x-note: an extension
"""

COMPLETE = """# yaml-language-server: $schema={schema}
actors:
  - id: a
    name: A
    type: 
"""


class Client:
    def __init__(self, exe):
        self.p = subprocess.Popen([exe, "--stdio"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.next_id = 1
        self.diagnostics = {}

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = 0
        while True:
            line = self.p.stdout.readline()
            if not line:
                raise SystemExit("yaml-language-server stopped")
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def handle(self, msg):
        """Answer the server's requests; keep its diagnostics."""
        if msg.get("method") == "textDocument/publishDiagnostics":
            self.diagnostics[msg["params"]["uri"]] = msg["params"]["diagnostics"]
        elif "id" in msg and "method" in msg:
            result = None
            if msg["method"] == "workspace/configuration":
                result = [{"validate": True, "completion": True, "hover": True,
                           "schemaStore": {"enable": False}}
                          for _ in msg["params"]["items"]]
            self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            msg = self.read()
            if msg.get("id") == rid and "method" not in msg:
                return msg.get("result")
            self.handle(msg)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_diagnostics(self, uri, seconds=20):
        end = time.time() + seconds
        while uri not in self.diagnostics and time.time() < end:
            self.handle(self.read())
        return self.diagnostics.get(uri)


def main():
    source = os.path.abspath(sys.argv[1])
    exe = os.path.join(sys.argv[2], "node_modules", ".bin", "yaml-language-server")
    if not (os.access(exe, os.X_OK) and shutil.which("node")):
        print("editor check skipped: yaml-language-server is not installed")
        return 0
    schema = os.path.join(source, "docs", "netmap.schema.json")
    work = tempfile.mkdtemp(prefix="netmap-editor-")
    failures = []
    c = Client(exe)
    try:
        root = "file://" + work
        c.request("initialize", {"processId": os.getpid(), "rootUri": root,
                                 "capabilities": {"workspace": {"configuration": True},
                                                  "textDocument": {"completion": {}}}})
        c.notify("initialized", {})
        c.notify("workspace/didChangeConfiguration",
                 {"settings": {"yaml": {"validate": True, "completion": True,
                                        "schemaStore": {"enable": False}}}})
        docs = {}
        for name, text in (("bad.yaml", BAD), ("good.yaml", GOOD), ("complete.yaml", COMPLETE)):
            uri = root + "/" + name
            docs[name] = uri
            c.notify("textDocument/didOpen", {"textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1,
                "text": text.format(schema=schema)}})
        # The example town, and the fixture with every key, as the editor reads them.
        examples = []
        for base in (os.path.join(source, "data"),
                     os.path.join(source, "tests", "data", "schema", "valid")):
            for dirpath, dirs, files in os.walk(base):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for f in sorted(files):
                    if f.endswith((".yaml", ".yml")):
                        path = os.path.join(dirpath, f)
                        with open(path, encoding="utf-8-sig") as fh:
                            text = "# yaml-language-server: $schema=%s\n" % schema + fh.read()
                        uri = root + "/example/%d.yaml" % len(examples)
                        examples.append((os.path.relpath(path, source), uri))
                        c.notify("textDocument/didOpen", {"textDocument": {
                            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        for rel, uri in examples:
            found = c.wait_diagnostics(uri)
            if found is None:
                failures.append("%s: no diagnostics published" % rel)
            elif found:
                failures.append("%s: the editor reports %s" % (rel, found[0]["message"]))
        print("%d example files open in the editor without a diagnostic" %
              sum(1 for rel, uri in examples if c.diagnostics.get(uri) == []))
        bad = c.wait_diagnostics(docs["bad.yaml"]) or []
        good = c.wait_diagnostics(docs["good.yaml"])
        print("diagnostics for the file with two mistakes:")
        for d in bad:
            print("  %d:%d %s" % (d["range"]["start"]["line"] + 1,
                                 d["range"]["start"]["character"] + 1, d["message"]))
        lines = {d["range"]["start"]["line"] + 1 for d in bad}
        if 5 not in lines:
            failures.append("no diagnostic for the wrong type on line 5")
        if 6 not in lines:
            failures.append("no diagnostic for the misspelt key on line 6")
        if good:
            failures.append("diagnostics for the correct file: %s" % [d["message"] for d in good])
        result = c.request("textDocument/completion", {
            "textDocument": {"uri": docs["complete.yaml"]},
            "position": {"line": 4, "character": 10}})
        items = result.get("items", []) if isinstance(result, dict) else (result or [])
        labels = {i["label"]: (i.get("documentation") or i.get("detail") or "")
                  for i in items}
        print("completion at 'type: ' offers: %s" % ", ".join(sorted(labels)))
        doc = labels.get("association", "")
        doc = doc.get("value", "") if isinstance(doc, dict) else doc
        print("  association: %s" % doc)
        if "association" not in labels or "migrant_organisation" not in labels:
            failures.append("completion lacks the actor types")
        elif "Wohlfahrtsverband" not in doc:
            failures.append("completion does not show the German label of association")
        c.request("shutdown", None)
        c.notify("exit", None)
    finally:
        c.p.kill()
        c.p.wait()
        shutil.rmtree(work)
    for f in failures:
        print("FAIL: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
