#!/bin/sh
# Fuzzes one target for a while, starting from its seed corpus; a crash fails
# the test and leaves the input (crash-*) in the build's fuzz folder, to be
# kept in tests/fuzz/corpus/NAME/ once fixed.
# Usage: run_fuzzer.sh FUZZER SEED_CORPUS SECONDS
set -eu
fuzzer=$1 seeds=$2 seconds=$3
work=$(dirname "$fuzzer")/$(basename "$fuzzer").work
mkdir -p "$work/corpus" "$work/artifacts"
cd "$work"
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$work/corpus" "$seeds"
