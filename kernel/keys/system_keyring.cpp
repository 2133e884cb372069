// The builtin trusted keyring (see system_keyring.h).
#include "keys/system_keyring.h"

namespace ksim {

std::vector<std::vector<unsigned char>> system_trusted_keys()
{
    return {builtin_certificate()};
}

} // namespace ksim
