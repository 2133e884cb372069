# Modules that wreck their own stack: a buffer overflow over the return
# address (the "return" is a general protection fault at a non-canonical
# address), and unbounded recursion (the handler runs on its own stack).
# The report is built from state the module cannot reach, and the next
# module loads.
sudo insmod fault_smash.ko
echo "status $?"
dmesg -t | grep -E "^(general protection|RIP|Call Trace| [a-z_]+\+)"
sudo dmesg -C
sudo insmod fault_overflow.ko
echo "status $?"
dmesg -t | grep -E "^(BUG|#PF|RIP|Call Trace)"
dmesg -t | grep -E "^ descend\+" | head -n 2
dmesg -t | grep -E "^ (do_one_initcall|do_init_module)\+"
sudo insmod hello.ko
lsmod
cat /sys/module/fault_smash/initstate /sys/module/fault_overflow/initstate
