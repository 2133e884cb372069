/* linux/kallsyms.h: not offered by ksim. */
#ifndef _KSIM_REFUSED_LINUX_KALLSYMS_H
#define _KSIM_REFUSED_LINUX_KALLSYMS_H

#error "ksim: no kallsyms lookups from modules (kallsyms_lookup_name is unexported since Linux 5.7; read /proc/kallsyms instead)"

#endif
