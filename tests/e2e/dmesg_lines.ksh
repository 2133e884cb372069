# pr_info("Hello, world 5\n=============\n") is one record: dmesg starts its
# second line under the text (util-linux indents by what it printed before
# the text), and /dev/kmsg escapes the newline as \x0a.
sudo insmod hello-5.ko
dmesg | head -n 6 | tail -n 2
dmesg -t | head -n 6 | tail -n 2
dmesg -x | head -n 6 | tail -n 2
dmesg -r | head -n 6 | tail -n 2
dmesg -x -t | head -n 6 | tail -n 2
sudo head -n 5 /dev/kmsg | tail -n 1 | cut -d';' -f2
dmesg | wc -l
# A write to /dev/kmsg is one record too; only its last newline ends it.
sudo sh -c 'echo -e "<6>first\nsecond" > /dev/kmsg'
dmesg -t | tail -n 2
