"""The measurements. Each returns plain data (lists of milliseconds, dicts of /proc figures).

Start-up and shutdown latencies come from the native probe (fork/exec and socket timestamps); footprint
figures from /proc of the supervisor's JVM (the launcher execs java, so the probe's child pid is it).
"""
import datetime
import json
import os
import shutil
import subprocess
import time

from harness import ID_PREFIX, BenchError, Subject, floats

RUNC_ID = ID_PREFIX + "runc"
CLK_TCK = os.sysconf("SC_CLK_TCK")


def rotate(items, i):
    """The items in an order that changes every round, so no subject always runs first."""
    i %= len(items)
    return items[i:] + items[:i]


# --- start-up and shutdown ----------------------------------------------------------------------


def supervisor_round(h, subject, name, down_command, bundle_out=None):
    """One supervisor: exec -> up, then DOWN_COMMAND -> down, then exit. Returns the three times."""
    rundir = h.rundir(name)
    log_name = os.path.join("rounds", name)
    session = h.start_probe(["up", "--timeout", "60", rundir, "--"]
                            + h.supervisor_args(subject, ID_PREFIX + name), subject, log_name)
    try:
        up = session.read_until("all_up_ms")
        if down_command == "stop":
            # The container's shell ignores TERM (it is PID 1 of its namespace) until its trap is set, a
            # moment after the process started; an original supervisor never escalates to kill.
            time.sleep(STOP_AFTER_UP_S)
        down = session.command(down_command, "down_ms")
        done = session.command("exit", "status")
    finally:
        session.close()
    if done["status"] != "0":
        raise BenchError("%s exited with status %s" % (name, done["status"]))
    if bundle_out:
        write_runc_bundle(os.path.join(rundir, "config.json"), bundle_out, h.rootfs)
    shutil.rmtree(rundir, ignore_errors=True)
    up_ms = floats(up["up_ms"])[0]
    return {"up": up_ms, "down": floats(down["down_ms"])[0], "exit": floats(done["exit_ms"])[0],
            "cpu": floats(up["cpu_ms"])[0], "child_cpu": floats(up["child_cpu_ms"])[0],
            "left_behind": 0 if subject.is_go else sweep_container(h, ID_PREFIX + name),
            "phases": None if subject.is_go else
            phases(os.path.join(h.logs, log_name + ".log"), float(up["forked_wall_ms"]), up_ms)}


# How long a round waits after up:true before it sends stop (see supervisor_round).
STOP_AFTER_UP_S = 0.3

# The supervisor's own log lines around the start (not a contract: a missing line skips the breakdown).
STARTING = "INFO starting container"
STARTED = "INFO container started"


def phases(log_path, forked_wall_ms, up_ms):
    """Splits exec -> up with the supervisor's log timestamps (ms resolution, wall clock).

    jvm: fork -> "starting container" (launcher, JVM start, config, wiring, socket);
    runtime: -> "container started" (bundle, runc create + start); publish: -> the client has up:true.
    """
    marks = {}
    try:
        with open(log_path) as f:
            for line in f:
                for key, text in (("starting", STARTING), ("started", STARTED)):
                    if text in line and key not in marks:
                        stamp = datetime.datetime.strptime(line.split()[0], "%Y-%m-%dT%H:%M:%S.%fZ")
                        stamp = stamp.replace(tzinfo=datetime.timezone.utc)
                        marks[key] = stamp.timestamp() * 1e3 - forked_wall_ms
    except (OSError, ValueError, IndexError):
        return None
    if len(marks) < 2:
        return None
    return {"jvm": marks["starting"], "runtime": marks["started"] - marks["starting"],
            "publish": up_ms - marks["started"]}


def sweep_container(h, container_id):
    """Deletes the runc container if the supervisor exited without doing so; True if it had to.

    Every round then starts from the same host state (no pile of stopped containers and cgroups).
    """
    if not os.path.isdir(os.path.join(h.runc_root, container_id)):
        return False
    h.runc("delete", "--force", container_id)
    return True


def write_runc_bundle(config_path, bundle, rootfs):
    """The supervisor's own OCI config with `true` as the process: the baseline runs the same bundle."""
    with open(config_path) as f:
        config = json.load(f)
    config["process"]["args"] = ["true"]
    config["root"]["path"] = os.path.realpath(rootfs)
    config["linux"]["cgroupsPath"] = "/harpoon/" + RUNC_ID
    os.makedirs(bundle, exist_ok=True)
    with open(os.path.join(bundle, "config.json"), "w") as out:
        json.dump(config, out, indent=1)


