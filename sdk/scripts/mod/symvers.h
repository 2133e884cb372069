// Module.symvers: one line per exported symbol, in Linux's format
// "0x<crc>\t<symbol>\t<module>\tEXPORT_SYMBOL[_GPL]\t<namespace>".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ksim::modpost {

struct SymversEntry {
    uint32_t crc = 0;
    std::string symbol;
    std::string module; // "vmlinux", or the module's path without ".ko"
    bool gpl_only = false;
    std::string name_space;
};

// Parses a Module.symvers file; nullopt when it cannot be opened. Lines that
// do not have the format are reported through `bad_line` and skipped.
std::optional<std::vector<SymversEntry>> read_symvers(const std::string& path, std::string& bad_line);

std::string format_symvers(const std::vector<SymversEntry>& entries);

} // namespace ksim::modpost
