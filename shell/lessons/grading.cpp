// Grading a class (see grading.h).
#include "shell/lessons/grading.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/program_options.hpp>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "shell/lessons/address_space_limit.h"
#include "shell/lessons/command_line.h"
#include "shell/lessons/lesson.h"
#include "shell/lessons/sandbox.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace ksim::lessons {

namespace {

struct Submission {
    std::string name;
    fs::path scratch; // a private copy of the submission...
    fs::path temporary; // ...and its TMPDIR: the only places its checks may write
    fs::path output; // where its JSON report goes
    pid_t pid = 0;
    std::chrono::steady_clock::time_point started;
    nlohmann::json report;
    std::string problem; // when no report came back
};

// The command that checks one submission: with bubblewrap, it sees only
// its own scratch copy (writable, with its TMPDIR) besides the system and
// ksim's installed files (see sandbox.h); the inner check does not sandbox
// itself again.
std::vector<std::string> check_command(const std::string& lesson, const Submission& s, bool sandbox)
{
    std::vector<std::string> arguments = {"check", lesson, s.scratch.string(), "--format", "json", "--no-sandbox"};
    if (sandbox)
        return sandbox_command({{}, {s.scratch, s.temporary}, s.temporary, s.scratch}, arguments);
    arguments.insert(arguments.begin(), fs::read_symlink("/proc/self/exe").string());
    return arguments;
}

void start(Submission& s, const std::vector<std::string>& command, rlim_t cpu_seconds, rlim_t memory)
{
    s.started = std::chrono::steady_clock::now();
    s.pid = fork();
    if (s.pid != 0)
        return;
    setpgid(0, 0); // its own process group: a timeout kills everything it started
    int out = open(s.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int null = open("/dev/null", O_RDWR);
    dup2(out, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    dup2(null, STDIN_FILENO);
    close(out);
    close(null);
    rlimit cpu {cpu_seconds, cpu_seconds};
    setrlimit(RLIMIT_CPU, &cpu);
    if (limit_address_space) {
        rlimit as {memory, memory};
        setrlimit(RLIMIT_AS, &as);
    }
    exec_command(command);
    _exit(127);
}

void finish(Submission& s, int status)
{
    std::ifstream in(s.output);
    try {
        s.report = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception&) {
        s.problem = WIFSIGNALED(status)  ? std::string("killed: ") + strsignal(WTERMSIG(status))
            : WEXITSTATUS(status) == 127 ? std::string("the checker could not start (is bubblewrap installed?)")
                                         : "no report (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    }
    s.pid = 0;
}

void draw_progress(size_t done, size_t total)
{
    constexpr int width = 30;
    int filled = total ? static_cast<int>(done * width / total) : width;
    std::cerr << "\r[" << std::string(static_cast<size_t>(filled), '#')
              << std::string(static_cast<size_t>(width - filled), '.') << "] " << done << "/" << total << std::flush;
}

std::string csv_field(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

} // namespace

int grade_command(const std::vector<std::string>& args)
{
    po::options_description options;
    options.add_options()(
        "jobs,j", po::value<unsigned>()->default_value(std::max(1U, std::thread::hardware_concurrency())))(
        "shard", po::value<std::string>())("out", po::value<std::string>()->default_value("grades"))(
        "timeout", po::value<unsigned>()->default_value(300))("no-sandbox", "");
    auto parsed = parse_arguments(args, options, "grade");
    if (!parsed)
        return 2;
    const po::variables_map& vm = parsed->options;
    const std::vector<std::string>& operands = parsed->operands;
    if (operands.size() != 2) {
        std::cerr
            << "usage: ksim grade LESSON DIR [--jobs N] [--shard I/N] [--out PREFIX] [--timeout S] [--no-sandbox]\n";
        return 2;
    }
    fs::path lesson_folder = find_lesson(operands[0]);
    auto lesson = lesson_folder.empty()
        ? std::variant<Lesson, LessonError>(LessonError {"no lesson '" + operands[0] + "'"})
        : load_lesson(lesson_folder);
    if (auto* error = std::get_if<LessonError>(&lesson)) {
        std::cerr << "ksim: " << error->message << "\n";
        return 2;
    }
    fs::path class_dir = fs::absolute(operands[1]).lexically_normal();
    if (!fs::is_directory(class_dir)) {
        std::cerr << "ksim: " << operands[1] << ": not a folder of submissions\n";
        return 2;
    }
    unsigned shard = 1, shards = 1;
    if (vm.count("shard")) {
        std::string text = vm["shard"].as<std::string>();
        if (std::sscanf(text.c_str(), "%u/%u", &shard, &shards) != 2 || shard < 1 || shard > shards) {
            std::cerr << "ksim grade: --shard takes I/N with 1 <= I <= N\n";
            return 2;
        }
    }
    bool sandbox = !vm.count("no-sandbox");
    if (sandbox && !sandbox_available()) {
        std::cerr << "ksim grade: bubblewrap (bwrap) cannot run here; install it (apt-get install bubblewrap) or pass "
                     "--no-sandbox to grade without isolating submissions\n";
        return 2;
    }

    std::vector<fs::path> folders;
    for (const auto& entry : fs::directory_iterator(class_dir))
        if (entry.is_directory())
            folders.push_back(entry.path());
    std::sort(folders.begin(), folders.end());
    std::string root_template = (fs::temp_directory_path() / "ksim-grade-XXXXXX").string();
    if (!mkdtemp(root_template.data())) {
        std::cerr << "ksim grade: cannot make a scratch folder: " << std::strerror(errno) << "\n";
        return 1;
    }
    fs::path scratch_root = root_template;
    std::vector<Submission> submissions;
    for (size_t i = 0; i < folders.size(); ++i) {
        if (i % shards != shard - 1)
            continue;
        Submission s;
        s.name = folders[i].filename().string();
        s.scratch = scratch_root / "work" / s.name;
        s.output = scratch_root / (s.name + ".json");
        fs::create_directories(s.scratch);
        fs::copy(folders[i], s.scratch, fs::copy_options::recursive);
        s.temporary = scratch_root / "tmp" / s.name;
        fs::create_directories(s.temporary);
        submissions.push_back(std::move(s));
    }

    unsigned jobs = std::max(1U, vm["jobs"].as<unsigned>());
    auto timeout = std::chrono::seconds(vm["timeout"].as<unsigned>());
    bool progress = isatty(STDERR_FILENO);
    size_t next = 0, done = 0, running = 0;
    std::map<pid_t, Submission*> by_pid;
    while (done < submissions.size()) {
        while (running < jobs && next < submissions.size()) {
            Submission& s = submissions[next++];
            start(s, check_command(operands[0], s, sandbox), static_cast<rlim_t>(timeout.count()), rlim_t {4} << 30);
            by_pid[s.pid] = &s;
            ++running;
        }
        int status = 0;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0 && by_pid.contains(pid)) {
            finish(*by_pid[pid], status);
            by_pid.erase(pid);
            --running;
            ++done;
            if (progress)
                draw_progress(done, submissions.size());
            continue;
        }
        for (auto& [child, s] : by_pid)
            if (std::chrono::steady_clock::now() - s->started > timeout)
                kill(-child, SIGKILL);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (progress)
        std::cerr << "\n";

    std::string prefix = vm["out"].as<std::string>();
    std::ofstream csv(prefix + ".csv");
    csv << "submission,score,passed,total,failed_checks\n";
    nlohmann::json summary = nlohmann::json::array();
    for (const Submission& s : submissions) {
        const nlohmann::json report = s.report.is_object() ? s.report : nlohmann::json::object();
        size_t passed = report.value("passed", 0), total = report.value("total", 0);
        std::vector<std::string> failed;
        for (const auto& c : report.value("checks", nlohmann::json::array()))
            if (!c.value("passed", false))
                failed.push_back(c.value("id", ""));
        if (!s.problem.empty())
            failed = {"(" + s.problem + ")"};
        double score = total ? 100.0 * static_cast<double>(passed) / static_cast<double>(total) : 0;
        std::ostringstream joined;
        for (size_t i = 0; i < failed.size(); ++i)
            joined << (i ? ";" : "") << failed[i];
        char score_text[16];
        std::snprintf(score_text, sizeof score_text, "%.0f", score);
        csv << csv_field(s.name) << "," << score_text << "," << passed << "," << total << "," << csv_field(joined.str())
            << "\n";
        nlohmann::json entry = {
            {"submission", s.name}, {"score", score}, {"passed", passed}, {"total", total}, {"failed_checks", failed}};
        if (!s.report.is_null())
            entry["report"] = s.report;
        summary.push_back(entry);
        std::cout << s.name << ": " << score_text << "% (" << passed << "/" << total << ")"
                  << (failed.empty() ? "" : " failed: " + joined.str()) << "\n";
    }
    std::ofstream(prefix + ".json") << summary.dump(2) << "\n";
    std::cout << "Wrote " << prefix << ".csv and " << prefix << ".json\n";
    fs::remove_all(scratch_root);
    return 0;
}

} // namespace ksim::lessons
