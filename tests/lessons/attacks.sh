#!/bin/sh
# Submissions that attack the checker instead of doing the lesson: each must
# end with its checks failed and the reason shown, in ksim check and in
# ksim grade alike. Each attack module greets only if its attack worked, so
# a hole in the checker shows up as a pass.
# usage: attacks.sh KSIM CASES_DIR
set -eu
ksim=$1 cases=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $1"
    exit 1
}
"$ksim" lesson start 1 "$work/starter" > /dev/null
mkdir "$work/class"
for attack in "$cases"/attacks/*/; do
    name=$(basename "$attack")
    cp -r "$work/starter" "$work/class/$name"
    sed "s|@REFERENCE@|$cases/01-hello/solution/hello.c|" "$attack/hello.c" > "$work/class/$name/hello.c"
done
# Proof that the attacks are real: without the sandbox the reference solution
# is within reach, and outside the checker the system calls come back.
"$ksim" check 1 "$work/class/read-reference" --no-sandbox > /dev/null || fail "read-reference builds the reference outside the sandbox"
for attack in raw-syscall hidden-syscall; do
    cp -r "$work/class/$attack" "$work/proof-$attack"
    make -s -C "$work/proof-$attack" > /dev/null
    (cd "$work/proof-$attack" && "$ksim" -c 'sudo insmod hello.ko; dmesg') | grep -q 'Hello, world' \
        || fail "$attack greets when its system call comes back"
done

sandboxed=yes
bwrap --ro-bind / / --unshare-all true 2> /dev/null || sandboxed=no

# attack, then what ksim check must show for it (an extended regular expression)
reason() {
    case $1 in
    forge-channel) echo 'check failed: the checked process sent malformed observations' ;;
    weak-libc) echo 'allow-list \(seccomp\)|Unknown symbol|dmesg has a line' ;;
    raw-syscall) echo 'contains system-call instructions a kernel module never needs: `syscall` in init_module\+0x' ;;
    hidden-syscall) echo 'allow-list \(seccomp\)' ;;
    read-reference) echo 'solution/hello.c: No such file or directory' ;;
    esac
}
# The check that shows the attack failed: the first that loads the module, or the build.
failed_check() {
    [ $1 = read-reference ] && echo build || echo greets
}
for attack in forge-channel weak-libc raw-syscall hidden-syscall read-reference; do
    [ $attack != read-reference ] || [ $sandboxed = yes ] || continue
    if "$ksim" check 1 "$work/class/$attack" --format tap > "$work/$attack.tap"; then
        cat "$work/$attack.tap"
        fail "$attack passes ksim check"
    fi
    grep -q "^not ok [0-9]* - $(failed_check $attack):" "$work/$attack.tap" || { cat "$work/$attack.tap"; fail "$attack: $(failed_check $attack) passes"; }
    grep -Eq "$(reason $attack)" "$work/$attack.tap" || { cat "$work/$attack.tap"; fail "$attack: the reason is not shown"; }
done
# Bytes that only look like those instructions are no reason to refuse a module.
cp -r "$work/starter" "$work/look-alikes"
cp "$cases/not-an-attack/hello.c" "$work/look-alikes/"
"$ksim" check 1 "$work/look-alikes" --format tap > "$work/look-alikes.tap" || { cat "$work/look-alikes.tap"; fail "look-alike bytes are refused"; }
[ $sandboxed = yes ] || { echo "ok: attacks (bubblewrap cannot run here: grading not tried)"; exit 0; }

"$ksim" grade 1 "$work/class" --jobs 2 --timeout 60 --out "$work/grades" > /dev/null
for attack in forge-channel weak-libc raw-syscall hidden-syscall read-reference; do
    line=$(grep "^$attack," "$work/grades.csv") || fail "$attack has no grade"
    case $line in
    *,100,*) fail "$attack gets full marks: $line" ;;
    esac
    echo "$line" | grep -q "$(failed_check $attack)" || fail "$attack does not fail $(failed_check $attack): $line"
done
grep -q 'check failed: the checked process sent malformed observations' "$work/grades.json" || fail "grade shows forge-channel's reason"
grep -Eq 'allow-list \(seccomp\)' "$work/grades.json" || grep -q 'Unknown symbol' "$work/grades.json" \
    || fail "grade shows weak-libc's reason"
grep -q 'system-call instructions' "$work/grades.json" || fail "grade shows raw-syscall's reason"
grep -q 'solution/hello.c: No such file or directory' "$work/grades.json" || fail "grade shows read-reference's reason"
echo "ok: attacks"
