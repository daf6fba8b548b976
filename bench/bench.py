#!/usr/bin/env python3
"""Runs the harpoon-supervisor benchmark suite and writes bench/results/<date>.md, .json and .png.

Started by bench/run.sh, which builds the distribution, the probe and the JMH project first; see
docs/benchmarks.md for what each number means.

Subjects, all in one run and interleaved: this project through its launcher on the Java the launcher
picks by default (with its class data) and on JDK 17 with its AppCDS archive; the original Go supervisor
(reference/harpoon-supervisor-go) when it is there; `runc run` and `runc create` + `runc start` as the
floor of what any supervisor built on runc can reach.
"""
import argparse
import datetime
import json
import os
import re
import signal
import subprocess
import sys
import time

import chart
import measure
import report
from harness import BenchError, Harness, Subject

JDK17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64"
REPO = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
# Where the original supervisor may be (reference/README.md); HARPOON_GO_SUPERVISOR or --go wins.
GO_CANDIDATES = [os.path.join(REPO, "..", "shared", "reference", "harpoon-supervisor-go"),
                 "/work/shared/reference/harpoon-supervisor-go"]
SECTIONS = ("jmh", "startup", "footprint", "fanout", "density")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="shorter run (< 3 min): 10 rounds, 10 s idle, 1 fan-out cycle, density of 20 only, "
                        "no JMH")
    p.add_argument("--runs", type=int, help="interleaved start-up rounds (default 24, quick 10)")
    p.add_argument("--jdk17", default=os.environ.get("JDK17_HOME", JDK17_DEFAULT),
                   help="the JDK 17 subject (left out when absent)")
    p.add_argument("--go", default=os.environ.get("HARPOON_GO_SUPERVISOR"),
                   help="the original Go supervisor's binary (default: reference/harpoon-supervisor-go)")
    p.add_argument("--skip", default="", help="comma list of: " + ",".join(SECTIONS))
    p.add_argument("--ab", action="append", default=[], metavar="NAME;KEY=VALUE;...",
                   help="A/B mode: measure only these variants of this project, interleaved (start-up "
                        "rounds and footprint). Keys: launcher=PATH (a bin/harpoon-supervisor), "
                        "java=JAVA_HOME, opts=JVM OPTIONS, class_data=off, env=NAME=VALUE (repeatable)")
    p.add_argument("--work", required=False, default=os.path.join(REPO, "bench", ".work"))
    p.add_argument("--probe", required=False)
    p.add_argument("--supervisor", required=False,
                   default=os.path.join(REPO, "bootstrap", "target", "dist", "bin", "harpoon-supervisor"))
    p.add_argument("--jmh-dir", default=os.path.join(REPO, "bench", "jmh"))
    p.add_argument("--results", default=os.path.join(REPO, "bench", "results"))
    p.add_argument("--command", default="bench/run.sh")
    p.add_argument("--cleanup-only", action="store_true")
    p.add_argument("--render", metavar="JSON", help="only render the report (and chart) of an earlier run")
    args = p.parse_args()
    args.probe = args.probe or os.path.join(args.work, "probe")
    return args


def go_binary(args):
    """The original supervisor's binary, or None and why not."""
    candidates = [args.go] if args.go else GO_CANDIDATES
    for path in candidates:
        if path and os.path.isfile(path) and os.access(path, os.X_OK):
            return os.path.realpath(path), None
    return None, "the original supervisor is not measured: no executable at %s (set HARPOON_GO_SUPERVISOR)" % (
        " or ".join(c for c in candidates if c))


def subjects_for(args, notes):
    """The launcher's default Java with its class data, JDK 17 with AppCDS, the original."""
    subjects = [Subject("default", "harpoon, launcher default")]
    if os.path.isfile(os.path.join(args.jdk17, "bin", "java")):
        subjects.append(Subject("jdk17", "harpoon, JDK 17 + AppCDS", java_home=args.jdk17))
    else:
        notes.append("no JDK 17 at %s: the JDK 17 subject is left out" % args.jdk17)
    go, why_not = go_binary(args)
    if go:
        subjects.append(Subject("go", "original (Go)", kind="go", launcher=go))
    else:
        notes.append(why_not)
        print(why_not, file=sys.stderr)
    return subjects


