// open_input() and report_error(): what the file-reading commands share.
#include <cerrno>
#include <cstring>
#include <ostream>

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

ErrorOr<std::unique_ptr<InputSource>> open_input(CommandContext& c, const std::string& path)
{
    if (path == "-")
        return std::unique_ptr<InputSource>(std::make_unique<BorrowedInput>(c.in));
    auto file = c.shell.open(path, open_read_only);
    if (file.is_error())
        return Errno {file.error()};
    return std::unique_ptr<InputSource>(std::make_unique<FileInput>(file.release_value()));
}

std::optional<std::string> read_whole_input(CommandContext& c, const std::string& path, int& status,
    const std::string& open_label, const std::string& read_label)
{
    auto input = open_input(c, path);
    if (input.is_error()) {
        status = report_error(c, open_label.empty() ? path : open_label, input.error());
        return std::nullopt;
    }
    auto all = input.value()->read_all();
    if (all.is_error()) {
        status = report_error(c, read_label.empty() ? path : read_label, all.error());
        return std::nullopt;
    }
    return all.release_value();
}

int report_error(CommandContext& c, const std::string& what, int error)
{
    if (task_died(error)) {
        c.err << task_death_message(error) << "\n";
        return task_death_status(error);
    }
    if (error == interrupted_error) {
        c.err << "\n";
        return 130;
    }
    c.err << c.args[0] << ": " << (what.empty() ? "" : what + ": ") << std::strerror(error) << "\n";
    return 1;
}

} // namespace ksim::shell
