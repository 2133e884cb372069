// Reads a module file without running it: ELF checks, .modinfo, needed and defined symbols.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/error_or.h"
#include "loader/elf_dynamic.h"

namespace ksim {

struct ElfSymbol {
    std::string name;
    uint64_t value; // offset from the load address
    uint64_t size;
    char type; // kallsyms letter, lower case: t, d, r, b, w
    bool global;
    bool in_init; // lives in .init.* and goes away after init
};

struct NeededSymbol {
    std::string name;
    bool weak;
};

// A symbol's CRC (CONFIG_MODVERSIONS), from a struct modversion_info table.
struct SymbolVersion {
    std::string name;
    uint32_t crc;
};

struct ElfImage {
    std::vector<std::string> modinfo; // "key=value" strings, in section order
    std::vector<SymbolVersion> versions; // __versions: the CRCs of the imports at build time
    std::vector<SymbolVersion> export_crcs; // __ksim_kcrctab: the CRCs of the module's exports
    bool has_versions = false; // the module was built with modversions
    std::vector<NeededSymbol> needed; // undefined dynamic symbols
    std::vector<ElfSymbol> symbols; // .symtab (or .dynsym when stripped)
    bool has_module_descriptor = false; // defines __this_module
    DynsymSection dynsym {}; // the dynamic symbol table's section
};

// Why an image was refused: the errno and the dmesg line Linux prints (may be empty).
struct ElfError {
    int error;
    std::string message;
};

// Checks the file as Linux's elf_validity_cache_copy does, in the same order
// and with the same messages; a ksim module is an ELF shared object (ET_DYN)
// where Linux wants a relocatable object (ET_REL).
std::variant<ElfImage, ElfError> read_elf_image(std::span<const std::byte> bytes);

} // namespace ksim
