# Faults in deferred code: a timer and a tasklet run in softirq context,
# where Linux panics ("Fatal exception in interrupt"); ksim reports it and
# goes on. Work runs in a kernel worker, whose death nobody waits for. A
# module that waits for faulting work with flush_work() is still guarded
# when flush_work() returns: its own fault is a second Oops.
sudo insmod fault_deferred.ko crash=timer
sleep 0.3
dmesg -t | grep -E "^(BUG|CPU|RIP|Call Trace| [a-z_0-9.]+\+|Kernel panic)"
sudo dmesg -C
sudo rmmod fault_deferred
sudo insmod fault_deferred.ko crash=tasklet
sleep 0.1
dmesg -t | grep -E "^(BUG|CPU|RIP|Kernel panic)"
sudo dmesg -C
sudo rmmod fault_deferred
sudo insmod fault_deferred.ko crash=work
sleep 0.1
dmesg -t | grep -E "^(BUG|CPU|RIP|Call Trace| [a-z_0-9.]+\+)"
sudo dmesg -C
sudo rmmod fault_deferred
sudo insmod fault_deferred.ko flush=1
echo "status $?"
dmesg -t | grep -E "^(fault_deferred|BUG|CPU|RIP)"
cat /sys/module/fault_deferred/initstate
sudo insmod hello.ko
lsmod
