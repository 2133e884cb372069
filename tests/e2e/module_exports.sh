#!/bin/sh
# EXPORT_SYMBOL with either compiler: provider.ko built with the SDK's
# Makefile (GCC, or Clang through LLVM=1 as on Linux) must put exactly its
# exports and __this_module in its dynamic symbol table, with no warning
# from the SDK's headers, and consumer.ko, built against provider's
# Module.symvers, must load and call them in ksim.
# usage: module_exports.sh KSIM SOURCE_DIR BUILD_DIR gcc|clang
set -eu
ksim=$1 source=$2 build_dir=$3 compiler=$4
if [ "$compiler" = clang ]; then
    command -v clang > /dev/null || { echo "clang is not installed"; exit 77; }
    llvm=1
else
    llvm=0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/provider" "$work/consumer"
cp "$source/modules/provider.c" "$work/provider/"
echo 'obj-m += provider.o' > "$work/provider/Makefile"
cp "$source/modules/consumer.c" "$work/consumer/"
echo 'obj-m += consumer.o' > "$work/consumer/Makefile"
kmake() { make -C "$source/sdk" KSIM_BUILD="$build_dir" LLVM=$llvm EXTRA_CFLAGS=-Werror "$@" >> "$work/build.log" 2>&1; }
kmake M="$work/provider" modules && kmake M="$work/consumer" KBUILD_EXTRA_SYMBOLS="$work/provider/Module.symvers" modules \
    || { cat "$work/build.log"; exit 1; }
if [ "$compiler" = clang ] && ! grep -q "clang" "$work/provider/provider.ko"; then
    echo "provider.ko was not built by clang"; exit 1
fi

# GNU ld also lists the section bounds it defines (__start_/__stop_), which
# each module binds to its own; they are not exports.
dynamic=$(nm -D --defined-only "$work/provider/provider.ko" | awk '$3 !~ /^__(start|stop)_/ { print $3 }' | sort | tr '\n' ' ')
if [ "$dynamic" != "__this_module provider_add provider_gpl_only " ]; then
    echo "provider.ko's dynamic symbols: $dynamic"; exit 1
fi

out=$(cd "$work" && "$ksim" -c 'sudo insmod provider/provider.ko && sudo insmod consumer/consumer.ko && sudo rmmod consumer provider && dmesg -t' 2>&1)
expected="provider: loaded
provider: provider_add(2, 3)
consumer: provider_add(2, 3) = 5
consumer: unloaded
provider: unloaded"
case "$out" in
*"$expected") echo "ok: $compiler build exports provider's symbols to consumer" ;;
*) printf 'unexpected output:\n%s\n' "$out"; exit 1 ;;
esac
