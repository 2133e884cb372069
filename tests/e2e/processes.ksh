# Each command is a process of its own, a child of the shell (vfork, execve,
# exit_group, wait4); bash's builtins keep the shell's name, a program takes
# its own, sudo's command runs as root. /dev/caller logs who opens, writes
# and closes it.
sudo insmod caller.ko
echo $$
ps -o pid,ppid,stat,comm
echo hi > /dev/caller
cat /dev/null > /dev/caller
sudo sh -c 'echo root > /dev/caller'
dd if=/dev/zero of=/dev/caller bs=1 count=1 status=none
dmesg -t | grep -E 'caller: (open|write|release)'
sudo rmmod caller
# The shell's process waits in wait4 (S) while a command runs, and the
# commands are in its process group, the terminal's foreground one (+).
grep -E '^(State|PPid)' /proc/self/status
cut -d' ' -f3-8 /proc/$$/stat
