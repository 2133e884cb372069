#!/bin/sh
# Proves one lesson's checks: the lesson file is valid, the reference
# solution passes every check, the starter fails, and each typical wrong
# solution fails at least the checks its patch's "Fails:" line names,
# and its report shows each text a "Shows:" line gives; each valid
# alternative passes every check, as the reference does.
# The solution folder holds only the files a learner changes in the
# starter; each wrong-*.patch and valid-*.patch is a diff against the
# finished solution.
# usage: run_lesson.sh KSIM LESSON CASES_DIR
set -eu
ksim=$1 lesson=$2 cases=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/report
# A copy of the finished solution with one patch applied; prints its path.
patched() {
    variant=$work/$(basename "$1" .patch)
    cp -r "$work/solution" "$variant"
    patch -s -p1 -d "$variant" < "$1"
    echo "$variant"
}
"$ksim" lesson validate "$lesson"
"$ksim" lesson start "$lesson" "$work/starter" > /dev/null
cp -r "$work/starter" "$work/solution"
cp -r "$cases/solution/." "$work/solution/"
if ! "$ksim" check "$lesson" "$work/solution" --format tap > "$out"; then
    cat "$out"
    echo "FAIL: the reference solution of $lesson does not pass"
    exit 1
fi
if "$ksim" check "$lesson" "$work/starter" --format tap > "$out"; then
    echo "FAIL: the starter of $lesson passes"
    exit 1
fi
for wrong in "$cases"/wrong-*.patch; do
    [ -f "$wrong" ] || continue
    variant=$(patched "$wrong")
    if "$ksim" check "$lesson" "$variant" --format tap > "$out"; then
        echo "FAIL: $(basename "$wrong") passes"
        exit 1
    fi
    for id in $(sed -n 's/^Fails: //p' "$wrong"); do
        if ! grep -q "^not ok [0-9]* - $id:" "$out"; then
            cat "$out"
            echo "FAIL: $(basename "$wrong") does not fail check '$id'"
            exit 1
        fi
    done
    sed -n 's/^Shows: //p' "$wrong" | while IFS= read -r text; do
        if ! grep -qF -- "$text" "$out"; then
            cat "$out"
            echo "FAIL: $(basename "$wrong")'s report does not show: $text"
            exit 1
        fi
    done
done
for valid in "$cases"/valid-*.patch; do
    [ -f "$valid" ] || continue
    variant=$(patched "$valid")
    if ! "$ksim" check "$lesson" "$variant" --format tap > "$out"; then
        cat "$out"
        echo "FAIL: $(basename "$valid"), a valid alternative, does not pass"
        exit 1
    fi
done
echo "ok: $lesson"
