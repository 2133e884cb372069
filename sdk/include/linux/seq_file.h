/* seq_file: print records one by one; the kernel serves any read size and offset.
 * C++ code spells the member Linux calls `private` as `private_`. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <ksim/fs_abi.h>
#include <linux/compiler.h>
#include <linux/fs.h>
#include <linux/stdarg.h>
#include <linux/types.h>

#define SEQ_SKIP 1
#define SEQ_START_TOKEN ((void *)1)

__KSIM_BEGIN_DECLS
int seq_open(struct file *file, const struct seq_operations *op);
int seq_release(struct inode *inode, struct file *file);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_release(struct inode *inode, struct file *file);
void seq_printf(struct seq_file *m, const char *fmt, ...) __printf(2, 3);
void seq_vprintf(struct seq_file *m, const char *fmt, va_list args);
void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
__KSIM_END_DECLS

static inline bool seq_has_overflowed(struct seq_file *m)
{
	return m->count == m->size;
}

#endif
