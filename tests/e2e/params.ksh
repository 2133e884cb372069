# Module parameters: insmod's joining of arguments and Linux's parse_args.
sudo insmod hello-5.ko myint=7 'mystring="two words"' myintarray=1,2
dmesg -t -c > /dev/null
sudo rmmod hello_5
sudo insmod hello-5.ko mystring="two words"
sudo dmesg -t -c
sudo rmmod hello-5
sudo insmod hello-5.ko myint=abc
sudo insmod hello-5.ko myshort=99999
sudo insmod hello-5.ko myintarray=1,2,3
sudo insmod hello-5.ko bogus=1 myint
sudo dmesg -t -c
lsmod
sudo insmod params.ko p_byte=0x10 p_short=-010 p_ushort=65535 p_int=+42 p_uint=4000000000 p_long=-9223372036854775808 p_ulong=18446744073709551615 p_ullong=1 p_hexint=255 p_charp=hi p_bool p_invbool=y p_string=seven77 p_array=9,8
sudo dmesg -t -c
cat /sys/module/params/parameters/p_hexint
cat /sys/module/params/parameters/p_bool
cat /sys/module/params/parameters/p_invbool
cat /sys/module/params/parameters/p_charp
cat /sys/module/params/parameters/p_string
cat /sys/module/params/parameters/p_array
echo 17 > /sys/module/params/parameters/p_int
cat /sys/module/params/parameters/p_int
sudo rmmod params
sudo insmod params.ko p_string=toolongvalue
sudo insmod params.ko p_bool=maybe
sudo insmod params.ko p_byte=256
sudo dmesg -t -c
