#!/bin/sh
# ksim attach: a second terminal on the running kernel. Its shell is a
# login shell of its own (ps shows both shells); a write there wakes a
# read blocked on the console's terminal; its exit status is attach's; Ctrl-C
# on the attached terminal ends the command running there, not the session;
# a reboot from there rescues a console held by a module that spins.
# usage: attach.sh KSIM MODULES_DIR
set -eu
. "$(dirname "$0")/terminal.sh"
ksim=$1
start_terminal "$ksim" "$2"
wait_for '\$ $'
printf '%s\n' 'sudo insmod sleepy.ko' 'cat /dev/sleepy' >&3
# The state of a process as the attached terminal's ps sees it (grep -q
# quits at the first match: the session's next write meets a closed pipe,
# which must not harm the kernel).
wait_for_process() {
    tries=0
    until printf '%s\n' 'ps -e -o stat,comm' | "$ksim" attach 2>&1 | grep -q "^ *$1"; do
        tries=$((tries + 1))
        [ "$tries" -le 240 ] || fail "no process matched '$1'"
        sleep 0.5
    done
}
wait_for_process 'S.*cat'
status=0
out=$(printf '%s\n' 'echo "shells: $(ps -e -o comm | grep -c ksim)"' 'echo hi > /dev/sleepy' 'exit 7' |
    "$ksim" attach 2>&1) || status=$?
[ "$status" = 7 ] || fail "attach ended with $status, not the session's 7: $out"
# The console's shell, the attached one (and the echo's own process, named as its shell).
shells=$(echo "$out" | sed -n 's/.*shells: \([0-9]*\)$/\1/p')
[ "${shells:-0}" -ge 2 ] || fail "ps did not show both shells: $out"
wait_for '^hi$'

# Ctrl-C on the attached terminal: typed once its sleep sleeps.
mkfifo "$terminal_dir/second_keyboard"
"$ksim" attach < "$terminal_dir/second_keyboard" > "$terminal_dir/second_screen" 2>&1 &
client=$!
exec 4> "$terminal_dir/second_keyboard"
printf '%s\n' 'sleep 100' >&4
tries=0
until screen | grep -q '^sleeping: 1$'; do
    tries=$((tries + 1))
    [ "$tries" -le 240 ] || fail "the attached sleep never slept: $(cat "$terminal_dir/second_screen")"
    printf '%s\n' 'echo "sleeping: $(ps -e -o stat,comm | grep -c "^S *sleep")"' >&3
    sleep 0.5
done
kill -INT "$client"
printf '%s\n' 'echo "after: $?"' 'exit' >&4
exec 4>&-
status=0
wait "$client" || status=$?
[ "$status" = 0 ] || fail "the attached session ended with $status"
grep -q 'after: 130$' "$terminal_dir/second_screen" || fail "Ctrl-C did not end the attached sleep: $(cat "$terminal_dir/second_screen")"
# A command that spins in module code holds the console's shell, and no
# signal reaches it: from another terminal, a reboot gives the console a fresh kernel.
printf '%s\n' 'sudo insmod spin.ko' >&3
wait_for_process 'R.*insmod'
status=0
out=$(printf '%s\n' 'sudo reboot' | "$ksim" attach 2>&1) || status=$?
[ "$status" = 1 ] || fail "attach ended with $status when its kernel went down: $out"
echo "$out" | grep -q 'ksim: attach: the kernel went away' || fail "attach did not say its kernel went away: $out"
wait_for 'reboot: Restarting system'
printf '%s\n' 'echo "spin after reboot: $(lsmod | grep -c spin)"' 'exit' >&3
wait_for '^spin after reboot: 0$'
end_terminal
[ "$status" = 0 ] || fail "ksim ended with status $status"
echo ok
