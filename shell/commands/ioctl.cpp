// ioctl: call a device's unlocked_ioctl from user space, with the argument in user memory when the command says so.
#include <fcntl.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include "shell/command.h"
#include "shell/shell.h"
#include "uaccess/user_memory.h"

namespace ksim::shell {

namespace {

struct IoctlNumber {
    unsigned direction, type, number, size; // _IOC_DIR, _IOC_TYPE, _IOC_NR, _IOC_SIZE
};

IoctlNumber decode(unsigned command)
{
    return {command >> 30, (command >> 8) & 0xff, command & 0xff, (command >> 16) & 0x3fff};
}

// "_IOR('k', 1, 4)": the command as a driver's header writes it (size in bytes).
std::string describe(unsigned command)
{
    IoctlNumber n = decode(command);
    static const char* macros[] = {"_IO", "_IOW", "_IOR", "_IOWR"};
    char type[8];
    if (std::isprint(static_cast<int>(n.type)) && n.type != '\'')
        std::snprintf(type, sizeof type, "'%c'", n.type);
    else
        std::snprintf(type, sizeof type, "0x%02x", n.type);
    char text[64];
    if (n.direction == 0)
        std::snprintf(text, sizeof text, "_IO(%s, %u)", type, n.number);
    else
        std::snprintf(text, sizeof text, "%s(%s, %u, %u)", macros[n.direction], type, n.number, n.size);
    return text;
}

// A C integer literal (decimal, 0x hex, 0 octal, maybe negative) that fits in 64 bits.
bool parse_integer(const std::string& text, unsigned long long& value)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
        return false;
    char* end = nullptr;
    errno = 0;
    if (text[0] == '-') {
        long long signed_value = std::strtoll(text.c_str(), &end, 0);
        value = static_cast<unsigned long long>(signed_value);
    } else {
        value = std::strtoull(text.c_str(), &end, 0);
    }
    return errno == 0 && end == text.c_str() + text.size();
}

// The bytes an _IOR command returned: a number when it fits in 8 bytes, else text or hex.
std::string show_data(const std::string& bytes)
{
    if (bytes.size() <= 8) {
        unsigned long long value = 0;
        std::memcpy(&value, bytes.data(), bytes.size());
        char text[64];
        std::snprintf(text, sizeof text, "%llu (0x%llx)", value, value);
        return text;
    }
    size_t end = bytes.find('\0');
    std::string text = bytes.substr(0, end);
    bool printable = std::all_of(text.begin(), text.end(), [](unsigned char ch) { return std::isprint(ch); });
    if (printable)
        return std::string("\"").append(text).append("\"");
    std::string hex;
    for (unsigned char ch : bytes) {
        char pair[4];
        std::snprintf(pair, sizeof pair, "%02x", ch);
        hex.append(hex.empty() ? "" : " ").append(pair);
    }
    return hex;
}

} // namespace

int cmd_ioctl(CommandContext& c)
{
    if (c.args.size() < 3 || c.args.size() > 4) {
        c.err << "usage: ioctl PATH COMMAND [ARG]\n";
        return 1;
    }
    unsigned long long command = 0, number = 0;
    if (!parse_integer(c.args[2], command) || command > 0xffffffffULL) {
        c.err << "ioctl: invalid command number '" << c.args[2] << "'\n";
        return 1;
    }
    bool has_number = c.args.size() == 4 && parse_integer(c.args[3], number);
    auto file = c.shell.open(c.args[1], O_RDWR);
    if (file.is_error() && file.error() == EACCES)
        file = c.shell.open(c.args[1], O_RDONLY);
    if (file.is_error())
        return report_error(c, c.args[1], file.error());

    // For _IOW/_IOR the argument is a pointer to `size` bytes of the caller's
    // memory, which the driver copies with copy_from_user/copy_to_user.
    IoctlNumber n = decode(static_cast<unsigned>(command));
    const auto& memory = c.kernel.task().mm;
    unsigned long argument = has_number ? static_cast<unsigned long>(number) : 0;
    uintptr_t buffer = 0;
    if (n.direction != 0 && n.size > 0 && memory) {
        std::string bytes(n.size, '\0');
        if (c.args.size() == 4) {
            if (has_number)
                std::memcpy(bytes.data(), &number, std::min<size_t>(n.size, sizeof number));
            else
                std::memcpy(bytes.data(), c.args[3].data(), std::min<size_t>(n.size, c.args[3].size()));
        }
        buffer = memory->store(bytes);
        argument = buffer;
    }
    auto result = file.value()->ioctl(static_cast<unsigned>(command), argument);
    if (result.is_error())
        return report_error(c, c.args[1], result.error());
    c.out << describe(static_cast<unsigned>(command)) << " = " << result.value() << "\n";
    if (buffer && (n.direction & 2))
        c.out << "data: " << show_data(memory->load(buffer, n.size)) << "\n";
    return 0;
}

} // namespace ksim::shell
