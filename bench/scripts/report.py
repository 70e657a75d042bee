#!/usr/bin/env python3
"""Turns a benchmark run into docs: the chart (SVG) and the tables in docs/performance.md.

    python3 bench/scripts/report.py docs/bench docs/performance.md

Reads docs/bench/jmh-*.json (raw JMH results), fairness.csv (Jain's index per measured iteration, written by
the benchmarks), object-sizes.json (JOL) and run-info.json (written by bench/run-benchmarks.sh). Writes
docs/bench/chart.svg and replaces the text between the GENERATED markers in performance.md. Python 3 standard
library only.
"""

import csv
import glob
import json
import math
import os
import re
import sys
from collections import defaultdict

BEGIN = "<!-- BEGIN GENERATED: bench/scripts/report.py -->"
END = "<!-- END GENERATED -->"


# ------------------------------------------------------------------------------------------------------
# Loading
# ------------------------------------------------------------------------------------------------------

def short(benchmark):
    """org.threading4j.bench.LockContendedBench.t4jLock -> LockContendedBench.t4jLock"""
    parts = benchmark.split(".")
    return parts[-2] + "." + parts[-1]


def key_of(name, params, threads):
    return (name, tuple(sorted((params or {}).items())), threads)


class Result:
    def __init__(self, entry):
        self.name = short(entry["benchmark"])
        self.mode = entry["mode"]
        self.threads = entry["threads"]
        self.forks = entry["forks"]
        self.params = entry.get("params") or {}
        pm = entry["primaryMetric"]
        self.score = pm["score"]
        self.error = pm["scoreError"] if isinstance(pm["scoreError"], (int, float)) else float("nan")
        self.unit = pm["scoreUnit"]
        self.percentiles = pm.get("scorePercentiles") or {}
        self.alloc = None
        for k, v in (entry.get("secondaryMetrics") or {}).items():
            if k.lstrip("\u00b7") == "gc.alloc.rate.norm":
                self.alloc = v["score"]
        self.fairness = None

    @property
    def key(self):
        return key_of(self.name, self.params, self.threads)

    def seconds(self):
        """Time per operation in seconds (for avgt/sample) or None."""
        scale = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}
        return self.score * scale[self.unit] if self.unit in scale else None

    def throughput(self):
        """Operations per second (for thrpt) or None."""
        scale = {"ops/ns": 1e9, "ops/us": 1e6, "ops/ms": 1e3, "ops/s": 1.0}
        return self.score * scale[self.unit] if self.unit in scale else None

    def speed(self):
        """Higher is better: ops/s, or 1/(s/op)."""
        t = self.throughput()
        if t is not None:
            return t
        s = self.seconds()
        return 1.0 / s if s else None


def load(directory):
    results = {}
    jvm = {}
    for path in sorted(glob.glob(os.path.join(directory, "jmh-*.json"))):
        with open(path) as f:
            text = f.read().strip()
        if not text:
            continue
        for entry in json.loads(text):
            r = Result(entry)
            results[r.key] = r
            jvm = {"jdkVersion": entry.get("jdkVersion"), "vmName": entry.get("vmName"),
                   "vmVersion": entry.get("vmVersion"), "jmhVersion": entry.get("jmhVersion")}
    fairness = defaultdict(list)
    path = os.path.join(directory, "fairness.csv")
    if os.path.exists(path):
        with open(path) as f:
            for row in csv.reader(f):
                if len(row) < 4:
                    continue
                params = dict(p.split("=", 1) for p in row[1].split(";") if p)
                fairness[key_of(short(row[0]), params, int(row[2]))].append(float(row[3]))
    for k, values in fairness.items():
        if k in results:
            results[k].fairness = sum(values) / len(values)
    sizes = None
    path = os.path.join(directory, "object-sizes.json")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        with open(path) as f:
            sizes = json.load(f)
    info = {}
    path = os.path.join(directory, "run-info.json")
    if os.path.exists(path):
        with open(path) as f:
            info = json.load(f)
    return results, jvm, sizes, info


# ------------------------------------------------------------------------------------------------------
# Comparisons: what the chart and the goal table show
# ------------------------------------------------------------------------------------------------------

