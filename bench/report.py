"""Statistics, the machine description and the Markdown report of one benchmark run."""
import os
import platform
import subprocess

# The original Go supervisor on a machine like ours (docs in /work/shared/MEASUREMENTS.md): a reference
# only, NOT measured by this run.
GO = {"up": (22, 25), "kill": (1, 1), "stop": (1, 6), "rss_mb": 6.6, "threads": (8, 9), "cpu_pct": 0.1}

TARGETS = {
    "up_jdk25_cache": 100, "up_jdk17": 180, "rss_mb": 45, "anon_mb": 25, "threads": 16,
    "cpu_pct": 0.2, "kill_ms": 5, "fanout_1000_p99": 50, "density_s": 10,
}


def percentile(values, p):
    """Linear interpolation between the closest ranks (numpy's default)."""
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def median(values):
    return percentile(values, 50)


def fmt(x, digits=1):
    try:
        x = float(x)  # JMH writes "NaN" as a string when it has too few iterations for an error
    except (TypeError, ValueError):
        return "–"
    return "–" if x != x else "%.*f" % (digits, x)


def verdict(value, limit):
    if value is None or value != value:
        return "–"
    return "✅ ≤ %s" % limit if value <= limit else "❌ > %s" % limit


# --- the machine -------------------------------------------------------------------------------


def run_text(cmd):
    try:
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=20)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def cgroup_mode():
    mounts = {}
    with open("/proc/mounts") as f:
        for line in f:
            parts = line.split()
            mounts[parts[1]] = parts[2]
    if mounts.get("/sys/fs/cgroup") == "cgroup2":
        return "v2 (unified)"
    if mounts.get("/sys/fs/cgroup/unified") == "cgroup2":
        return "hybrid (v1 controllers, cgroup2 at /sys/fs/cgroup/unified)"
    return "v1"


def machine_jdk(home):
    lines = run_text([os.path.join(home, "bin", "java"), "-version"]).splitlines()
    return lines[1] if len(lines) > 1 else "?"


def machine(java_homes, repo):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kb = int(f.readline().split()[1])
    distro = "?"
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    distro = line.split("=", 1)[1].strip().strip('"')
    jdks = {home: machine_jdk(home) for home in java_homes}
    commit = run_text(["git", "-C", repo, "rev-parse", "--short", "HEAD"])
    dirty = run_text(["git", "-C", repo, "status", "--porcelain", "--", "pom.xml", "domain", "application",
                      "adapters", "bootstrap"])
    return {
        "nproc": os.cpu_count(), "cpu": cpu, "memory_gb": round(mem_kb / 1024 / 1024, 1),
        "kernel": platform.release(), "distro": distro, "cgroup": cgroup_mode(), "jdks": jdks,
        "runc": run_text(["runc", "--version"]).splitlines()[0],
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "load_start": load_average(),
    }


def load_average():
    """The machine is shared: the load says how much noise a run had to live with."""
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


# --- the report --------------------------------------------------------------------------------


def mb(kb):
    return kb / 1024.0


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def ratio(a, b):
    return "–" if not b or a != a or b != b else "%.1f×" % (a / b)


def render(r):
    subjects = r["subjects"]
    out = ["# harpoon-supervisor benchmarks — %s (%s run)" % (r["date"], r["mode"]), ""]
    out += machine_section(r)
    if "startup" in r:
        out += startup_section(r, subjects)
        out += shutdown_section(r, subjects)
    if "footprint" in r:
        out += footprint_section(r, subjects)
    if "fanout" in r:
        out += fanout_section(r)
    if "density" in r:
        out += density_section(r, subjects)
    if "jmh" in r:
        out += jmh_section(r)
    if r.get("notes"):
        out += ["## Notes", ""] + ["- " + n for n in r["notes"]] + [""]
    return "\n".join(out)


def machine_section(r):
    m = r["machine"]
    rows = [["CPU", "%s × %s" % (m["nproc"], m["cpu"])], ["memory", "%s GB" % m["memory_gb"]],
            ["OS / kernel", "%s / %s" % (m["distro"], m["kernel"])], ["cgroups", m["cgroup"]],
            ["OCI runtime", m["runc"]], ["supervisor commit", m["commit"]],
            ["load average (1/5/15 min)", "%s at start, %s at end" % (m["load_start"], r.get("load_end"))]]
    rows += [["JDK (%s)" % home, v] for home, v in m["jdks"].items()]
    return ["## Machine", "", table(["", ""], rows), "",
            "Command: `%s`; total time %.0f s." % (r["command"], r["duration_s"]), ""]


