"""Statistics, the machine description, the targets and the Markdown report of one benchmark run."""
import os
import platform
import subprocess

# The targets of the per-container cost issue, for the default runtime (JDK 25 + AOT cache); ratios
# compare numbers of the same run. (target, stretch)
TARGETS = {
    "up_x_runc": (4, 3),            # exec -> first up:true, median, x `runc run`
    "cpu_ms": (250, 150),           # supervisor CPU (user+sys) until up:true
    "all_up_20_s": (4, 2.5),        # 20 started at once, all up
    "all_up_50_s": (10, 6),         # 50 started at once, all up
    "private_dirty_mb": (20, 17),   # idle
    "pss_20_mb": (24, 20),          # per supervisor with 20 running
    "threads": (14, 12),            # idle
    "kill_x_go": (2, 1.5),          # kill -> down, median, x the original's
    "idle_cpu_pct": (0.2, None),
    "fanout_1000_p99_ms": (50, None),
}


def percentile(values, p):
    """Linear interpolation between the closest ranks (numpy's default)."""
    values = [v for v in values if v is not None and v == v and v >= 0]
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def median(values):
    return percentile(values, 50)


def mean(values):
    values = [v for v in values if v is not None and v == v]
    return sum(values) / len(values) if values else float("nan")


def fmt(x, digits=1):
    try:
        x = float(x)  # JMH writes "NaN" as a string when it has too few iterations for an error
    except (TypeError, ValueError):
        return "–"
    return "–" if x != x else "%.*f" % (digits, x)


def verdict(value, key):
    """✅ when VALUE meets the target of KEY (⭐ when it meets the stretch too), else ❌."""
    target, stretch = TARGETS[key]
    if value is None or value != value:
        return "–"
    if stretch is not None and value <= stretch:
        return "⭐"
    return "✅" if value <= target else "❌"


def target_text(key, unit=""):
    target, stretch = TARGETS[key]
    text = "≤ %s%s" % (target, unit)
    return text + (" (stretch ≤ %s%s)" % (stretch, unit) if stretch is not None else "")


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


def by_key(r):
    return {s["key"]: s for s in r["subjects"]}


def render(r):
    out = ["# harpoon-supervisor benchmarks — %s (%s run)" % (r["date"], r["mode"]), ""]
    out += machine_section(r)
    if r["mode"] != "a/b":
        out += summary_section(r)
    out += subjects_section(r)
    if "startup" in r:
        out += startup_section(r)
        out += shutdown_section(r)
    if "footprint" in r:
        out += footprint_section(r)
    if "fanout" in r:
        out += fanout_section(r)
    if "density" in r:
        out += density_section(r)
    if "jmh" in r:
        out += jmh_section(r)
    if r.get("notes"):
        out += ["## Notes", ""] + ["- " + n for n in r["notes"]] + [""]
    return "\n".join(out)


def machine_section(r):
    m = r["machine"]
    loads = ", ".join("%s %s" % (k, v) for k, v in r.get("loads", {}).items())
    rows = [["CPU", "%s × %s" % (m["nproc"], m["cpu"])], ["memory", "%s GB" % m["memory_gb"]],
            ["OS / kernel", "%s / %s" % (m["distro"], m["kernel"])], ["cgroups", m["cgroup"]],
            ["OCI runtime", m["runc"]], ["supervisor commit", m["commit"]],
            ["load average (1/5/15 min)", "%s at start, %s at end" % (m["load_start"], r.get("load_end"))]]
    if loads:
        rows.append(["load average when each section began", loads])
    rows += [["JDK (%s)" % home, v] for home, v in m["jdks"].items()]
    return ["## Machine", "", table(["", ""], rows), "",
            "Command: `%s`; total time %.0f s." % (r["command"], r.get("duration_s", 0)), ""]


def subjects_section(r):
    rows = [[s["label"], "<br>".join((s.get("version") or "").splitlines())] for s in r["subjects"]]
    return ["## Subjects", "", table(["subject", "what it runs (its `--version`)"], rows), ""]


def column_keys(r):
    return [s["key"] for s in r["subjects"]]


