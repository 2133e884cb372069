#!/bin/sh
# ksim's modules are readable by kmod's own tools, and ksim's modinfo and
# depmod agree with them: modinfo prints the same lines for every bundled
# module, and depmod computes the same modules.dep and modules.symbols
# (kmod writes modules in directory order, so lines are compared sorted),
# and the same binary indexes, byte for byte.
# A module signed with sign-file is among them, so the signature lines
# (signer, key, hash, signature bytes) are compared too.
# usage: kmod_compat.sh KSIM MODULES_DIR SDK_BUILD_DIR
set -eu
ksim=$1 modules=$2 sdk=$3
kmod_dir=/usr/sbin
[ -x "$kmod_dir/modinfo" ] || { echo "kmod's modinfo is missing: run scripts/setup.sh"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
release=$("$ksim" -c 'uname -r')
tree="$work/kmod/lib/modules/$release"
mkdir -p "$tree" "$work/ksim/lib/modules" "$work/ksim/etc/modprobe.d"
cp "$modules"/*.ko "$modules"/modules.order "$modules"/modules.builtin* "$tree/"
"$sdk/sign-file" sha256 "$sdk/certs/signing_key.pem" "$sdk/certs/signing_key.x509" "$tree/hello.ko"
ln -s "$tree" "$work/ksim/lib/modules/$release"
status=0
for ko in "$tree"/*.ko; do
    "$kmod_dir/modinfo" "$ko" > "$work/kmod.txt" 2>&1
    "$ksim" --sysroot "$work/ksim" -c "modinfo $ko" > "$work/ksim.txt" 2>&1
    diff -u "$work/kmod.txt" "$work/ksim.txt" || status=1
done
"$kmod_dir/depmod" -b "$work/kmod" "$release"
for index in modules.dep modules.symbols modules.alias modules.softdep modules.devname; do
    sort "$tree/$index" > "$work/$index.kmod"
done
for index in modules.dep.bin modules.alias.bin modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin; do
    cp "$tree/$index" "$work/$index.kmod"
done
"$ksim" --sysroot "$work/ksim" -c 'sudo depmod'
for index in modules.dep modules.symbols modules.alias modules.softdep modules.devname; do
    sort "$tree/$index" | diff -u "$work/$index.kmod" - || status=1
done
# The binary indexes are byte for byte kmod's, and kmod's own modprobe finds
# dependencies through them.
for index in modules.dep.bin modules.alias.bin modules.symbols.bin modules.builtin.bin modules.builtin.alias.bin; do
    cmp "$work/$index.kmod" "$tree/$index" || status=1
done
"$kmod_dir/modprobe" -d "$work/kmod" -S "$release" --show-depends consumer > "$work/show-depends"
printf 'insmod %s/provider.ko \ninsmod %s/consumer.ko \n' "$tree" "$tree" | diff -u - "$work/show-depends" || status=1
[ $status = 0 ] && echo "ok: kmod and ksim agree on $(ls "$tree"/*.ko | wc -l) modules"
exit $status
