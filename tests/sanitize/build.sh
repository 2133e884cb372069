#!/bin/sh
# Configures and builds ksim with Clang, AddressSanitizer, UndefinedBehaviorSanitizer
# and libFuzzer into its own folder, for sanitize.suite and the fuzz.* tests.
# Usage: build.sh SOURCE_DIR BUILD_DIR C_COMPILER CXX_COMPILER
set -eu
src=$1 out=$2
CC=$3 CXX=$4 cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKSIM_WERROR=ON \
    -DKSIM_SANITIZE=address,undefined -DKSIM_FUZZ=ON > "$out.configure.log" 2>&1 \
    || { cat "$out.configure.log"; exit 1; }
cmake --build "$out" -j2 > "$out.build.log" 2>&1 || { tail -n 60 "$out.build.log"; exit 1; }
echo "built $out"
