# reboot(2) needs CAP_SYS_BOOT. In a script, a restart ends the run as the
# machine goes down: nothing after it runs, and the status is 0.
reboot
halt -x
sudo insmod hello.ko
sudo reboot -f
echo "not reached"
