// lsmod: the loaded modules in kmod's columns.
#include <cstdio>

#include "shell/command.h"

namespace ksim::shell {

int cmd_lsmod(CommandContext& c)
{
    if (c.args.size() != 1) {
        c.err << "Usage: " << c.args[0] << "\n";
        return 1;
    }
    c.out << "Module                  Size  Used by\n";
    for (const auto& m : c.kernel.modules().all()) {
        if (m->state == ModuleState::Unformed)
            continue;
        char row[128];
        std::snprintf(row, sizeof row, "%-19s %8ld  %d", m->name.c_str(), static_cast<long>(m->core_size), m->refcount);
        c.out << row;
        auto holders = c.kernel.modules().holders_of(m->id);
        for (size_t i = 0; i < holders.size(); ++i)
            c.out << (i == 0 ? " " : ",") << holders[i]->name;
        c.out << "\n";
    }
    return 0;
}

} // namespace ksim::shell
