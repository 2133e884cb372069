/* min, max, clamp and swap. Each argument is evaluated once; the _t forms
 * convert both sides to one type first, as Linux's do. */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#define min(x, y)                      \
	({                             \
		__typeof__(x) _min1 = (x); \
		__typeof__(y) _min2 = (y); \
		_min1 < _min2 ? _min1 : _min2; \
	})
#define max(x, y)                      \
	({                             \
		__typeof__(x) _max1 = (x); \
		__typeof__(y) _max2 = (y); \
		_max1 > _max2 ? _max1 : _max2; \
	})
#define min3(x, y, z) min((__typeof__(x))min(x, y), z)
#define max3(x, y, z) max((__typeof__(x))max(x, y), z)
#define min_t(type, x, y) min((type)(x), (type)(y))
#define max_t(type, x, y) max((type)(x), (type)(y))
/* The smaller of two values, ignoring a zero. */
#define min_not_zero(x, y)                                             \
	({                                                             \
		__typeof__(x) __mnz_x = (x);                           \
		__typeof__(y) __mnz_y = (y);                           \
		__mnz_x == 0 ? __mnz_y : (__mnz_y == 0 ? __mnz_x : min(__mnz_x, __mnz_y)); \
	})
#define clamp(val, lo, hi) min((__typeof__(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi) clamp_t(__typeof__(val), val, lo, hi)
#define swap(a, b)                       \
	do {                             \
		__typeof__(a) __tmp = (a); \
		(a) = (b);               \
		(b) = __tmp;             \
	} while (0)

#endif