def ab_subjects(specs):
    """Variants given as NAME;KEY=VALUE;... (see --ab)."""
    subjects = []
    for spec in specs:
        name, *pairs = spec.split(";")
        options = {"env": {}}
        for pair in pairs:
            key, _, value = pair.partition("=")
            if key == "env":
                k, _, v = value.partition("=")
                options["env"][k] = v
            else:
                options[key.strip()] = value
        # The key names run directories and container IDs: [A-Za-z0-9_.-] only.
        key = re.sub(r"[^A-Za-z0-9_.-]", "-", name)
        subjects.append(Subject(key, name, java_home=options.get("java"), java_opts=options.get("opts", ""),
                                class_data=options.get("class_data", "on") != "off",
                                launcher=options.get("launcher"), env=options["env"]))
    return subjects


class Progress:
    def __init__(self):
        self.began = time.monotonic()

    def __call__(self, message):
        print("[%5.0f s] %s (load %s)" % (time.monotonic() - self.began, message, report.load_average()),
              flush=True)


def interrupted(signum, _frame):
    raise KeyboardInterrupt("signal %d" % signum)


def main():
    signal.signal(signal.SIGTERM, interrupted)
    args = parse_args()
    runc_root = os.path.join("/run", "harpoon-bench")
    h = Harness(os.path.realpath(args.work), args.probe, args.supervisor, runc_root)
    if args.render:
        with open(args.render) as f:
            r = json.load(f)
        print(report.render(r))
        print(chart.draw(r, os.path.splitext(args.render)[0] + ".png"))
        return 0
    if args.cleanup_only:
        h.cleanup()
        return 0
    skip = set(filter(None, args.skip.split(",")))
    progress = Progress()
    notes = []
    ab = bool(args.ab)
    subjects = ab_subjects(args.ab) if ab else subjects_for(args, notes)
    runs = args.runs or (10 if args.quick else 24)
    if args.quick and "jmh" not in skip:
        skip.add("jmh")
    r = {"schema": 2, "date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
         "mode": "a/b" if ab else "quick" if args.quick else "full", "command": args.command, "runs": runs,
         "settle_s": 10, "notes": notes, "loads": {}}
    r["machine"] = report.machine(sorted({s.java_home for s in subjects if s.java_home}), REPO)
    try:
        if ab:
            run_ab(h, subjects, runs, r, progress)
        else:
            run_all(h, args, subjects, runs, skip, r, progress)
    except BenchError as e:
        r["notes"].append("STOPPED EARLY: %s" % e)
        print("benchmark failed: %s" % e, file=sys.stderr)
    except KeyboardInterrupt:
        progress("interrupted: cleaning up, no report")
        h.cleanup()
        return 130
    finally:
        progress("cleaning up")
        h.cleanup()
    r["duration_s"] = time.monotonic() - progress.began
    r["load_end"] = report.load_average()
    write(r, args.results, "ab-" if ab else "")
    return 1 if any(n.startswith("STOPPED") for n in r["notes"]) else 0


def describe_subjects(h, subjects, r):
    """Records what each subject runs (its launcher's --version); a default that runs without its class
    data would measure something else than the distribution ships, so that stops the run."""
    for s in subjects:
        s.version = measure.version_of(h, s)
        if s.key == "default":
            java = s.version.splitlines()[0].split(" on Java ")[-1].split(" at ")[0]
            kind = "AOT cache" if "AOT cache" in s.version else "AppCDS" if "AppCDS" in s.version else "no class data"
            runtime = "bundled " if "/runtime" in s.version.splitlines()[0] else ""
            s.label = "harpoon, default: %sJava %s + %s" % (runtime, java, kind)
        if not s.is_go and s.class_data and "class data: " in s.version and \
                not any(k in s.version for k in ("AOT cache /", "AppCDS archive /")):
            raise BenchError("%s would run without its class data: %s" % (s.label, s.version))
    r["subjects"] = [dict(s.describe(), label=s.label, version=s.version) for s in subjects]


