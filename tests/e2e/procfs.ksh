# A seq_file /proc file with many records, read whole and in small pieces;
# a /proc file that takes writes; errors from both.
sudo insmod procseq.ko
ls -l /proc/procseq
wc -l /proc/procseq/records
head -n 3 /proc/procseq/records
tail -n 2 /proc/procseq/records
# The same bytes whatever the read size.
cat /proc/procseq/records | wc -c
dd if=/proc/procseq/records bs=7 status=none | wc -c
dd if=/proc/procseq/records bs=1 skip=26500 status=none
echo 3 | sudo tee /proc/procseq/limit
cat /proc/procseq/records
echo 3 > /proc/procseq/limit
cat /proc/procseq/summary
echo nonsense | sudo tee /proc/procseq/limit
echo "tee: $?"
cat /proc/procseq/limit
sudo rmmod procseq
ls /proc/procseq
