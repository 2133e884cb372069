// modinfo: a module file's .modinfo tags in kmod's layout, read without running the module.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <span>
#include <variant>

#include "loader/elf_image.h"
#include "loader/modinfo.h"
#include "loader/module_signature.h"
#include "shell/command.h"
#include "shell/kmod/lookup.h"
#include "shell/shell.h"

namespace ksim::shell {

namespace {

struct ParamLine {
    std::string name;
    std::string description;
    std::string type;
    bool has_description = false;
};

// Bytes as kmod shows keys and signatures: "01:AB:...", 20 to a line, the
// following lines indented by two tabs.
std::string hex_lines(const std::string& bytes)
{
    std::string text;
    for (size_t i = 0; i < bytes.size(); ++i) {
        char pair[4];
        std::snprintf(pair, sizeof pair, "%02X", static_cast<unsigned char>(bytes[i]));
        text += pair;
        if (i + 1 < bytes.size())
            text += (i + 1) % 20 == 0 ? ":\n\t\t" : ":";
    }
    return text;
}

// parm= and parmtype= entries merged per parameter. kmod lists them in the
// reverse of their order in .modinfo, which is the order the source declares them.
std::vector<ParamLine> collect_params(const ModInfo& info)
{
    std::vector<ParamLine> params;
    for (const auto& [key, value] : info.entries()) {
        if (key != "parm" && key != "parmtype")
            continue;
        size_t colon = value.find(':');
        std::string name = value.substr(0, colon);
        std::string rest = colon == std::string::npos ? "" : value.substr(colon + 1);
        auto it = std::find_if(params.begin(), params.end(), [&](const ParamLine& p) { return p.name == name; });
        if (it == params.end()) {
            it = params.insert(params.begin(), {name, "", "", false});
        }
        if (key == "parm") {
            it->description = rest;
            it->has_description = true;
        } else {
            it->type = rest;
        }
    }
    return params;
}

std::string param_text(const ParamLine& p)
{
    if (p.has_description)
        return p.name + ":" + p.description + (p.type.empty() ? "" : " (" + p.type + ")");
    return p.name + ":" + p.type;
}

} // namespace

int cmd_modinfo(CommandContext& c)
{
    std::string field;
    char separator = '\n';
    std::vector<std::string> files;
    for (size_t i = 1; i < c.args.size(); ++i) {
        const std::string& a = c.args[i];
        if ((a == "-F" || a == "--field") && i + 1 < c.args.size())
            field = c.args[++i];
        else if (a.starts_with("-F") && a.size() > 2)
            field = a.substr(2);
        else if (a == "-0" || a == "--null")
            separator = '\0';
        else if (a == "-a" || a == "--author")
            field = "author";
        else if (a == "-d" || a == "--description")
            field = "description";
        else if (a == "-l" || a == "--license")
            field = "license";
        else if (a == "-p" || a == "--parameters")
            field = "parm";
        else if (a == "-n" || a == "--filename")
            field = "filename";
        else
            files.push_back(a);
    }
    if (files.empty()) {
        c.err << "modinfo: ERROR: missing module or filename.\n";
        return 1;
    }
    int status = 0;
    kmod::ModuleTree tree = kmod::ModuleTree::open(c.shell);
    for (const std::string& file : files) {
        // kmod reads an existing .ko file directly and looks anything else
        // up in modules.dep and the aliases (a loaded module it cannot find
        // there is "not found", as on Linux).
        std::string image;
        std::string path = c.shell.host_path(file);
        std::error_code ec;
        bool is_file = file.ends_with(".ko") && std::filesystem::is_regular_file(path, ec);
        if (!is_file) {
            std::vector<std::string> names = tree.lookup(file);
            std::optional<std::filesystem::path> found = names.empty() ? std::nullopt : tree.file_of(names[0]);
            path = found ? found->string() : path;
        }
        if (!read_host_file(path, image)) {
            c.err << "modinfo: ERROR: Module " << file << " not found.\n";
            status = 1;
            continue;
        }
        auto parsed = read_elf_image(std::as_bytes(std::span(image.data(), image.size())));
        if (std::holds_alternative<ElfError>(parsed)) {
            c.err << "modinfo: ERROR: could not get modinfo from '" << module_name_from(file)
                  << "': Invalid argument\n";
            status = 1;
            continue;
        }
        ModInfo info(std::get<ElfImage>(parsed).modinfo);
        // As libkmod does, the signature's details follow the module's own tags.
        std::vector<std::pair<std::string, std::string>> entries = info.entries();
        if (auto signature = describe_module_signature(std::as_bytes(std::span(image.data(), image.size())))) {
            entries.emplace_back("sig_id", signature->id_type);
            entries.emplace_back("signer", signature->signer);
            entries.emplace_back("sig_key", hex_lines(signature->key_id));
            entries.emplace_back("sig_hashalgo", signature->hash_algo);
            entries.emplace_back("signature", hex_lines(signature->signature));
        }
        std::string filename = c.shell.shown_path(std::filesystem::absolute(path));
        std::vector<ParamLine> params = collect_params(info);

        if (!field.empty()) {
            if (field == "filename")
                c.out << filename << separator;
            else if (field == "parm")
                for (const ParamLine& p : params)
                    c.out << (p.has_description ? param_text(p) : p.name + ": (" + p.type + ")") << separator;
            else
                for (const auto& [key, value] : entries)
                    if (key == field)
                        c.out << value << separator;
            continue;
        }
        auto line = [&](const std::string& key, const std::string& value) {
            int pad = 15 - static_cast<int>(key.size());
            c.out << key << ":" << std::string(pad > 0 ? static_cast<size_t>(pad) : 0, ' ') << value << separator;
        };
        line("filename", filename);
        for (const auto& [key, value] : entries)
            if (key != "parm" && key != "parmtype")
                line(key, value);
        for (const ParamLine& p : params)
            line("parm", param_text(p));
    }
    return status;
}

} // namespace ksim::shell
