// Checks what glibc's dynamic linker trusts in a module before dlopen maps it:
// the program headers, the dynamic section and every table it points to.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ksim {

// Where the dynamic linker will find the module's symbols, as file offsets.
struct DynamicLayout {
    uint64_t symtab_offset = 0;
    uint64_t symbol_count = 0;
    uint64_t strtab_offset = 0;
    uint64_t strtab_size = 0;
    // The PT_LOAD segments' memory, from the load address: {offset, size}.
    std::vector<std::pair<uint64_t, uint64_t>> segments;
};

// The .dynsym section as the section headers describe it.
struct DynsymSection {
    uint64_t offset;
    uint64_t size;
    uint64_t entsize;
};

// Linux validates its ET_REL format in elf_validity_check() and refuses what it
// cannot relocate (apply_relocate_add: "Unknown rela relocation"); ksim maps an
// ET_DYN with glibc, which checks almost nothing, so everything it will read
// or write is checked here: segments inside the file and the mapping, every
// DT_* pointer and size inside a file-backed segment, hash chains that end,
// relocations only of the kinds a module needs, against known symbols, into
// writable memory that holds none of the linker's own tables. Anything a
// kernel module never needs (DT_NEEDED, symbol versioning, TLS, IFUNC,
// executable stacks, text relocations) is refused rather than trusted.
// Returns the dmesg line for the first problem found.
std::variant<DynamicLayout, std::string> check_dynamic_linking(
    std::span<const std::byte> bytes, const DynsymSection& dynsym, const std::string& module_name);

} // namespace ksim
