#!/bin/sh
# Proves one lesson's checks: the lesson file is valid, the reference
# solution passes every check, the starter fails, and each wrong solution
# (wrong-*/) fails at least the checks its expected-failures file lists.
# usage: run_lesson.sh KSIM LESSON CASES_DIR
set -eu
ksim=$1 lesson=$2 cases=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
"$ksim" lesson validate "$lesson"
if ! "$ksim" check "$lesson" "$cases/solution" --format tap > "$out"; then
    cat "$out"
    echo "FAIL: the reference solution of $lesson does not pass"
    exit 1
fi
starter=$(mktemp -d)
rm -rf "$starter"
"$ksim" lesson start "$lesson" "$starter" > /dev/null
if "$ksim" check "$lesson" "$starter" --format tap > "$out"; then
    echo "FAIL: the starter of $lesson passes"
    exit 1
fi
rm -rf "$starter"
for variant in "$cases"/wrong-*/; do
    [ -d "$variant" ] || continue
    if "$ksim" check "$lesson" "$variant" --format tap > "$out"; then
        echo "FAIL: $variant passes"
        exit 1
    fi
    for id in $(cat "$variant/expected-failures"); do
        if ! grep -q "^not ok [0-9]* - $id:" "$out"; then
            cat "$out"
            echo "FAIL: $variant does not fail check '$id'"
            exit 1
        fi
    done
done
echo "ok: $lesson"
