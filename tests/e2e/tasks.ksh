# Kernel threads, completions and locks. Two threads add to one counter
# under a spinlock: the sum is always exact (init waits for both with a
# completion). Without the lock updates may be lost, so that count is only
# printed. rmmod stops each thread with kthread_stop() and gets its result.
sudo insmod counters.ko
dmesg -t | grep "counters:"
grep -c counter /proc/modules
sudo rmmod counters
dmesg -t | grep "stopped"
sudo insmod counters.ko locked=0 loops=1000
dmesg -t | grep "unlocked" | cut -d: -f1,2
sudo rmmod counters
# Sleeping with a spinlock held, and in a timer (softirq context).
sudo insmod atomic_sleep.ko
dmesg -t | grep -E "^(BUG|in_atomic|preempt_count|atomic_sleep)"
cat /proc/sys/kernel/tainted
sudo rmmod atomic_sleep
# Left loaded, its threads still asleep: ksim stops them as it powers off.
sudo insmod counters.ko loops=10
