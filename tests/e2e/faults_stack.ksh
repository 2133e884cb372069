# Modules that wreck their own stack: a buffer overflow over the return
# address (the "return" is a general protection fault at a non-canonical
# address), and unbounded recursion (the handler runs on its own stack;
# Linux reports the guard page under the stack and die()s with SIGSEGV).
# The report is built from state the module cannot reach, and the next
# module loads.
sudo insmod fault_smash.ko
echo "status $?"
dmesg -t | grep -E "^(general protection|RIP|Call Trace| [a-z_]+\+)"
sudo dmesg -C
# The guard-page line prints hashed pointers that change with every run:
# the console stays quiet and the line is cut before them.
sudo dmesg -n 1
sudo insmod fault_overflow.ko
echo "status $?"
dmesg -t | grep "^BUG" | cut -d' ' -f1-8
dmesg -t | grep -E "^(#PF|stack guard|RIP|Call Trace)"
dmesg -t | grep -E "^ descend\+" | head -n 2
dmesg -t | grep -E "^ (do_one_initcall|do_init_module)\+"
sudo insmod hello.ko
lsmod
cat /sys/module/fault_smash/initstate /sys/module/fault_overflow/initstate
