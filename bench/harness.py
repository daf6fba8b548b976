"""Processes, run directories and clean-up for the benchmarks: everything that touches the host.

The timing-critical parts run in the native probe (bench/src/probe.c); this module starts it, reads its
key=value lines, and makes sure nothing the benchmark started outlives it (supervisors, runc
containers, cgroups), even when a measurement fails half-way.
"""
import json
import os
import shutil
import signal
import subprocess
import time

# A container that idles and ends cleanly on SIGTERM. Its init is sh: as PID 1 of its namespace it only
# receives signals it has a handler for, hence the trap; "wait" lets the trap run at once.
CONTAINER_COMMAND = ["sh", "-c", 'trap "exit 0" TERM; sleep 100000 & wait']

# One config for every subject. env.PATH is there because the original supervisor passes `env` as the
# container's whole environment (ours adds a conventional PATH only when there is none: same result).
AGENT_JSON = {
    "product": "bench",
    "environment": "bench",
    "job": "idle",
    "env": {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
    "command": {"working_dir": "/", "exec": []},
    "resources": {"mem": 64, "cpu": 0.5, "fd": 1024},
    "storage": {"tmp": {}, "volumes": {}},
    "grace": {"startup": "30s", "shutdown": "5s"},
    "restart": "on-failure",
}

ID_PREFIX = "hbench-"
# The environment the original supervisor needs (reference/README.md): it looks up its helpers on PATH.
GO_PATH = "/usr/sbin:/usr/bin:/sbin:/bin"


class Subject:
    """One supervisor to measure: this project's launcher pinned to a JDK, with or without its class
    data (the archive the launcher's own training made for that JDK) and extra JVM options; or the
    original Go supervisor (kind "go"), which takes `--id` and knows no runtime root."""

    def __init__(self, key, label, java_home=None, java_opts="", class_data=True, kind="harpoon",
                 launcher=None, env=None):
        self.key = key
        self.label = label
        self.java_home = java_home
        self.java_opts = java_opts
        self.class_data = class_data
        self.kind = kind
        self.launcher = launcher
        self.extra_env = dict(env or {})

    @property
    def is_go(self):
        return self.kind == "go"

    def env(self):
        env = {k: v for k, v in os.environ.items() if not k.startswith("HARPOON")}
        if self.is_go:
            env["PATH"] = GO_PATH
            return env
        if self.java_home:
            env["HARPOON_JAVA_HOME"] = self.java_home
        env["HARPOON_JAVA_OPTS"] = self.java_opts
        if not self.class_data:
            env["HARPOON_CLASS_DATA"] = "off"
        env.update(self.extra_env)
        return env

    def describe(self):
        return {"key": self.key, "label": self.label, "kind": self.kind, "java_home": self.java_home,
                "java_opts": self.java_opts, "class_data": self.class_data, "launcher": self.launcher,
                "env": self.extra_env}


class Harness:
    """Paths and the processes of one benchmark run."""

    def __init__(self, work, probe, supervisor, runc_root):
        self.work = work
        self.probe = probe
        self.supervisor = supervisor
        self.runc_root = runc_root
        self.rootfs = os.path.join(work, "rootfs")
        self.logs = os.path.join(work, "logs")
        self.probes = []
        os.makedirs(self.logs, exist_ok=True)

    # --- run directories -------------------------------------------------------------------------

    def rundir(self, name):
        """A fresh run directory: agent.json and a rootfs symlink (SPEC §2 allows one)."""
        path = os.path.join(self.work, "runs", name)
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
        with open(os.path.join(path, "agent.json"), "w") as out:
            json.dump(AGENT_JSON, out)
        os.symlink(self.rootfs, os.path.join(path, "rootfs"))
        return path

    def supervisor_args(self, subject, container_id):
        """The command line that starts SUBJECT in a run directory, as an agent would."""
        if subject.is_go:
            return [subject.launcher, "--hostname", "bench", "--id", container_id, "--"] + CONTAINER_COMMAND
        return [subject.launcher or self.supervisor, "--hostname", "bench", "--ID", container_id,
                "--runtime-root", self.runc_root, "--"] + CONTAINER_COMMAND

    # --- the probe ---------------------------------------------------------------------------------

    def start_probe(self, args, subject, log_name):
        """Starts `probe ARGS`; its supervisors log to logs/LOG_NAME.log."""
        log = os.path.join(self.logs, log_name + ".log")
        os.makedirs(os.path.dirname(log), exist_ok=True)
        cmd = [self.probe, args[0], "--log", log] + args[1:]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                env=subject.env() if subject else None, bufsize=1)
        self.probes.append(proc)
        return ProbeSession(proc)

    def exec_timed(self, argv):
        """Runs probe exec -- ARGV (commands joined by ':::'); returns its fields."""
        out = subprocess.run([self.probe, "exec", "--log", os.path.join(self.logs, "runc.log"), "--"]
                             + argv, stdout=subprocess.PIPE, text=True, timeout=60)
        return parse_fields(out.stdout.splitlines())

    def runc(self, *args):
        return subprocess.run(["runc", "--root", self.runc_root] + list(args),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)

    # --- clean-up ----------------------------------------------------------------------------------

    def cleanup(self):
        """Stops everything this run started. Safe to call more than once, and after a crash."""
        for proc in self.probes:
            end_probe(proc)
        self.probes = []
        stop_processes_in(self.work)
        delete_containers(self.runc_root)
        remove_cgroups()


