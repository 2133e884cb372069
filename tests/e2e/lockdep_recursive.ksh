# Two mutexes initialised at one mutex_init() call are one lock class:
# nesting them looks to lockdep like taking one lock twice.
sudo insmod lock_order.ko mode=1
dmesg -t
sudo rmmod lock_order
