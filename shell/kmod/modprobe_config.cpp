// modprobe.d parsing (see modprobe_config.h).
#include "shell/kmod/modprobe_config.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>

namespace ksim::shell::kmod {

namespace {

// kmod's underscores(): '-' and '_' are the same in names and aliases.
std::string underscores(std::string text)
{
    std::replace(text.begin(), text.end(), '-', '_');
    return text;
}

void parse_file(const std::filesystem::path& file, const std::string& shown, ModprobeConfig& config)
{
    std::ifstream in(file);
    std::string line, logical;
    unsigned number = 0;
    while (std::getline(in, line)) {
        ++number;
        // A trailing backslash continues the line.
        if (!line.empty() && line.back() == '\\') {
            logical += line.substr(0, line.size() - 1);
            continue;
        }
        logical += line;
        std::string text = std::move(logical);
        logical.clear();
        size_t start = text.find_first_not_of(" \t");
        if (start == std::string::npos || text[start] == '#')
            continue;
        std::istringstream words(text);
        std::string keyword, name;
        words >> keyword >> name;
        std::string rest;
        std::getline(words >> std::ws, rest);
        bool ok = !name.empty();
        if (keyword == "alias" && ok && !rest.empty())
            config.aliases.emplace_back(underscores(name), underscores(rest));
        else if (keyword == "options" && ok) {
            std::string& options = config.options[underscores(name)];
            options += (options.empty() || rest.empty() ? "" : " ") + rest;
        } else if (keyword == "softdep" && ok)
            config.softdeps[underscores(name)] = rest;
        else if (keyword == "blacklist" && ok)
            config.blacklist.insert(underscores(name));
        else
            config.warnings.push_back(
                shown + " line " + std::to_string(number) + ": ignoring bad line starting with '" + keyword + "'");
    }
}

} // namespace

std::string ModprobeConfig::options_of(const std::string& name) const
{
    auto found = options.find(underscores(name));
    return found == options.end() ? std::string() : found->second;
}

ModprobeConfig read_modprobe_config(const std::vector<std::filesystem::path>& sources,
    const std::function<std::string(const std::filesystem::path&)>& shown_as)
{
    ModprobeConfig config;
    for (const std::filesystem::path& source : sources) {
        std::error_code ec;
        if (!std::filesystem::is_directory(source, ec)) {
            if (std::filesystem::exists(source, ec))
                parse_file(source, shown_as(source), config);
            continue;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::directory_iterator(source, ec))
            if (entry.path().extension() == ".conf")
                files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& file : files)
            parse_file(file, shown_as(file), config);
    }
    return config;
}

} // namespace ksim::shell::kmod
