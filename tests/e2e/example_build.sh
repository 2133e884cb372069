#!/bin/sh
# Copies examples/hello as a learner would, builds it with one command (make
# or CMake) against the SDK with GCC (the default) or Clang, and loads what it
# built into the real ksim. A warning from the SDK's headers fails the build.
# kallsyms must name the module's own exit function whichever compiler built it.
# usage: example_build.sh KSIM SOURCE_DIR BUILD_DIR make|cmake [gcc|clang]
set -eu
ksim=$1 source=$2 build_dir=$3 tool=$4 compiler=${5:-gcc}
if [ "$compiler" = clang ]; then
    command -v clang > /dev/null || { echo "clang is not installed"; exit 77; }
    make_compilers="CC=clang CXX=clang++" cmake_compilers="-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++"
else
    make_compilers="" cmake_compilers=""
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$source/examples/hello" "$work/hello"
cd "$work/hello"
if [ "$tool" = make ]; then
    # shellcheck disable=SC2086 # the compiler settings are separate words
    make KSIM_SDK="$source/sdk" KSIM_BUILD="$build_dir" EXTRA_CFLAGS=-Werror $make_compilers > build.log 2>&1 \
        || { cat build.log; exit 1; }
    grep -q "LD \[M\]  $work/hello/hello.ko" build.log
else
    # shellcheck disable=SC2086
    cmake -S . -B build -DKSIM_SDK_DIR="$source/sdk" -DKSIM_SDK_BUILD_DIR="$build_dir/sdk" $cmake_compilers \
        -DCMAKE_C_FLAGS=-Werror -DCMAKE_CXX_FLAGS=-Werror > build.log 2>&1 && cmake --build build >> build.log 2>&1 \
        || { cat build.log; exit 1; }
    cp build/*.ko .
fi
load='sudo insmod hello.ko whom=learner && grep -c hello_exit /proc/kallsyms && sudo insmod hello_cpp.ko'
out=$("$ksim" -c "$load && sudo rmmod hello hello_cpp && dmesg -t" 2>&1) || true # the case shows what failed
expected="Hello, learner!
Hello from C++ (1 of 2)
Hello from C++ (2 of 2)
Goodbye, learner!
Goodbye from C++"
case "$out" in
"1
"*"$expected") echo "ok: $tool build with $compiler loads and runs" ;;
*) printf 'unexpected output:\n%s\n' "$out"; exit 1 ;;
esac
