#!/usr/bin/env python3
"""The CI templates run what they say, against the example data.

docs/ci/github-workflow.yml, docs/ci/gitlab-ci.yml, .pre-commit-hooks.yaml
and docs/ci/netmap-report.{service,timer} are read as their tools read them
(YAML, systemd unit syntax), and every step that runs netmap is run here,
in a scratch data repository holding a copy of data/: the shell of the
step, its environment (secrets and variables replaced by test values),
netmap on PATH, and stand-ins for sendmail and curl that keep what they
get. Steps that install netmap and steps that use a marketplace action are
not run; the files those actions upload must exist. Each template runs
twice: on the valid example (everything succeeds) and on a copy with one
mistake (validation fails with exit 1 and the code-scanning files still
hold the problem). When systemd-analyze is there, the units are verified.

Usage: check_templates.py NETMAP SOURCE_DIR. Needs python3-yaml.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import yaml

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
    return cond


SHIMS = {
    # sendmail -t: keep the message; it must have a To: header.
    "sendmail": '#!/bin/sh\nn=$(ls "$SHIM_LOG" | wc -l)\ncat > "$SHIM_LOG/sendmail.$n"\n'
                'grep -q "^To: " "$SHIM_LOG/sendmail.$n"\n',
    # curl for SMTP: keep the arguments; the uploaded file must exist.
    "curl": '#!/bin/sh\nn=$(ls "$SHIM_LOG" | wc -l)\necho "$@" > "$SHIM_LOG/curl.$n"\n'
            'while [ $# -gt 0 ]; do [ "$1" = --upload-file ] && { test -s "$2" || exit 26; }; '
            'shift; done\n',
    "git": "#!/bin/sh\nexit 0\n",
}


class Sandbox:
    def __init__(self, netmap, source, broken):
        self.root = tempfile.mkdtemp(prefix="netmap-ci-")
        self.repo = os.path.join(self.root, "repo")
        self.bin = os.path.join(self.root, "bin")
        self.log = os.path.join(self.root, "log")
        os.makedirs(self.bin)
        os.makedirs(self.log)
        shutil.copytree(os.path.join(source, "data"), os.path.join(self.repo, "data"))
        if broken:  # one unknown key: an error on a line of its own
            with open(os.path.join(self.repo, "data", "netmap.yaml"), "a") as f:
                f.write("memebrships: []\n")
        os.symlink(netmap, os.path.join(self.bin, "netmap"))
        for name, text in SHIMS.items():
            path = os.path.join(self.bin, name)
            with open(path, "w") as f:
                f.write(text)
            os.chmod(path, 0o755)
        self.netmap = netmap

    def env(self, extra):
        env = {k: v for k, v in os.environ.items() if k in ("LANG", "LC_ALL", "HOME")}
        env["PATH"] = self.bin + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin")
        env["SHIM_LOG"] = self.log
        env["RUNNER_TEMP"] = self.root
        env["NO_COLOR"] = "1"
        env.update(extra)
        return env

    def sh(self, script, env, shell=("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c")):
        run = subprocess.run(list(shell) + [script], cwd=self.repo, env=self.env(env),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return run.returncode, run.stdout.decode("utf-8", "replace"), \
            run.stderr.decode("utf-8", "replace")

    def logged(self, prefix):
        return sorted(f for f in os.listdir(self.log) if f.startswith(prefix))

    def close(self):
        shutil.rmtree(self.root)


def load_yaml(path):
    with open(path) as f:
        return yaml.load(f, Loader=yaml.BaseLoader)  # every scalar a string: `on` stays "on"


def is_install(step_name, script):
    return "make -C" in script or (step_name or "").startswith("Install")


def github_expr(value, secrets):
    """Replace ${{ secrets.X }} and ${{ github.run_id }} by test values."""
    value = re.sub(r"\$\{\{\s*secrets\.(\w+)\s*\}\}", lambda m: secrets.get(m.group(1), ""),
                   value)
    return re.sub(r"\$\{\{\s*github\.run_id\s*\}\}", "1", value)


def github_if(cond, env, ok):
    """The conditions the template uses: always(), hashFiles, env.X != ''."""
    if not cond:
        return ok
    cond = cond.replace("${{", "").replace("}}", "").strip()
    if cond.startswith("always()"):
        return True
    m = re.fullmatch(r"env\.(\w+) != ''", cond)
    if m:
        return ok and env.get(m.group(1), "") != ""
    return ok


def run_github(box, path, broken):
    wf = load_yaml(path)
    triggers = wf.get("on", {})
    check(all(t in triggers for t in ("push", "pull_request", "schedule",
                                      "workflow_dispatch")),
          "github: triggers %s" % sorted(triggers))
    check(any(c.get("cron") for c in triggers.get("schedule", [])), "github: no weekly cron")
    secrets = {"NETMAP_SMTP_URL": "smtps://mail.example.org:465",
               "NETMAP_SMTP_USER": "netmap:secret", "NETMAP_MAIL_TO": "team@example.org",
               "NETMAP_MAIL_FROM": "netmap@example.org"}
    ran = 0
    seen_uses = set()
    for job_name in ("validate", "report"):
        job = wf["jobs"][job_name]
        env = dict(wf.get("env", {}))
        env.update({k: github_expr(v, secrets) for k, v in job.get("env", {}).items()})
        ok = True
        for step in job["steps"]:
            name = step.get("name", step.get("uses", "?"))
            step_env = dict(env)
            step_env.update({k: github_expr(v, secrets) for k, v in step.get("env", {}).items()})
            if not github_if(step.get("if"), step_env, ok):
                continue
            if "uses" in step:
                action = step["uses"].split("@")[0]
                seen_uses.add(action)
                w = step.get("with", {})
                if action == "github/codeql-action/upload-sarif":
                    sarif = os.path.join(box.repo, w["sarif_file"])
                    log = {"version": None, "runs": [{"results": []}]}
                    if check(os.path.exists(sarif), "github: %s missing" % w["sarif_file"]):
                        with open(sarif) as f:
                            try:
                                log = json.load(f)
                            except ValueError:
                                pass
                        check(log["version"] == "2.1.0", "github: not SARIF 2.1.0")
                        check(bool(log["runs"][0]["results"]) == broken,
                              "github: SARIF results %d on %s data"
                              % (len(log["runs"][0]["results"]),
                                 "broken" if broken else "valid"))
                elif action == "actions/upload-artifact":
                    check(os.path.exists(os.path.join(box.repo, w["path"])),
                          "github: artifact %s missing" % w["path"])
                continue
            script = step["run"]
            if is_install(step.get("name"), script):
                continue
            rc, out, err = box.sh(github_expr(script, secrets), step_env)
            ran += 1
            # On broken data validation fails, and so does a scan (it stores nothing).
            want = 1 if broken and name in ("Validate the dataset",
                                             "Scan and write the report") else 0
            check(rc == want, "github %s / %s: exit %d, expected %d: %s"
                  % (job_name, name, rc, want, err.strip()[-300:]))
            if name == "Validate the dataset":
                check(out.startswith("::error file=data/netmap.yaml,line=") == broken,
                      "github: annotations %r" % out[:100])
            ok = ok and rc == 0
    if not broken:
        check({"actions/checkout", "github/codeql-action/upload-sarif", "actions/cache",
               "actions/upload-artifact"} <= seen_uses, "github: actions %s" % sorted(seen_uses))
        check(len(box.logged("curl.")) == 1, "github: the report was not mailed")
    return ran


def run_gitlab(box, path, broken):
    ci = load_yaml(path)
    variables = dict(ci.get("variables", {}))
    ran = 0
    for job_name, source, mail in (("netmap-validate", "push", False),
                                   ("netmap-report", "schedule", True)):
        job = ci[job_name]
        rule = job["rules"][0]["if"]
        check(("!=" in rule) == (source == "push") and "schedule" in rule,
              "gitlab %s: rule %s" % (job_name, rule))
        env = dict(variables)
        env["CI_PIPELINE_SOURCE"] = source
        if mail:
            env.update({"NETMAP_MAIL_TO": "team@example.org",
                        "NETMAP_MAIL_FROM": "netmap@example.org"})
        # GitLab runs the script lines in one shell and stops at the first failure.
        rc, out, err = box.sh("\n".join(job["script"]), env, shell=("sh", "-e", "-c"))
        ran += len(job["script"])
        want = 1 if broken else 0  # validation fails, and a scan stores nothing
        check(rc == want, "gitlab %s: exit %d, expected %d: %s"
              % (job_name, rc, want, err.strip()[-300:]))
        reports = job.get("artifacts", {}).get("reports", {})
        if "codequality" in reports:
            check(job["artifacts"].get("when") == "always", "gitlab: report only on success")
            issues = None
            with open(os.path.join(box.repo, reports["codequality"])) as f:
                try:
                    issues = json.load(f)
                except ValueError:
                    check(False, "gitlab: the Code Quality report is not JSON")
            check(bool(issues) == broken, "gitlab: Code Quality issues %r" % (issues,)[:100])
            if issues:
                check(issues[0]["location"]["path"] == "data/netmap.yaml",
                      "gitlab: path %s" % issues[0]["location"]["path"])
        for p in job.get("artifacts", {}).get("paths", []) if rc == 0 else []:
            check(os.path.exists(os.path.join(box.repo, p)), "gitlab: artifact %s missing" % p)
        if mail and not broken:
            check(len(box.logged("sendmail.")) == 1, "gitlab: the report was not mailed")
    check("before_script" in ci.get("default", {}), "gitlab: no install step")
    return ran


def run_pre_commit(box, path, broken):
    hooks = load_yaml(path)
    ran = 0
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            check(key in hook, "pre-commit %s: no %s" % (hook.get("id"), key))
        check(hook.get("pass_filenames") == "false", "pre-commit: files passed one by one")
        check(re.search(hook["files"], "data/actors/a.yaml") is not None and
              re.search(hook["files"], "README.md") is None, "pre-commit: files pattern")
        cmd = shlex.split(hook["entry"]) + list(hook.get("args", []))
        for args in (cmd, shlex.split(hook["entry"]) + ["data/"]):
            rc, out, err = box.sh(" ".join(shlex.quote(a) for a in args), {})
            ran += 1
            check(rc == (1 if broken else 0), "pre-commit %s %s: exit %d"
                  % (hook["id"], args[1:], rc))
    return ran


def unit(path):
    """Sections of a systemd unit: {section: [(key, value)]}, continuation lines joined."""
    sections, cur = {}, None
    with open(path) as f:
        text = f.read().replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            cur = sections.setdefault(line.strip("[]"), [])
            continue
        key, _, value = line.partition("=")
        cur.append((key, value))
    return sections


def run_systemd(box, service_path, timer_path, broken):
    service = unit(service_path)
    timer = unit(timer_path)
    env = {}
    for key, value in service["Service"]:
        if key == "Environment":
            for item in shlex.split(value):
                k, _, v = item.partition("=")
                env[k] = v
    check(dict(service["Service"]).get("Type") == "oneshot", "systemd: not oneshot")
    check("OnCalendar" in dict(timer["Timer"]), "systemd: timer without OnCalendar")
    env["NETMAP_DATA"] = os.path.join(box.repo, "data")
    env["NETMAP_DB"] = os.path.join(box.root, "netmap.db")
    paths = {"/usr/local/bin/netmap": box.netmap,
             "/usr/sbin/sendmail": os.path.join(box.bin, "sendmail"),
             "/usr/bin/git": os.path.join(box.bin, "git")}
    ran, ok = 0, True
    for key, value in service["Service"]:
        if key not in ("ExecStartPre", "ExecStart") or not ok:
            continue
        ignore = value.startswith("-")
        value = value.lstrip("-")
        for a, b in paths.items():
            value = value.replace(a, b)
        # systemd expands ${VAR} to one word; a shell (sh -c) expands the rest.
        argv = [re.sub(r"\$\{(\w+)\}", lambda m: env.get(m.group(1), ""), w)
                for w in shlex.split(value)]
        run = subprocess.run(argv, cwd=box.root, env=box.env(env), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE)
        ran += 1
        want = 1 if broken and key == "ExecStart" else 0
        if not ignore:
            check(run.returncode == want, "systemd %s %s: exit %d, expected %d: %s"
                  % (key, argv[:2], run.returncode, want, run.stderr.decode()[-300:]))
            ok = run.returncode == 0
    if not broken:
        mails = box.logged("sendmail.")
        if check(len(mails) == 1, "systemd: %d mails sent" % len(mails)):
            with open(os.path.join(box.log, mails[0]), "rb") as f:
                check(b"To: koordination@example.org" in f.read(), "systemd: mail To header")
    analyze = shutil.which("systemd-analyze")
    if analyze and not broken:
        units = os.path.join(box.root, "units")
        os.mkdir(units)
        for p in (service_path, timer_path):
            with open(p) as f:
                text = f.read()
            for a, b in paths.items():
                text = text.replace(a, b)
            with open(os.path.join(units, os.path.basename(p)), "w") as f:
                f.write(text)
        v = subprocess.run([analyze, "verify"] + [os.path.join(units, os.path.basename(p))
                                                  for p in (service_path, timer_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = v.stdout.decode()
        # A test machine has no user netmap; everything else must pass.
        problems = [l for l in out.splitlines() if l.strip() and "netmap" not in l.split(":")[0]
                    or "Failed" in l or "nknown" in l]
        check(v.returncode == 0 or not problems, "systemd-analyze verify: %s" % out)
        cal = dict(timer["Timer"])["OnCalendar"]
        c = subprocess.run([analyze, "calendar", cal], stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT)
        check(c.returncode == 0, "systemd-analyze calendar %s: %s" % (cal, c.stdout.decode()))
    return ran


def main():
    netmap = os.path.abspath(sys.argv[1])
    source = os.path.abspath(sys.argv[2])
    ci = os.path.join(source, "docs", "ci")
    counts = {}
    for broken in (False, True):
        for name, fn, args in (
                ("github", run_github, (os.path.join(ci, "github-workflow.yml"),)),
                ("gitlab", run_gitlab, (os.path.join(ci, "gitlab-ci.yml"),)),
                ("pre-commit", run_pre_commit, (os.path.join(source, ".pre-commit-hooks.yaml"),)),
                ("systemd", run_systemd, (os.path.join(ci, "netmap-report.service"),
                                          os.path.join(ci, "netmap-report.timer")))):
            box = Sandbox(netmap, source, broken)
            try:
                counts[name] = counts.get(name, 0) + fn(box, *args, broken)
            finally:
                box.close()
    for f in FAILURES:
        print("FAIL: " + f)
    print("templates: " + ", ".join("%s %d commands" % kv for kv in counts.items()) +
          " run, on valid and on broken data")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
