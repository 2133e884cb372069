# The shell as user space: pipes, command substitution, sh -c, descriptors
# held with exec, and the kernel's informational files.
sudo insmod hello.ko
lsmod | grep hello
lsmod | grep -c hello
lsmod | grep nosuch
echo "grep without a match: $?"
ls /lib/modules/$(uname -r) | grep -c '\.ko$'
echo "$(cat /proc/sys/kernel/tainted) is the taint"
cat /proc/modules | wc -l
dmesg -t | head -n 1
dmesg -t | tail -n 1
echo one two three | wc -w
echo a b | tee /dev/null | wc -c
sh -c 'echo in a child; exit 3'
echo "child: $?"
sudo sh -c 'whoami; id -u'
whoami
cat < /proc/version | cut -d' ' -f1-3
cat /proc/cmdline
grep -E '^(MemTotal|Slab):' /proc/meminfo | wc -l
cat /proc/uptime | wc -w
# Descriptors: one held open across commands, then closed.
exec 3< /proc/version
head -c 13 <&3; echo
exec 3<&-
cat <&3
echo "closed: $?"
cat /nonexistent
cat /proc
ls /proc/nosuch
sudo rmmod hello
