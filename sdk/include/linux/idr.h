/* ID allocation: an idr hands out small integers and maps each to a pointer
 * (idr_alloc, idr_find, idr_remove); an ida hands out integers alone. Linux
 * asks idr users to serialise their own calls; ksim's are safe either way. */
#ifndef _LINUX_IDR_H
#define _LINUX_IDR_H

#include <ksim/lib_abi.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/types.h>

#define IDR_INIT_BASE(name, base) {NULL, (base), 0}
#define IDR_INIT(name) IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

__KSIM_BEGIN_DECLS
/* An id in [start, end) (end <= 0: up to INT_MAX); -ENOSPC or -ENOMEM. */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void *idr_get_next(const struct idr *idr, int *nextid);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
void idr_destroy(struct idr *idr);
/* An id in [min, max]; -ENOSPC or -ENOMEM. */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
__KSIM_END_DECLS

static inline void idr_init_base(struct idr *idr, int base)
{
	idr->__ksim_ids = NULL;
	idr->idr_base = (unsigned int)base;
	idr->idr_next = 0;
}

static inline void idr_init(struct idr *idr)
{
	idr_init_base(idr, 0);
}

static inline bool idr_is_empty(const struct idr *idr)
{
	int id = 0;

	return idr_get_next(idr, &id) == NULL;
}

/* Linux fills a per-CPU cache here so idr_alloc(GFP_NOWAIT) cannot fail
 * under a spinlock; ksim's idr_alloc never sleeps, so there is nothing to fill. */
static inline void idr_preload(gfp_t gfp_mask)
{
	(void)gfp_mask;
}

static inline void idr_preload_end(void)
{
}

#define idr_for_each_entry(idr, entry, id) \
	for ((id) = 0; ((entry) = idr_get_next(idr, &(id))) != NULL; (id) += 1U)

#define DEFINE_IDA(name) struct ida name = {NULL}
#define IDA_INIT(name) {NULL}

static inline void ida_init(struct ida *ida)
{
	ida->__ksim_ids = NULL;
}

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, ~0U, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
	return ida_alloc_range(ida, min, ~0U, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
	return ida_alloc_range(ida, 0, max, gfp);
}

/* The older names: end is exclusive, 0 for no limit. */
static inline int ida_simple_get(struct ida *ida, unsigned int start, unsigned int end, gfp_t gfp)
{
	return ida_alloc_range(ida, start, end ? end - 1 : ~0U, gfp);
}

static inline void ida_simple_remove(struct ida *ida, unsigned int id)
{
	ida_free(ida, id);
}

#endif
