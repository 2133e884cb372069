// ls: list directories (host, /proc, /sys, /dev); -l shows mode, owner, size or device numbers.
#include <algorithm>
#include <cstring>
#include <ctime>
#include <iomanip>

#include "shell/command.h"
#include "shell/file_info.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

struct Row {
    std::string mode, links, owner, size, date, name;
};

Row long_row(const FileInfo& info, const std::string& name)
{
    char date[32];
    std::tm local {};
    localtime_r(&info.mtime, &local);
    std::strftime(date, sizeof date, "%b %e %H:%M", &local);
    std::string size = info.type == 'c' || info.type == 'b'
        ? std::to_string(info.rdev >> 20) + ", " + std::to_string(info.rdev & 0xfffff)
        : std::to_string(info.size);
    return {mode_string(info), std::to_string(info.links), owner_name(info.uid), size, date, name};
}

void print_rows(std::ostream& out, const std::vector<Row>& rows)
{
    size_t links = 0, owner = 0, size = 0;
    for (const Row& r : rows) {
        links = std::max(links, r.links.size());
        owner = std::max(owner, r.owner.size());
        size = std::max(size, r.size.size());
    }
    for (const Row& r : rows)
        out << r.mode << " " << std::right << std::setw(static_cast<int>(links)) << r.links << " " << std::left
            << std::setw(static_cast<int>(owner)) << r.owner << " " << std::setw(static_cast<int>(owner)) << r.owner
            << " " << std::right << std::setw(static_cast<int>(size)) << r.size << " " << r.date << " " << r.name
            << "\n";
}

} // namespace

int cmd_ls(CommandContext& c)
{
    bool long_format = false;
    std::vector<std::string> paths;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if (a.size() > 1 && a[0] == '-' && a.find_first_not_of("1l", 1) == std::string::npos)
            long_format |= a.find('l') != std::string::npos;
        else
            paths.push_back(a);
    }
    if (paths.empty())
        paths.push_back(".");
    int status = 0;
    for (size_t p = 0; p < paths.size(); ++p) {
        const std::string& path = paths[p];
        auto info = stat_path(c.shell, path);
        if (info.is_error()) {
            c.err << "ls: cannot access '" << path << "': " << std::strerror(info.error()) << "\n";
            status = 2;
            continue;
        }
        if (info.value().type != 'd') {
            if (long_format)
                print_rows(c.out, {long_row(info.value(), path)});
            else
                c.out << path << "\n";
            continue;
        }
        auto names = list_directory(c.shell, path);
        if (names.is_error()) {
            c.err << "ls: cannot open directory '" << path << "': " << std::strerror(names.error()) << "\n";
            status = 2;
            continue;
        }
        if (paths.size() > 1)
            c.out << (p ? "\n" : "") << path << ":\n";
        if (!long_format) {
            for (const std::string& name : names.value())
                c.out << name << "\n";
            continue;
        }
        std::vector<Row> rows;
        long long blocks = 0;
        for (const std::string& name : names.value()) {
            auto entry = stat_path(c.shell, path + "/" + name, false);
            if (entry.is_error())
                continue;
            blocks += entry.value().blocks;
            rows.push_back(long_row(entry.value(), name));
        }
        c.out << "total " << blocks << "\n";
        print_rows(c.out, rows);
    }
    return status;
}

} // namespace ksim::shell
