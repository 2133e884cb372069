// The lesson commands (see lesson_tool.h).
#include "shell/lessons/lesson_tool.h"

#include <boost/program_options.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "shell/lessons/check_runner.h"
#include "shell/lessons/sandbox.h"
#include "shell/lessons/command_line.h"
#include "shell/lessons/grading.h"
#include "shell/lessons/lesson.h"
#include "shell/lessons/module_build.h"
#include "shell/lessons/report.h"

namespace po = boost::program_options;

namespace ksim::lessons {

namespace {

constexpr const char* usage
    = "Usage:\n"
      "  ksim lesson list                      the lessons, in order\n"
      "  ksim lesson show LESSON               a lesson's text\n"
      "  ksim lesson start LESSON DIR          copy the starter files into DIR\n"
      "  ksim lesson validate [LESSON ...]     check lesson files for mistakes\n"
      "  ksim check LESSON PATH [--format human|json|junit|tap] [--seed N] [--no-sandbox]\n"
      "                                        grade a module (a .ko or a source folder)\n"
      "  ksim grade LESSON DIR [--jobs N] [--shard I/N] [--out PREFIX] [--timeout S] [--no-sandbox]\n"
      "                                        grade every submission folder in DIR\n";

std::variant<Lesson, LessonError> open_lesson(const std::string& name)
{
    std::filesystem::path folder = find_lesson(name);
    if (folder.empty())
        return LessonError {"no lesson '" + name + "' in " + lessons_root().string() + " (see: ksim lesson list)"};
    return load_lesson(folder);
}

int lesson_list()
{
    for (const auto& folder : lesson_folders()) {
        auto lesson = load_lesson(folder);
        std::cout << folder.filename().string() << "  "
                  << (std::holds_alternative<Lesson>(lesson) ? std::get<Lesson>(lesson).title : "(invalid lesson file)")
                  << "\n";
    }
    return 0;
}

int lesson_show(const std::string& name)
{
    std::filesystem::path folder = find_lesson(name);
    if (folder.empty()) {
        std::cerr << "ksim: no lesson '" << name << "' (see: ksim lesson list)\n";
        return 2;
    }
    std::filesystem::path readme = folder / "README.md";
    std::error_code ec;
    std::ifstream text(readme);
    if (std::filesystem::is_directory(readme, ec) || !text) {
        std::cerr << "ksim: " << readme.string() << ": cannot be read\n";
        return 2;
    }
    std::cout << std::string((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    return 0;
}

int lesson_start(const std::string& name, const std::filesystem::path& target)
{
    std::filesystem::path folder = find_lesson(name);
    if (folder.empty() || !std::filesystem::is_directory(folder / "starter")) {
        std::cerr << "ksim: no lesson '" << name << "' (see: ksim lesson list)\n";
        return 2;
    }
    std::error_code ec;
    if (std::filesystem::exists(target) && !std::filesystem::is_empty(target, ec)) {
        std::cerr << "ksim: " << target.string() << " is not empty; choose a new folder\n";
        return 2;
    }
    std::filesystem::create_directories(target, ec);
    std::filesystem::copy(folder / "starter", target, std::filesystem::copy_options::recursive, ec);
    if (ec) {
        std::cerr << "ksim: cannot copy the starter files to " << target.string() << ": " << ec.message() << "\n";
        return 1;
    }
    // The Makefile learns where this ksim's SDK is, so a plain `make` builds.
    std::filesystem::path makefile = target / "Makefile";
    std::ifstream in(makefile);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (size_t at = text.find("@KSIM_SDK@"); at != std::string::npos) {
        text.replace(at, 10, sdk_folder().string());
        std::ofstream(makefile) << text;
    }
    std::cout << "The starter files of " << folder.filename().string() << " are in " << target.string()
              << ".\nRead the lesson with: ksim lesson show " << name << "\nBuild with: make -C " << target.string()
              << "\nCheck your work with: ksim check " << name << " " << target.string() << "\n";
    return 0;
}

int lesson_validate(const std::vector<std::string>& names)
{
    std::vector<std::filesystem::path> folders;
    // A lesson's name or number first; else a folder (a lesson being written).
    for (const std::string& name : names) {
        std::filesystem::path lesson = find_lesson(name);
        folders.push_back(lesson.empty() ? std::filesystem::path(name) : lesson);
    }
    if (names.empty())
        folders = lesson_folders();
    int status = 0;
    for (const auto& folder : folders) {
        auto lesson = load_lesson(folder);
        if (auto* error = std::get_if<LessonError>(&lesson)) {
            std::cerr << error->message << "\n";
            status = 1;
            continue;
        }
        for (const char* required : {"README.md", "starter"})
            if (!std::filesystem::exists(folder / required)) {
                std::cerr << (folder / required).string() << ": missing\n";
                status = 1;
            }
        if (status == 0)
            std::cout << folder.filename().string() << ": " << std::get<Lesson>(lesson).checks.size()
                      << " checks, ok\n";
    }
    return status;
}

int check(const std::vector<std::string>& args)
{
    po::options_description options;
    options.add_options()("format", po::value<std::string>()->default_value("human"))("seed", po::value<unsigned>())(
        "no-sandbox", "");
    auto parsed = parse_arguments(args, options, "check");
    if (!parsed) {
        std::cerr << usage;
        return 2;
    }
    const po::variables_map& vm = parsed->options;
    const std::vector<std::string>& operands = parsed->operands;
    ReportFormat format;
    if (operands.size() != 2 || !parse_report_format(vm["format"].as<std::string>(), format)) {
        std::cerr << usage;
        return 2;
    }
    auto lesson = open_lesson(operands[0]);
    if (auto* error = std::get_if<LessonError>(&lesson)) {
        std::cerr << "ksim: " << error->message << "\n";
        return 2;
    }
    if (!std::filesystem::exists(operands[1])) {
        std::cerr << "ksim: " << operands[1] << ": No such file or directory\n";
        return 2;
    }
    if (!vm.count("no-sandbox")) {
        // Checked where the submission sees only itself, the system and ksim
        // (see sandbox.h): the same view as ksim grade's.
        if (sandbox_available()) {
            std::filesystem::path submission = std::filesystem::absolute(operands[1]).lexically_normal();
            std::vector<std::string> arguments = {
                "check", operands[0], submission.string(), "--format", vm["format"].as<std::string>(), "--no-sandbox"};
            if (vm.count("seed"))
                arguments.insert(arguments.end(), {"--seed", std::to_string(vm["seed"].as<unsigned>())});
            exec_command(sandbox_command({{submission}, {}, {}, submission.parent_path()}, arguments));
        }
        std::cerr << "ksim check: bubblewrap (bwrap) cannot run here: checking without hiding the rest of the "
                     "machine from the module\n";
    }
    CheckOptions check_options;
    if (vm.count("seed"))
        check_options.seed = vm["seed"].as<unsigned>();
    auto results = check_module(std::get<Lesson>(lesson), operands[1], check_options);
    write_report(std::cout, format, std::get<Lesson>(lesson), operands[1], results);
    bool all = std::all_of(results.begin(), results.end(), [](const auto& r) { return r.passed; });
    return all ? 0 : 1;
}

} // namespace

bool is_lesson_command(int argc, char** argv)
{
    return argc > 1
        && (std::strcmp(argv[1], "lesson") == 0 || std::strcmp(argv[1], "check") == 0
            || std::strcmp(argv[1], "grade") == 0);
}

int run_lesson_command(int argc, char** argv)
{
    std::string command = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (command == "check")
        return check(args);
    if (command == "grade")
        return grade_command(args);
    std::string sub = args.empty() ? "" : args[0];
    if (sub == "list" && args.size() == 1)
        return lesson_list();
    if (sub == "show" && args.size() == 2)
        return lesson_show(args[1]);
    if (sub == "start" && args.size() == 3)
        return lesson_start(args[1], args[2]);
    if (sub == "validate")
        return lesson_validate({args.begin() + 1, args.end()});
    std::cerr << usage;
    return 2;
}

} // namespace ksim::lessons
