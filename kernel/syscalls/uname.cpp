// uname(2) (Linux's kernel/sys.c): the names of init_uts_ns.
#include <sys/utsname.h>

#include <cstdio>

#include "core/uts.h"
#include "syscalls/syscalls.h"

namespace ksim::sys {

long uname(struct utsname* name)
{
    if (!name)
        return -EFAULT;
    std::snprintf(name->sysname, sizeof name->sysname, "%s", uts::sysname);
    std::snprintf(name->nodename, sizeof name->nodename, "%s", uts::nodename);
    std::snprintf(name->release, sizeof name->release, "%s", uts::release);
    std::snprintf(name->version, sizeof name->version, "%s", uts::version);
    std::snprintf(name->machine, sizeof name->machine, "%s", uts::machine);
    std::snprintf(name->domainname, sizeof name->domainname, "%s", uts::domainname);
    return 0;
}

} // namespace ksim::sys
