# Licences, taint and GPL-only symbols, as in the observed Linux transcripts.
cat /proc/sys/kernel/tainted
sudo insmod nolicense.ko
sudo cat /proc/modules
cat /sys/module/nolicense/taint
cat /proc/sys/kernel/tainted
sudo rmmod nolicense
sudo insmod provider.ko
sudo insmod gplonly_prop.ko
sudo insmod consumer.ko
lsmod
cat /sys/module/provider/refcnt
ls /sys/module/provider/holders
sudo rmmod provider
sudo rmmod consumer provider
sudo dmesg -t
modinfo gplonly_prop.ko
modinfo consumer.ko
