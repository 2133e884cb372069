#!/bin/sh
# Runs one end-to-end case: the .ksh script through the real ksim binary, in
# a scratch copy of the bundled modules, and compares the transcript (stdout
# and stderr merged) with the .expected file. Values that differ on every run
# or with the compiler (timestamps, addresses, registers, code bytes, offsets in functions)
# are masked first. The .expected file is what modules built with GCC show;
# where modules built by another compiler show something else, as Linux's
# would (Clang emits .modinfo in source order, GCC in reverse),
# CASE.COMPILER.patch holds the difference.
# usage: run_case.sh KSIM MODULES_DIR CASE.ksh [COMPILER]
set -eu
ksim=$1 modules=$2 case=$3 compiler=${4:-gcc}
golden=${case%.ksh}.expected
patch_file=${case%.ksh}.$compiler.patch
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
expected=$golden
if [ -f "$patch_file" ]; then
    expected=$work/expected
    patch -s -o "$expected" "$golden" < "$patch_file"
fi
cp "$modules"/*.ko "$modules"/modules.order "$modules"/modules.builtin* "$work"/
# The scratch folder is also /lib/modules/<release> for depmod and modprobe.
mkdir -p "$work/sysroot/lib/modules" "$work/sysroot/etc/modprobe.d"
ln -s "$work" "$work/sysroot/lib/modules/$("$ksim" -c 'uname -r')"
cd "$work"
if grep -q '^#wait-for ' "$case"; then
    # "#wait-for PATTERN" holds the rest of the script back until a line
    # written since the last wait matches PATTERN (the console shows what
    # the kernel logs as it logs it): ksim reads the script from a FIFO, and
    # the wait polls the transcript with a generous deadline, so a report
    # that comes late on a loaded machine is waited for, never missed.
    mkfifo script
    "$ksim" --sysroot "$work/sysroot" script > transcript.raw 2>&1 &
    ksim_pid=$!
    exec 3> script
    seen=0
    while IFS= read -r line; do
        case $line in
        '#wait-for '*)
            pattern=${line#\#wait-for }
            tries=0
            until tail -n +$((seen + 1)) transcript.raw | grep -q -- "$pattern"; do
                tries=$((tries + 1))
                if [ $tries -gt 600 ]; then
                    echo "run_case.sh: nothing matched '$pattern' within 120 s" >> transcript.raw
                    break
                fi
                sleep 0.2
            done
            seen=$(wc -l < transcript.raw) ;;
        *) printf '%s\n' "$line" >&3 ;;
        esac
    done < "$case"
    exec 3>&-
    wait "$ksim_pid" && status=0 || status=$?
else
    "$ksim" --sysroot "$work/sysroot" "$case" > transcript.raw 2>&1 && status=0 || status=$?
fi
echo "[exit $status]" >> transcript.raw
sed -E -e 's/\[ *[0-9]+\.[0-9]{6}\]/[TIME]/g' \
       -e 's/(0x|: |:)[0-9a-f]{16}/\1<hex>/g' \
       -e 's/^[0-9a-f]{16} \(/<hex> (/' \
       -e 's/\+0x[0-9a-f]+(\/0x[0-9a-f]+)?/+<off>/g' \
       -e 's/EFLAGS: [0-9a-f]{8}/EFLAGS: <flags>/' \
       -e 's/stuck for [0-9]+s!/stuck for <N>s!/' \
       -e 's/blocked for more than [0-9]+ seconds/blocked for more than <N> seconds/' \
       -e 's/Code: ([0-9a-f]{2} )*<[0-9a-f]{2}>( [0-9a-f]{2})*/Code: <bytes>/' \
       -e 's/(opcode bytes at |RIP: 0033:)0x[0-9a-f]+/\10x<hex>/' \
       -e 's/FS:  [0-9a-f]{16}/FS:  <hex>/' \
       -e 's/[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}/<date>/' \
       -e "s|$work|<work>|g" transcript.raw > transcript
if [ "${KSIM_UPDATE_GOLDEN:-0}" = 1 ]; then
    if [ "$compiler" = gcc ]; then
        cp transcript "$golden"
    elif diff -u --label "$(basename "$golden")" --label transcript "$golden" transcript > "$patch_file"; then
        rm "$patch_file"
    fi
fi
diff -u "$expected" transcript