def runc_run(h, bundle):
    """`runc run` of `true`, end to end: create, start, wait, delete. Returns (ms, CPU ms)."""
    fields = h.exec_timed(["runc", "--root", h.runc_root, "run", "--bundle", bundle, RUNC_ID])
    if fields.get("status") != "0":
        h.runc("delete", "--force", RUNC_ID)
        raise BenchError("runc run failed (see logs/runc.log)")
    return float(fields["ms"]), float(fields["cpu_ms"])


def runc_create_start(h, bundle):
    """`runc create` then `runc start` (returns once the process runs); the delete is not timed."""
    fields = h.exec_timed(["runc", "--root", h.runc_root, "create", "--bundle", bundle, RUNC_ID, ":::",
                           "runc", "--root", h.runc_root, "start", RUNC_ID])
    h.runc("delete", "--force", RUNC_ID)
    if fields.get("status") != "0":
        raise BenchError("runc create/start failed (see logs/runc.log)")
    return float(fields["ms"])


def startup(h, subjects, runs, bundle, progress, create_start=True):
    """Interleaved rounds: every round runs every subject once, in a rotating order.

    Supervisor rounds alternate kill and stop as the shutdown command, so both are measured.
    """
    kinds = [("sup", s) for s in subjects] + [("runc-run", None)]
    if create_start:
        kinds.append(("runc-create-start", None))
    samples = {s.key: {"up": [], "cpu": [], "child_cpu": [], "kill": [], "stop": [], "exit": [],
                       "left_behind": 0, "phases": [], "failed": []}
               for s in subjects}
    samples["runc-run"] = []
    samples["runc-run-cpu"] = []
    samples["runc-create-start"] = []
    for i in range(runs):
        for kind, subject in rotate(kinds, i):
            if kind == "runc-run":
                ms, cpu = runc_run(h, bundle)
                samples[kind].append(ms)
                samples["runc-run-cpu"].append(cpu)
            elif kind == "runc-create-start":
                samples[kind].append(runc_create_start(h, bundle))
            else:
                command = "kill" if i % 2 == 0 else "stop"
                try:
                    r = supervisor_round(h, subject, "%s-%d" % (subject.key, i), command)
                except BenchError as e:
                    # One bad round (a hung shutdown, a runtime error) costs one sample, not the section.
                    samples[subject.key]["failed"].append("round %d: %s" % (i, e))
                    progress("%s, round %d failed: %s" % (subject.label, i, e))
                    h.cleanup()
                    continue
                samples[subject.key]["up"].append(r["up"])
                samples[subject.key]["cpu"].append(r["cpu"])
                samples[subject.key]["child_cpu"].append(r["child_cpu"])
                samples[subject.key][command].append(r["down"])
                samples[subject.key]["exit"].append(r["exit"])
                samples[subject.key]["left_behind"] += r["left_behind"]
                if r["phases"]:
                    samples[subject.key]["phases"].append(r["phases"])
        if (i + 1) % 4 == 0 or i + 1 == runs:
            progress("startup round %d/%d" % (i + 1, runs))
    return samples


# --- footprint ---------------------------------------------------------------------------------


def proc_memory(pid):
    """RSS and its parts, PSS, threads and descriptors of PID, in kB and counts."""
    status = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            key, _, value = line.partition(":")
            status[key] = value.split()[0] if value.split() else ""
    rollup = {}
    with open("/proc/%d/smaps_rollup" % pid) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and parts[0].endswith(":"):
                rollup[parts[0][:-1]] = parts[1]
    return {
        "rss_kb": int(status["VmRSS"]), "anon_kb": int(status["RssAnon"]),
        "file_kb": int(status["RssFile"]), "shmem_kb": int(status["RssShmem"]),
        "pss_kb": int(rollup["Pss"]), "pss_anon_kb": int(rollup.get("Pss_Anon", 0)),
        "private_dirty_kb": int(rollup.get("Private_Dirty", 0)),
        "private_clean_kb": int(rollup.get("Private_Clean", 0)),
        "threads": int(status["Threads"]), "fds": len(os.listdir("/proc/%d/fd" % pid)),
        "comm": open("/proc/%d/comm" % pid).read().strip(),
    }


