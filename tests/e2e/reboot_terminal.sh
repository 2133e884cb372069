#!/bin/sh
# reboot at an interactive prompt starts a fresh kernel in the same
# terminal: the module loaded before is gone, the log starts again, the
# shell is pid 100 again and its history survives; poweroff ends ksim.
# A user may do neither (reboot(2) needs CAP_SYS_BOOT).
# usage: reboot_terminal.sh KSIM MODULES_DIR
set -eu
. "$(dirname "$0")/terminal.sh"
start_terminal "$1" "$2"
wait_for '\$ $'
printf '%s\n' 'sudo insmod hello.ko' 'lsmod | grep -c hello' 'reboot' 'sudo reboot' >&3
wait_for 'reboot: Restarting system'
printf '%s\n' 'echo "modules: $(lsmod | grep -c hello)"' 'echo "shell: $$"' >&3
wait_for '^shell: '
printf '%s\n' 'dmesg | grep -c "reboot: Restarting"' 'sudo poweroff' >&3
wait_for 'reboot: Power down'
end_terminal
[ "$status" = 0 ] || fail "ksim ended with status $status after poweroff, not 0"
screen | grep -qxF 'reboot: Operation not permitted' || fail "a user's reboot was not refused"
screen | grep -qxF 'modules: 0' || fail "hello.ko survived the reboot"
screen | grep -qxF 'shell: 100' || fail "the new shell is not pid 100"
[ "$(screen | grep -cxF 0)" = 1 ] || fail "the new kernel's log holds the old one's last words"
grep -qxF 'sudo insmod hello.ko' "$terminal_dir/.ksim_history" || fail "the history was lost"
echo ok