def summary_rows(r):
    """The side-by-side table: one row per measurement; columns: each subject, runc, the target."""
    keys = column_keys(r)
    subjects = by_key(r)
    s = r.get("startup", {})
    f = r.get("footprint", {})
    fan = r.get("fanout", {}).get("subjects", {})
    dens = r.get("density", {})
    runc_up = median(s.get("runc-run", []))
    go_kill = median(s["go"]["kill"]) if "go" in s else float("nan")
    rows = []

    def row(name, cell, runc="–", target="–", verdict_of=None):
        cells = []
        for k in keys:
            text = cell(k)
            if verdict_of and k == "default" and text != "–":
                text += " " + verdict(verdict_of(k), target)
            cells.append(text)
        rows.append([name] + cells + [runc, target_text(target) if target != "–" else "–"])

    def up(k):
        if k not in s:
            return "–"
        v = s[k]["up"]
        return "%s (%s) = %s" % (fmt(median(v)), fmt(percentile(v, 90)), ratio(median(v), runc_up))

    if s:
        row("exec → first `up:true`, ms: median (p90) = × `runc run`", up,
            runc="%s (%s)" % (fmt(runc_up), fmt(percentile(s["runc-run"], 90))), target="up_x_runc",
            verdict_of=lambda k: median(s[k]["up"]) / runc_up)
        row("supervisor CPU (user+sys) until `up:true`, ms, median",
            lambda k: fmt(median(s[k]["cpu"]), 0) if k in s else "–",
            runc="%s (`runc run`'s own)" % fmt(median(s.get("runc-run-cpu", [])), 0), target="cpu_ms",
            verdict_of=lambda k: median(s[k]["cpu"]))
        row("runtime processes' CPU by then (runc create + start), ms",
            lambda k: fmt(median(s[k]["child_cpu"]), 0) if k in s and k != "go" else "–")
        row("kill → down, ms: median = × original's",
            lambda k: "%s = %s" % (fmt(median(s[k]["kill"]), 2), ratio(median(s[k]["kill"]), go_kill))
            if k in s else "–", target="kill_x_go",
            verdict_of=lambda k: median(s[k]["kill"]) / go_kill)
        row("stop → down, ms, median", lambda k: fmt(median(s[k]["stop"]), 2) if k in s else "–")
    if f:
        def mem(k, field):
            return fmt(mb(f[k]["memory"][field])) if k in f else "–"
        row("private dirty, idle, MB (smaps_rollup)", lambda k: mem(k, "private_dirty_kb"),
            target="private_dirty_mb", verdict_of=lambda k: mb(f[k]["memory"]["private_dirty_kb"]))
        row("PSS, idle, MB", lambda k: mem(k, "pss_kb"))
        row("RSS, idle, MB", lambda k: mem(k, "rss_kb"))
        row("threads, idle", lambda k: str(f[k]["memory"]["threads"]) if k in f else "–", target="threads",
            verdict_of=lambda k: f[k]["memory"]["threads"])
        row("idle CPU, %% of a core (%.0f s)" % next(iter(f.values()))["idle_s"],
            lambda k: fmt(f[k]["cpu_pct"], 3) if k in f else "–", target="idle_cpu_pct",
            verdict_of=lambda k: f[k]["cpu_pct"])
    if fan:
        row("fan-out: kill → each of 1000 clients, p99 ms",
            lambda k: fmt(percentile(fan[k]["1000"]["deliver"], 99)) if k in fan else "–",
            target="fanout_1000_p99_ms", verdict_of=lambda k: percentile(fan[k]["1000"]["deliver"], 99))
    for n in ("20", "50"):
        if not any(n in d for d in dens.values()):
            continue

        def get(k, n=n):
            return dens.get(k, {}).get(n)

        row("%s started at once: all up, s" % n,
            lambda k: fmt(get(k)["all_up_ms"] / 1e3, 2) if get(k) else "–", target="all_up_%s_s" % n,
            verdict_of=lambda k: get(k)["all_up_ms"] / 1e3)
        row("%s at once: CPU per start (until its up), s" % n,
            lambda k: fmt(mean(get(k)["cpu_ms"]) / 1e3, 3) if get(k) else "–")
        row("%s at once: private dirty / PSS per supervisor, MB" % n,
            lambda k: "%s / %s" % (fmt(mb(mean(get(k)["private_dirty_kb"]))), fmt(mb(mean(get(k)["pss_kb"]))))
            if get(k) else "–",
            target="pss_20_mb" if n == "20" else "–",
            verdict_of=(lambda k: mb(mean(get(k)["pss_kb"]))) if n == "20" else None)
        row("%s at once: threads per supervisor" % n,
            lambda k: fmt(mean(get(k)["threads"]), 0) if get(k) else "–")
    return rows


def summary_header(r):
    return ["measurement"] + [by_key(r)[k]["label"] for k in column_keys(r)] + ["`runc run`", "target (default)"]


def summary_section(r):
    rows = summary_rows(r)
    if not rows:
        return []
    return ["## Side by side", "",
            "Every number of this run, per subject; ratios compare numbers of this run. Targets are for the "
            "default (✅ met, ⭐ stretch met, ❌ missed).", "", table(summary_header(r), rows), ""]


