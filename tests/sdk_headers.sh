#!/bin/sh
# Every SDK header compiles on its own and all together, warning-free, in
# C (c11, gnu11, with the warnings Kbuild gives modules) and C++ (c++20,
# gnu++20): tutorial code includes them in any order and either language.
# A header ksim cannot honestly offer must stop the build with its own
# '#error "ksim: <why>"', not compile.
# usage: sdk_headers.sh SDK_DIR
set -eu
sdk=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
flags() { sed -n "s/^$1 := //p" "$sdk/scripts/Kbuild.flags"; }
cwarnings="$(flags KSIM_MODULE_CWARNINGS) $(flags KSIM_MODULE_CWARNINGS_GCC)"
all=$(cd "$sdk/include" && find . -name '*.h' | sed 's|^\./||' | LC_ALL=C sort)
refused=$(cd "$sdk/include" && grep -l '^#error "ksim: ' $all || true)
headers=$(for header in $all; do echo "$refused" | grep -qx "$header" || echo "$header"; done)
status=0
compile() { # compiler standard language file [flags...]
    cc=$1 std=$2 lang=$3 file=$4
    shift 4
    # shellcheck disable=SC2068 # the warning flags are separate words
    "$cc" -std="$std" -Wall -Wextra -Werror -Wno-unused-function -nostdinc -isystem "$sdk/include" \
        -isystem "$sdk/abi" -DKBUILD_MODNAME='"t"' "$@" -x "$lang" -c "$file" -o /dev/null
}
check() { # compiler standard language file [flags...]
    if ! compile "$@"; then
        echo "FAIL: $4 as $2"
        status=1
    fi
}
for header in $headers; do
    printf '#include <%s>\n' "$header" > "$work/one.c"
    cp "$work/one.c" "$work/one.cpp"
    # shellcheck disable=SC2086
    check gcc c11 c "$work/one.c" $cwarnings
    check g++ c++20 c++ "$work/one.cpp"
done
for header in $headers; do printf '#include <%s>\n' "$header"; done > "$work/all.c"
cp "$work/all.c" "$work/all.cpp"
# shellcheck disable=SC2086
for std in c11 gnu11; do check gcc $std c "$work/all.c" $cwarnings; done
for std in c++20 gnu++20; do check g++ $std c++ "$work/all.cpp"; done
# Linux 6.1's include graph: what one header brings, a module may use with
# that header alone (an implicit declaration is an error in C here too).
closure() { # header body
    printf '#include <%s>\n%s\n' "$1" "$2" > "$work/closure.c"
    cp "$work/closure.c" "$work/closure.cpp"
    # shellcheck disable=SC2086
    check gcc gnu11 c "$work/closure.c" $cwarnings
    check g++ gnu++20 c++ "$work/closure.cpp"
}
closure linux/types.h 'u8 a; s8 b; u16 c; s16 d; u32 e; s32 f; u64 g; s64 h; uint8_t i; int8_t j; uint16_t k;
int16_t l; uint32_t m; int32_t n; uint64_t o; int64_t p; u_int8_t q; u_int16_t r; u_int32_t s; u_int64_t t;
bool u; size_t v; ssize_t w; loff_t x; dev_t y; uintptr_t z;'
closure linux/fs.h 'long t(void __user *to, const char *from, char *buf);
long t(void __user *to, const char *from, char *buf)
{
	memset(buf, 0, 4);
	return (long)copy_to_user(to, from, 4) + _IOW(0x42, 1, int);
}'
closure linux/cdev.h 'struct device *t(struct KSIM_CLASS *c, dev_t d);
struct device *t(struct KSIM_CLASS *c, dev_t d)
{
	return device_create(c, NULL, d, NULL, "t%d", 0);
}'
closure linux/module.h 'static LIST_HEAD(items);
static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(big_lock);
static DECLARE_WAIT_QUEUE_HEAD(queue);
int t(void);
int t(void)
{
	spin_lock(&lock);
	spin_unlock(&lock);
	mutex_lock(&big_lock);
	mutex_unlock(&big_lock);
	wake_up(&queue);
	return list_empty(&items) + (int)strlen("x") + min(1, 2) + (kernel_kobj != NULL);
}'
for header in $refused; do
    printf '#include <%s>\n' "$header" > "$work/refused.c"
    if compile gcc gnu11 c "$work/refused.c" > "$work/refused.log" 2>&1 \
        || ! grep -q "error: #error \"ksim: " "$work/refused.log"; then
        echo "FAIL: $header should stop the build with its ksim: reason"
        status=1
    fi
done
[ $status = 0 ] && echo "ok: $(echo "$headers" | wc -l) headers, $(echo "$refused" | grep -c . || true) refused"
exit $status
