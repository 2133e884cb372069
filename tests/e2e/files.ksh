# mkdir and cp (GNU coreutils' messages): host folders for real, the
# kernel's file systems through the system-call door.
mkdir
mkdir work
mkdir work; echo "exists: $?"
mkdir -p work/a/b work/a; echo "parents: $?"
ls work/a
echo text > work/file
mkdir -p work/file/x; echo "file in the way: $?"
mkdir /sys/module/hello_5; echo "sysfs as a user: $?"
sudo mkdir /sys/module/hello_5; echo "sysfs as root: $?"
sudo mkdir -p /proc/a/b; echo "procfs: $?"
sudo mkdir /proc/modules; echo "exists: $?"
sudo mkdir /sys/kernel/debug/mine; echo "debugfs: $?"
mkdir /dev/mine; echo "devtmpfs as a user: $?"
sudo mkdir /dev/mine; echo "devtmpfs as root: $?"
ls /dev | grep mine
# The observed scenario's way to give modprobe a module (provider-consumer.txt).
mkdir -p /lib/modules/$(uname -r)/extra; echo "sysroot as a user: $?"
sudo sh -c 'mkdir -p /lib/modules/$(uname -r)/extra && cp provider.ko consumer.ko /lib/modules/$(uname -r)/extra/'
ls /lib/modules/$(uname -r)/extra
cp
cp hello.ko
cp nosuch.ko work/; echo "no source: $?"
cp work work2; echo "directory: $?"
cp hello.ko hello-5.ko work/file; echo "not a folder: $?"
cp hello.ko hello.ko; echo "same: $?"
cp hello.ko work/copy.ko && modinfo -F license work/copy.ko
cp /proc/version work/version && cat work/version
cp hello.ko /lib/modules/$(uname -r)/extra/; echo "sysroot as a user: $?"
# Into a device: the driver's write() takes what cp reads.
sudo insmod rwbuf.ko
echo "through the door" > work/message
sudo cp work/message /dev/rwbuf0
sudo cat /dev/rwbuf0
cp work/message /dev/rwbuf0; echo "user: $?"
sudo cp hello.ko /dev/rwbuf1; echo "too big: $?"
sudo rmmod rwbuf
