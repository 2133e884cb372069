// Fuzzes every check a .ko passes before dlopen maps it: Linux's ELF checks,
// .modinfo, the signature, what glibc will trust, and the weak-symbol rewrite.
// dlopen itself is left out: it would run the input's code.
#include <cstddef>
#include <cstdint>
#include <variant>
#include <vector>

#include "loader/elf_dynamic.h"
#include "loader/elf_image.h"
#include "loader/modinfo.h"
#include "loader/module_signature.h"
#include "loader/weak_symbols.h"

using namespace ksim;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    auto bytes = std::as_bytes(std::span(data, size));
    (void)describe_module_signature(bytes);
    size_t payload = size;
    (void)verify_module_signature(bytes, {}, payload);
    auto parsed = read_elf_image(bytes);
    auto* elf = std::get_if<ElfImage>(&parsed);
    if (!elf)
        return 0;
    ModInfo info(elf->modinfo);
    std::string name = info.get("name").value_or("fuzz");
    auto layout = check_dynamic_linking(bytes, elf->dynsym, name);
    if (auto* checked = std::get_if<DynamicLayout>(&layout)) {
        std::vector<std::string> weak;
        for (const NeededSymbol& needed : elf->needed)
            if (needed.weak)
                weak.push_back(needed.name);
        std::vector<std::byte> copy(bytes.begin(), bytes.end());
        bind_weak_symbols_to_zero(copy, *checked, weak);
    }
    return 0;
}