def startup_section(r):
    s = r["startup"]
    runc_run = median(s["runc-run"])
    runc_cs = median(s.get("runc-create-start", []))
    header = ["subject", "median ms", "p90 ms", "min ms", "N", "× runc run", "× runc create+start",
              "CPU until up, median ms (p90)", "runtime processes' CPU ms"]
    rows = []
    for sub in r["subjects"]:
        d = s[sub["key"]]
        up = d["up"]
        rows.append([sub["label"], fmt(median(up)), fmt(percentile(up, 90)), fmt(min(up)), len(up),
                     ratio(median(up), runc_run), ratio(median(up), runc_cs),
                     "%s (%s)" % (fmt(median(d["cpu"]), 0), fmt(percentile(d["cpu"], 90), 0)),
                     fmt(median(d["child_cpu"]), 0) if sub["kind"] != "go" else "–"])
    for key, label in (("runc-run", "baseline: `runc run` of `true`, end to end"),
                       ("runc-create-start", "baseline: `runc create` + `runc start`")):
        v = s.get(key)
        if v:
            rows.append([label, fmt(median(v)), fmt(percentile(v, 90)), fmt(min(v)), len(v),
                         ratio(median(v), runc_run), ratio(median(v), runc_cs),
                         fmt(median(s["runc-run-cpu"]), 0) + " (its own and its children's)"
                         if key == "runc-run" else "–", "–"])
    return ["## Start: exec → first `up:true` state", "",
            "From fork/exec of the launcher to the first `up:true` state read on `RUNDIR/control`; "
            "%d interleaved rounds (every round runs every subject once, in a rotating order). *CPU until "
            "up*: the supervisor process's user+sys time (all its threads, the launcher before it execs "
            "java included) when its first `up:true` state arrived; *runtime processes*: what the "
            "children it had reaped by then used (runc create and start)." % r["runs"],
            "", table(header, rows), ""] + phase_rows(r)


def phase_rows(r):
    """Where the start-up time goes, from the supervisor's log timestamps (ms resolution)."""
    s = r["startup"]
    rows = []
    for sub in r["subjects"]:
        p = s[sub["key"]].get("phases") or []
        if p:
            rows.append([sub["label"]] + [fmt(median([x[k] for x in p])) for k in
                                          ("jvm", "runtime", "publish")] + [len(p)])
    if not rows:
        return []
    return ["Where this project's start-up time goes (medians, ms), split at the supervisor's own log "
            "lines `starting container` and `container started`:", "",
            table(["subject", "exec → `starting container` (launcher, JVM, wiring)",
                   "→ `container started` (bundle, runc create + start)", "→ client has `up:true`", "N"],
                  rows), ""]


def shutdown_section(r):
    s = r["startup"]
    go_kill = median(s["go"]["kill"]) if "go" in s else float("nan")
    header = ["subject", "kill → down median ms", "p90", "× original", "N", "stop → down median ms", "p90",
              "N", "exit → process gone median ms"]
    rows = []
    for sub in r["subjects"]:
        d = s[sub["key"]]
        rows.append([sub["label"], fmt(median(d["kill"]), 2), fmt(percentile(d["kill"], 90), 2),
                     ratio(median(d["kill"]), go_kill), len(d["kill"]), fmt(median(d["stop"]), 2),
                     fmt(percentile(d["stop"], 90), 2), len(d["stop"]), fmt(median(d["exit"]))])
    left = ["%s: %d of %d" % (sub["label"], s[sub["key"]].get("left_behind", 0), len(s[sub["key"]]["up"]))
            for sub in r["subjects"] if sub["kind"] != "go"]
    failed = ["%s: %s" % (sub["label"], "; ".join(s[sub["key"]]["failed"])) for sub in r["subjects"]
              if s[sub["key"]].get("failed")]
    return ["## Shutdown: command → down state", "",
            "From writing `event: kill` / `event: stop` (with an empty `data` line, as the original agent "
            "sends them) on the control connection to reading the first `up:false` state on it; the "
            "container's init traps TERM and exits 0 (stop is sent 0.3 s after `up:true`, once the trap is "
            "set). Rounds alternate kill and stop. *exit → process "
            "gone*: from sending `exit` (right after the down state) to the supervisor's process ending.",
            "", table(header, rows), "",
            "Rounds in which this project's supervisor exited leaving its (stopped) runc container behind, "
            "deleted by the benchmark before the next round: " + ", ".join(left) + ".", ""] + (
                ["Rounds that failed (left out of every number above): " + "; ".join(failed) + ".", ""]
                if failed else [])