def startup_section(r, subjects):
    s = r["startup"]
    runc_run = median(s["runc-run"])
    runc_cs = median(s["runc-create-start"])
    go_mid = sum(GO["up"]) / 2.0
    header = ["subject", "median ms", "p90 ms", "min ms", "N", "× runc run", "× runc create+start",
              "× Go original¹", "target (median)"]
    rows = []
    for sub in subjects:
        up = s[sub["key"]]["up"]
        target = verdict(median(up), sub["target_up"]) if sub.get("target_up") else "–"
        rows.append([sub["label"], fmt(median(up)), fmt(percentile(up, 90)), fmt(min(up)), len(up),
                     ratio(median(up), runc_run), ratio(median(up), runc_cs), ratio(median(up), go_mid),
                     target])
    for key, label in (("runc-run", "baseline: `runc run` of `true`, end to end"),
                       ("runc-create-start", "baseline: `runc create` + `runc start`")):
        v = s[key]
        rows.append([label, fmt(median(v)), fmt(percentile(v, 90)), fmt(min(v)), len(v),
                     ratio(median(v), runc_run), ratio(median(v), runc_cs), "–", "–"])
    rows.append(["Go original¹ (reference, **not measured in this run**)", "22–25", "–", "–", "–",
                 "–", "–", "1.0×", "–"])
    breakdown = phase_rows(s, subjects)
    return ["## Start: exec → first `up:true` state", "",
            "From fork/exec of the launcher to the first `up:true` state read on `RUNDIR/control`; "
            "%d interleaved rounds (every round runs every subject once, in a rotating order)." % r["runs"],
            "", table(header, rows), "",
            "¹ The original Go supervisor's published figures (MEASUREMENTS.md, same kind of machine); "
            "ratios use the midpoint, %.1f ms." % go_mid, ""] + breakdown


def phase_rows(s, subjects):
    """Where the start-up time goes, from the supervisor's log timestamps (ms resolution)."""
    rows = []
    for sub in subjects:
        p = s[sub["key"]].get("phases") or []
        if p:
            rows.append([sub["label"]] + [fmt(median([x[k] for x in p])) for k in
                                          ("jvm", "runtime", "publish")] + [len(p)])
    if not rows:
        return []
    return ["Where the time goes (medians, ms), split at the supervisor's own log lines `starting "
            "container` and `container started`:", "",
            table(["subject", "exec → `starting container` (launcher, JVM, wiring)",
                   "→ `container started` (bundle, runc create + start)", "→ client has `up:true`", "N"],
                  rows), ""]


def shutdown_section(r, subjects):
    s = r["startup"]
    header = ["subject", "kill → down median ms", "p90", "N", "stop → down median ms", "p90", "N",
              "exit → process gone median ms", "target (kill median)"]
    rows = []
    for sub in subjects:
        d = s[sub["key"]]
        rows.append([sub["label"], fmt(median(d["kill"]), 2), fmt(percentile(d["kill"], 90), 2),
                     len(d["kill"]), fmt(median(d["stop"]), 2), fmt(percentile(d["stop"], 90), 2),
                     len(d["stop"]), fmt(median(d["exit"])),
                     verdict(median(d["kill"]), TARGETS["kill_ms"])])
    rows.append(["Go original (reference, **not measured in this run**)", "≈ 1", "–", "–", "1–6", "–",
                 "–", "–", "–"])
    left = ["%s: %d of %d" % (sub["label"], s[sub["key"]].get("left_behind", 0), len(s[sub["key"]]["up"]))
            for sub in subjects]
    return ["## Shutdown: command → down state", "",
            "From writing `event: kill` / `event: stop` on the control connection to reading the first "
            "`up:false` state on it; the container's init traps TERM and exits 0. Rounds alternate kill "
            "and stop. *exit → process gone*: from sending `exit` (right after the down state) to the "
            "supervisor's process ending.", "", table(header, rows), "",
            "Rounds in which the supervisor exited leaving its (stopped) runc container and cgroup "
            "behind, deleted by the benchmark before the next round: " + ", ".join(left) + ".", ""]


