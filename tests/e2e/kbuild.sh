#!/bin/sh
# The Kbuild-style build and its modpost step, as a learner meets them:
# a provider exporting symbols, a multi-file module using them through
# KBUILD_EXTRA_SYMBOLS, modpost's errors (missing licence, GPL-only symbol)
# and warnings (KBUILD_MODPOST_WARN=1), and the artifacts (.mod.c,
# Module.symvers, modules.order, depends). The transcript is compared with
# kbuild.expected; the scratch folder is printed as <build>.
# usage: kbuild.sh KSIM SOURCE_DIR BUILD_DIR
set -u
ksim=$1 source=$2 build_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
kmake() { make -C "$source/sdk" KSIM_BUILD="$build_dir" "$@"; }
step() { echo ">>> $*"; "$@" 2>&1; echo "<<< rc=$?"; }

mkdir "$work/own" "$work/bad-strict" "$work/bad"
cp "$source/modules/provider.c" "$work/own/"
echo 'obj-m += provider.o' > "$work/own/Makefile"
cp -r "$here/kbuild/startstop" "$work/startstop"
cp "$source/modules/nolicense.c" "$source/modules/gplonly_prop.c" "$work/bad-strict/"
printf 'obj-m += nolicense.o\nobj-m += gplonly_prop.o\n' > "$work/bad-strict/Makefile"
cp "$source/modules/gplonly_prop.c" "$work/bad/"
echo 'obj-m += gplonly_prop.o' > "$work/bad/Makefile"

{
echo "### the provider"
step kmake M="$work/own" modules
step cat "$work/own/Module.symvers"
step cat "$work/own/modules.order"
echo "### a module of two files, using the provider's exports"
step kmake M="$work/startstop" KBUILD_EXTRA_SYMBOLS="$work/own/Module.symvers" modules
step grep -v '^ \*' "$work/startstop/startstop.mod.c"
step "$ksim" -c "modinfo -F depends $work/startstop/startstop.ko; sudo insmod $work/own/provider.ko && sudo insmod $work/startstop/startstop.ko && lsmod && sudo rmmod startstop provider && dmesg -t -l info"
echo "### the same, without the provider's Module.symvers"
step kmake M="$work/startstop" clean
step kmake M="$work/startstop" modules
echo "### strict build: missing licence, GPL-only symbol"
step kmake M="$work/bad-strict" KBUILD_EXTRA_SYMBOLS="$work/own/Module.symvers" modules
echo "### loadable variant: KBUILD_MODPOST_WARN=1, no provider symvers"
step kmake M="$work/bad" KBUILD_MODPOST_WARN=1 modules
} > "$work/transcript.raw" 2>&1
sed -e "s|$ksim|ksim|g" -e "s|$work|<build>|g" -e "s|$source|<ksim>|g" -e 's/\.build:[0-9]*:/.build:<line>:/' \
    "$work/transcript.raw" > "$work/transcript"
if [ "${KSIM_UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$work/transcript" "$here/kbuild.expected"
fi
diff -u "$here/kbuild.expected" "$work/transcript"
