// The <module>.mod.c text (see mod_c.h).
#include "mod_c.h"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace ksim::modpost {

namespace {

std::string crc_table(const char* array, const char* section, const SymbolCrcs& crcs)
{
    if (crcs.empty())
        return "";
    std::string text = std::string("\nstatic const struct modversion_info ") + array + "[] __used __section(\""
        + section + "\") = {\n";
    for (const auto& [name, crc] : crcs) {
        char line[128];
        std::snprintf(line, sizeof line, "\t{ 0x%08x, \"%s\" },\n", crc, name.c_str());
        text += line;
    }
    return text + "};\n";
}

} // namespace

std::string mod_c_text(const std::string& module_path, const std::vector<std::string>& depends,
    const SymbolCrcs& versions, const SymbolCrcs& export_crcs)
{
    std::string list;
    for (const std::string& name : depends)
        list += (list.empty() ? "" : ",") + name;
    std::string file = module_path.substr(module_path.rfind('/') + 1);
    return "/* " + file
        + ".mod.c: written by modpost, do not edit.\n"
          " * The record the kernel reads (__this_module) and the .modinfo tags the\n"
          " * build adds: depends, retpoline, name, vermagic. */\n"
          "#define KSIM_MODULE_DEPENDS \""
        + list
        + "\"\n"
          "#include <ksim/this_module.h>\n"
        + crc_table("____versions", "__versions", versions)
        + crc_table("____export_crcs", "__ksim_kcrctab", export_crcs);
}

bool write_if_changed(const std::string& path, const std::string& text)
{
    std::ifstream existing(path, std::ios::binary);
    if (existing) {
        std::string old((std::istreambuf_iterator<char>(existing)), std::istreambuf_iterator<char>());
        if (old == text)
            return true;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    return static_cast<bool>(out.flush());
}

} // namespace ksim::modpost
