#!/bin/sh
# Modules written as tutorials write them, with their usual includes only,
# using the SDK's data structures and helpers: kfifo, rbtree, hashtable, idr,
# ktime/timespec64/jiffies, vmalloc/kvmalloc/pages, kmem_cache, random
# numbers, bitops, minmax, static keys, capable(), a debugfs blob and
# file->f_path.dentry. Built with the Kbuild-style make, loaded and unloaded
# in ksim; what they print is compared with sdk_apis.expected.
# usage: sdk_apis.sh KSIM SOURCE_DIR BUILD_DIR
set -u
ksim=$1 source=$2 build_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/sdk_apis" "$work/apis"
make -C "$source/sdk" KSIM_BUILD="$build_dir" M="$work/apis" EXTRA_CFLAGS=-Werror > "$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
load=""
for module in fifo_demo tree_demo clock_demo mem_demo; do
    load="$load sudo insmod $work/apis/$module.ko; sudo rmmod $module;"
done
# Code offsets in the WARN's caller depend on the compiler's version.
load="$load sudo insmod $work/apis/blob_demo.ko; sudo cat /sys/kernel/debug/blob_demo/greeting; sudo cat /sys/kernel/debug/blob_demo/whoami; cat /proc/blob_demo_name; sudo rmmod blob_demo;"
"$ksim" -c "$load lsmod; dmesg -t -l info,warn,err" 2>&1 | sed -E 's/\+0x[0-9a-f]+\/0x[0-9a-f]+/+<offset>/g' > "$work/transcript"
if [ "${KSIM_UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$work/transcript" "$here/sdk_apis.expected"
fi
diff -u "$here/sdk_apis.expected" "$work/transcript"
