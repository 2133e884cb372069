# modinfo reads the file without loading it; C and C++ modules alike.
modinfo params.ko
modinfo -F license hello.ko
modinfo -p hello-5.ko
modinfo -n hello.ko
modinfo nosuch.ko
modinfo hello_cpp.ko
sudo insmod hello_cpp.ko times=2
lsmod
sudo rmmod hello_cpp
sudo dmesg -t
help
help insmod
uname -r
whoami
sudo whoami
true && echo and-ran || echo or-ran
false && echo and-ran || echo or-ran
echo one; echo two # a comment
echo "quoted # not a comment" 'single $HOME' 2>&1
exit 3
echo never
