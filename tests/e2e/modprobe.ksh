# depmod and modprobe: dependencies from symbols, options, aliases, removal.
sudo depmod
cat /lib/modules/6.1.0-ksim/modules.dep
cat /lib/modules/6.1.0-ksim/modules.symbols
depmod
sudo depmod -e
modprobe consumer
sudo modprobe -v consumer
lsmod
sudo modprobe consumer; echo "again: $?"
sudo modprobe --first-time consumer; echo "first-time: $?"
sudo modprobe -r provider; echo "in use: $?"
sudo modprobe -r -v consumer
lsmod
sudo modprobe -r consumer; echo "not loaded: $?"
sudo modprobe -r --first-time consumer; echo "first-time: $?"
sudo modprobe nosuch; echo "unknown: $?"
sudo modprobe -r nosuch; echo "unknown: $?"
sudo modprobe -q nosuch; echo "quiet: $?"
sudo modprobe --show-depends consumer
sudo modprobe hello-5 myint=7
cat /sys/module/hello_5/parameters/myint
sudo modprobe -r hello_5
sudo modprobe symbol:provider_add
lsmod
sudo modprobe -r provider
echo "options hello_5 myint=11 mystring=fromconf" > test.conf
echo "alias greeting hello_5" >> test.conf
echo "bogus line" >> test.conf
sudo modprobe -C test.conf greeting myint=12
cat /sys/module/hello_5/parameters/myint
sudo modprobe -r -C test.conf greeting
sudo modprobe err_enomem; echo "init fails: $?"
sudo modprobe uses_libc; echo "unknown symbol: $?"
sudo modprobe hello-5 myint=abc; echo "bad parameter: $?"
modinfo -F depends consumer
modinfo -n provider
echo "options hello_5 myint=3" > /etc/modprobe.d/hello.conf
# symbol_get: found at run time, without a link-time dependency.
sudo insmod symget.ko
sudo rmmod symget
sudo insmod provider.ko
sudo insmod symget.ko
lsmod | grep provider
sudo rmmod provider
sudo rmmod symget
sudo rmmod provider
dmesg -t | grep symget