class ProbeSession:
    """A running `probe up` or `probe fanout`: key=value lines out, commands in."""

    def __init__(self, proc):
        self.proc = proc

    def read_until(self, *keys, timeout=240):
        """Fields up to the line that sets one of KEYS (or an error); raises on a dead probe."""
        fields = {}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise BenchError("the probe ended early: %s" % fields)
            fields.update(parse_fields([line]))
            if "error" in fields:
                raise BenchError("probe: " + fields["error"])
            if any(k in fields for k in keys):
                return fields
        raise BenchError("the probe did not report %s in time" % (keys,))

    def command(self, line, *keys):
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return self.read_until(*keys)

    def close(self):
        end_probe(self.proc)


class BenchError(Exception):
    """A measurement could not be taken."""


def parse_fields(lines):
    fields = {}
    for line in lines:
        line = line.strip()
        if "=" in line:
            key, value = line.split("=", 1)
            fields[key] = value
    return fields


def floats(text):
    return [float(v) for v in text.split(",") if v]


def end_probe(proc):
    """Closing its stdin makes the probe kill and exit its supervisors; it is killed if it hangs."""
    if proc.poll() is not None:
        return
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=45)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def stop_processes_in(work):
    """SIGTERM (a supervisor's graceful shutdown), then SIGKILL, to every process whose cwd is under WORK.

    Supervisors run in their run directory, so this finds exactly those the benchmark started, even if
    the probe that started them is gone.
    """
    pids = pids_in(work)
    for pid in pids:
        signal_pid(pid, signal.SIGTERM)
    deadline = time.monotonic() + 15
    while pids and time.monotonic() < deadline:
        time.sleep(0.2)
        pids = pids_in(work)
    for pid in pids:
        signal_pid(pid, signal.SIGKILL)


def pids_in(work):
    found = []
    prefix = os.path.realpath(work) + "/"
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                if os.readlink("/proc/%s/cwd" % entry).startswith(prefix):
                    found.append(int(entry))
            except OSError:
                pass
    return found


def signal_pid(pid, sig):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def delete_containers(runc_root):
    """Deletes every container in the benchmark's own runc state directory, then the directory."""
    if not os.path.isdir(runc_root):
        return
    listed = subprocess.run(["runc", "--root", runc_root, "list", "-q"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    for cid in listed.stdout.split():
        subprocess.run(["runc", "--root", runc_root, "delete", "--force", cid],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shutil.rmtree(runc_root, ignore_errors=True)


def remove_cgroups():
    """Removes leftover (empty) harpoon/hbench-* cgroups in every hierarchy; rmdir never removes tasks."""
    base = "/sys/fs/cgroup"
    candidates = [base] + [os.path.join(base, d) for d in sorted(os.listdir(base))]
    for hierarchy in candidates:
        parent = os.path.join(hierarchy, "harpoon")
        if not os.path.isdir(parent):
            continue
        for name in os.listdir(parent):
            if name.startswith(ID_PREFIX):
                try:
                    os.rmdir(os.path.join(parent, name))
                except OSError:
                    pass
