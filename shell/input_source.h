// A shell process's standard input: a pipe from the previous command, a file, or nothing.
#pragma once

#include <memory>
#include <string>

#include "shell/file_handle.h"

namespace ksim::shell {

class InputSource {
public:
    virtual ~InputSource() = default;
    // Up to `count` bytes; "" at end of input.
    virtual ErrorOr<std::string> read(size_t count) = 0;
    // Everything that is left.
    ErrorOr<std::string> read_all();
};

// /dev/null as standard input: commands run from a script do not read the script.
class EmptyInput : public InputSource {
public:
    ErrorOr<std::string> read(size_t) override { return std::string(); }
};

class StringInput : public InputSource {
public:
    explicit StringInput(std::string data)
        : m_data(std::move(data))
    {
    }
    ErrorOr<std::string> read(size_t count) override;

private:
    std::string m_data;
    size_t m_position = 0;
};

class FileInput : public InputSource {
public:
    explicit FileInput(std::shared_ptr<FileHandle> file)
        : m_file(std::move(file))
    {
    }
    ErrorOr<std::string> read(size_t count) override { return m_file->read(count); }

private:
    std::shared_ptr<FileHandle> m_file;
};

} // namespace ksim::shell
