#!/usr/bin/env bash
# Same-session A/B run: the benchmarks of this checkout against the library of another commit.
#
#   bench/ab.sh <baseline-rev> <name> <jmh-include-regex> [jmh args...]
#   bench/ab.sh e047f2e shared-wakeup 'EventBroadcastBench|BarrierBench' -p peer=t4jEvent,countDownLatch
#
# Builds bench/target/benchmarks.jar here and the same bench sources against <baseline-rev>'s library
# (a temporary worktree), then runs the two jars alternately (AB_PASSES passes, default 2; AB_JMH_ARGS
# replaces the iteration settings) so that both see the same machine. Raw JSON goes to
# docs/bench/ab-<name>/{base,head}-<pass>.json, with run-info.txt (revisions, JVM, load before and after
# each run); bench/scripts/ab_table.py prints the table docs/performance.md quotes.
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,12p' "$0"; exit 2; }
BASE_REV=$1 NAME=$2 INCLUDE=$3
shift 3
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JHOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA=$JHOME/bin/java
OUT=$ROOT/docs/bench/ab-$NAME
PASSES=${AB_PASSES:-2}
read -r -a ITER <<< "${AB_JMH_ARGS:--f 2 -wi 3 -w 500ms -i 5 -r 500ms}"
OPTS=(--sun-misc-unsafe-memory-access=allow)

build() { # $1: checkout
    (cd "$1" && JAVA_HOME=$JHOME PATH="$JHOME/bin:$PATH" \
        mvn -B -ntp -q -pl bench -am package -DskipTests -DskipBenchSmoke=true)
}

WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
echo "== head: building $(git rev-parse --short HEAD)"
build "$ROOT"
cp bench/target/benchmarks.jar "$WORK/head.jar"
echo "== base: building $BASE_REV's library with this checkout's benchmarks"
git worktree add -q --detach "$WORK/base" "$BASE_REV"
rm -rf "$WORK/base/bench" && cp -r "$ROOT/bench" "$WORK/base/bench" && rm -rf "$WORK/base/bench/target"
build "$WORK/base"
cp "$WORK/base/bench/target/benchmarks.jar" "$WORK/base.jar"

mkdir -p "$OUT" && rm -f "$OUT"/*.json
{
    echo "head: $(git rev-parse HEAD)"
    echo "base: $(git rev-parse "$BASE_REV")"
    echo "java: $("$JAVA" -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "jmh: $INCLUDE ${ITER[*]} $*"
    echo "start: $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/run-info.txt"
for pass in $(seq 1 "$PASSES"); do
    for side in base head; do
        echo "== pass $pass: $side"
        "$JAVA" "${OPTS[@]}" -jar "$WORK/$side.jar" "$INCLUDE" "${ITER[@]}" -jvmArgsAppend "${OPTS[*]}" \
            -rf json -rff "$OUT/$side-$pass.json" "$@" > "$WORK/$side-$pass.log" 2>&1 \
            || { tail -30 "$WORK/$side-$pass.log"; exit 1; }
        echo "pass $pass $side: done $(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/run-info.txt"
    done
done
python3 "$ROOT/bench/scripts/ab_table.py" "$OUT"
