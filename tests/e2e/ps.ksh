# Tasks user space can see: /proc/PID for each, read by ps as procps reads
# it. Kernel threads show in brackets in the CMD columns of -f and aux, a
# module's threads (counters.ko: counter/0, counter/1) among them. Start
# times change with the clock: cut takes out STIME and START. The counters
# may still be running when ps looks, so their STAT is not shown; nor is
# khungtaskd's, which is R whenever ps catches it checking the tasks.
nproc
grep -c ^processor /proc/cpuinfo
ps
ps -e
ps -o pid,comm,stat -p 2,3
ps aux | grep -v khungtaskd | cut -c1-54,60-
sudo insmod counters.ko
ps -ef | cut -c1-28,34-
ps -e -o pid,ppid,tty,comm | grep counter
ls /proc | grep -v '^[a-z]'
cat /proc/3/comm /proc/3/cmdline
head -4 /proc/3/status
grep -E '^(Uid|CapEff|Cpus_allowed_list)' /proc/self/status
cut -d' ' -f1-8 /proc/self/stat
sudo rmmod counters
ps -e -o comm | grep -c counter
ps -o pid,comm
ps -Q
ps -o pid,bogus
ps -p 99999
echo "status $?"
