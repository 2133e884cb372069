/* kfifo: a ring buffer of fixed-size elements whose size is a power of two.
 * One reader and one writer need no lock; more of either take a spinlock
 * (the _spinlocked forms). Declared with a buffer inside (DECLARE_KFIFO,
 * DEFINE_KFIFO) or allocated (struct kfifo, DECLARE_KFIFO_PTR + kfifo_alloc).
 * Counts are in elements, except the _user forms', which are in bytes.
 * ksim offers the element fifos, not Linux's variable-length record fifos
 * (kfifo_rec_ptr_1/2). */
#ifndef _LINUX_KFIFO_H
#define _LINUX_KFIFO_H

#include <ksim/lib_abi.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/spinlock.h>
#include <linux/stddef.h>

__KSIM_BEGIN_DECLS
int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp_mask);
void __kfifo_free(struct __kfifo *fifo);
int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize);
unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len);
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len);
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len);
int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied);
int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied);
__KSIM_END_DECLS

/* The queue's state, and a typed pointer that carries the element type to
 * the macros below (it is never dereferenced). The state is the member
 * kfifo, as on Linux; in C++, where struct kfifo cannot have a member of its
 * own name, it is kfifo_. */
#ifdef __cplusplus
#define __KSIM_KFIFO_STATE kfifo_
#else
#define __KSIM_KFIFO_STATE kfifo
#endif
#define __KSIM_KFIFO_HEAD(datatype)            \
	union {                                \
		struct __kfifo __KSIM_KFIFO_STATE; \
		datatype *type;                \
		const datatype *const_type;    \
	}

#define STRUCT_KFIFO(type, size)                                                  \
	struct {                                                                  \
		__KSIM_KFIFO_HEAD(type);                                          \
		type buf[((size) < 2 || ((size) & ((size)-1))) ? -1 : (size)];   \
	}
#define STRUCT_KFIFO_PTR(type)           \
	struct {                         \
		__KSIM_KFIFO_HEAD(type); \
		type buf[0];             \
	}

/* Elements of one byte, in memory kfifo_alloc() or kfifo_init() provides. */
struct kfifo {
	__KSIM_KFIFO_HEAD(unsigned char);
	unsigned char buf[0];
};

#define DECLARE_KFIFO_PTR(fifo, type) STRUCT_KFIFO_PTR(type) fifo
/* size: a power of two, at least 2, or the declaration does not compile. */
#define DECLARE_KFIFO(fifo, type, size) STRUCT_KFIFO(type, size) fifo

/* A fifo whose buffer is inside it has no separate allocation (buf[0]). */
#define __kfifo_is_ptr(fifo) (sizeof((fifo)->buf) == 0)

/* Readies a DECLARE_KFIFO fifo (or empties a _PTR one before kfifo_alloc). */
#define INIT_KFIFO(fifo)                                                                       \
	(void)({                                                                               \
		__typeof__(&(fifo)) __init_fifo = &(fifo);                                     \
		__init_fifo->__KSIM_KFIFO_STATE.in = 0;                                                     \
		__init_fifo->__KSIM_KFIFO_STATE.out = 0;                                                    \
		__init_fifo->__KSIM_KFIFO_STATE.mask = __kfifo_is_ptr(__init_fifo) ? 0 : ARRAY_SIZE(__init_fifo->buf) - 1; \
		__init_fifo->__KSIM_KFIFO_STATE.esize = sizeof(*__init_fifo->buf);                          \
		__init_fifo->__KSIM_KFIFO_STATE.data = __kfifo_is_ptr(__init_fifo) ? NULL : __init_fifo->buf; \
	})

/* Declares and initialises a fifo with its buffer inside, usable at once. */
#define DEFINE_KFIFO(fifo, type, size) \
	DECLARE_KFIFO(fifo, type, size) = {{{0, 0, (size)-1, sizeof(type), (fifo).buf}}}

#define kfifo_initialized(fifo) ((fifo)->__KSIM_KFIFO_STATE.mask != 0)
#define kfifo_esize(fifo) ((fifo)->__KSIM_KFIFO_STATE.esize)
#define kfifo_recsize(fifo) 0
#define kfifo_size(fifo) ((fifo)->__KSIM_KFIFO_STATE.mask + 1)
#define kfifo_reset(fifo)                                \
	(void)({                                         \
		__typeof__((fifo) + 1) __reset = (fifo); \
		__reset->__KSIM_KFIFO_STATE.in = __reset->__KSIM_KFIFO_STATE.out = 0; \
	})
#define kfifo_reset_out(fifo) (void)((fifo)->__KSIM_KFIFO_STATE.out = READ_ONCE((fifo)->__KSIM_KFIFO_STATE.in))
#define kfifo_len(fifo) (READ_ONCE((fifo)->__KSIM_KFIFO_STATE.in) - READ_ONCE((fifo)->__KSIM_KFIFO_STATE.out))
#define kfifo_is_empty(fifo) (READ_ONCE((fifo)->__KSIM_KFIFO_STATE.in) == READ_ONCE((fifo)->__KSIM_KFIFO_STATE.out))
#define kfifo_is_full(fifo) (kfifo_len(fifo) > (fifo)->__KSIM_KFIFO_STATE.mask)
#define kfifo_avail(fifo) (kfifo_size(fifo) - kfifo_len(fifo))
#define kfifo_skip(fifo) (void)((fifo)->__KSIM_KFIFO_STATE.out++)

