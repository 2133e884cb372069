#!/bin/sh
# Every SDK header compiles on its own and all together, warning-free, in
# C (c11, gnu11) and C++ (c++20, gnu++20): tutorial code includes them in
# any order and either language.
# usage: sdk_headers.sh SDK_DIR
set -eu
sdk=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
headers=$(cd "$sdk/include" && ls linux/*.h asm/*.h)
status=0
compile() { # language standard file
    if ! "$1" -std="$2" -Wall -Wextra -Werror -Wno-unused-function -nostdinc -isystem "$sdk/include" \
        -isystem "$sdk/abi" -DKBUILD_MODNAME='"t"' -x "$3" -c "$4" -o /dev/null; then
        echo "FAIL: $4 as $2"
        status=1
    fi
}
for header in $headers; do
    printf '#include <%s>\n' "$header" > "$work/one.c"
    cp "$work/one.c" "$work/one.cpp"
    compile gcc c11 c "$work/one.c"
    compile g++ c++20 c++ "$work/one.cpp"
done
for header in $headers; do printf '#include <%s>\n' "$header"; done > "$work/all.c"
cp "$work/all.c" "$work/all.cpp"
for std in c11 gnu11; do compile gcc $std c "$work/all.c"; done
for std in c++20 gnu++20; do compile g++ $std c++ "$work/all.cpp"; done
[ $status = 0 ] && echo "ok: $(echo "$headers" | wc -l) headers"
exit $status
