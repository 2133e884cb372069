# Weak references resolve as on Linux: to a kernel export, or to 0; never to
# the host's C library.
sudo insmod weak_refs.ko
lsmod
sudo rmmod weak_refs
sudo dmesg -t
