# The hung-task detector: khungtaskd checks every hung_task_timeout_secs
# for tasks in TASK_UNINTERRUPTIBLE that have not run since its last look.
# waiter sleeps in mutex_lock() on a mutex holder keeps: the first check
# notes it, the next one (2 s later) reports it with the locks held.
cat /proc/sys/kernel/hung_task_timeout_secs
echo 2 > /proc/sys/kernel/hung_task_timeout_secs
echo 2 | sudo tee /proc/sys/kernel/hung_task_timeout_secs
echo -1 | sudo tee /proc/sys/kernel/hung_task_timeout_secs
# The console shows every line as the kernel logs it, so the test waits for
# the report's last line to appear there.
sudo dmesg -n 8
sudo insmod stuck_mutex.ko
#wait-for ^\[.*\] =============================================
echo 0 | sudo tee /proc/sys/kernel/hung_task_timeout_secs
sudo rmmod stuck_mutex
