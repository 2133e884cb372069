// Background jobs (`cmd &`): each runs in a task of its own while the shell goes on, as bash's do.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace ksim {
class KernelTask;
}

namespace ksim::shell {

struct Job {
    int id; // %1, %2, ...
    int pid; // the job's process
    std::string text; // the command as `jobs` shows it
    std::shared_ptr<KernelTask> task;
    std::thread thread;
    bool done = false; // guarded by JobTable's lock
    int status = 0;
};

class JobTable {
public:
    JobTable() = default;
    // Kills what still runs (SIGKILL) and waits for it; a job that cannot be
    // woken (asleep uninterruptibly) ends with the process instead.
    ~JobTable();
    JobTable(const JobTable&) = delete;
    JobTable& operator=(const JobTable&) = delete;

    // Starts `body` in a new thread as job `pid`; returns its number.
    int start(int pid, std::string text, std::shared_ptr<KernelTask> task, std::function<int()> body);
    // `%N`, `%%`, `%+`, `%-` or a pid -> the job, or null.
    Job* find(const std::string& spec);
    // Waits for a job to end and returns its status; the job is forgotten.
    int wait(Job& job);
    // Waits for every job.
    void wait_all();
    // bash's `jobs` lines; the jobs that ended are forgotten once shown.
    std::vector<std::string> report();

private:
    std::mutex m_lock;
    std::condition_variable m_ended;
    std::vector<std::unique_ptr<Job>> m_jobs;
};

} // namespace ksim::shell
