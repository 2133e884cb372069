# Background jobs. A reader sleeps in the driver until a write from the
# shell wakes it (if the write comes first, the note is already there: the
# same output either way); `wait` orders the rest.
sudo insmod sleepy.ko
cat /dev/sleepy &
jobs
echo hello > /dev/sleepy
wait %1
echo "reader: $?"
# A signal ends an interruptible sleep: the read returns -ERESTARTSYS and
# the reader dies of SIGINT, as Ctrl-C would end it in the foreground.
sudo rmmod sleepy
sudo insmod sleepy.ko
cat /dev/sleepy &
kill -INT %1
wait %1
echo "interrupted: $?"
sleep 30 &
kill %1
wait %1
echo "terminated: $?"
jobs
kill %1
kill 99999
kill -FOO 1
wait %4
echo "wait: $?"
sudo rmmod sleepy
# The commands of a pipeline run at once over a 64 KiB pipe: dd writes
# 200 KiB, sleeping whenever the pipe is full until wc has read; head's exit
# closes the pipe, and cat's next write fails (SIGPIPE) instead of going on.
dd if=/dev/zero bs=1k count=200 status=none | wc -c
cat /dev/zero | head -c 5 | wc -c
sudo insmod sleepy.ko
cat /dev/sleepy | wc -c &
echo "hello" > /dev/sleepy
wait
sudo rmmod sleepy
# dmesg -w and /dev/kmsg follow the log until a signal ends them; kill %1
# signals every process of the job (its process group). The waits make
# sure dmesg has printed what it follows before the signal ends it.
dmesg -w -t &
#wait-for ^Command line
sudo insmod hello.ko
#wait-for ^Hello world 1
kill %1
wait %1
echo "dmesg -w: $?"
cat /dev/kmsg | grep -c hello &
sudo rmmod hello
kill %1
wait %1
echo "kmsg reader: $?"
