// dmesg: print or control the kernel ring buffer, as util-linux's dmesg does.
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>
#include <vector>

#include "shell/command.h"
#include "shell/file_handle.h"
#include "shell/interrupt.h"
#include "shell/shell.h"
#include "syscalls/syscalls.h"

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
    bool follow = false; // -w: wait for new records until a signal ends it
    bool follow_new = false; // -W: only the new ones
    std::set<int> levels; // empty: all
    std::set<int> facilities; // empty: all
    int console_level = -1; // -n
    int console_action = -1; // -D or -E: sys::SYSLOG_ACTION_CONSOLE_OFF or _ON
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

// A record as dmesg knows it, from /dev/kmsg or syslog(2)'s buffer.
struct Record {
    int facility = 0;
    int level = 0;
    unsigned long long usec = 0; // since boot
    std::string text; // may hold more lines
};

// One /dev/kmsg read: "prio,seq,usec,flags;text\n", the text's control bytes
// and backslashes as \xNN; nullopt if it is not one.
std::optional<Record> parse_kmsg_record(std::string_view line)
{
    unsigned priority = 0;
    unsigned long long seq = 0;
    Record r;
    int header = 0;
    std::string head(line.substr(0, line.find(';')));
    if (line.find(';') == std::string_view::npos
        || std::sscanf(head.c_str(), "%u,%llu,%llu,%n", &priority, &seq, &r.usec, &header) != 3 || header == 0)
        return std::nullopt;
    r.facility = static_cast<int>(priority >> 3);
    r.level = static_cast<int>(priority & 7);
    std::string_view text = line.substr(head.size() + 1);
    // Continuation lines (" SUBSYSTEM=...") follow the first newline.
    text = text.substr(0, text.find('\n'));
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned byte = 0;
        if (text[i] == '\\' && i + 3 < text.size() && text[i + 1] == 'x'
            && std::sscanf(std::string(text.substr(i + 2, 2)).c_str(), "%2x", &byte) == 1) {
            r.text += static_cast<char>(byte);
            i += 3;
        } else {
            r.text += text[i];
        }
    }
    return r;
}

// syslog(2)'s buffer: "<prio>[    s.uuuuuu] text" lines; each line is a record.
std::vector<Record> parse_syslog_buffer(std::string_view buffer)
{
    std::vector<Record> records;
    while (!buffer.empty()) {
        std::string line(buffer.substr(0, buffer.find('\n')));
        buffer.remove_prefix(std::min(buffer.size(), line.size() + 1));
        Record r;
        unsigned priority = 0;
        unsigned long seconds = 0, micros = 0;
        int text = 0;
        if (std::sscanf(line.c_str(), "<%u>[%lu.%lu] %n", &priority, &seconds, &micros, &text) == 3 && text > 0) {
            r.facility = static_cast<int>(priority >> 3);
            r.level = static_cast<int>(priority & 7);
            r.usec = seconds * 1000000ULL + micros;
            line.erase(0, static_cast<size_t>(text));
        }
        r.text = line;
        records.push_back(std::move(r));
    }
    return records;
}

// One record as dmesg prints it, unless the options filter it out.
void print_record(CommandContext& c, const Options& o, const Record& r)
{
    if (!o.levels.empty() && !o.levels.count(r.level))
        return;
    if (!o.facilities.empty() && !o.facilities.count(r.facility))
        return;
    std::string prefix;
    if (o.decode && static_cast<size_t>(r.facility) < facility_names.size()) {
        char decoded[32];
        std::snprintf(decoded, sizeof decoded, "%-6s:%-6s: ", facility_names[static_cast<size_t>(r.facility)],
            level_names[static_cast<size_t>(r.level)]);
        prefix = decoded;
    } else if (o.raw) {
        char raw[16];
        std::snprintf(raw, sizeof raw, "<%d>", r.facility << 3 | r.level);
        prefix = raw;
    }
    if (!o.no_time) {
        char stamp[48];
        std::snprintf(stamp, sizeof stamp, "[%5llu.%06llu] ", r.usec / 1000000, r.usec % 1000000);
        prefix += stamp;
    }
    c.out << prefix;
    // As util-linux's safe_fwrite(): the lines after the first of a record
    // start under its text, and control characters print as \xNN.
    const std::string& text = r.text;
    for (size_t i = 0; i < text.size(); ++i) {
        auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n' && i + 1 < text.size())
            c.out << '\n' << std::string(prefix.size(), ' ');
        else if (byte < 0x80 && !std::isprint(byte) && !std::isspace(byte)) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\x%02x", byte);
            c.out << escaped;
        } else
            c.out << text[i];
    }
    c.out << "\n";
}

