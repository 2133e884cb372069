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

# A check that expects a kernel complaint passes with it; one expecting another complaint does not.
mkdir -p "$work/expecting"
cp -r "$KSIM_LESSONS/08-procfs" "$work/expecting/"
"$ksim" lesson start 8 "$work/warns" > /dev/null
cp "$cases/08-procfs/solution/tally.c" "$work/warns/"
patch -s -p1 -d "$work/warns" < "$cases/08-procfs/wrong-warn-on.patch"
expect_complaint() {
    sed "s|\"id\": \"lists\",|\"id\": \"lists\", \"expect_kernel_complaint\": \"$1\",|" \
        "$KSIM_LESSONS/08-procfs/lesson.json" > "$work/expecting/08-procfs/lesson.json"
    KSIM_LESSONS=$work/expecting "$ksim" check 8 "$work/warns" --format tap > "$work/out" || true
}
expect_complaint '^WARNING: CPU: '
grep -q '^ok 3 - lists:' "$work/out" || { cat "$work/out"; fail "an expected WARNING passes"; }
expect_complaint '^kfree: '
grep -q '^not ok 3 - lists:' "$work/out" || { cat "$work/out"; fail "an unexpected WARNING fails"; }

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
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "hint": "h", "steps": [{"run": "x"}]}, {"id": "a", "title": "c", "hint": "h", "steps": [{"run": "y"}]}]}' \
    "$bad/lesson.json: checks[1]: the id 'a' is used twice"
check_error '{"title": "t", ' "$bad/lesson.json: not valid JSON"
check_error '{"title": 1e999}' "$bad/lesson.json: not valid JSON"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"run": "x", "stdout_matches": "(x"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'stdout_matches' is not a valid regular expression: '(x'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"read": "/x", "matches": "[a"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'matches' is not a valid regular expression: '[a'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"dmesg": "a{", "matches": true}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'dmesg' is not a valid regular expression"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"run": "x", "status": "1"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'status' takes an exit status (0-255), not '1'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"insmod": true, "params": {"p": {"random": [99, 1]}}}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'params': 'p': 'random' takes [low, high] with low <= high, not [99,1]"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"insmod": true, "params": {"p": {"random": [1]}}}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'params': 'p': 'random' takes [low, high], two integers"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"read": "/x", "errno": "EWHAT"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'errno' takes an errno name such as 'EINVAL', not 'EWHAT'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"dmesg": "x", "level": "loud"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'level' takes a printk level"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"run": "x", "as_root": "yes"}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'as_root' takes true or false, not 'yes'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"fail_kmalloc": -1}]}]}' \
    "$bad/lesson.json: checks[0].steps[0]: 'fail_kmalloc' takes the number (1 or more)"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "timeout": -1, "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: 'timeout' takes seconds, more than 0 and at most 3600, not -1"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "timeout": "10", "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: 'timeout' takes seconds, more than 0 and at most 3600, not '10'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "tiemout": 5, "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: unknown key 'tiemout'"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "hint": 5, "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: 'hint' takes a string, not 5"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0] ('a'): 'hint' is missing"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "hint": "h", "expect_kernel_complaint": 1, "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: 'expect_kernel_complaint' takes true, false or a regular expression"
check_error '{"title": "t", "module": "m", "checks": [{"id": "a", "title": "b", "hint": "h", "expect_kernel_complaint": "kfree: (", "steps": [{"run": "x"}]}]}' \
    "$bad/lesson.json: checks[0]: 'expect_kernel_complaint' is not a valid regular expression: 'kfree: ('"
check_error '{"title": "t", "module": "m", "warnings_alowed": true, "checks": []}' "$bad/lesson.json: unknown key 'warnings_alowed'"
# A lesson.json or README.md that is a folder is an error, never a crash.
rm "$bad/lesson.json"
mkdir "$bad/lesson.json"
if "$ksim" lesson validate "$bad" 2> "$work/err"; then fail "a folder as lesson.json accepted"; fi
grep -qF "$bad/lesson.json: cannot be read: Is a directory" "$work/err" || fail "a folder as lesson.json is named"
mkdir -p "$work/root/01-folders/README.md"
cp -r "$bad/lesson.json" "$work/root/01-folders/"
set +e
KSIM_LESSONS=$work/root "$ksim" check 1 "$work/solution" > /dev/null 2> "$work/err"
status=$?
KSIM_LESSONS=$work/root "$ksim" lesson show 1 > /dev/null 2>> "$work/err"
show_status=$?
set -e
[ $status = 2 ] && [ $show_status = 2 ] || fail "check and show of a broken lesson exit 2 ($status, $show_status)"
grep -qF "01-folders/lesson.json: cannot be read: Is a directory" "$work/err" || fail "check names the folder"
grep -qF "01-folders/README.md: cannot be read" "$work/err" || fail "show names the folder"
echo "ok: checker"