def footprint_section(r, subjects):
    f = r["footprint"]
    header = ["subject", "RSS MB", "private (RssAnon) MB", "PSS MB", "threads", "fds",
              "idle CPU % of a core", "CPU ms per 10 s", "same, from schedstat", "RSS × Go"]
    rows = []
    for sub in subjects:
        if sub["key"] not in f:
            continue
        x = f[sub["key"]]
        m = x["memory"]
        rows.append([sub["label"], fmt(mb(m["rss_kb"])), fmt(mb(m["anon_kb"])), fmt(mb(m["pss_kb"])),
                     m["threads"], m["fds"], fmt(x["cpu_pct"], 3), fmt(x["cpu_s"] * 1e4 / x["idle_s"]),
                     fmt(x["cpu_ns_threads"] / 1e5 / x["idle_s"]), ratio(mb(m["rss_kb"]), GO["rss_mb"])])
    rows.append(["Go original (reference, **not measured in this run**)", "6.6", "–", "–", "8–9", "–",
                 "≈ 0.1", "≈ 10", "–", "1.0×"])
    rows.append(["target", "≤ %d" % TARGETS["rss_mb"], "≤ %d" % TARGETS["anon_mb"], "–",
                 "≤ %d" % TARGETS["threads"], "–", "≤ %s" % TARGETS["cpu_pct"], "–", "–", "–"])
    checks = []
    for sub in subjects:
        if sub["key"] in f:
            x = f[sub["key"]]
            m = x["memory"]
            checks.append("%s: RSS %s, private %s, threads %s, idle CPU %s" % (
                sub["label"], verdict(mb(m["rss_kb"]), TARGETS["rss_mb"]),
                verdict(mb(m["anon_kb"]), TARGETS["anon_mb"]), verdict(m["threads"], TARGETS["threads"]),
                verdict(x["cpu_pct"], TARGETS["cpu_pct"])))
    after = ", ".join("%s %s MB" % (sub["label"], fmt(mb(f[sub["key"]]["memory_after_idle"]["rss_kb"])))
                      for sub in subjects if sub["key"] in f)
    idle = next(iter(f.values()))["idle_s"]
    return ["## Footprint of an idle supervisor", "",
            "All subjects side by side, each supervising an idle container with one client attached; "
            "memory read %d s after `up:true` (/proc/PID/status, /proc/PID/smaps_rollup), CPU "
            "(utime+stime from /proc/PID/stat, 10 ms ticks; cross-checked with the threads' "
            "nanosecond schedstat) over the following %.0f s, metrics samples included." % (
                r["settle_s"], idle), "", table(header, rows), "",
            "Targets: " + "; ".join(checks) + ".", "", "RSS after the idle window: " + after + ".", ""]


def fanout_section(r):
    f = r["fanout"]
    header = ["clients", "kill → last client, median of cycles ms", "worst cycle ms",
              "deliveries p50 ms", "deliveries p99 ms", "metrics sample first → last client ms",
              "target (p99)"]
    rows = []
    for n, x in sorted(f["by_clients"].items(), key=lambda kv: int(kv[0])):
        p99 = percentile(x["deliver"], 99)
        target = verdict(p99, TARGETS["fanout_1000_p99"]) if int(n) == 1000 else "–"
        rows.append([n, fmt(median(x["last"]), 2), fmt(max(x["last"]), 2),
                     fmt(percentile(x["deliver"], 50), 2), fmt(p99, 2), fmt(median(x["spread"]), 2),
                     target])
    return ["## Fan-out: one state change to N clients", "",
            "%s; %d cycles per client count (a fresh supervisor each). The N clients live in one "
            "process (epoll); a separate connection sends `kill`. *Deliveries* pools, over all cycles, "
            "the time from the command to each client holding the `up:false` state; the metrics column "
            "is the gap between the first and the last client receiving the same 3-second sample "
            "(no command involved)." % (f["label"], f["cycles"]), "", table(header, rows), ""]


def density_section(r, subjects):
    header = ["subject", "supervisors", "all up s", "median up s", "total PSS MB", "PSS each MB",
              "total RSS MB", "total private MB", "kill → down median ms", "target (all up)"]
    rows = []
    for sub in subjects:
        d = r["density"].get(sub["key"])
        if not d:
            continue
        n = d["count"]
        rows.append([sub["label"], n, fmt(d["all_up_ms"] / 1e3, 2), fmt(median(d["up_ms"]) / 1e3, 2),
                     fmt(mb(d["pss_kb"])), fmt(mb(d["pss_kb"]) / n), fmt(mb(d["rss_kb"])),
                     fmt(mb(d["anon_kb"])), fmt(median(d["kill_down_ms"])),
                     verdict(d["all_up_ms"] / 1e3, TARGETS["density_s"])])
    return ["## Density: supervisors started at once", "",
            "All forked within a few milliseconds, each in its own run directory with its own ID; *all "
            "up* is from the first fork to the last `up:true`; memory read %d s later." % r["settle_s"],
            "", table(header, rows), ""]


def jmh_section(r):
    j = r["jmh"]
    rows = [[name, fmt(x["ns"], 1), fmt(x["error"], 1), "{:,.0f}".format(1e9 / x["ns"])]
            for name, x in sorted(j["results"].items())]
    return ["## JMH: hot in-process paths", "",
            "%s, one fork, %s, with the launcher's JVM flags (`%s`)." % (
                j["java"], j["config"], " ".join(j["flags"])), "",
            table(["benchmark", "ns/op", "± (99.9 %)", "ops/s"], rows), ""]
