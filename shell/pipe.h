// A pipe between two commands of a pipeline that run at the same time: 64 KiB, as Linux's default.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <streambuf>
#include <string>
#include <string_view>

#include "shell/input_source.h"

namespace ksim::shell {

class Pipe {
public:
    static constexpr size_t capacity = 64 << 10; // PIPE_DEF_BUFFERS pages

    // Blocks while the pipe is full; EPIPE once no reader is left (the
    // writer then dies of SIGPIPE, as on Linux).
    ErrorOr<size_t> write(std::string_view data);
    // Blocks while the pipe is empty and a writer is left; "" at end of file.
    ErrorOr<std::string> read(size_t count);
    void close_writer();
    void close_reader();

private:
    // Waits for `ready`, in slices, so a signal for the waiting process is seen.
    ErrorOr<void> wait_for(std::unique_lock<std::mutex>& lock, const std::function<bool()>& ready);

    std::mutex m_lock;
    std::condition_variable m_changed;
    std::string m_data;
    bool m_writer_open = true;
    bool m_reader_open = true;
};

// The reading end as a command's standard input.
class PipeInput : public InputSource {
public:
    explicit PipeInput(std::shared_ptr<Pipe> pipe)
        : m_pipe(std::move(pipe))
    {
    }
    ErrorOr<std::string> read(size_t count) override { return m_pipe->read(count); }

private:
    std::shared_ptr<Pipe> m_pipe;
};

// The writing end as a command's standard output.
class PipeOutput : public std::streambuf {
public:
    explicit PipeOutput(std::shared_ptr<Pipe> pipe)
        : m_pipe(std::move(pipe))
    {
    }

protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* s, std::streamsize n) override;

private:
    std::shared_ptr<Pipe> m_pipe;
};

} // namespace ksim::shell
