/* The file, device and virtual-file structures shared by the kernel and modules.
 *
 * Member names and, where a learner's C++ designated initialisers depend on
 * it (file_operations, proc_ops, seq_operations, kobj_attribute), member
 * order follow Linux 6.1. Structures modules only reach through pointers
 * keep just the members tutorial code reads. Plain C, like abi.h. */
#ifndef KSIM_FS_ABI_H
#define KSIM_FS_ABI_H

#include <ksim/abi.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned int ksim_dev_t;
typedef long long ksim_loff_t;
typedef unsigned int ksim_poll_t;
typedef unsigned short ksim_umode_t;

struct file;
struct inode;
struct seq_file;
struct kobject;
struct kiocb;
struct iov_iter;
struct io_comp_batch;
struct dir_context;
struct poll_table_struct;
struct vm_area_struct;
struct file_lock;
struct page;
struct pipe_inode_info;
struct io_uring_cmd;
struct proc_dir_entry;
struct dentry;

/* debugfs_create_blob()'s file shows these bytes. */
struct debugfs_blob_wrapper {
	void *data;
	unsigned long size;
};

struct list_head {
	struct list_head *next, *prev;
};

struct file_operations {
	struct module *owner;
	ksim_loff_t (*llseek)(struct file *, ksim_loff_t, int);
	long (*read)(struct file *, char *, unsigned long, ksim_loff_t *);
	long (*write)(struct file *, const char *, unsigned long, ksim_loff_t *);
	long (*read_iter)(struct kiocb *, struct iov_iter *);
	long (*write_iter)(struct kiocb *, struct iov_iter *);
	int (*iopoll)(struct kiocb *kiocb, struct io_comp_batch *, unsigned int flags);
	int (*iterate)(struct file *, struct dir_context *);
	int (*iterate_shared)(struct file *, struct dir_context *);
	ksim_poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	unsigned long mmap_supported_flags;
	int (*open)(struct inode *, struct file *);
	int (*flush)(struct file *, void *id);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, ksim_loff_t, ksim_loff_t, int datasync);
	int (*fasync)(int, struct file *, int);
	int (*lock)(struct file *, int, struct file_lock *);
	long (*sendpage)(struct file *, struct page *, int, unsigned long, ksim_loff_t *, int);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long, unsigned long);
	int (*check_flags)(int);
	int (*flock)(struct file *, int, struct file_lock *);
	long (*splice_write)(struct pipe_inode_info *, struct file *, ksim_loff_t *, unsigned long, unsigned int);
	long (*splice_read)(struct file *, ksim_loff_t *, struct pipe_inode_info *, unsigned long, unsigned int);
	int (*setlease)(struct file *, long, struct file_lock **, void **);
	long (*fallocate)(struct file *file, int mode, ksim_loff_t offset, ksim_loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	long (*copy_file_range)(struct file *, ksim_loff_t, struct file *, ksim_loff_t, unsigned long, unsigned int);
	ksim_loff_t (*remap_file_range)(struct file *file_in, ksim_loff_t pos_in, struct file *file_out,
					ksim_loff_t pos_out, ksim_loff_t len, unsigned int remap_flags);
	int (*fadvise)(struct file *, ksim_loff_t, ksim_loff_t, int);
	int (*uring_cmd)(struct io_uring_cmd *ioucmd, unsigned int issue_flags);
	int (*uring_cmd_iopoll)(struct io_uring_cmd *, struct io_comp_batch *, unsigned int poll_flags);
};

struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *, struct file *);
	long (*proc_read)(struct file *, char *, unsigned long, ksim_loff_t *);
	long (*proc_read_iter)(struct kiocb *, struct iov_iter *);
	long (*proc_write)(struct file *, const char *, unsigned long, ksim_loff_t *);
	ksim_loff_t (*proc_lseek)(struct file *, ksim_loff_t, int);
	int (*proc_release)(struct inode *, struct file *);
	ksim_poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
	long (*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
	int (*proc_mmap)(struct file *, struct vm_area_struct *);
	unsigned long (*proc_get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
						unsigned long);
};

/* A kobject: a directory under /sys. `ksim_node` is the kernel's own record. */
struct kobject {
	const char *name;
	struct list_head entry;
	struct kobject *parent;
	void *ksim_node;
};

struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	ksim_dev_t dev;
	unsigned int count;
};

struct inode {
	ksim_umode_t i_mode;
	unsigned int i_uid;
	unsigned int i_gid;
	unsigned long i_ino;
	ksim_dev_t i_rdev;
	ksim_loff_t i_size;
	struct cdev *i_cdev;
	void *i_private; /* debugfs data, proc_create_data's data */
};

/* f_mode bits */
#define FMODE_READ 0x1U
#define FMODE_WRITE 0x2U
#define FMODE_LSEEK 0x4U
#define FMODE_PREAD 0x8U
#define FMODE_PWRITE 0x10U

/* A name in a directory: what file->f_path.dentry->d_name shows a driver
 * (the /dev node, /proc or debugfs entry it was opened through). */
struct qstr {
	unsigned int hash;
	unsigned int len;
	const unsigned char *name;
};

#define KSIM_DNAME_INLINE_LEN 32

struct dentry {
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
	unsigned char d_iname[KSIM_DNAME_INLINE_LEN];
};

struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct file {
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;
	unsigned int f_mode;
	ksim_loff_t f_pos;
	void *private_data;
	long f_count;
	struct path f_path;
};

/* `private` is a keyword in C++, where seq_file's member is `private_`. */
#ifdef __cplusplus
#define KSIM_PRIVATE private_
#else
#define KSIM_PRIVATE private
#endif

struct seq_operations {
	void *(*start)(struct seq_file *m, ksim_loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, ksim_loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char *buf;
	unsigned long size;
	unsigned long from;
	unsigned long count;
	unsigned long pad_until;
	ksim_loff_t index;
	ksim_loff_t read_pos;
	const struct seq_operations *op;
	int poll_event;
	const struct file *file;
	void *KSIM_PRIVATE;
};

struct attribute {
	const char *name;
	ksim_umode_t mode;
};

struct kobj_attribute {
	struct attribute attr;
	long (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
	long (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, unsigned long count);
};

struct bin_attribute;

struct attribute_group {
	const char *name;
	ksim_umode_t (*is_visible)(struct kobject *, struct attribute *, int);
	ksim_umode_t (*is_bin_visible)(struct kobject *, struct bin_attribute *, int);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};

/* `class` is a keyword in C++, so C++ code spells Linux's struct class
 * `struct ksim_class`; the layout and the C-linkage functions are the same. */
#ifdef __cplusplus
#define KSIM_CLASS ksim_class
#else
#define KSIM_CLASS class
#endif

struct device;

/* A device class (/sys/class/<name>); created by class_create(). */
struct KSIM_CLASS {
	const char *name;
	struct module *owner;
	char *(*devnode)(struct device *dev, ksim_umode_t *mode);
	void *ksim_node;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	struct KSIM_CLASS *KSIM_CLASS;
	ksim_dev_t devt;
	void *driver_data;
	const char *init_name;
};

/* An attribute file in a device's sysfs directory (DEVICE_ATTR). */
struct device_attribute {
	struct attribute attr;
	long (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	long (*store)(struct device *dev, struct device_attribute *attr, const char *buf, unsigned long count);
};

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	ksim_umode_t mode;
};

#ifdef __cplusplus
}
#endif

#endif /* KSIM_FS_ABI_H */
