#!/bin/sh
# The checker's interface: report formats, exit statuses, lesson start, and
# the errors a teacher gets for a broken lesson file.
# usage: checker.sh KSIM CASES_DIR
set -eu
ksim=$1 cases=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $1"
    exit 1
}

"$ksim" lesson start 1 "$work/solution" > /dev/null
cp "$cases/01-hello/solution/hello.c" "$work/solution/"
cp -r "$work/solution" "$work/wrong"
patch -s -p1 -d "$work/wrong" < "$cases/01-hello/wrong-init-fails.patch"
"$ksim" check 1 "$work/solution" --format json > "$work/out" || fail "the solution passes"
grep -q '"passed": 6' "$work/out" || fail "JSON report counts 6 passed checks"
grep -q '"total": 6' "$work/out" || fail "JSON report counts 6 checks"
"$ksim" check 1 "$work/solution" --format junit > "$work/out"
grep -q '<testsuite name="01-hello" tests="6" failures="0">' "$work/out" || fail "JUnit header"
if "$ksim" check 1 "$work/wrong" --format tap > "$work/out"; then fail "a wrong module exits 0"; fi
grep -q '^not ok 3 - greets: ' "$work/out" || fail "TAP marks the failed check"
grep -q '^  seen: "exit status 1, errors: insmod: ERROR: could not insert module hello.ko: Invalid parameters' "$work/out" \
    || fail "TAP shows what was seen"
if "$ksim" check 1 "$work/wrong" > "$work/out"; then fail "human report exit status"; fi
grep -q '✗ prints just "Hello, world", at level info, when loaded' "$work/out" || fail "human report marks the failure"
grep -q 'hint: ' "$work/out" || fail "human report gives the hint"
grep -q '^2 of 6 checks passed.$' "$work/out" || fail "human report sums up"

set +e
"$ksim" check 1 "$work/nothing-here" 2> "$work/err"
status=$?
set -e
[ $status = 2 ] || fail "a missing path exits 2"
grep -q 'nothing-here: No such file or directory' "$work/err" || fail "a missing path is named"
if "$ksim" check 99 "$cases" 2> "$work/err"; then fail "an unknown lesson"; fi
grep -q "no lesson '99'" "$work/err" || fail "an unknown lesson is named"

"$ksim" lesson start 1 "$work/mine" > /dev/null
[ -f "$work/mine/hello.c" ] || fail "lesson start copies the starter"
if grep -q @KSIM_SDK@ "$work/mine/Makefile"; then fail "lesson start sets the SDK path"; fi
if "$ksim" lesson start 1 "$work/mine" 2> /dev/null; then fail "lesson start refuses a non-empty folder"; fi
"$ksim" lesson show 1 | grep -q '^# Lesson 1' || fail "lesson show prints the text"
[ "$("$ksim" lesson list | wc -l)" -ge 10 ] || fail "lesson list shows the ten lessons"

# A teacher's mistakes in lesson.json, each reported with file, field and what is wrong.
bad=$work/bad
mkdir -p "$bad/starter"
touch "$bad/README.md"
check_error() {
    printf '%s' "$1" > "$bad/lesson.json"
    if "$ksim" lesson validate "$bad" 2> "$work/err"; then fail "invalid lesson accepted: $1"; fi
    grep -qF "$2" "$work/err" || { cat "$work/err"; fail "expected: $2"; }
}
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"reed": "/dev/x"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: no action"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"read": "/x", "expext": "y"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'expext' is not an option of 'read'"
check_error '{"title": "t", "checks": []}' "$bad/lesson.json: 'module' is missing"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"run": "x"}]}, {"id": "a", "title": "c", "steps": [{"run": "y"}]}]}' \
    "$bad/lesson.json: checks[1]: the id 'a' is used twice"
check_error '{"title": "t", ' "$bad/lesson.json: not valid JSON"
echo "ok: checker"
