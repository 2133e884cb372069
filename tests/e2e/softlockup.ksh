# The soft-lockup watchdog: code that spins in the kernel without ever
# scheduling for 2 * watchdog_thresh seconds (2 in ksim, Linux: 10) is
# reported with the registers where it spins, and the kernel is tainted L.
cat /proc/sys/kernel/watchdog_thresh
echo 1 > /proc/sys/kernel/watchdog_thresh
echo 61 | sudo tee /proc/sys/kernel/watchdog_thresh
cat /proc/sys/kernel/watchdog_thresh
# The console shows every line as the kernel logs it, so the test waits for
# a report's last line to appear there.
sudo dmesg -n 8
# init spins: insmod never returns, the shell still answers.
sudo insmod spin.ko &
#wait-for ^\[.*\]  </TASK>
# Writing the threshold waits for a report under way; 0 turns the detector off.
echo 0 | sudo tee /proc/sys/kernel/watchdog_thresh
ps -e -o pid,stat,comm | grep insmod
cat /proc/sys/kernel/tainted
echo 1 | sudo tee /sys/module/spin/parameters/stop
wait
sudo rmmod spin
# A kernel thread that spins is reported with its own comm.
echo 2 | sudo tee /proc/sys/kernel/watchdog_thresh
sudo insmod spin.ko where=thread
#wait-for ^\[.*\]  </TASK>
echo 0 | sudo tee /proc/sys/kernel/watchdog_thresh
ps -e -o pid,stat,comm | grep spin_thread
sudo rmmod spin
