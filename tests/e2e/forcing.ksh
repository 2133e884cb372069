# Version magic and forcing, permanent modules and rmmod -f, and the leak report at unload.
modinfo -F vermagic oldsdk.ko
sudo insmod oldsdk.ko
sudo insmod -f oldsdk.ko
cat /proc/modules /proc/sys/kernel/tainted /sys/module/oldsdk/taint
sudo rmmod oldsdk
sudo insmod permanent.ko
cat /proc/modules
sudo rmmod permanent
sudo rmmod -f permanent
cat /proc/sys/kernel/tainted
sudo insmod leaky.ko
sudo rmmod leaky
sudo insmod provider.ko
sudo insmod consumer.ko
sudo rmmod -f provider
dmesg -t
