// Reads a module tree for depmod (see module_scan.h).
#include "shell/kmod/module_scan.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <variant>

#include "loader/elf_image.h"
#include "loader/modinfo.h"
#include "shell/command.h"

namespace ksim::shell::kmod {

namespace {

std::map<std::string, size_t> read_modules_order(const std::filesystem::path& dir)
{
    std::map<std::string, size_t> order;
    std::ifstream in(dir / "modules.order");
    std::string line;
    while (std::getline(in, line))
        order.try_emplace(line, order.size());
    return order;
}

} // namespace

std::vector<ModuleFile> scan_module_tree(const std::filesystem::path& dir, std::vector<std::string>& errors)
{
    static constexpr std::string_view ksymtab_prefix = "__ksymtab_";
    std::vector<ModuleFile> modules;
    std::error_code ec;
    // Symlinked folders inside the tree are not followed (they may loop).
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec) || it->path().extension() != ".ko")
            continue;
        std::string bytes;
        if (!read_host_file(it->path().string(), bytes)) {
            errors.push_back("could not open " + it->path().string());
            continue;
        }
        auto image = read_elf_image(std::as_bytes(std::span(bytes.data(), bytes.size())));
        if (auto* error = std::get_if<ElfError>(&image)) {
            errors.push_back(it->path().string() + ": " + error->message);
            continue;
        }
        const ElfImage& elf = std::get<ElfImage>(image);
        ModInfo info(elf.modinfo);
        ModuleFile module;
        module.relpath = std::filesystem::relative(it->path(), dir).string();
        module.name = module_name_from(info.get("name").value_or(module.relpath));
        module.modinfo = info.entries();
        for (const ElfSymbol& symbol : elf.symbols)
            if (symbol.name.starts_with(ksymtab_prefix))
                module.exports.push_back(symbol.name.substr(ksymtab_prefix.size()));
        for (const NeededSymbol& symbol : elf.needed)
            if (!symbol.weak)
                module.needed.push_back(symbol.name);
        modules.push_back(std::move(module));
    }
    std::map<std::string, size_t> order = read_modules_order(dir);
    auto rank = [&](const ModuleFile& m) {
        auto found = order.find(m.relpath);
        return found == order.end() ? order.size() : found->second;
    };
    std::sort(modules.begin(), modules.end(), [&](const ModuleFile& a, const ModuleFile& b) {
        return std::pair(rank(a), a.relpath) < std::pair(rank(b), b.relpath);
    });
    return modules;
}

} // namespace ksim::shell::kmod
