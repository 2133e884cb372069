/* Attribute shorthands used throughout the kernel API (Linux's compiler_attributes.h). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __always_inline inline __attribute__((__always_inline__))
#define __section(s) __attribute__((__section__(s)))
#define __used __attribute__((__used__))
#define __maybe_unused __attribute__((__unused__))
#define __always_unused __attribute__((__unused__))
#define __aligned(x) __attribute__((__aligned__(x)))
#define __packed __attribute__((__packed__))
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#define __scanf(a, b) __attribute__((__format__(scanf, a, b)))
#define __cold __attribute__((__cold__))
#define __noreturn __attribute__((__noreturn__))
#define __weak __attribute__((__weak__))
#define __must_check __attribute__((__warn_unused_result__))
#define __visible_export __attribute__((__visibility__("default")))
#define noinline __attribute__((__noinline__))
/* Marks a deliberate fall-through into the next case (-Wimplicit-fallthrough=5). */
#define fallthrough __attribute__((__fallthrough__))
/* GCC only: no specialised copies (fn.constprop.0); Clang makes none. */
#if __has_attribute(__noclone__)
#define __noclone __attribute__((__noclone__))
#else
#define __noclone
#endif
#define __user
#define __kernel
#define __iomem
#define __force
#define __rcu

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)

#define barrier() __asm__ __volatile__("" : : : "memory")
/* A barrier that also makes the memory at ptr count as used, so stores to it stay. */
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) (*(volatile __typeof__(x) *)&(x) = (val))

#ifdef __cplusplus
#define __KSIM_EXTERN_C extern "C"
#define __KSIM_BEGIN_DECLS extern "C" {
#define __KSIM_END_DECLS }
#else
#define __KSIM_EXTERN_C extern
#define __KSIM_BEGIN_DECLS
#define __KSIM_END_DECLS
#endif

#endif
