#!/bin/sh
# Configures and builds a nested copy of ksim inside the outer build tree.
# Usage: build.sh sanitize SOURCE_DIR BUILD_DIR
#          the whole project with AddressSanitizer and UndefinedBehaviorSanitizer
#          (the default compiler), for sanitize.suite;
#        build.sh fuzz SOURCE_DIR BUILD_DIR C_COMPILER CXX_COMPILER
#          the fuzz targets only, with Clang's libFuzzer and the same sanitizers;
#        build.sh werror SOURCE_DIR BUILD_DIR BUILD_TYPE
#          the whole project in one CMake build type with warnings as errors:
#          each optimisation level gives the compiler's flow analysis other
#          chances to warn, and every build type must build.
set -eu
mode=$1 src=$2 out=$3
build_type=RelWithDebInfo
case $mode in
sanitize)
    # No -Werror: instrumented code makes GCC's flow analysis warn falsely
    # (-Wmaybe-uninitialized inside libstdc++'s <regex>).
    set -- -DKSIM_SANITIZE=address,undefined -DKSIM_WERROR=OFF
    target=all
    ;;
fuzz)
    export CC="$4" CXX="$5"
    set -- -DKSIM_SANITIZE=address,undefined -DKSIM_FUZZ=ON -DKSIM_WERROR=ON
    target=ksim_fuzzers
    ;;
werror)
    build_type=$4
    set -- -DKSIM_WERROR=ON
    target=all
    ;;
*)
    echo "build.sh: unknown mode '$mode'" >&2
    exit 2
    ;;
esac
cmake -S "$src" -B "$out" -DCMAKE_BUILD_TYPE="$build_type" "$@" > "$out.configure.log" 2>&1 \
    || { cat "$out.configure.log"; exit 1; }
cmake --build "$out" -j2 --target "$target" > "$out.build.log" 2>&1 || { tail -n 60 "$out.build.log"; exit 1; }
echo "built $out ($build_type, $target)"
