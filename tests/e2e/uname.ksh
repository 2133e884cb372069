# uname(2) and GNU uname: the fields in their fixed order, whatever the
# order asked; -a leaves out the unknown processor and platform. The same
# names are in /proc/version, /proc/sys/kernel and the boot log.
uname
uname -a
uname -rs
uname -p -i -o
uname --kernel-release --nodename
uname x
uname -z
uname --foo
cat /proc/version
cat /proc/sys/kernel/ostype /proc/sys/kernel/osrelease /proc/sys/kernel/version
dmesg -t | head -1
