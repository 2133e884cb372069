// Background jobs (see jobs.h).
#include "shell/jobs.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>

#include "core/kernel.h"
#include "sched/scheduler.h"

namespace ksim::shell {

namespace {

// How bash names a job's state in `jobs`.
std::string state_text(const Job& job)
{
    if (!job.done)
        return "Running";
    if (job.status == 0)
        return "Done";
    if (job.status > 128) {
        switch (job.status - 128) {
        case SIGINT:
            return "Interrupt";
        case SIGKILL:
            return "Killed";
        case SIGTERM:
            return "Terminated";
        case SIGHUP:
            return "Hangup";
        case SIGSEGV:
            return "Segmentation fault";
        default:
            break;
        }
    }
    return "Exit " + std::to_string(job.status);
}

} // namespace

JobTable::~JobTable()
{
    std::unique_lock lock(m_lock);
    for (auto& job : m_jobs)
        if (!job->done)
            Kernel::current().scheduler().signal_group(job->pid, SIGKILL);
    bool all_ended = m_ended.wait_for(lock, std::chrono::seconds(2),
        [&] { return std::all_of(m_jobs.begin(), m_jobs.end(), [](const auto& j) { return j->done; }); });
    for (auto& job : m_jobs) {
        if (job->done)
            job->thread.join();
        else
            job->thread.detach();
    }
    if (!all_ended) {
        // A job asleep where no signal reaches it would use the kernel as it
        // goes away: end the process now, as the machine would be switched off.
        std::fflush(nullptr);
        std::_Exit(0);
    }
}

int JobTable::start(int pid, std::string text, std::shared_ptr<KernelTask> task, std::function<int()> body)
{
    std::lock_guard lock(m_lock);
    auto job = std::make_unique<Job>();
    Job* raw = job.get();
    raw->id = m_jobs.empty() ? 1 : m_jobs.back()->id + 1;
    raw->pid = pid;
    raw->text = std::move(text);
    raw->task = std::move(task);
    m_jobs.push_back(std::move(job));
    raw->thread = std::thread([this, raw, body = std::move(body)] {
        int status = body();
        std::lock_guard done_lock(m_lock);
        raw->status = status;
        raw->done = true;
        m_ended.notify_all();
    });
    return raw->id;
}

Job* JobTable::find(const std::string& spec)
{
    std::lock_guard lock(m_lock);
    if (m_jobs.empty())
        return nullptr;
    if (spec == "%%" || spec == "%+" || spec == "%")
        return m_jobs.back().get();
    if (spec == "%-")
        return m_jobs.size() > 1 ? m_jobs[m_jobs.size() - 2].get() : nullptr;
    bool by_id = spec.starts_with('%');
    std::string digits = by_id ? spec.substr(1) : spec;
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 9)
        return nullptr;
    int number = std::stoi(digits);
    for (auto& job : m_jobs)
        if ((by_id ? job->id : job->pid) == number)
            return job.get();
    return nullptr;
}

int JobTable::wait(Job& job)
{
    std::unique_lock lock(m_lock);
    m_ended.wait(lock, [&] { return job.done; });
    int status = job.status;
    job.thread.join();
    std::erase_if(m_jobs, [&](const auto& j) { return j.get() == &job; });
    return status;
}

void JobTable::wait_all()
{
    std::unique_lock lock(m_lock);
    m_ended.wait(
        lock, [&] { return std::all_of(m_jobs.begin(), m_jobs.end(), [](const auto& j) { return j->done; }); });
    for (auto& job : m_jobs)
        job->thread.join();
    m_jobs.clear();
}

std::vector<std::string> JobTable::report()
{
    std::lock_guard lock(m_lock);
    std::vector<std::string> lines;
    for (size_t i = 0; i < m_jobs.size(); ++i) {
        const Job& job = *m_jobs[i];
        char mark = i + 1 == m_jobs.size() ? '+' : i + 2 == m_jobs.size() ? '-' : ' ';
        char line[64];
        std::snprintf(line, sizeof line, "[%d]%c  %-24s", job.id, mark, state_text(job).c_str());
        lines.push_back(line + job.text + (job.done ? "" : " &"));
    }
    for (auto& job : m_jobs)
        if (job->done)
            job->thread.join();
    std::erase_if(m_jobs, [](const auto& j) { return j->done; });
    return lines;
}

} // namespace ksim::shell
