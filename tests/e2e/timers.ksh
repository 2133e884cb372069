# Deferred work: a timer that re-arms itself, work in a kernel worker, a
# tasklet in softirq context; they run in the kernel's own threads, at the
# same time as init and the shell (so their lines are looked at one by one).
# A timer left armed at unload fires into freed code: an Oops in interrupt
# context.
sudo insmod ticker.ko
sleep 1
dmesg -t | grep "ticker: HZ"
dmesg -t | grep "ticker: tasklet"
dmesg -t | grep "ticker: work"
dmesg -t | grep "ticker: tick" | cut -d' ' -f1-3,8-
sudo rmmod ticker
sudo insmod ticker.ko forget=1 ticks=10
sudo rmmod ticker
dmesg -t | grep "still registered"
sleep 0.5
dmesg -t | grep -E "^(BUG|#PF|Kernel panic|CPU)" | tail -n 5
lsmod | head -n 1