class Comparison:
    """threading4j's speed relative to a peer (>1: threading4j faster), with an optional goal."""

    def __init__(self, group, label, ours, peer, goal=None, goal_text=None):
        self.group, self.label, self.ours, self.peer = group, label, ours, peer
        self.goal, self.goal_text = goal, goal_text
        self.ratio = None
        if ours is not None and peer is not None and ours.speed() and peer.speed():
            self.ratio = ours.speed() / peer.speed()

    @property
    def met(self):
        if self.goal is None or self.ratio is None:
            return None
        return self.ratio >= self.goal * 0.995  # within rounding of the printed ratio


def comparisons(results):
    def get(name, threads=1, **params):
        # a JMH parameter named "threads" is passed as threads_ (threads= is the JMH thread count)
        return results.get(key_of(name, {k.rstrip("_"): str(v) for k, v in params.items()}, threads))

    out = []
    u = "LockUncontendedBench."
    t4j = get(u + "t4jLock")
    out.append(Comparison("Uncontended acquire+release", "Lock vs ReentrantLock", t4j,
                          get(u + "reentrantLockNonfair"), 1.0, "time <= 1.0x ReentrantLock"))
    out.append(Comparison("Uncontended acquire+release", "Lock vs CAS-pair floor", t4j,
                          get(u + "floorCasPair"), 1 / 1.3, "time <= 1.3x CAS pair"))
    out.append(Comparison("Uncontended acquire+release", "RLock vs ReentrantLock", get(u + "t4jRLock"),
                          get(u + "reentrantLockNonfair")))
    out.append(Comparison("Uncontended acquire+release", "Semaphore(1) vs j.u.c.Semaphore(1)",
                          get(u + "t4jSemaphore1"), get(u + "jucSemaphore1")))
    out.append(Comparison("tryAcquire", "Lock success vs ReentrantLock.tryLock",
                          get(u + "tryAcquireSuccess_t4jLock"), get(u + "tryAcquireSuccess_reentrantLockNonfair")))
    out.append(Comparison("tryAcquire", "Lock failure vs ReentrantLock.tryLock",
                          get(u + "tryAcquireFailure_t4jLock"), get(u + "tryAcquireFailure_reentrantLock")))
    out.append(Comparison("tryAcquire", "RLock failure vs ReentrantLock.tryLock",
                          get(u + "tryAcquireFailure_t4jRLock"), get(u + "tryAcquireFailure_reentrantLock")))
    out.append(Comparison("tryAcquire", "Semaphore failure vs j.u.c.Semaphore",
                          get(u + "tryAcquireFailure_t4jSemaphore"), get(u + "tryAcquireFailure_jucSemaphore")))
    c = "LockContendedBench."
    for t in (1, 2, 4, 8):
        goal = 1.0 if t >= 2 else None
        text = "throughput >= 1.0x" if goal else None
        out.append(Comparison("Contended Lock (throughput)", "Lock vs ReentrantLock, %d thr" % t,
                              get(c + "t4jLock", t), get(c + "reentrantLockNonfair", t), goal, text))
    for t in (1, 2, 4, 8):
        goal = 1.0 if t >= 2 else None
        text = "throughput >= 1.0x" if goal else None
        out.append(Comparison("Contended RLock (throughput)", "RLock vs ReentrantLock, %d thr" % t,
                              get(c + "t4jRLock", t), get(c + "reentrantLockNonfair", t), goal, text))
    s = "SemaphoreBench."
    for p in (1, 2, 8, 1024):
        for t in (2, 4, 8):
            out.append(Comparison("Contended Semaphore (throughput)",
                                  "Semaphore(%d) vs j.u.c nonfair, %d thr" % (p, t),
                                  get(s + "t4jSemaphore", t, permits=p), get(s + "jucSemaphoreNonfair", t, permits=p),
                                  1.0, "throughput >= 1.0x"))
    out.append(Comparison("Condition", "ping-pong vs ReentrantLock condition",
                          get("ConditionPingPongBench.t4jCondition", 2),
                          get("ConditionPingPongBench.reentrantLockCondition", 2)))
    out.append(Comparison("Condition", "bounded buffer vs ReentrantLock conditions",
                          get("BoundedBufferBench.t4jLockConditions", 2),
                          get("BoundedBufferBench.reentrantLockConditions", 2)))
    out.append(Comparison("Condition", "bounded buffer vs ArrayBlockingQueue",
                          get("BoundedBufferBench.t4jLockConditions", 2),
                          get("BoundedBufferBench.arrayBlockingQueue", 2)))
    for w in (1, 4, 16):
        out.append(Comparison("Event broadcast (round time)", "Event vs CountDownLatch, %d waiters" % w,
                              get("EventBroadcastBench.round", waiters=w, peer="t4jEvent"),
                              get("EventBroadcastBench.round", waiters=w, peer="countDownLatch"),
                              1.0, "round time <= CountDownLatch"))
    for n in (2, 4, 8):
        out.append(Comparison("Barrier cycle", "Barrier vs CyclicBarrier, %d parties" % n,
                              get("BarrierBench.cycle", parties=n, peer="t4jBarrier"),
                              get("BarrierBench.cycle", parties=n, peer="cyclicBarrier"),
                              2.0, "cycle >= 2x CyclicBarrier"))
    for n in (2, 4):
        out.append(Comparison("Barrier cycle, @Group harness", "Barrier vs CyclicBarrier, %d parties" % n,
                              get("BarrierGroupBench.t4jBarrier%d" % n, threads=n),
                              get("BarrierGroupBench.cyclicBarrier%d" % n, threads=n),
                              2.0, "cycle >= 2x CyclicBarrier"))
    tb = "TimerBench."
    out.append(Comparison("Timer", "schedule+cancel vs STPE",
                          get(tb + "scheduleCancel_t4jTimer"), get(tb + "scheduleCancel_scheduledThreadPoolExecutor")))
    out.append(Comparison("Timer", "schedule+cancel, virtual thread, vs STPE",
                          get(tb + "scheduleCancel_t4jTimerVirtual"),
                          get(tb + "scheduleCancel_scheduledThreadPoolExecutor")))
    out.append(Comparison("Timer", "1 ms timer, time to fire, vs STPE",
                          get(tb + "lateness_t4jTimer"), get(tb + "lateness_scheduledThreadPoolExecutor")))
    v = "VirtualThreadBench.batch"
    for n in (1000, 10000):
        out.append(Comparison("Virtual threads (%s)" % format(n, ","), "Lock vs ReentrantLock",
                              get(v, peer="t4jLock", threads_=n), get(v, peer="reentrantLock", threads_=n)))
        out.append(Comparison("Virtual threads (%s)" % format(n, ","), "Semaphore vs j.u.c.Semaphore",
                              get(v, peer="t4jSemaphore", threads_=n), get(v, peer="jucSemaphore", threads_=n)))
    return [x for x in out if x.ratio is not None]


