#!/bin/sh
# Runs one end-to-end case: the .ksh script through the real ksim binary, in
# a scratch copy of the bundled modules, and compares the transcript (stdout
# and stderr merged) with the .expected file. Values that differ on every run
# (timestamps, addresses, registers) are masked first.
# usage: run_case.sh KSIM MODULES_DIR CASE.ksh
set -eu
ksim=$1 modules=$2 case=$3
expected=${case%.ksh}.expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$modules"/*.ko "$modules"/modules.order "$modules"/modules.builtin* "$work"/
# The scratch folder is also /lib/modules/<release> for depmod and modprobe.
mkdir -p "$work/sysroot/lib/modules" "$work/sysroot/etc/modprobe.d"
ln -s "$work" "$work/sysroot/lib/modules/$("$ksim" -c 'uname -r')"
cd "$work"
"$ksim" --sysroot "$work/sysroot" "$case" > transcript.raw 2>&1 && status=0 || status=$?
echo "[exit $status]" >> transcript.raw
sed -E -e 's/\[ *[0-9]+\.[0-9]{6}\]/[TIME]/g' \
       -e 's/(0x|: |:)[0-9a-f]{16}/\1<hex>/g' \
       -e 's/\+0x[0-9a-f]+\/0x[0-9a-f]+/+<off>/g' \
       -e 's/EFLAGS: [0-9a-f]{8}/EFLAGS: <flags>/' \
       -e 's/[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}/<date>/' \
       -e "s|$work|<work>|g" transcript.raw > transcript
if [ "${KSIM_UPDATE_GOLDEN:-0}" = 1 ]; then
    cp transcript "$expected"
fi
diff -u "$expected" transcript
