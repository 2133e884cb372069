# Lock-order checking. One task takes lock_a then lock_b, later lock_b then
# lock_a: no deadlock yet, but lockdep reports the order the first time it
# sees it, then turns itself off (debug_locks), as Linux does.
sudo insmod lock_order.ko
dmesg -t
cat /proc/sys/kernel/tainted
sudo rmmod lock_order
