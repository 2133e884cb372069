# Bad input: every failure is one clear message, and nothing is lost.
sudo insmod hello.ko
echo "this is not a module" > notelf.ko
sudo insmod notelf.ko
echo -n > empty.ko
sudo insmod empty.ko
: > empty.ko
sudo insmod empty.ko
# An executable (ELF type 2) where Linux wants a relocatable object (1).
cat hello.ko > exec.ko
echo -ne '\0002' | dd of=exec.ko bs=1 seek=16 status=none
sudo insmod exec.ko
sudo insmod nosuchfile.ko
sudo insmod
sudo insmod -
sudo insmod hello.ko
sudo insmod err_enomem.ko
sudo insmod uses_libc.ko
sudo insmod /proc
sudo dmesg -t -c
lsmod
cat /proc/sys/kernel/tainted
sudo rmmod err_enomem
sudo rmmod hello-1
sudo rmmod nosuchmodule
sudo rmmod
rmmod hello
sudo rmmod hello.ko
lsmod
nosuchcommand
echo 'unterminated
echo done
