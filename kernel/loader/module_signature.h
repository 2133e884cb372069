// Module signatures: the PKCS#7 block sign-file appends, what modinfo shows of it, and checking it.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ksim {

// What kmod's modinfo shows of a signature.
struct ModuleSignatureInfo {
    std::string id_type; // "PKCS#7"
    std::string signer; // the signing certificate's common name
    std::string key_id; // raw bytes: the certificate's serial number
    std::string hash_algo; // "sha256"
    std::string signature; // raw bytes
};

// Nothing when the image carries no signature (or one modinfo cannot read).
std::optional<ModuleSignatureInfo> describe_module_signature(std::span<const std::byte> image);

// Checks an image's signature against trusted DER certificates, as
// mod_verify_sig() does. Returns 0 when a trusted key signed exactly the
// rest of the image, whose length goes to `payload_size`; else ENODATA
// (unsigned), ENOPKG (not PKCS#7, or an unknown hash), ENOKEY (signed by a
// key the kernel does not trust), EKEYREJECTED (the signature does not
// match) or EBADMSG (a malformed signature block).
int verify_module_signature(std::span<const std::byte> image,
    const std::vector<std::vector<unsigned char>>& trusted_certificates, size_t& payload_size);

} // namespace ksim
