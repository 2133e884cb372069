# printk and sprintf given a bad %s pointer, a huge width or precision, %n; then strlen(NULL) from a module.
sudo insmod printk_faults.ko
echo "status $?"
sudo rmmod printk_faults
sudo insmod printk_faults.ko fault=strlen
echo "status $?"
cat /proc/sys/kernel/tainted
sudo insmod hello.ko
lsmod
sudo dmesg -t