def footprint_section(r):
    f = r["footprint"]
    header = ["subject", "private dirty MB", "PSS MB", "RSS MB", "RssAnon MB", "threads", "fds",
              "idle CPU % of a core", "CPU ms per 10 s", "same, from schedstat", "private dirty after idle MB"]
    rows = []
    for sub in r["subjects"]:
        if sub["key"] not in f:
            continue
        x = f[sub["key"]]
        m = x["memory"]
        rows.append([sub["label"], fmt(mb(m["private_dirty_kb"])), fmt(mb(m["pss_kb"])), fmt(mb(m["rss_kb"])),
                     fmt(mb(m["anon_kb"])), m["threads"], m["fds"], fmt(x["cpu_pct"], 3),
                     fmt(x["cpu_s"] * 1e4 / x["idle_s"]), fmt(x["cpu_ns_threads"] / 1e5 / x["idle_s"]),
                     fmt(mb(x["memory_after_idle"]["private_dirty_kb"]))])
    idle = next(iter(f.values()))["idle_s"]
    return ["## Footprint of an idle supervisor", "",
            "All subjects side by side, each supervising an idle container with one client attached; "
            "memory read %d s after `up:true` (`Private_Dirty` and `Pss` of /proc/PID/smaps_rollup, "
            "/proc/PID/status), CPU (utime+stime from /proc/PID/stat, 10 ms ticks; cross-checked with the "
            "threads' nanosecond schedstat) over the following %.0f s, metrics samples included." % (
                r["settle_s"], idle), "", table(header, rows), ""]


def fanout_section(r):
    f = r["fanout"]
    labels = by_key(r)
    header = ["subject", "clients", "kill → last client, median of cycles ms", "worst cycle ms",
              "deliveries p50 ms", "deliveries p99 ms", "metrics sample first → last client ms"]
    rows = []
    for key, counts in f["subjects"].items():
        for n, x in sorted(counts.items(), key=lambda kv: int(kv[0])):
            rows.append([labels[key]["label"], n, fmt(median(x["last"]), 2), fmt(max(x["last"]), 2),
                         fmt(percentile(x["deliver"], 50), 2), fmt(percentile(x["deliver"], 99), 2),
                         fmt(median(x["spread"]), 2)])
    return ["## Fan-out: one state change to N clients", "",
            "%d cycles per client count (a fresh supervisor each). The N clients live in one process "
            "(epoll); a separate connection sends `kill`. *Deliveries* pools, over all cycles, the time "
            "from the command to each client holding the `up:false` state; the metrics column is the gap "
            "between the first and the last client receiving the same 3-second sample (no command "
            "involved)." % f["cycles"], "", table(header, rows), ""]


def density_section(r):
    header = ["subject", "supervisors", "all up s", "median up s", "CPU per start s (mean)",
              "runtime processes' CPU per start s", "private dirty each MB", "PSS each MB", "RSS each MB",
              "threads each", "kill → down median ms"]
    rows = []
    for sub in r["subjects"]:
        for n, d in sorted(r["density"].get(sub["key"], {}).items(), key=lambda kv: int(kv[0])):
            rows.append([sub["label"], n, fmt(d["all_up_ms"] / 1e3, 2), fmt(median(d["up_ms"]) / 1e3, 2),
                         fmt(mean(d["cpu_ms"]) / 1e3, 3),
                         fmt(mean(d["child_cpu_ms"]) / 1e3, 3) if sub["kind"] != "go" else "–",
                         fmt(mb(mean(d["private_dirty_kb"]))), fmt(mb(mean(d["pss_kb"]))),
                         fmt(mb(mean(d["rss_kb"]))), fmt(mean(d["threads"]), 0),
                         fmt(median(d["kill_down_ms"]))])
    return ["## Density: supervisors started at once", "",
            "All forked within a few milliseconds, each in its own run directory with its own ID; *all "
            "up* is from the first fork to the last `up:true`; CPU is each one's user+sys until its own "
            "`up:true`; memory and threads read %d s later, with all of them running. Subjects and sizes "
            "take turns." % r["settle_s"], "", table(header, rows), ""]


def jmh_section(r):
    j = r["jmh"]
    rows = [[name, fmt(x["ns"], 1), fmt(x["error"], 1), "{:,.0f}".format(1e9 / x["ns"])]
            for name, x in sorted(j["results"].items())]
    return ["## JMH: hot in-process paths", "",
            "%s, one fork, %s, with the launcher's JVM flags (`%s`)." % (
                j["java"], j["config"], " ".join(j["flags"])), "",
            table(["benchmark", "ns/op", "± (99.9 %)", "ops/s"], rows), ""]
