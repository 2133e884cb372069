#!/bin/sh
# Makefile habits from Linux tutorials, built against the SDK as they are:
# the two-part Makefile (KERNELRELEASE set while Kbuild reads it, KDIR naming
# ksim's tree or its sdk/), a Kbuild file preferred over the Makefile,
# obj-$(CONFIG_...) with the option unset, a module of several files from
# name-y and name-objs, ccflags-y, EXTRA_CFLAGS and CFLAGS_file.o, V=1, a
# folder that builds nothing failing, compile_commands.json (each entry's
# command compiles its file), and Kbuild's warnings (a missing
# include, an old-style prototype and a missing return stop the build; a
# declaration after a statement only warns). The modules are then loaded.
# usage: kbuild_habits.sh KSIM SOURCE_DIR BUILD_DIR
set -u
ksim=$1 source=$2 build_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/kbuild_habits/." "$work/"
status=0
fail() { echo "FAIL: $*"; status=1; }
kmake() { make -C "$source/sdk" KSIM_BUILD="$build_dir" "$@" > "$work/log" 2>&1; }
expect_log() { grep -q -- "$1" "$work/log" || { fail "$2: no '$1' in:"; cat "$work/log"; }; }
loads() { # folder module expected-dmesg-line
    out=$("$ksim" -c "sudo insmod $1/$2.ko && sudo rmmod $2; dmesg -t -l info" 2>&1)
    case "$out" in *"$3"*) ;; *) fail "$2 printed:"; echo "$out" ;; esac
}

# The tutorial's own command, with KDIR at ksim's sdk/ and at ksim's tree.
for kdir in "$source/sdk" "$source"; do
    make -C "$work/twopart" clean KDIR="$kdir" KSIM_BUILD="$build_dir" > /dev/null 2>&1
    make -C "$work/twopart" KDIR="$kdir" KSIM_BUILD="$build_dir" > "$work/log" 2>&1 || fail "two-part Makefile, KDIR=$kdir"
    expect_log "LD \[M\]  $work/twopart/twopart.ko" "two-part Makefile, KDIR=$kdir"
done
loads "$work/twopart" twopart "twopart: built from a two-part Makefile for 6.1.0-ksim"

kmake M="$work/kbuildfile" || fail "Kbuild file"
[ -f "$work/kbuildfile/chosen.ko" ] && [ ! -e "$work/kbuildfile/ignored.o" ] || fail "the Kbuild file is not the one read"
loads "$work/kbuildfile" chosen "chosen: read from the Kbuild file"

kmake M="$work/config" || fail "obj-\$(CONFIG_...) unset"
[ -f "$work/config/always.ko" ] && [ ! -e "$work/config/optional.o" ] || fail "an object of an unset option was built"
kmake M="$work/config" CONFIG_KSIM_OPTIONAL=m || fail "obj-\$(CONFIG_...)=m"
[ -f "$work/config/optional.ko" ] || fail "CONFIG_KSIM_OPTIONAL=m did not build optional.ko"

kmake M="$work/multi" || { fail "name-y + name-objs"; cat "$work/log"; }
expect_log "LD \[M\]  $work/multi/pieces.o" "name-y + name-objs"
loads "$work/multi" pieces "pieces: 1 2 3"

# V=1: the commands themselves, not their short lines.
kmake M="$work/multi" clean && kmake M="$work/multi" V=1 || fail "V=1"
expect_log "-DONLY_PART=3 .*-c -o $work/multi/part.o" "V=1"
! grep -q "^  CC \[M\]" "$work/log" || fail "V=1 still prints the short lines"

# compile_commands.json: one entry per source, each command as the build ran it.
kmake M="$work/multi" compile_commands.json || fail "compile_commands.json"
entries=$(grep -c '"command": ' "$work/multi/compile_commands.json")
[ "$entries" = 2 ] || fail "compile_commands.json has $entries entries, not 2"
grep '"file": "'"$work/multi/part.c"'"' "$work/multi/compile_commands.json" | grep -q -- "-DONLY_PART=3" \
    || fail "part.c's entry lacks its CFLAGS_part.o"
grep '"file": "'"$work/multi/main.c"'"' "$work/multi/compile_commands.json" | grep -q -- "-DONLY_PART=3" \
    && fail "main.c's entry has part.o's flags"
sed -n 's/.*"command": "\(.*\)"}.*/\1/p' "$work/multi/compile_commands.json" | sed 's/\\"/"/g' > "$work/commands"
while read -r command; do
    (cd "$work/multi" && eval "$command") || fail "a compile_commands.json command does not compile: $command"
done < "$work/commands"

# Nothing to build is an error, never a silent success.
mkdir "$work/empty" "$work/unset"
echo 'obj-m :=' > "$work/empty/Makefile"
echo 'obj-$(CONFIG_KSIM_UNSET) += x.o' > "$work/unset/Makefile"
! kmake M="$work/empty" || fail "an empty obj-m built"
expect_log "$work/empty/Makefile names no module in obj-m" "empty obj-m"
! kmake M="$work/unset" || fail "a folder whose only object is disabled built"
expect_log "x.o is in obj-\$(CONFIG_...) with that option unset" "disabled object"

# Kbuild's warning flags, in the compiler's words.
for name in implicit oldstyle noreturn mixed; do
    mkdir "$work/w-$name"
    cp "$work/warnings/$name.c" "$work/w-$name/"
    echo "obj-m := $name.o" > "$work/w-$name/Makefile"
done
! kmake M="$work/w-implicit" || fail "a call without its include built"
expect_log "error: implicit declaration of function .kmalloc. \[-Werror=implicit-function-declaration\]" "implicit"
! kmake M="$work/w-oldstyle" || fail "an old-style prototype built"
expect_log "\[-Werror=strict-prototypes\]" "oldstyle"
! kmake M="$work/w-noreturn" || fail "a missing return built"
expect_log "\[-Werror=return-type\]" "noreturn"
kmake M="$work/w-mixed" || fail "a declaration after a statement stopped the build"
expect_log "warning: ISO C90 forbids mixed declarations and code \[-Wdeclaration-after-statement\]" "mixed"

[ $status = 0 ] && echo "ok: Kbuild habits"
exit $status