// The records from an open /dev/kmsg: since the last clear (SEEK_DATA), or
// only new ones for -W; -w blocks for more until a signal ends dmesg.
// Returns 0 or -errno; a death by signal sets `status`.
long print_kmsg(CommandContext& c, const Options& o, FileHandle& kmsg, int& status)
{
    if (auto sought = kmsg.seek(0, o.follow_new ? SEEK_END : SEEK_DATA); sought.is_error())
        return -sought.error();
    while (true) {
        auto got = kmsg.read(8192);
        if (got.is_error()) {
            int error = got.error();
            if (error == EPIPE) // overwritten while we read: go on with the next
                continue;
            if (error == EAGAIN)
                return 0;
            if (task_died(error)) {
                status = task_death_status(error);
                return 0;
            }
            return -error;
        }
        if (auto record = parse_kmsg_record(got.value()))
            print_record(c, o, *record);
        if (o.follow)
            c.out.flush();
    }
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
        else if (a == "-w" || a == "--follow")
            o.follow = true;
        else if (a == "-W" || a == "--follow-new")
            o.follow = o.follow_new = true;
        else if (a == "-D" || a == "--console-off")
            o.console_action = sys::SYSLOG_ACTION_CONSOLE_OFF;
        else if (a == "-E" || a == "--console-on")
            o.console_action = sys::SYSLOG_ACTION_CONSOLE_ON;
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
                     " -D, --console-off           disable printing messages to console\n"
                     " -E, --console-on            enable printing messages to console\n"
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

    // util-linux's dmesg: klogctl() for the console and for clearing,
    // /dev/kmsg for reading, and syslog(2)'s buffer when /dev/kmsg cannot be opened.
    if (o.console_level >= 0 || o.console_action >= 0) {
        long done = o.console_level >= 0 ? sys::syslog(sys::SYSLOG_ACTION_CONSOLE_LEVEL, nullptr, o.console_level)
                                          : sys::syslog(o.console_action, nullptr, 0);
        return done < 0 ? report_error(c, "klogctl failed", static_cast<int>(-done)) : 0;
    }
    if (o.clear_only) {
        long cleared = sys::syslog(sys::SYSLOG_ACTION_CLEAR, nullptr, 0);
        return cleared < 0 ? report_error(c, "clear kernel buffer failed", static_cast<int>(-cleared)) : 0;
    }
    int status = 0;
    long result = 0;
    // Anyone may open /dev/kmsg unless kernel.dmesg_restrict is set.
    auto kmsg = c.shell.open("/dev/kmsg", O_RDONLY | (o.follow ? 0 : O_NONBLOCK));
    if (!kmsg.is_error()) {
        result = print_kmsg(c, o, *kmsg.value(), status);
        if (result == 0 && status == 0 && o.clear_after)
            result = sys::syslog(sys::SYSLOG_ACTION_CLEAR, nullptr, 0);
    } else {
        long size = sys::syslog(sys::SYSLOG_ACTION_SIZE_BUFFER, nullptr, 0);
        std::string buffer(size > 0 ? static_cast<size_t>(size) : 16 * 1024, '\0');
        result = sys::syslog(o.clear_after ? sys::SYSLOG_ACTION_READ_CLEAR : sys::SYSLOG_ACTION_READ_ALL, buffer.data(),
            static_cast<int>(buffer.size()));
        if (result > 0)
            for (const Record& r : parse_syslog_buffer(std::string_view(buffer).substr(0, static_cast<size_t>(result))))
                print_record(c, o, r);
    }
    if (result < 0)
        return report_error(c, "read kernel buffer failed", static_cast<int>(-result));
    return status;
}

} // namespace ksim::shell
