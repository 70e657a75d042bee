#!/usr/bin/env bash
# Runs the whole JMH suite, then regenerates the results: raw JMH JSON in docs/bench/, the ratio tables in
# docs/performance.md and the chart docs/bench/chart.svg (bench/scripts/report.py, Python 3 standard library).
#
#   bench/run-benchmarks.sh                 # the full run (about 20 minutes on 2 cores)
#   BENCH_QUICK=1 bench/run-benchmarks.sh   # a 2-3 minute rehearsal of the pipeline (numbers meaningless)
#
# Environment: BENCH_JAVA_HOME (default: Temurin 25 if installed, else JAVA_HOME, else java on PATH; JDK 21+
# is needed for the virtual-thread benchmarks), BENCH_NOTE (a sentence recorded with the run, e.g. that the
# machine was shared), BENCH_JMH_ARGS (replaces the iteration settings below). For bench/ab-suite.sh:
# BENCH_JAR (run this benchmarks.jar instead of building one) and BENCH_OUT (write the JSON there and skip
# the report).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${BENCH_OUT:-$ROOT/docs/bench}

if [ -n "${BENCH_JAVA_HOME:-}" ]; then
    JHOME=$BENCH_JAVA_HOME
elif [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
    JHOME=/usr/lib/jvm/temurin-25-jdk-amd64
elif [ -n "${JAVA_HOME:-}" ]; then
    JHOME=$JAVA_HOME
else
    JHOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
JAVA=$JHOME/bin/java
FEATURE=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

if [ -n "${BENCH_QUICK:-}" ]; then
    ITER=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms -p permits=1,8 -p waiters=4 -p parties=4)
else
    # @Fork >= 2; 2 x 500 ms warm-up (C2 is done by then for these small methods), 3 x 500 ms measured.
    ITER=(-f 2 -wi 2 -w 500ms -i 3 -r 500ms)
fi
if [ -n "${BENCH_JMH_ARGS:-}" ]; then
    read -r -a ITER <<< "$BENCH_JMH_ARGS"
fi

HOST_OPTS=()
FORK_OPTS="-Dbench.fairness.file=$OUT/fairness.csv"
if [ "$FEATURE" -ge 24 ]; then
    HOST_OPTS+=(--sun-misc-unsafe-memory-access=allow)
    FORK_OPTS="$FORK_OPTS --sun-misc-unsafe-memory-access=allow"
fi

if [ -n "${BENCH_JAR:-}" ]; then
    JAR=$BENCH_JAR
else
    echo "== building bench/target/benchmarks.jar with $JHOME"
    JAVA_HOME=$JHOME PATH="$JHOME/bin:$PATH" mvn -B -ntp -q -pl bench -am package -DskipTests -DskipBenchSmoke=true
    JAR=$ROOT/bench/target/benchmarks.jar
fi

mkdir -p "$OUT"
LOG=$ROOT/bench/target/jmh.log
rm -f "$OUT"/jmh-*.json "$OUT"/fairness.csv "$OUT"/jmh.log "$LOG"
START=$(date -u +%Y-%m-%dT%H:%M:%SZ)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
SECONDS=0

jmh() {
    local name=$1 include=$2
    shift 2
    echo "== $name: $include $*" | tee -a "$LOG"
    "$JAVA" "${HOST_OPTS[@]}" -jar "$JAR" "$include" "${ITER[@]}" -prof gc -foe true \
        -jvmArgsAppend "$FORK_OPTS" -rf json -rff "$OUT/jmh-$name.json" "$@" >> "$LOG" 2>&1 \
        || { tail -40 "$LOG"; exit 1; }
}

jmh uncontended '\.LockUncontendedBench\.'
for t in 1 2 4 8; do
    jmh "lock-t$t" '\.LockContendedBench\.' -t "$t"
done
for t in 2 4 8; do
    jmh "semaphore-t$t" '\.SemaphoreBench\.' -t "$t"
done
jmh condition '\.(ConditionPingPongBench|BoundedBufferBench)\.'
jmh event '\.EventBroadcastBench\.'
jmh barrier '\.BarrierBench\.'
jmh barrier-group '\.BarrierGroupBench\.'
if [ "$FEATURE" -ge 21 ]; then
    jmh timer '\.TimerBench\.'
    jmh virtual '\.VirtualThreadBench\.'
else
    jmh timer '\.TimerBench\.' -e Virtual
fi

echo "== object sizes (JOL)"
"$JAVA" "${HOST_OPTS[@]}" -Djol.magicFieldOffset=true -Djdk.attach.allowAttachSelf=true -cp "$JAR" \
    org.threading4j.bench.ObjectSizes > "$OUT/object-sizes.json" 2>> "$LOG"

CPU=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
MEM=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)
JVER=$("$JAVA" -version 2>&1 | tr '\n' ' ' | sed 's/"/\\"/g; s/ *$//')
cat > "$OUT/run-info.json" <<JSON
{
  "started": "$START",
  "minutes": $(( (SECONDS + 30) / 60 )),
  "command": "bench/run-benchmarks.sh${BENCH_QUICK:+ (BENCH_QUICK=1)}",
  "jmhArgs": "${ITER[*]} -prof gc",
  "cpu": "$CPU",
  "cores": $(nproc),
  "memory": "$MEM",
  "os": "$(uname -sr)",
  "java": "$JVER",
  "loadStart": "$LOAD_START",
  "loadEnd": "$(cut -d' ' -f1-3 /proc/loadavg)",
  "note": "${BENCH_NOTE:-}"
}
JSON

if [ -n "${BENCH_OUT:-}" ]; then
    echo "== done in $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s: $OUT"
    exit 0
fi
echo "== report"
python3 "$ROOT/bench/scripts/report.py" "$OUT" "$ROOT/docs/performance.md"
echo "== done in $(( SECONDS / 60 )) min $(( SECONDS % 60 )) s: docs/performance.md, docs/bench/"
