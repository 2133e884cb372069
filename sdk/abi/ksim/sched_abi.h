/* Tasks and the structures tasks sleep and lock on, shared by the kernel and
 * modules: what `current` points to, wait queues, mutexes, spinlocks,
 * semaphores and completions. Member names follow Linux 6.1 where tutorial
 * code reads them (current->pid, current->comm, task->__state); the
 * scheduler's own bookkeeping stays on the kernel's side. Plain C, like abi.h. */
#ifndef KSIM_SCHED_ABI_H
#define KSIM_SCHED_ABI_H

#include <ksim/fs_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KSIM_TASK_COMM_LEN 16

/* Task states (task->__state), as Linux numbers them. */
#define KSIM_TASK_RUNNING 0x0000
#define KSIM_TASK_INTERRUPTIBLE 0x0001
#define KSIM_TASK_UNINTERRUPTIBLE 0x0002
#define KSIM_TASK_DEAD 0x0080
#define KSIM_TASK_WAKEKILL 0x0100
#define KSIM_TASK_NOLOAD 0x0400

/* task->flags */
#define KSIM_PF_EXITING 0x00000004
#define KSIM_PF_KTHREAD 0x00200000

/* A set of signals 1..64, bit N-1 for signal N, as Linux's sigset_t on
 * x86_64 (<linux/sched.h> names it sigset_t; the kernel's C library has its own). */
#define KSIM_NSIG 64
#define KSIM_NSIG_BPW 64
#define KSIM_NSIG_WORDS (KSIM_NSIG / KSIM_NSIG_BPW)

struct ksim_sigset {
	unsigned long sig[KSIM_NSIG_WORDS];
};

struct sigpending {
	struct ksim_sigset signal;
};

struct task_struct {
	int pid;
	int tgid;
	char comm[KSIM_TASK_COMM_LEN];
	unsigned int uid;
	unsigned int euid;
	unsigned int __state;
	unsigned int flags;
	/* Linux keeps these per CPU; here the task carries them. */
	int preempt_count; /* spinlocks held, plus SOFTIRQ_OFFSET in softirq context */
	int irqs_disabled; /* local_irq_save() depth */
	int cpu;
	unsigned int sigpending; /* a signal is pending: signal_pending() */
	struct list_head tasks; /* every task, from init_task: for_each_process() */
	struct task_struct *real_parent;
	struct task_struct *parent;
	void *ksim_task; /* the kernel's side of this task */
	/* Which signals wait for the task (the kernel keeps it), and which it
	 * blocks (none: ksim's tasks have no signal mask). */
	struct sigpending pending;
	struct ksim_sigset blocked;
};

/* A spinlock's word: 0 free, 1 held. The kernel spins on it atomically. */
typedef struct spinlock {
	int locked;
} spinlock_t;

typedef struct {
	int readers; /* held for reading by this many, or -1 when a writer has it */
} rwlock_t;

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

struct wait_queue_entry {
	unsigned int flags;
	void *KSIM_PRIVATE;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};

struct mutex {
	long owner; /* the owning task_struct's address, 0 when free */
	spinlock_t wait_lock;
	struct list_head wait_list;
};

struct semaphore {
	spinlock_t lock;
	unsigned int count;
	struct list_head wait_list;
};

struct rw_semaphore {
	long count; /* readers holding it, or -1 when a writer has it */
	spinlock_t wait_lock;
	struct list_head wait_list;
};

struct completion {
	unsigned int done;
	struct wait_queue_head wait;
};

#ifdef __cplusplus
}
#endif

#endif /* KSIM_SCHED_ABI_H */
