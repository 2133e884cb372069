#!/bin/sh
# Every end-to-end case again, with the bundled modules built by Clang (in a
# nested build tree) and loaded by this ksim: a module's reports must not
# depend on the compiler beyond what Linux's would (CASE.clang.patch).
# usage: clang_modules.sh KSIM SOURCE_DIR BUILD_DIR
set -eu
ksim=$1 source=$2 out=$3
command -v clang > /dev/null || { echo "clang is not installed"; exit 77; }
CC=clang CXX=clang++ cmake -S "$source" -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo > "$out.configure.log" 2>&1 \
    || { cat "$out.configure.log"; exit 1; }
cmake --build "$out" -j2 --target bundled_modules > "$out.build.log" 2>&1 || { tail -n 60 "$out.build.log"; exit 1; }
failed=""
for case in "$source"/tests/e2e/*.ksh; do
    sh "$source/tests/e2e/run_case.sh" "$ksim" "$out/modules" "$case" clang || failed="$failed $(basename "$case" .ksh)"
done
[ -z "$failed" ] || { echo "FAIL with Clang-built modules:$failed"; exit 1; }
echo "ok: every case with Clang-built modules"
