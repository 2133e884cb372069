// Measuring time as tutorials do: ktime around a sleep, the wall clock as a
// timespec64, and conversions between jiffies and milliseconds.
#include <linux/delay.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/time.h>

static int __init clock_demo_init(void)
{
	struct timespec64 now, sum;
	ktime_t start, elapsed;
	u64 j0 = get_jiffies_64();

	start = ktime_get();
	msleep(30);
	elapsed = ktime_sub(ktime_get(), start);
	pr_info("clock_demo: msleep(30) took at least 30 ms: %s\n", ktime_to_ms(elapsed) >= 30 ? "yes" : "no");
	pr_info("clock_demo: and at least 7 jiffies: %s\n", get_jiffies_64() - j0 >= 7 ? "yes" : "no");
	pr_info("clock_demo: monotonic before boottime: %s\n",
		ktime_before(start, ktime_get_boottime()) ? "yes" : "no");

	ktime_get_real_ts64(&now);
	pr_info("clock_demo: wall clock after 2020: %s\n", now.tv_sec > 1577836800 ? "yes" : "no");
	sum = timespec64_add(ns_to_timespec64(1500000000), ns_to_timespec64(700000000));
	pr_info("clock_demo: 1.5 s + 0.7 s = %lld.%09ld s\n", sum.tv_sec, sum.tv_nsec);
	pr_info("clock_demo: HZ=%d, 100 ms = %lu jiffies = %u ms\n", HZ, msecs_to_jiffies(100),
		jiffies_to_msecs(msecs_to_jiffies(100)));
	pr_info("clock_demo: ktime_set(2, 5) = %lld ns\n", ktime_to_ns(ktime_set(2, 5)));
	return 0;
}

static void __exit clock_demo_exit(void)
{
}

module_init(clock_demo_init);
module_exit(clock_demo_exit);
MODULE_LICENSE("GPL");
