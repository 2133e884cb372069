// The private file dlopen maps a module from: exactly the bytes the loader checked.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include "core/error_or.h"

namespace ksim {

// Linux relocates the copy of the module it validated; dlopen can only map a
// file, so the checked (and rewritten) bytes are written to a fresh folder
// only ksim can read, and removed once mapped. A file the user changes after
// insmod read it, or a signed module's appended signature, never reaches the
// dynamic linker, and each load gets a name no earlier load used.
class ModuleImageFile {
public:
    static ErrorOr<std::unique_ptr<ModuleImageFile>> create(std::span<const std::byte> image, const std::string& name);
    ~ModuleImageFile();
    ModuleImageFile(const ModuleImageFile&) = delete;
    ModuleImageFile& operator=(const ModuleImageFile&) = delete;

    const std::string& path() const { return m_path; }

private:
    ModuleImageFile(std::filesystem::path folder, std::string path);
    std::filesystem::path m_folder;
    std::string m_path;
};

} // namespace ksim
