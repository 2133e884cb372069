// load_module(): the steps of finit_module(2), in Linux's order and with its messages.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "core/error_or.h"

namespace ksim {

class Kernel;

ErrorOr<void> load_module(
    Kernel& kernel, std::span<const std::byte> image, const std::string& path, const std::string& args, unsigned flags);

} // namespace ksim
