// Loading the bundled modules into a test's kernel.
#pragma once

#include <fstream>
#include <span>
#include <sstream>
#include <string>

#include "core/kernel.h"

namespace ksim::test {

inline std::string module_path(const std::string& name)
{
    return std::string(KSIM_TEST_MODULES_DIR) + "/" + name + ".ko";
}

inline std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline ErrorOr<void> insmod(Kernel& kernel, const std::string& name, const std::string& args = "")
{
    std::string image = read_file(module_path(name));
    return kernel.init_module(std::as_bytes(std::span(image.data(), image.size())), module_path(name), args);
}

} // namespace ksim::test
