# Attributes under /sys/kernel, a module parameter changed at runtime, and
# debugfs (root only).
sudo insmod sysfs_attr.ko
ls -l /sys/kernel/ksim_sysfs
cat /sys/kernel/ksim_sysfs/value
echo 21 | sudo tee /sys/kernel/ksim_sysfs/value
cat /sys/kernel/ksim_sysfs/doubled
echo 5 > /sys/kernel/ksim_sysfs/value
echo 5 | sudo tee /sys/kernel/ksim_sysfs/doubled
echo abc | sudo tee /sys/kernel/ksim_sysfs/value
echo "store error: $?"
sudo rmmod sysfs_attr
ls /sys/kernel/ksim_sysfs
sudo insmod params.ko
echo 5 | sudo tee /sys/module/params/parameters/p_int
cat /sys/module/params/parameters/p_int
# A parameter with mode 0 has no file, and sysfs makes none: EACCES, not ENOENT.
sudo insmod hello-5.ko
sudo sh -c 'echo x > /sys/module/hello_5/parameters/mystring'
ls /sys/module/hello_5/parameters
sudo insmod debugfs_demo.ko
ls /sys/kernel/debug
sudo ls -l /sys/kernel/debug/ksim_debug
sudo cat /sys/kernel/debug/ksim_debug/hits
sudo cat /sys/kernel/debug/ksim_debug/hits
sudo cat /sys/kernel/debug/ksim_debug/counter
echo 0x10 | sudo tee /sys/kernel/debug/ksim_debug/counter
sudo cat /sys/kernel/debug/ksim_debug/hits
echo n | sudo tee /sys/kernel/debug/ksim_debug/enabled
# debugfs_write_file_bool() takes any write; a word kstrtobool() does not know changes nothing.
echo maybe | sudo tee /sys/kernel/debug/ksim_debug/enabled
echo "tee: $?"
sudo cat /sys/kernel/debug/ksim_debug/enabled
sudo cat /sys/kernel/debug/ksim_debug/hits
# The open debugfs file pins the module, as a device does.
sudo sh -c 'exec 4</sys/kernel/debug/ksim_debug/hits; lsmod | grep debugfs_demo'
sudo rmmod debugfs_demo
sudo ls /sys/kernel/debug
