#!/usr/bin/env bash
# The whole JMH suite, before and after a change, in one sitting: bench/run-benchmarks.sh with the library of
# <baseline-rev> (built with this checkout's benchmark sources, so both sides run the same benchmarks), then
# with this checkout's. The baseline's JSON goes to docs/bench/<name>/base/, the head's to docs/bench/ (which
# also regenerates docs/performance.md); bench/scripts/suite_ab_table.py prints head/base per benchmark.
#
#   bench/ab-suite.sh <baseline-rev> <name>        # about 35 minutes on 2 cores
set -euo pipefail
[ $# -eq 2 ] || { sed -n '2,7p' "$0"; exit 2; }
BASE_REV=$1 NAME=$2
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JHOME=${BENCH_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/base" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
echo "== base: building $BASE_REV's library with this checkout's benchmarks"
git worktree add -q --detach "$WORK/base" "$BASE_REV"
rm -rf "$WORK/base/bench" && cp -r "$ROOT/bench" "$WORK/base/bench" && rm -rf "$WORK/base/bench/target"
(cd "$WORK/base" && JAVA_HOME=$JHOME PATH="$JHOME/bin:$PATH" mvn -B -ntp -q -pl bench -am package -DskipTests -DskipBenchSmoke=true)
cp "$WORK/base/bench/target/benchmarks.jar" "$WORK/base.jar"
OUT=$ROOT/docs/bench/$NAME
rm -rf "$OUT/base" && mkdir -p "$OUT/base"
echo "== base run ($(git rev-parse --short "$BASE_REV"))"
BENCH_JAR="$WORK/base.jar" BENCH_OUT="$OUT/base" BENCH_NOTE="baseline $(git rev-parse --short "$BASE_REV") for $NAME" \
    bench/run-benchmarks.sh
echo "== head run ($(git rev-parse --short HEAD))"
BENCH_NOTE="head $(git rev-parse --short HEAD) for $NAME, right after the baseline" bench/run-benchmarks.sh
python3 bench/scripts/suite_ab_table.py "$OUT/base" docs/bench | tee "$OUT/table.md"
