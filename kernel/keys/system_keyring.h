// The keys the kernel trusts for module signatures: the build's own certificate, compiled in.
#pragma once

#include <vector>

namespace ksim {

// The DER X.509 certificate of the build's signing key (generated into the build).
const std::vector<unsigned char>& builtin_certificate();

// Every certificate on the builtin trusted keyring.
std::vector<std::vector<unsigned char>> system_trusted_keys();

} // namespace ksim
