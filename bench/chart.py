"""The picture of a run: a PNG drawn from its result file (the .json), with gnuplot (Debian's gnuplot-nox)
or, when there is no gnuplot, matplotlib.

Eight panels side by side, one bar per subject in the same colour everywhere, each bar labelled with
its value: start (exec -> up:true), CPU until up, kill -> down, threads, idle memory, density (all up and
memory per supervisor) and fan-out. Panels whose numbers span orders of magnitude use a log scale.
"""
import os
import shutil
import subprocess
import tempfile

from report import TARGETS, by_key, mb, mean, median, percentile

COLOURS = {"default": "#1f5fbf", "jdk17": "#7fa7e0", "go": "#2e9e44", "runc": "#8c8c8c"}
EXTRA_COLOURS = ["#d9822b", "#a03fbf", "#bf3f5f", "#3fbfb0"]


def colour(key, keys):
    if key in COLOURS:
        return COLOURS[key]
    return EXTRA_COLOURS[[k for k in keys if k not in COLOURS].index(key) % len(EXTRA_COLOURS)]


def short(label):
    return label.replace("harpoon, ", "").replace("default: ", "")


def tic(key, labels):
    """The name under a bar: short, two lines."""
    names = {"default": "harpoon\\ndefault", "jdk17": "harpoon\\nJDK 17", "go": "original\\n(Go)",
             "runc": "runc\\nrun"}
    return names.get(key, labels.get(key, key).replace(" ", "\\n", 1))


def panels(r):
    """[(title, unit, log, [(group, [(key, value)])], target line or None)] from a result."""
    subjects = [s["key"] for s in r["subjects"]]
    s = r.get("startup", {})
    f = r.get("footprint", {})
    fan = r.get("fanout", {}).get("subjects", {})
    dens = r.get("density", {})
    out = []
    if s:
        runc = median(s["runc-run"])
        target = TARGETS["up_x_runc"][0] * runc
        out.append(("exec → first up:true (median)", "ms", True,
                    [("", [(k, median(s[k]["up"])) for k in subjects] + [("runc", runc)])], target))
        out.append(("supervisor CPU until up:true (median)", "ms", True,
                    [("", [(k, median(s[k]["cpu"])) for k in subjects]
                      + [("runc", median(s["runc-run-cpu"]))])], TARGETS["cpu_ms"][0]))
        go_kill = median(s["go"]["kill"]) if "go" in s else None
        out.append(("kill → down (median)", "ms", True, [("", [(k, median(s[k]["kill"])) for k in subjects])],
                    TARGETS["kill_x_go"][0] * go_kill if go_kill else None))
    if f:
        keys = [k for k in subjects if k in f]
        out.append(("threads, idle", "", False, [("", [(k, f[k]["memory"]["threads"]) for k in keys])],
                    TARGETS["threads"][0]))
        out.append(("memory of an idle supervisor", "MB", True,
                    [("private dirty", [(k, mb(f[k]["memory"]["private_dirty_kb"])) for k in keys]),
                     ("PSS", [(k, mb(f[k]["memory"]["pss_kb"])) for k in keys])],
                    TARGETS["private_dirty_mb"][0]))
    sizes = sorted({n for d in dens.values() for n in d}, key=int)
    if sizes:
        out.append(("N started at once: all up", "s", True,
                    [("N = %s" % n, [(k, dens[k][n]["all_up_ms"] / 1e3) for k in subjects if n in dens.get(k, {})])
                     for n in sizes], None))
        out.append(("N at once: PSS per supervisor", "MB", True,
                    [("N = %s" % n, [(k, mb(mean(dens[k][n]["pss_kb"]))) for k in subjects
                                     if n in dens.get(k, {})]) for n in sizes], TARGETS["pss_20_mb"][0]))
    if fan:
        out.append(("fan-out: kill → 1000 clients, p99", "ms", True,
                    [("", [(k, percentile(fan[k]["1000"]["deliver"], 99)) for k in subjects if k in fan])],
                    TARGETS["fanout_1000_p99_ms"][0]))
    return out


def value_text(v):
    if float(v).is_integer() and v < 1000:
        return "%d" % v
    if v >= 100:
        return "%.0f" % v
    if v >= 10:
        return "%.1f" % v
    return "%.2f" % v


def draw(r, png):
    """Writes PNG; returns a line saying what was drawn, with what, or why nothing."""
    ps = panels(r)
    if not ps:
        return "no chart: the run has no numbers to draw"
    if shutil.which("gnuplot"):
        try:
            gnuplot(r, ps, png)
            return "chart: %s (gnuplot)" % png
        except (OSError, subprocess.SubprocessError) as e:
            problem = "gnuplot failed: %s" % e
    else:
        problem = "no gnuplot (apt-get install gnuplot-nox)"
    try:
        matplotlib(r, ps, png)
        return "chart: %s (matplotlib; %s)" % (png, problem)
    except ImportError:
        return "no chart: %s, and no matplotlib" % problem


def layout(n):
    columns = 4 if n > 4 else n
    return (n + columns - 1) // columns, columns


def bars(groups):
    """Bars at x positions: one slot per bar, a gap between groups. [(x, key, value)], group centres."""
    x = 0.0
    placed, centres = [], []
    for name, values in groups:
        first = x
        for key, value in values:
            if value is not None and value == value and value > 0:
                placed.append((x, key, value))
            x += 1
        centres.append((name, (first + x - 1) / 2.0))
        x += 0.6
    return placed, centres, x - 0.6