def cpu_ticks(pid):
    """utime + stime of PID (all its threads, live and dead), in clock ticks."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def thread_run_ns(pid):
    """Per-thread time on CPU (ns, /proc/PID/task/TID/schedstat): finer than 10 ms ticks."""
    times = {}
    for tid in os.listdir("/proc/%d/task" % pid):
        try:
            with open("/proc/%d/task/%s/schedstat" % (pid, tid)) as f:
                times[tid] = int(f.read().split()[0])
        except OSError:
            pass
    return times


def footprint(h, subjects, settle_s, idle_s):
    """All subjects at once, each supervising an idle container with one client attached.

    Memory is read SETTLE_S after up; CPU is counted over the next IDLE_S (metrics samples included:
    that is what an idle supervisor does). Running them side by side puts them under the same noise.
    """
    sessions = {}
    for s in subjects:
        rundir = h.rundir("idle-" + s.key)
        sessions[s.key] = h.start_probe(["up", "--timeout", "60", rundir, "--"]
                                        + h.supervisor_args(s, ID_PREFIX + "idle-" + s.key), s, s.key)
    result = {}
    try:
        pids = {k: int(sess.read_until("all_up_ms")["pid"]) for k, sess in sessions.items()}
        time.sleep(settle_s)
        for key, pid in pids.items():
            result[key] = {"memory": proc_memory(pid)}
        start = {k: cpu_ticks(p) for k, p in pids.items()}
        start_ns = {k: thread_run_ns(p) for k, p in pids.items()}
        began = time.monotonic()
        time.sleep(idle_s)
        elapsed = time.monotonic() - began
        for key, pid in pids.items():
            used_s = (cpu_ticks(pid) - start[key]) / CLK_TCK
            result[key]["cpu_s"] = used_s
            result[key]["cpu_pct"] = 100.0 * used_s / elapsed
            result[key]["idle_s"] = elapsed
            # Threads that ended inside the window are missing here, new ones count from zero.
            now_ns = thread_run_ns(pid)
            result[key]["cpu_ns_threads"] = sum(
                ns - start_ns[key].get(tid, 0) for tid, ns in now_ns.items())
            result[key]["memory_after_idle"] = proc_memory(pid)
        for sess in sessions.values():
            sess.command("kill", "down_ms")
            sess.command("exit", "status")
    finally:
        for sess in sessions.values():
            sess.close()
    return result


# --- fan-out and density ------------------------------------------------------------------------


def fanout(h, subject, counts, cycles, progress):
    """Per client count: kill command -> each client's down state, and one metrics sample's spread."""
    result = {n: {"deliver": [], "last": [], "spread": []} for n in counts}
    for c in range(cycles):
        for n in rotate(list(counts), c):
            rundir = h.rundir("fanout-%s-%d-%d" % (subject.key, n, c))
            session = h.start_probe(["fanout", "--clients", str(n), "--samples", "1", "--timeout", "60",
                                     rundir, "--"]
                                    + h.supervisor_args(subject, "%sfan-%s-%d-%d" % (
                                        ID_PREFIX, subject.key, n, c)),
                                    subject, "fanout")
            try:
                fields = session.read_until("status", timeout=180)
            finally:
                session.close()
            deliver = floats(fields["deliver_ms"])
            result[n]["deliver"].extend(deliver)
            result[n]["last"].append(max(deliver))
            result[n]["spread"].extend(floats(fields["spread_ms"]))
            shutil.rmtree(rundir, ignore_errors=True)
        progress("fan-out cycle %d/%d" % (c + 1, cycles))
    return result


def density(h, subject, count, settle_s):
    """COUNT supervisors forked at once: time until all are up, the CPU each used until its own up,
    then, SETTLE_S later, the memory and threads of each with all COUNT running."""
    name = "density-%s-%d" % (subject.key, count)
    base = os.path.join(h.work, "runs", name)
    shutil.rmtree(base, ignore_errors=True)
    for i in range(count):
        h.rundir("%s/%d" % (name, i))
    ids = "%sd%s%d-{i}" % (ID_PREFIX, subject.key, count)
    session = h.start_probe(["up", "--count", str(count), "--timeout", "300", base, "--"]
                            + h.supervisor_args(subject, ids), subject, name)
    try:
        fields = session.read_until("all_up_ms", timeout=330)
        pids = [int(p) for p in fields["pid"].split(",")]
        time.sleep(settle_s)
        memory = [proc_memory(p) for p in pids]
        down = session.command("kill", "down_ms")
        session.command("exit", "status")
    finally:
        session.close()
    shutil.rmtree(base, ignore_errors=True)
    return {"count": count, "all_up_ms": float(fields["all_up_ms"]), "up_ms": floats(fields["up_ms"]),
            "cpu_ms": floats(fields["cpu_ms"]), "child_cpu_ms": floats(fields["child_cpu_ms"]),
            "kill_down_ms": floats(down["down_ms"]),
            "pss_kb": [m["pss_kb"] for m in memory], "rss_kb": [m["rss_kb"] for m in memory],
            "anon_kb": [m["anon_kb"] for m in memory],
            "private_dirty_kb": [m["private_dirty_kb"] for m in memory],
            "threads": [m["threads"] for m in memory]}


# --- JDK 25 AOT cache and JMH -----------------------------------------------------------------------


def train_class_data(h, subjects, progress):
    """Copies the distribution into the work directory and makes, with the shipped mechanism
    (bin/harpoon-supervisor --train-class-data), the class data of each of this project's subjects
    that uses it, on the Java that subject runs: the launcher's own choice when the subject pins none
    (its AOT cache or archive), an AppCDS archive for a JDK 17. They live side by side in the copy
    (lib/harpoon-supervisor.jsa and .aot), and the build's own dist stays untouched.
    Returns the copy's launcher."""
    source = os.path.dirname(os.path.dirname(os.path.realpath(h.supervisor)))
    copy = os.path.join(h.work, "dist")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(source, copy, symlinks=True,
                    ignore=shutil.ignore_patterns("harpoon-supervisor.jsa*", "harpoon-supervisor.aot*"))
    launcher = os.path.join(copy, "bin", "harpoon-supervisor")
    homes = {s.java_home for s in subjects if not s.is_go and s.class_data and not s.launcher}
    for java_home in sorted(homes, key=lambda home: home or ""):
        env = {k: v for k, v in os.environ.items() if not k.startswith("HARPOON")}
        if java_home:
            env["HARPOON_JAVA_HOME"] = java_home
        log = os.path.join(h.logs, "train-%s.log" % os.path.basename(java_home or "default"))
        with open(log, "w") as out:
            done = subprocess.run([launcher, "--train-class-data"], env=env, stdout=out,
                                  stderr=subprocess.STDOUT, timeout=300)
        if done.returncode != 0:
            raise BenchError("class data training on %s failed (see %s)" % (java_home or "the default Java",
                                                                              log))
        progress("class data for %s: %s" % (java_home or "the launcher's default Java",
                                            open(log).read().strip().splitlines()[-1]))
    # A file just written stays dirty in the page cache until it is written back (up to 30 s), and
    # smaps counts its pages in a process's Private_Dirty until then: write the archives out first.
    os.sync()
    return launcher