def run_all(h, args, subjects, runs, skip, r, progress):
    """Every section in turn; a section that fails is noted in the report and the others still run."""
    quick = args.quick

    def section(name, run):
        if name in skip:
            return
        r["loads"][name] = report.load_average()
        try:
            run()
        except (BenchError, OSError, subprocess.SubprocessError) as e:
            r["notes"].append("%s FAILED: %s" % (name, e))
            progress("%s failed: %s" % (name, e))
            h.cleanup()

    section("jmh", lambda: run_jmh(h, args, r, progress))
    if set(SECTIONS) - {"jmh"} <= skip:
        describe_subjects(h, [s for s in subjects if s.is_go], r)
        return
    progress("training the class data of the subjects in a copy of the distribution")
    h.supervisor = measure.train_class_data(h, subjects, progress)
    r["notes"].append("Class data: this project's subjects run the shipped launcher of a copy of the "
                      "distribution; their AOT cache or AppCDS archive is made by `bin/harpoon-supervisor "
                      "--train-class-data` on the Java each runs (the mechanism `mvn package` uses).")
    describe_subjects(h, subjects, r)
    bundle = os.path.join(h.work, "runc-bundle")
    progress("warm-up: one discarded round per subject")
    harpoon = [s for s in subjects if not s.is_go]
    for s in subjects:
        measure.supervisor_round(h, s, "warm-%s" % s.key, "kill", bundle if s is harpoon[0] else None)
    measure.runc_run(h, bundle)
    measure.runc_create_start(h, bundle)

    def startup():
        r["startup"] = measure.startup(h, subjects, runs, bundle, progress)

    def footprint():
        idle = 10 if quick else 60
        progress("footprint: %d s settle + %d s idle, all subjects at once" % (r["settle_s"], idle))
        r["footprint"] = measure.footprint(h, subjects, r["settle_s"], idle)

    def fanout():
        cycles = 1 if quick else 3
        r["fanout"] = {"cycles": cycles, "subjects": {}}
        for s in (subjects[0],) + tuple(s for s in subjects if s.is_go):
            progress("fan-out to 1, 100, 1000 clients, %d cycles (%s)" % (cycles, s.label))
            f = measure.fanout(h, s, (1, 100, 1000), cycles, progress)
            r["fanout"]["subjects"][s.key] = {str(n): v for n, v in f.items()}

    def density():
        counts = (20,) if quick else (20, 50)
        chosen = [s for s in subjects if not quick or s.key in ("default", "go")]
        r["density"] = {}
        turn = 0
        for n in counts:
            for s in measure.rotate(chosen, turn):
                progress("density: %d supervisors at once (%s)" % (n, s.label))
                r["density"].setdefault(s.key, {})[str(n)] = measure.density(h, s, n, r["settle_s"])
            turn += 1

    section("startup", startup)
    section("footprint", footprint)
    section("fanout", fanout)
    section("density", density)
    if quick:
        r["notes"].append("--quick: %d start-up rounds, 10 s idle window, 1 fan-out cycle, density of 20 "
                          "for the default and the original only, no JMH; the full run measures 24 rounds, "
                          "60 s, 3 cycles, 20 and 50 for every subject, and JMH." % runs)


def run_ab(h, subjects, runs, r, progress):
    """A/B: start-up rounds of the variants interleaved with `runc run`, then their footprint side by
    side. Each variant runs its own launcher as it is (its class data included); nothing is trained."""
    describe_subjects(h, subjects, r)
    bundle = os.path.join(h.work, "runc-bundle")
    progress("warm-up: one discarded round per variant")
    for i, s in enumerate(subjects):
        measure.supervisor_round(h, s, "warm-%s" % s.key, "kill", bundle if i == 0 else None)
    measure.runc_run(h, bundle)
    r["loads"]["startup"] = report.load_average()
    r["startup"] = measure.startup(h, subjects, runs, bundle, progress, create_start=False)
    r["loads"]["footprint"] = report.load_average()
    progress("footprint: all variants at once")
    r["footprint"] = measure.footprint(h, subjects, r["settle_s"], 10)


def run_jmh(h, args, r, progress):
    progress("JMH (%s)" % ("short" if args.quick else "-f 1 -wi 2 -i 3"))
    flags = measure.launcher_jvm_flags(args.supervisor)
    r["jmh"] = {"java": report.machine_jdk(args.jdk17), "flags": flags,
                "config": "-wi 1 -i 2, 0.5 s each" if args.quick else "-wi 2 -i 3, 1 s each",
                "results": measure.jmh(args.jmh_dir, args.jdk17, flags, args.quick,
                                       os.path.join(h.work, "jmh.json"),
                                       os.path.join(os.path.dirname(os.path.dirname(args.supervisor)), "lib"))}


def write(r, results_dir, prefix):
    os.makedirs(results_dir, exist_ok=True)
    stem = base = os.path.join(results_dir, prefix + r["date"].replace(" ", "_").replace(":", ""))
    n = 1
    while os.path.exists(stem + ".json"):  # two runs in one minute keep both
        n += 1
        stem = "%s-%d" % (base, n)
    with open(stem + ".json", "w") as out:
        json.dump(r, out, indent=1, default=str)
    text = report.render(r)
    with open(stem + ".md", "w") as out:
        out.write(text + "\n")
    print()
    print(text)
    print(chart.draw(r, stem + ".png"))
    print("written: %s.md and .json%s" % (stem, " and .png" if os.path.exists(stem + ".png") else ""))


if __name__ == "__main__":
    sys.exit(main())
