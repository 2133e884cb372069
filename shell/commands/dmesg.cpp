// dmesg: print or control the kernel ring buffer, as util-linux's dmesg does.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <sstream>

#include "shell/command.h"

namespace ksim::shell {

namespace {

constexpr std::array<const char*, 8> level_names = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};
constexpr std::array<const char*, 12> facility_names
    = {"kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron", "authpriv", "ftp"};

struct Options {
    bool clear_after = false;
    bool clear_only = false;
    bool raw = false;
    bool no_time = false;
    bool decode = false;
    std::set<int> levels; // empty: all
    std::set<int> facilities; // empty: all
    int console_level = -1;
};

// A level number or name; for -n, names count one up ("-n err" shows err and worse).
int parse_level(const std::string& text, int name_offset)
{
    if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0]))) {
        char* end = nullptr;
        long value = std::strtol(text.c_str(), &end, 10);
        return *end ? -1 : static_cast<int>(value);
    }
    for (size_t i = 0; i < level_names.size(); ++i)
        if (text == level_names[i])
            return static_cast<int>(i) + name_offset;
    return -1;
}

bool parse_list(const std::string& list, std::set<int>& into, CommandContext& c, bool facilities)
{
    std::stringstream in(list);
    std::string item;
    while (std::getline(in, item, ',')) {
        int value = -1;
        if (facilities) {
            for (size_t i = 0; i < facility_names.size(); ++i)
                if (item == facility_names[i])
                    value = static_cast<int>(i);
        } else {
            value = parse_level(item, 0);
            if (value > 7)
                value = -1;
        }
        if (value < 0) {
            c.err << "dmesg: unknown " << (facilities ? "facility" : "level") << " '" << item << "'\n";
            return false;
        }
        into.insert(value);
    }
    return true;
}

} // namespace

int cmd_dmesg(CommandContext& c)
{
    Options o;
    for (size_t i = 1; i < c.args.size(); ++i) {
        std::string a = c.args[i];
        auto value = [&](std::string& into) {
            size_t eq = a.find('=');
            if (eq != std::string::npos) {
                into = a.substr(eq + 1);
                return true;
            }
            if (a.size() > 2 && a[1] != '-') {
                into = a.substr(2);
                return true;
            }
            if (i + 1 >= c.args.size()) {
                c.err << "dmesg: option requires an argument -- '" << a.substr(a[1] == '-' ? 2 : 1) << "'\n";
                return false;
            }
            into = c.args[++i];
            return true;
        };
        std::string v;
        if (a == "-c" || a == "--read-clear")
            o.clear_after = true;
        else if (a == "-C" || a == "--clear")
            o.clear_only = true;
        else if (a == "-r" || a == "--raw")
            o.raw = true;
        else if (a == "-t" || a == "--notime")
            o.no_time = true;
        else if (a == "-x" || a == "--decode")
            o.decode = true;
        else if (a == "-k" || a == "--kernel")
            o.facilities = {0};
        else if (a == "-u" || a == "--userspace")
            o.facilities = {1};
        else if (a.starts_with("-l") || a.starts_with("--level")) {
            if (!value(v) || !parse_list(v, o.levels, c, false))
                return 1;
        } else if (a.starts_with("-f") || a.starts_with("--facility")) {
            if (!value(v) || !parse_list(v, o.facilities, c, true))
                return 1;
        } else if (a.starts_with("-n") || a.starts_with("--console-level")) {
            if (!value(v))
                return 1;
            o.console_level = parse_level(v, 1);
            if (o.console_level < 0) {
                c.err << "dmesg: unknown level '" << v << "'\n";
                return 1;
            }
        } else if (a == "-L" || a.starts_with("--color") || a == "-P" || a == "--nopager") {
            continue;
        } else if (a == "-h" || a == "--help") {
            c.out << "Usage:\n dmesg [options]\n\nDisplay or control the kernel ring buffer.\n\nOptions:\n"
                     " -C, --clear                 clear the kernel ring buffer\n"
                     " -c, --read-clear            read and clear all messages\n"
                     " -f, --facility <list>       restrict output to defined facilities\n"
                     " -k, --kernel                display kernel messages\n"
                     " -l, --level <list>          restrict output to defined levels\n"
                     " -n, --console-level <level> set level of messages printed to console\n"
                     " -r, --raw                   print the raw message buffer\n"
                     " -t, --notime                don't show any timestamp with messages\n"
                     " -u, --userspace             display userspace messages\n"
                     " -x, --decode                decode facility and level to readable string\n";
            return 0;
        } else {
            c.err << "dmesg: invalid option -- '" << a.substr(1) << "'\nTry 'dmesg --help' for more information.\n";
            return 1;
        }
    }

    KernelLog& log = c.kernel.log();
    if (o.console_level >= 0) {
        if (!c.root) {
            c.err << "dmesg: klogctl failed: Operation not permitted\n";
            return 1;
        }
        // The kernel keeps it within [minimum_console_loglevel, 8].
        int level = std::max(o.console_level, log.levels().minimum_console_loglevel);
        log.levels().console_loglevel = std::min(level, 8);
        return 0;
    }
    if ((o.clear_only || o.clear_after) && !c.root) {
        c.err << "dmesg: " << (o.clear_only ? "clear kernel buffer failed" : "read kernel buffer failed")
              << ": Operation not permitted\n";
        return 1;
    }
    if (o.clear_only) {
        log.clear();
        return 0;
    }
    for (const LogRecord& r : log.ring().read_from(log.clear_seq())) {
        if (!o.levels.empty() && !o.levels.count(r.level))
            continue;
        if (!o.facilities.empty() && !o.facilities.count(r.facility))
            continue;
        if (o.decode) {
            char prefix[32];
            std::snprintf(prefix, sizeof prefix, "%-6s:%-6s: ", facility_names[static_cast<size_t>(r.facility)],
                level_names[static_cast<size_t>(r.level)]);
            c.out << prefix;
        } else if (o.raw) {
            c.out << "<" << (r.facility << 3 | r.level) << ">";
        }
        if (!o.no_time)
            c.out << format_log_timestamp(r.timestamp_ns) << " ";
        c.out << r.text << "\n";
    }
    if (o.clear_after)
        log.clear();
    return 0;
}

} // namespace ksim::shell
