#!/usr/bin/env python3
"""Runs the harpoon-supervisor benchmark suite and writes bench/results/<date>.md (and .json).

Started by bench/run.sh, which builds the distribution, the probe and the JMH project first; see
docs/benchmarks.md for what each number means.
"""
import argparse
import datetime
import json
import os
import signal
import subprocess
import sys
import time

import measure
import report
from harness import BenchError, Harness, Subject

JDK17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64"
JDK25_DEFAULT = "/usr/lib/jvm/temurin-25-jdk-amd64"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--quick", action="store_true",
                   help="shorter run (< 3 min): JDK 17 and JDK 25 + cache only, 10 s idle, 2 fan-out "
                        "cycles, no density")
    p.add_argument("--runs", type=int, help="interleaved start-up rounds (default 24, quick 20)")
    p.add_argument("--jdk17", default=os.environ.get("JDK17_HOME", JDK17_DEFAULT))
    p.add_argument("--jdk25", default=os.environ.get("JDK25_HOME", JDK25_DEFAULT))
    p.add_argument("--skip", default="", help="comma list of: jmh,startup,footprint,fanout,density")
    p.add_argument("--work", required=True)
    p.add_argument("--probe", required=True)
    p.add_argument("--supervisor", required=True)
    p.add_argument("--jmh-dir", required=True)
    p.add_argument("--results", required=True)
    p.add_argument("--command", default="bench/run.sh")
    p.add_argument("--cleanup-only", action="store_true")
    p.add_argument("--render", metavar="JSON", help="only render the report of an earlier run")
    return p.parse_args()


def subjects_for(args):
    """JDK 17 with its AppCDS archive, and when Temurin 25 is there: JDK 25 without and with its AOT
    cache. Each is the shipped launcher pinned to that JDK (HARPOON_JAVA_HOME)."""
    subjects = [Subject("jdk17", "harpoon, JDK 17", args.jdk17, target_up=report.TARGETS["up_jdk17"])]
    if os.path.isfile(os.path.join(args.jdk25, "bin", "java")):
        plain = Subject("jdk25", "harpoon, JDK 25", args.jdk25, class_data=False)
        cached = Subject("jdk25aot", "harpoon, JDK 25 + AOT cache", args.jdk25,
                         target_up=report.TARGETS["up_jdk25_cache"])
        subjects += [plain, cached] if not args.quick else [cached]
    return subjects


class Progress:
    def __init__(self):
        self.began = time.monotonic()

    def __call__(self, message):
        print("[%5.0f s] %s" % (time.monotonic() - self.began, message), flush=True)


def interrupted(signum, _frame):
    raise KeyboardInterrupt("signal %d" % signum)


def main():
    signal.signal(signal.SIGTERM, interrupted)
    args = parse_args()
    runc_root = os.path.join("/run", "harpoon-bench")
    h = Harness(os.path.realpath(args.work), args.probe, args.supervisor, runc_root)
    if args.render:
        with open(args.render) as f:
            print(report.render(json.load(f)))
        return 0
    if args.cleanup_only:
        h.cleanup()
        return 0
    skip = set(filter(None, args.skip.split(",")))
    progress = Progress()
    subjects = subjects_for(args)
    runs = args.runs or (20 if args.quick else 24)
    r = {"date": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), "mode": "quick" if args.quick else
         "full", "command": args.command, "runs": runs, "settle_s": 5, "notes": [],
         "subjects": [{"key": s.key, "label": s.label, "java_home": s.java_home,
                       "target_up": s.target_up} for s in subjects]}
    r["machine"] = report.machine(sorted({s.java_home for s in subjects}), os.getcwd())
    try:
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
    write(r, args.results)
    return 1 if any(n.startswith("STOPPED") for n in r["notes"]) else 0


def run_all(h, args, subjects, runs, skip, r, progress):
    """Every section in turn; a section that fails is noted in the report and the others still run."""
    quick = args.quick
    if quick and "density" not in skip:
        skip.add("density")
        r["notes"].append("--quick skips density (50 JVMs starting at once take 1-2 minutes on 2 cores "
                          "on their own); the full run measures it.")

    def section(name, run):
        if name in skip:
            return
        try:
            run()
        except (BenchError, OSError, subprocess.SubprocessError) as e:
            r["notes"].append("%s FAILED: %s" % (name, e))
            progress("%s failed: %s" % (name, e))
            h.cleanup()

    section("jmh", lambda: run_jmh(h, args, r, progress))
    if not {"startup", "footprint", "fanout", "density"} <= skip:
        progress("training the class data of the subjects in a copy of the distribution")
        try:
            train(h, subjects, r, progress)
        except (BenchError, OSError, subprocess.SubprocessError) as e:
            r["notes"].append("class data training failed, subjects run without: %s" % e)
            for s in subjects:
                s.class_data = False
    bundle = os.path.join(h.work, "runc-bundle")
    progress("warm-up: one discarded round per subject")
    for i, s in enumerate(subjects):
        measure.supervisor_round(h, s, "warm-%s" % s.key, "kill", bundle if i == 0 else None)
    measure.runc_run(h, bundle)
    measure.runc_create_start(h, bundle)

    def startup():
        r["startup"] = measure.startup(h, subjects, runs, bundle, progress)

    def footprint():
        idle = 10 if quick else 60
        progress("footprint: %d s settle + %d s idle, all subjects at once" % (r["settle_s"], idle))
        r["footprint"] = measure.footprint(h, subjects, r["settle_s"], idle)

    def fanout():
        cycles = 2 if quick else 4
        progress("fan-out to 1, 100, 1000 clients, %d cycles (%s)" % (cycles, subjects[0].label))
        f = measure.fanout(h, subjects[0], (1, 100, 1000), cycles, progress)
        r["fanout"] = {"label": subjects[0].label, "cycles": cycles,
                       "by_clients": {str(n): v for n, v in f.items()}}

    def density():
        r["density"] = {}
        for s in subjects:
            if s.key != "jdk25":
                progress("density: 50 supervisors at once (%s)" % s.label)
                r["density"][s.key] = measure.density(h, s, 50, r["settle_s"])

    section("startup", startup)
    section("footprint", footprint)
    section("fanout", fanout)
    section("density", density)


def run_jmh(h, args, r, progress):
    progress("JMH (%s)" % ("short" if args.quick else "-f 1 -wi 2 -i 3"))
    flags = measure.launcher_jvm_flags(args.supervisor)
    r["jmh"] = {"java": report.machine_jdk(args.jdk17), "flags": flags,
                "config": "-wi 1 -i 2, 0.5 s each" if args.quick else "-wi 2 -i 3, 1 s each",
                "results": measure.jmh(args.jmh_dir, args.jdk17, flags, args.quick,
                                       os.path.join(h.work, "jmh.json"))}


def train(h, subjects, r, progress):
    h.supervisor = measure.train_class_data(h, subjects, progress)
    r["notes"].append("Class data: every subject runs the shipped launcher of a copy of the distribution, "
                      "pinned to its JDK with HARPOON_JAVA_HOME; the JDK 17 AppCDS archive and the JDK 25 "
                      "AOT cache are made by `bin/harpoon-supervisor --train-class-data` on that JDK "
                      "(the mechanism `mvn package` uses); `JDK 25` runs with HARPOON_CLASS_DATA=off.")


def write(r, results_dir):
    os.makedirs(results_dir, exist_ok=True)
    stem = base = os.path.join(results_dir, r["date"].replace(" ", "_").replace(":", ""))
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
    print("written: %s.md and %s.json" % (stem, stem))


if __name__ == "__main__":
    sys.exit(main())
