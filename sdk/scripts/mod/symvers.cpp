// Module.symvers reading and writing (see symvers.h).
#include "symvers.h"

#include <charconv>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ksim::modpost {

namespace {

std::vector<std::string> split_tabs(const std::string& line)
{
    std::vector<std::string> fields;
    std::istringstream in(line);
    std::string field;
    while (std::getline(in, field, '\t'))
        fields.push_back(field);
    if (!line.empty() && line.back() == '\t')
        fields.emplace_back();
    return fields;
}

} // namespace

std::optional<std::vector<SymversEntry>> read_symvers(const std::string& path, std::string& bad_line)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    std::vector<SymversEntry> entries;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> fields = split_tabs(line);
        uint32_t crc = 0;
        bool crc_ok = fields.size() >= 4 && fields[0].starts_with("0x")
            && std::from_chars(fields[0].data() + 2, fields[0].data() + fields[0].size(), crc, 16).ec == std::errc {};
        if (!crc_ok || (fields[3] != "EXPORT_SYMBOL" && fields[3] != "EXPORT_SYMBOL_GPL")) {
            if (bad_line.empty())
                bad_line = line;
            continue;
        }
        SymversEntry entry;
        entry.crc = crc;
        entry.symbol = fields[1];
        entry.module = fields[2];
        entry.gpl_only = fields[3] == "EXPORT_SYMBOL_GPL";
        entry.name_space = fields.size() > 4 ? fields[4] : "";
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string format_symvers(const std::vector<SymversEntry>& entries)
{
    std::string text;
    for (const SymversEntry& e : entries) {
        char crc[16];
        std::snprintf(crc, sizeof crc, "0x%08x", e.crc);
        text += std::string(crc) + '\t' + e.symbol + '\t' + e.module + '\t'
            + (e.gpl_only ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL") + '\t' + e.name_space + '\n';
    }
    return text;
}

} // namespace ksim::modpost