def version_of(h, subject):
    """What the subject's launcher says it runs: Java, its home and the class data (two lines)."""
    if subject.is_go:
        return "original Go supervisor, " + subject.launcher
    out = subprocess.run([subject.launcher or h.supervisor, "--version"], env=subject.env(),
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    return out.stdout.strip()


def launcher_jvm_flags(launcher):
    """The -X flags the launcher gives the JVM, so JMH measures with the same JIT and GC."""
    flags = []
    with open(launcher) as f:
        for line in f:
            words = line.strip().rstrip("\\").split()
            if words and all(w.startswith("-X") for w in words):
                flags.extend(w for w in words if not w.startswith("-Xshare"))
    return flags


def jmh(jmh_dir, java_home, jvm_flags, quick, out_json, dist_lib):
    """Runs the JMH project (compiled by run.sh against the distribution's jars in DIST_LIB) in one
    fork; returns name -> (ns/op, error)."""
    with open(os.path.join(jmh_dir, "target", "classpath.txt")) as f:
        classpath = ":".join([os.path.join(jmh_dir, "target", "classes"), f.read().strip(),
                              os.path.join(dist_lib, "*")])
    timing = ["-wi", "1", "-i", "2", "-w", "500ms", "-r", "500ms"] if quick else \
        ["-wi", "2", "-i", "3", "-w", "1s", "-r", "1s"]
    cmd = [os.path.join(java_home, "bin", "java"), "-cp", classpath, "org.openjdk.jmh.Main", "-f", "1"] \
        + timing + ["-jvmArgs", " ".join(jvm_flags), "-rf", "json", "-rff", out_json]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, timeout=600)
    with open(out_json) as f:
        data = json.load(f)
    return {d["benchmark"].rsplit(".", 2)[-2] + "." + d["benchmark"].rsplit(".", 1)[-1]:
            {"ns": d["primaryMetric"]["score"], "error": d["primaryMetric"]["scoreError"]}
            for d in data}
