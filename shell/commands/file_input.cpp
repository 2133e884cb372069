// open_input() and report_error(): what the file-reading commands share.
#include <fcntl.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <string_view>

#include "shell/command.h"
#include "shell/interrupt.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

// Standard input, borrowed.
class BorrowedInput : public InputSource {
public:
    explicit BorrowedInput(InputSource& in)
        : m_in(in)
    {
    }
    ErrorOr<std::string> read(size_t count) override { return m_in.read(count); }

private:
    InputSource& m_in;
};

} // namespace

std::string quote_name(const std::string& name)
{
    auto needs_quotes = [&](size_t i) {
        unsigned char c = static_cast<unsigned char>(name[i]);
        if (c >= 0x80 || std::isalnum(c)
            || std::string_view("%+,-./@_").find(static_cast<char>(c)) != std::string_view::npos)
            return false;
        if (c == '#' || c == '~')
            return i == 0; // special only where a word starts
        if (c == '{' || c == '}')
            return name.size() == 1;
        return true;
    };
    bool plain = !name.empty();
    bool control = false;
    for (size_t i = 0; i < name.size(); ++i) {
        plain &= !needs_quotes(i);
        control |= std::iscntrl(static_cast<unsigned char>(name[i])) != 0;
    }
    if (plain)
        return name;
    if (!control && name.find('\'') == std::string::npos)
        return "'" + name + "'";
    if (!control && name.find_first_of("\"$`\\!") == std::string::npos)
        return "\"" + name + "\"";
    // 'a'$'\001''b': control bytes as octal escapes, quotes as \'.
    std::string quoted;
    bool open = false;
    for (char ch : name) {
        bool escape = std::iscntrl(static_cast<unsigned char>(ch)) || ch == '\'';
        if (escape == open) {
            quoted += open ? "'" : "";
            if (!escape)
                quoted += "'";
            open = !escape;
        }
        if (ch == '\'') {
            quoted += "\\'";
        } else if (escape) {
            char octal[8];
            std::snprintf(octal, sizeof octal, "$'\\%03o'", static_cast<unsigned char>(ch));
            quoted += octal;
        } else {
            quoted += ch;
        }
    }
    return quoted + (open ? "'" : "");
}

ErrorOr<std::unique_ptr<InputSource>> open_input(CommandContext& c, const std::string& path)
{
    if (path == "-")
        return std::unique_ptr<InputSource>(std::make_unique<BorrowedInput>(c.in));
    auto file = c.shell.open(path, O_RDONLY);
    if (file.is_error())
        return Errno {file.error()};
    return std::unique_ptr<InputSource>(std::make_unique<FileInput>(file.release_value()));
}

std::optional<std::string> read_whole_input(CommandContext& c, const std::string& path, int& status,
    const std::string& open_label, const std::string& read_label)
{
    auto input = open_input(c, path);
    if (input.is_error()) {
        status = report_error(c, open_label.empty() ? quote_name(path) : open_label, input.error());
        return std::nullopt;
    }
    auto all = input.value()->read_all();
    if (all.is_error()) {
        status = report_error(c, read_label.empty() ? quote_name(path) : read_label, all.error());
        return std::nullopt;
    }
    return all.release_value();
}

int report_error(CommandContext& c, const std::string& what, int error)
{
    if (task_died(error)) {
        // The shell says how a foreground process died; a job dies quietly.
        if (!c.shell.in_job())
            c.err << task_death_message(error) << "\n";
        return task_death_status(error);
    }
    c.err << c.args[0] << ": " << (what.empty() ? "" : what + ": ") << std::strerror(error) << "\n";
    return 1;
}

} // namespace ksim::shell
