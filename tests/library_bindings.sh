#!/bin/sh
# The kernel's exports named like C library functions (snprintf@KSIM_KERNEL,
# ...) are for modules only: in each executable that hosts the kernel, no other
# symbol of those names may be exported, and ksim's own references to them must
# name the C library's version, or the dynamic linker binds them to the
# kernel's (as it did with GCC's shared AddressSanitizer runtime).
# usage: library_bindings.sh EXECUTABLE...
set -eu
status=0
for executable in "$@"; do
    symbols=$(readelf -W --dyn-syms "$executable")
    names=$(printf '%s\n' "$symbols" | awk '{ print $8 }' | sed -n 's/@KSIM_KERNEL$//p' | sort -u)
    [ -n "$names" ] || { echo "FAIL: $executable exports nothing @KSIM_KERNEL"; status=1; continue; }
    for name in $names; do
        if printf '%s\n' "$symbols" | awk -v name="$name" '$8 == name { found = 1 } END { exit !found }'; then
            echo "FAIL: $executable has $name without a version: it binds to the kernel's $name@KSIM_KERNEL"
            status=1
        fi
    done
done
[ $status = 0 ] && echo "ok: the C library names stay apart in $# executables"
exit $status
