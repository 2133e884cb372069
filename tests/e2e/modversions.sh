#!/bin/sh
# CONFIG_MODVERSIONS: a consumer built against one prototype of an exported
# function is refused by a provider rebuilt with another prototype
# ("disagrees about version of symbol"); the provider it was built against
# loads it; insmod -f ignores the versions.
# The provider has no init function at all, which Linux allows.
# usage: modversions.sh KSIM SOURCE_DIR
set -eu
ksim=$1 source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/v1" "$work/v2" "$work/user"
provider() {
    cat > "$1/provider.c" <<SRC
#include <linux/export.h>
#include <linux/module.h>
static int count;
$2
{
	return ++count;
}
EXPORT_SYMBOL(shared_counter_inc);
MODULE_LICENSE("GPL");
SRC
    echo 'obj-m += provider.o' > "$1/Makefile"
    make -s -C "$source/sdk" M="$1" modules > /dev/null
}
provider "$work/v1" "int shared_counter_inc(void)"
provider "$work/v2" "long shared_counter_inc(int step)"
cat > "$work/user/consumer.c" <<'SRC'
#include <linux/module.h>
int shared_counter_inc(void);
static int __init consumer_init(void)
{
	pr_info("consumer: counter is %d\n", shared_counter_inc());
	return 0;
}
static void __exit consumer_exit(void)
{
}
module_init(consumer_init);
module_exit(consumer_exit);
MODULE_LICENSE("GPL");
SRC
echo 'obj-m += consumer.o' > "$work/user/Makefile"
make -s -C "$source/sdk" M="$work/user" KBUILD_EXTRA_SYMBOLS="$work/v1/Module.symvers" modules > /dev/null
crc_v1=$(cut -f1 "$work/v1/Module.symvers")
crc_v2=$(cut -f1 "$work/v2/Module.symvers")
[ "$crc_v1" != "$crc_v2" ] || { echo "FAIL: both prototypes have the CRC $crc_v1"; exit 1; }
grep -q "{ $crc_v1, \"shared_counter_inc\" }" "$work/user/consumer.mod.c" \
    || { echo "FAIL: consumer.mod.c does not record the CRC it was built against"; exit 1; }

cd "$work"
"$ksim" --root -c 'insmod v2/provider.ko
insmod user/consumer.ko; echo "against v2: $?"
insmod -f user/consumer.ko; echo "forced: $?"
rmmod consumer; rmmod provider
insmod v1/provider.ko; insmod user/consumer.ko; echo "against v1: $?"
dmesg -t | grep -E "consumer|disagrees"' > transcript 2>&1
cat > expected <<'TEXT'
insmod: ERROR: could not insert module user/consumer.ko: Invalid parameters
against v2: 1
forced: 0
against v1: 0
consumer: disagrees about version of symbol shared_counter_inc
consumer: Unknown symbol shared_counter_inc (err -22)
consumer: bad vermagic: kernel tainted.
consumer: counter is 1
consumer: counter is 1
TEXT
diff -u expected transcript
echo "ok: modversions"
