#!/bin/sh
# fg: only with job control, as in bash. In a script it is refused; at an
# interactive prompt it prints the job's command, waits for it and returns
# its status, and Ctrl-C reaches the job it brought to the foreground.
# Ctrl-C is typed only once fg has said which job it waits for.
# usage: job_control.sh KSIM MODULES_DIR
set -eu
. "$(dirname "$0")/terminal.sh"
status=0
err=$("$1" -c 'sleep 0.1 & fg' 2>&1) || status=$?
[ "$err" = "ksim: fg: no job control" ] || fail "fg in a script: $err"
[ "$status" = 1 ] || fail "fg in a script: status $status"

start_terminal "$1" "$2"
printf '%s\n' 'sleep 0.2 &' 'fg' 'echo "status $?"' >&3
wait_for '^status 0$'
printf '%s\n' 'sh -c "sleep 0.2; exit 3" &' 'fg %1' 'echo "status $?"' 'fg' 'fg %7' >&3
wait_for '^status 3$'
printf '%s\n' 'sudo insmod sleepy.ko' 'cat /dev/sleepy &' 'fg' >&3
wait_for '^cat /dev/sleepy$'
printf '\003' >&3
printf '%s\n' 'echo "after ^C: $?"' 'jobs' 'sudo rmmod sleepy' 'exit' >&3
end_terminal
screen | grep -qxF "sleep 0.2" || fail "fg did not print the job's command"
screen | grep -qxF "sh -c sleep 0.2; exit 3" || fail "fg %1 did not print the job's command"
screen | grep -qxF "ksim: fg: current: no such job" || fail "fg without a job"
screen | grep -qxF "ksim: fg: %7: no such job" || fail "fg %7"
screen | grep -qxF "after ^C: 130" || fail "Ctrl-C did not end the job fg waited for"
echo ok