/* size elements, rounded up to a power of two; 0, -EINVAL or -ENOMEM. */
#define kfifo_alloc(fifo, size, gfp_mask) \
	(__kfifo_is_ptr(fifo) ? __kfifo_alloc(&(fifo)->__KSIM_KFIFO_STATE, (size), sizeof(*(fifo)->type), (gfp_mask)) : -EINVAL)
#define kfifo_free(fifo)                              \
	do {                                          \
		if (__kfifo_is_ptr(fifo))             \
			__kfifo_free(&(fifo)->__KSIM_KFIFO_STATE); \
	} while (0)
/* Uses a caller's buffer of size bytes. */
#define kfifo_init(fifo, buffer, size) \
	(__kfifo_is_ptr(fifo) ? __kfifo_init(&(fifo)->__KSIM_KFIFO_STATE, (buffer), (size), sizeof(*(fifo)->type)) : -EINVAL)

/* One element, by value: 1 if it went in, 0 if the fifo was full. */
#define kfifo_put(fifo, val)                                                                     \
	({                                                                                       \
		__typeof__((fifo) + 1) __put = (fifo);                                           \
		__typeof__(*__put->type) __put_val = (val);                                      \
		unsigned int __put_ok = !kfifo_is_full(__put);                                   \
		if (__put_ok) {                                                                  \
			((__typeof__(__put->type))__put->__KSIM_KFIFO_STATE.data)[__put->__KSIM_KFIFO_STATE.in & __put->__KSIM_KFIFO_STATE.mask] = __put_val; \
			__atomic_store_n(&__put->__KSIM_KFIFO_STATE.in, __put->__KSIM_KFIFO_STATE.in + 1, __ATOMIC_RELEASE); \
		}                                                                                \
		__put_ok;                                                                        \
	})

/* One element into *val: 1, or 0 if the fifo was empty. */
#define kfifo_get(fifo, val)                                                                     \
	({                                                                                       \
		__typeof__((fifo) + 1) __get = (fifo);                                           \
		unsigned int __get_ok = !kfifo_is_empty(__get);                                  \
		if (__get_ok) {                                                                  \
			*(val) = ((__typeof__(__get->type))__get->__KSIM_KFIFO_STATE.data)[__get->__KSIM_KFIFO_STATE.out & __get->__KSIM_KFIFO_STATE.mask]; \
			__atomic_store_n(&__get->__KSIM_KFIFO_STATE.out, __get->__KSIM_KFIFO_STATE.out + 1, __ATOMIC_RELEASE); \
		}                                                                                \
		__get_ok;                                                                        \
	})

/* The next element into *val without taking it: 1, or 0 if empty. */
#define kfifo_peek(fifo, val)                                                                    \
	({                                                                                       \
		__typeof__((fifo) + 1) __peek = (fifo);                                          \
		unsigned int __peek_ok = !kfifo_is_empty(__peek);                                \
		if (__peek_ok)                                                                   \
			*(val) = ((__typeof__(__peek->type))__peek->__KSIM_KFIFO_STATE.data)[__peek->__KSIM_KFIFO_STATE.out & __peek->__KSIM_KFIFO_STATE.mask]; \
		__peek_ok;                                                                       \
	})

/* Each returns how many elements moved. */
#define kfifo_in(fifo, buf, n) __kfifo_in(&(fifo)->__KSIM_KFIFO_STATE, (buf), (n))
#define kfifo_out(fifo, buf, n) __kfifo_out(&(fifo)->__KSIM_KFIFO_STATE, (buf), (n))
#define kfifo_out_peek(fifo, buf, n) __kfifo_out_peek(&(fifo)->__KSIM_KFIFO_STATE, (buf), (n))

#define kfifo_in_spinlocked(fifo, buf, n, lock)                   \
	({                                                        \
		unsigned long __in_flags;                         \
		unsigned int __in_ret;                            \
		spin_lock_irqsave(lock, __in_flags);              \
		__in_ret = kfifo_in(fifo, buf, n);                \
		spin_unlock_irqrestore(lock, __in_flags);         \
		__in_ret;                                         \
	})
#define kfifo_out_spinlocked(fifo, buf, n, lock)                  \
	({                                                        \
		unsigned long __out_flags;                        \
		unsigned int __out_ret;                           \
		spin_lock_irqsave(lock, __out_flags);             \
		__out_ret = kfifo_out(fifo, buf, n);              \
		spin_unlock_irqrestore(lock, __out_flags);        \
		__out_ret;                                        \
	})
#define kfifo_in_locked(fifo, buf, n, lock) kfifo_in_spinlocked(fifo, buf, n, lock)
#define kfifo_out_locked(fifo, buf, n, lock) kfifo_out_spinlocked(fifo, buf, n, lock)

/* len and *copied are bytes; 0, or -EFAULT if user memory faulted. */
#define kfifo_from_user(fifo, from, len, copied) __kfifo_from_user(&(fifo)->__KSIM_KFIFO_STATE, (from), (len), (copied))
#define kfifo_to_user(fifo, to, len, copied) __kfifo_to_user(&(fifo)->__KSIM_KFIFO_STATE, (to), (len), (copied))

#endif