# ------------------------------------------------------------------------------------------------------
# Chart
# ------------------------------------------------------------------------------------------------------

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chart(comps, title, subtitle):
    lo, hi = 1 / 32, 32.0  # log2 axis; bars beyond are clipped with an arrow
    left, plot_w, right = 390, 480, 80
    row_h, top = 18, 70
    rows = []
    last_group = None
    for c in comps:
        if c.group != last_group:
            rows.append(("group", c.group))
            last_group = c.group
        rows.append(("bar", c))
    height = top + row_h * len(rows) + 60
    width = left + plot_w + right

    def x(r):
        r = min(max(r, lo), hi)
        return left + plot_w * (math.log2(r) - math.log2(lo)) / (math.log2(hi) - math.log2(lo))

    svg = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" '
           'font-size="11">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="10" y="20" font-size="15" font-weight="bold">%s</text>' % esc(title),
           '<text x="10" y="38" fill="#444">%s</text>' % esc(subtitle),
           '<text x="10" y="54" fill="#444">Bar: threading4j speed / peer speed (log scale; right of 1 = '
           'threading4j faster). Blue tick: the goal. Green: goal met; red: missed; grey: no goal.</text>']
    for r in (1 / 32, 1 / 8, 1 / 2, 1, 2, 8, 32):
        gx = x(r)
        svg.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="%s" stroke-width="%s"/>'
                   % (gx, top - 4, gx, top + row_h * len(rows), "#000" if r == 1 else "#ddd",
                      "1.2" if r == 1 else "1"))
        label = ("1/%d" % round(1 / r)) if r < 1 else ("%gx" % r)
        svg.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#444">%s</text>'
                   % (gx, top + row_h * len(rows) + 14, label))
    y = top
    for kind, item in rows:
        if kind == "group":
            svg.append('<text x="10" y="%d" font-weight="bold">%s</text>' % (y + 13, esc(item)))
        else:
            c = item
            color = "#999" if c.met is None else ("#2a9d4b" if c.met else "#d1453b")
            x0, x1 = x(1.0), x(c.ratio)
            svg.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 6, y + 13, esc(c.label)))
            svg.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>'
                       % (min(x0, x1), y + 3, max(abs(x1 - x0), 1), row_h - 6, color))
            if c.ratio > hi or c.ratio < lo:
                ax = x(c.ratio)
                d = 6 if c.ratio > hi else -6
                svg.append('<path d="M%.1f %d l%d %d l%d %d z" fill="%s"/>'
                           % (ax, y + 3, d, (row_h - 6) // 2, -d, (row_h - 6) // 2, color))
            if c.goal is not None:
                gx = x(c.goal)
                svg.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#1f4fb4" stroke-width="3"/>'
                           % (gx, y - 1, gx, y + row_h + 1))
            svg.append('<text x="%d" y="%d">%s</text>' % (left + plot_w + 14, y + 13, fmt_ratio(c.ratio)))
        y += row_h
    svg.append('</svg>')
    return "\n".join(svg) + "\n"


# ------------------------------------------------------------------------------------------------------
# Tables
# ------------------------------------------------------------------------------------------------------

def fmt_ratio(r):
    if r is None:
        return "-"
    if r >= 100 or r < 0.01:
        return "%.3gx" % r
    return "%.2fx" % r


def fmt_num(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "-"
    if v == 0:
        return "0"
    if abs(v) >= 1000:
        return "{:,.0f}".format(v)
    if abs(v) >= 100:
        return "%.0f" % v
    if abs(v) >= 10:
        return "%.1f" % v
    if abs(v) >= 1:
        return "%.2f" % v
    return "%.3g" % v


def fmt_alloc(v):
    if v is None:
        return "-"
    if v < 0.5:
        return "0" if v < 0.05 else "%.1f" % v
    return fmt_num(v)


def table(rows, header):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for r in rows:
        lines.append("| " + " | ".join(r) + " |")
    return "\n".join(lines)


def score_cell(r):
    if r.error is None or math.isnan(r.error):
        return fmt_num(r.score)
    return "%s ± %s" % (fmt_num(r.score), fmt_num(r.error))


def results_table(results, select, relative_to=None, extra=None, fairness=False):
    """One row per result chosen by select(result) -> label; ratio to relative_to(result) (speed)."""
    chosen = []
    for r in results.values():
        label = select(r)
        if label is not None:
            chosen.append((label, r))
    chosen.sort(key=lambda lr: lr[0])
    header = ["benchmark", "score", "unit", "vs peer"]
    if fairness:
        header.append("Jain J")
    header.append("alloc B/op")
    rows = []
    for label, r in chosen:
        peer = relative_to(r) if relative_to else None
        ratio = fmt_ratio(r.speed() / peer.speed()) if peer is not None and peer is not r else "1"
        if peer is None:
            ratio = "-"
        row = [label[1] if isinstance(label, tuple) else label, score_cell(r), r.unit, ratio]
        if fairness:
            row.append("%.3f" % r.fairness if r.fairness is not None else "-")
        row.append(fmt_alloc(r.alloc))
        rows.append(row)
    return table(rows, header)


def generated(results, jvm, sizes, info, comps):
    md = []
    note = info.get("note") or ""
    md.append("Run: %s (%s min), `%s`, JMH %s, `%s`." % (
        info.get("started", "?"), info.get("minutes", "?"), info.get("command", "?"), jvm.get("jmhVersion", "?"),
        info.get("jmhArgs", "?")))
    md.append("")
    md.append("Machine: %s, %s cores, %s, %s; load average %s at the start, %s at the end." % (
        info.get("cpu", "?"), info.get("cores", "?"), info.get("memory", "?"), info.get("os", "?"),
        info.get("loadStart", "?"), info.get("loadEnd", "?")))
    md.append("")
    md.append("JVM: %s %s (%s)." % (jvm.get("vmName", "?"), jvm.get("vmVersion", "?"), jvm.get("jdkVersion", "?")))
    if note:
        md.append("")
        md.append("**Note:** " + note)
    md.append("")

    md.append("### Goals")
    md.append("")
    rows = []
    for c in comps:
        if c.goal is None:
            continue
        rows.append([c.group + ": " + c.label, c.goal_text, fmt_ratio(c.ratio),
                     "yes" if c.met else "**no**"])
    alloc_rows = [r for r in results.values() if r.name.startswith("LockUncontendedBench.t4j")]
    worst = max((r.alloc or 0.0) for r in alloc_rows) if alloc_rows else None
    if worst is not None:
        rows.append(["Uncontended Lock/RLock/Semaphore: allocation", "0 B/op", "%s B/op (max)" % fmt_alloc(worst),
                     "yes" if worst < 0.05 else "**no**"])
    md.append(table(rows, ["comparison", "goal", "threading4j speed / peer speed", "met"]))
    md.append("")
    md.append("Speed ratios: throughput over throughput, or the peer's time per operation over threading4j's; "
              "above 1 means threading4j is faster. A time goal such as \"<= 1.3x the floor\" is the same as a "
              "speed ratio >= 1/1.3 = 0.77.")
    md.append("")

    def by_class(cls, fmt=None):
        def sel(r):
            if not r.name.startswith(cls + "."):
                return None
            return fmt(r) if fmt else r.name.split(".", 1)[1]
        return sel

    md.append("### Uncontended (1 thread, ns/op; lower is better)")
    md.append("")
    u = "LockUncontendedBench."

    def u_peer(r):
        m = r.name.split(".", 1)[1]
        if m.startswith("tryAcquireSuccess"):
            return results.get(key_of(u + "tryAcquireSuccess_reentrantLockNonfair", {}, 1))
        if m.startswith("tryAcquireFailure"):
            return results.get(key_of(u + "tryAcquireFailure_reentrantLock", {}, 1))
        return results.get(key_of(u + "reentrantLockNonfair", {}, 1))

    md.append(results_table(results, by_class("LockUncontendedBench"), u_peer))
    md.append("")
    md.append("\"vs peer\" is the speed relative to ReentrantLock's (nonfair) `lock`/`unlock` (or `tryLock` for "
              "the tryAcquire rows).")
    md.append("")

    for cls, title, peer_name in (
            ("LockContendedBench", "Contended lock (ops/µs, all threads; higher is better)", "reentrantLockNonfair"),):
        md.append("### " + title)
        md.append("")

        def sel(r, cls=cls):
            if not r.name.startswith(cls + "."):
                return None
            return ((r.threads, r.name), "%d thr: %s" % (r.threads, r.name.split(".", 1)[1]))

        def peer(r, cls=cls, peer_name=peer_name):
            return results.get(key_of(cls + "." + peer_name, r.params, r.threads))

        md.append(results_table(results, sel, peer, fairness=True))
        md.append("")
    md.append("\"vs peer\": throughput relative to ReentrantLock (nonfair) at the same thread count. Jain J: "
              "fairness of per-thread operation counts (1 = equal shares, 1/n = one thread did everything).")
    md.append("")

    md.append("### Contended semaphore (ops/µs, all threads)")
    md.append("")

    def sem_sel(r):
        if not r.name.startswith("SemaphoreBench."):
            return None
        p = int(r.params.get("permits", 0))
        return ((p, r.threads, r.name), "permits %d, %d thr: %s" % (p, r.threads, r.name.split(".", 1)[1]))

    md.append(results_table(results, sem_sel,
                            lambda r: results.get(key_of("SemaphoreBench.jucSemaphoreNonfair", r.params, r.threads)),
                            fairness=True))
    md.append("")
    md.append("\"vs peer\": relative to `java.util.concurrent.Semaphore` (nonfair), same permits and threads.")
    md.append("")

    md.append("### Condition: ping-pong and bounded buffer (ops/µs, 2 threads)")
    md.append("")

    def cond_sel(r):
        if r.name.startswith("ConditionPingPongBench.") or r.name.startswith("BoundedBufferBench."):
            return r.name
        return None

    def cond_peer(r):
        cls = r.name.split(".")[0]
        peer = "reentrantLockCondition" if cls == "ConditionPingPongBench" else "reentrantLockConditions"
        return results.get(key_of(cls + "." + peer, {}, r.threads))

    md.append(results_table(results, cond_sel, cond_peer))
    md.append("")
    md.append("\"vs peer\": relative to the same code on ReentrantLock and its Condition(s). One ping-pong "
              "operation is one hand-off; one buffer operation is one put or one take.")
    md.append("")

    def param_table(cls, param, peer_value, title, note):
        md.append("### " + title)
        md.append("")

        def sel(r):
            if not r.name.startswith(cls + "."):
                return None
            n = int(r.params.get(param, 0))
            return ((n, r.params.get("peer")), "%s %d: %s" % (param, n, r.params.get("peer")))

        def peer(r):
            p = dict(r.params)
            p["peer"] = peer_value
            return results.get(key_of(r.name, p, r.threads))

        md.append(results_table(results, sel, peer))
        md.append("")
        md.append(note)
        md.append("")

    param_table("EventBroadcastBench", "waiters", "countDownLatch",
                "Event broadcast (µs per round; lower is better)",
                "One round: release the waiters and wait until the last one has woken. \"vs peer\": relative to "
                "CountDownLatch. Allocation includes the per-round gate (an Event or a latch) and the waiters' "
                "wait nodes.")
    param_table("BarrierBench", "parties", "cyclicBarrier", "Barrier cycle (µs per cycle; lower is better)",
                "\"vs peer\": relative to CyclicBarrier with the same parties.")

    md.append("### Timer")
    md.append("")

    def timer_sel(r):
        if not r.name.startswith("TimerBench."):
            return None
        return r.name.split(".", 1)[1]

    def timer_peer(r):
        m = r.name.split(".", 1)[1]
        base = m.split("_")[0]
        return results.get(key_of("TimerBench.%s_scheduledThreadPoolExecutor" % base, {}, 1))

    md.append(results_table(results, timer_sel, timer_peer))
    md.append("")
    late = []
    for r in results.values():
        if r.name.startswith("TimerBench.lateness_") and r.percentiles:
            p50 = r.percentiles.get("50.0")
            p99 = r.percentiles.get("99.0")
            late.append([r.name.split("_", 1)[1], fmt_num(r.score - 1000), fmt_num(p50 - 1000 if p50 else None),
                         fmt_num(p99 - 1000 if p99 else None)])
    if late:
        late.sort()
        md.append("Lateness of a 1 ms timer (time from scheduling to the benchmark thread running again, minus "
                  "1,000 µs):")
        md.append("")
        md.append(table(late, ["timer", "mean µs", "median µs", "p99 µs"]))
        md.append("")

    md.append("### Virtual threads: 1,000 and 10,000 threads × 10 rounds of acquire, work, yield, release (ms per batch)")
    md.append("")

    def vt_sel(r):
        if not r.name.startswith("VirtualThreadBench."):
            return None
        n = r.params.get("threads")
        return r.params.get("peer") + (", %s threads" % format(int(n), ",") if n else "")

    def vt_peer(r):
        p = r.params.get("peer")
        peer = {"t4jSemaphore": "jucSemaphore", "jucSemaphore": "jucSemaphore"}.get(p, "reentrantLock")
        ps = {"peer": peer}
        if "threads" in r.params:
            ps["threads"] = r.params["threads"]
        return results.get(key_of(r.name, ps, r.threads))

    md.append(results_table(results, vt_sel, vt_peer))
    md.append("")
    md.append("\"vs peer\": locks relative to ReentrantLock, semaphores (4 permits) relative to "
              "`java.util.concurrent.Semaphore`.")
    md.append("")

    if sizes:
        md.append("### Object size (JOL, %s)" % sizes.get("javaVersion", "?"))
        md.append("")
        rows = [[s["primitive"], s["subject"], str(s["shallowBytes"]), str(s["retainedBytes"]), str(s["objects"])]
                for s in sizes["rows"]]
        md.append(table(rows, ["primitive", "object", "shallow B", "retained B", "objects"]))
        md.append("")
        md.append("Retained: everything reachable from a new, idle instance (its engine and wait-queue header).")
        md.append("")
    return "\n".join(md)


def main(argv):
    directory = argv[1] if len(argv) > 1 else "docs/bench"
    doc = argv[2] if len(argv) > 2 else "docs/performance.md"
    results, jvm, sizes, info = load(directory)
    if not results:
        sys.exit("no JMH results in " + directory)
    comps = comparisons(results)
    subtitle = "%s, %s; %s cores; %s" % (jvm.get("vmName", "?"), jvm.get("jdkVersion", "?"), info.get("cores", "?"),
                                         info.get("started", "?"))
    with open(os.path.join(directory, "chart.svg"), "w") as f:
        f.write(chart(comps, "threading4j vs java.util.concurrent", subtitle))
    body = generated(results, jvm, sizes, info, comps)
    with open(doc) as f:
        text = f.read()
    if BEGIN not in text or END not in text:
        sys.exit("%s has no %s ... %s markers" % (doc, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with open(doc, "w") as f:
        f.write(head + BEGIN + "\n" + body + "\n" + END + tail)
    print("wrote %s and %s (%d results, %d comparisons)" % (
        os.path.join(directory, "chart.svg"), doc, len(results), len(comps)))


if __name__ == "__main__":
    main(sys.argv)