def gnuplot(r, ps, png):
    keys = [s["key"] for s in r["subjects"]] + ["runc"]
    labels = dict((s["key"], short(s["label"])) for s in r["subjects"])
    labels["runc"] = "runc run"
    rows, columns = layout(len(ps))
    with tempfile.TemporaryDirectory() as tmp:
        script = ["set terminal pngcairo size %d,%d font 'Sans,10'" % (430 * columns, 400 * rows + 60),
                  "set output '%s'" % png,
                  "set multiplot layout %d,%d title \"harpoon-supervisor vs the original vs runc — %s (%s run, "
                  "load %s → %s)\" font 'Sans,13'" % (rows, columns, r["date"], r["mode"],
                                                       r["machine"]["load_start"], r.get("load_end", "?")),
                  "set style fill solid 0.9 border -1", "set boxwidth 0.8", "set grid ytics lc rgb '#dddddd'",
                  "set key off", "set xtics nomirror scale 0", "set ytics nomirror", "set border 3",
                  "set offsets 0.2, 0.2, 0, 0", "set bmargin 4"]
        for i, (title, unit, log, groups, target) in enumerate(ps):
            placed, centres, width = bars(groups)
            data = os.path.join(tmp, "p%d.dat" % i)
            with open(data, "w") as out:
                for x, key, value in placed:
                    out.write("%f %f %s \"%s\"\n" % (x, value, colour(key, keys).replace("#", "0x"),
                                                     value_text(value)))
            values = [v for _, _, v in placed] + ([target] if target else [])
            top = max(values) if values else 1
            bottom = min(values) if values else 1
            script.append("set title \"%s\"" % title)
            script.append("set ylabel \"%s\"" % unit)
            script.append("set xrange [-0.6:%f]" % (width - 0.4))
            if log:
                script.append("set logscale y")
                script.append("set yrange [%g:%g]" % (bottom / 2.5, top * 4))
            else:
                script.append("unset logscale y")
                script.append("set yrange [0:%g]" % (top * 1.25))
            if len(groups) == 1:  # one bar per subject: name each bar
                tics = ", ".join("\"%s\" %f" % (tic(key, labels), x) for x, key, _ in placed)
            else:  # groups of bars, one colour per subject: name the groups
                tics = ", ".join("\"%s\" %f" % (name, c) for name, c in centres if name)
            script.append("set xtics (%s)" % tics)
            plot = ["'%s' using 1:2:3 with boxes lc rgb variable notitle" % data,
                    "'' using 1:2:4 with labels offset 0,0.6 font 'Sans,9' notitle"]
            if len(groups) > 1:  # which colour is which subject
                present = [k for k in keys if any(key == k for _, key, _ in placed)]
                script.append("set key top right font 'Sans,8' samplen 1 spacing 0.9")
                plot += ["NaN with boxes lc rgb '%s' title \"%s\"" % (colour(k, keys), labels[k])
                         for k in present]
            else:
                script.append("set key off")
            if target:
                script.append("set arrow 1 from graph 0, first %g to graph 1, first %g nohead dt 2 lc rgb "
                              "'#c03030' lw 1.5" % (target, target))
                script.append("set label 1 'target' at graph 0.98, first %g right offset 0,0.5 tc rgb "
                              "'#c03030' font 'Sans,8'" % target)
            else:
                script.append("unset arrow 1")
                script.append("unset label 1")
            script.append("plot " + ", ".join(plot))
        script.append("unset multiplot")
        path = os.path.join(tmp, "chart.gp")
        with open(path, "w") as out:
            out.write("\n".join(script) + "\n")
        subprocess.run(["gnuplot", path], check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=60)


def matplotlib(r, ps, png):
    import matplotlib  # noqa: imported only when there is no gnuplot
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    keys = [s["key"] for s in r["subjects"]] + ["runc"]
    labels = dict((s["key"], short(s["label"])) for s in r["subjects"])
    labels["runc"] = "runc run"
    rows, columns = layout(len(ps))
    fig, axes = plt.subplots(rows, columns, figsize=(4.3 * columns, 3.8 * rows + 0.6), squeeze=False)
    for ax, (title, unit, log, groups, target) in zip(sum(map(list, axes), []), ps):
        placed, centres, _ = bars(groups)
        ax.bar([x for x, _, _ in placed], [v for _, _, v in placed], 0.8,
               color=[colour(k, keys) for _, k, _ in placed], edgecolor="black")
        for x, _, v in placed:
            ax.annotate(value_text(v), (x, v), ha="center", va="bottom", fontsize=8)
        if log:
            ax.set_yscale("log")
        if target:
            ax.axhline(target, ls="--", color="#c03030")
        if len(groups) == 1:
            ax.set_xticks([x for x, _, _ in placed], [tic(k, labels).replace("\\n", "\n") for _, k, _ in placed])
        else:
            ax.set_xticks([c for n, c in centres if n], [n for n, c in centres if n])
        ax.set_title(title)
        ax.set_ylabel(unit)
    for ax in sum(map(list, axes), [])[len(ps):]:
        ax.axis("off")
    handles = [plt.Rectangle((0, 0), 1, 1, color=colour(k, keys)) for k in keys if k in labels]
    fig.legend(handles, [labels[k] for k in keys if k in labels], loc="lower center", ncol=len(handles))
    fig.suptitle("harpoon-supervisor vs the original vs runc — %s (%s run)" % (r["date"], r["mode"]))
    fig.savefig(png, dpi=100)
