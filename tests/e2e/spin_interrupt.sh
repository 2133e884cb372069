#!/bin/sh
# Ctrl-C on a foreground command that spins in module code: no signal
# reaches a task there (on Linux neither), so the first Ctrl-C says so and
# the second powers ksim off, status 130.
# usage: spin_interrupt.sh KSIM MODULES_DIR
set -eu
. "$(dirname "$0")/terminal.sh"
start_terminal "$1" "$2"
wait_for '\$ $'
printf 'sudo insmod spin.ko\n' >&3
wait_for 'watchdog: BUG: soft lockup - CPU#[0-9]* stuck for [0-9]*s! \[insmod:'
printf '\003' >&3
wait_for 'ksim: insmod (pid [0-9]*) spins in module code, where no signal reaches it; Ctrl-C again powers ksim off'
printf '\003' >&3
wait_for 'ksim: powering off'
end_terminal
[ "$status" = 130 ] || fail "ksim ended with status $status, not 130"
echo ok
