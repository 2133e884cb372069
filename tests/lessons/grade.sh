#!/bin/sh
# ksim grade over a class of good, wrong, crashing, hanging and nosy
# submissions: every one gets a score, a hanging one is stopped by the
# time limit, and the sandbox keeps a submission's build from reading the
# others or writing outside its own copy.
# usage: grade.sh KSIM CASES_DIR
set -eu
ksim=$1 cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
class=$work/class
mkdir -p "$class"
"$ksim" lesson start 1 "$work/solution" > /dev/null
cp "$cases/01-hello/solution/hello.c" "$work/solution/"
cp -r "$work/solution" "$class/alice"
cp -r "$work/solution" "$class/bob"
patch -s -p1 -d "$class/bob" < "$cases/01-hello/wrong-init-fails.patch"
cp -r "$work/solution" "$class/carol"
# carol's init dereferences NULL: an Oops in every check that loads it.
sed -i 's/pr_info("Hello, world\\n");/pr_info("Hello, world\\n"); *(volatile int *)0 = 1;/' "$class/carol/hello.c"
cp -r "$work/solution" "$class/dave"
# dave's init never returns.
sed -i 's/pr_info("Hello, world\\n");/for (;;) ;/' "$class/dave/hello.c"
cp -r "$work/solution" "$class/eve"
# eve's Makefile tries to read alice's work and to write outside its folder.
cat >> "$class/eve/Makefile" <<MAKE
\$(shell cat $class/alice/hello.c > $work/stolen 2>/dev/null)
\$(shell touch $work/written-outside 2>/dev/null)
MAKE

sandbox=""
if ! bwrap --ro-bind / / --unshare-all true 2>/dev/null; then
    echo "bubblewrap cannot run here: grading without the sandbox"
    sandbox="--no-sandbox"
fi
cd "$work"
"$ksim" grade 1 "$class" --jobs 2 --timeout 6 --out "$work/grades" $sandbox > "$work/summary"
cat "$work/summary"
fail() {
    echo "FAIL: $1"
    cat "$work/grades.csv"
    exit 1
}
grep -q '^alice,100,6,6,$' "$work/grades.csv" || fail "alice should pass every check"
grep -q '^bob,[0-9]*,2,6,greets;listed;says-goodbye;clean-unload$' "$work/grades.csv" || fail "bob fails the four loading checks"
grep -q '^carol,.*greets' "$work/grades.csv" || fail "carol's Oops fails her checks"
grep -q '^dave,0,0,0,(killed' "$work/grades.csv" || fail "dave is stopped by the time limit"
grep -q '"submission": "eve"' "$work/grades.json" || fail "eve has no entry in the JSON summary"
if [ -z "$sandbox" ]; then
    [ ! -s "$work/stolen" ] || fail "eve's build read alice's submission"
    [ ! -e "$work/written-outside" ] || fail "eve's build wrote outside its folder"
    grep -q '^eve,100,' "$work/grades.csv" || fail "eve's module itself is correct"
fi
# Sharding splits the class: shard 1/2 takes alice, carol, eve.
"$ksim" grade 1 "$class" --shard 1/2 --timeout 6 --out "$work/shard" $sandbox > /dev/null
[ "$(tail -n +2 "$work/shard.csv" | cut -d, -f1 | tr '\n' ' ')" = "alice carol eve " ] || fail "shard 1/2"
echo "ok: grade"
