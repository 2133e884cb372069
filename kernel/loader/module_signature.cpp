// Module signatures (see module_signature.h).
#include "loader/module_signature.h"

#include <arpa/inet.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>

namespace ksim {

namespace {

// The marker at the end of a signed module.
constexpr std::string_view module_signature_marker = "~Module signature appended~\n";

// Linux's struct module_signature, before the marker.
struct SignatureBlock {
    uint8_t algo, hash, id_type, signer_len, key_id_len, pad[3];
    uint32_t sig_len; // big-endian
};
static_assert(sizeof(SignatureBlock) == 12);
constexpr uint8_t id_pkcs7 = 2;

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Cms = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;

struct Parts {
    std::span<const std::byte> payload;
    std::span<const std::byte> pkcs7;
    uint8_t id_type = 0;
};

// Splits an image into the module and its signature; nothing if unsigned,
// EBADMSG in `error` if the trailer is inconsistent.
std::optional<Parts> split(std::span<const std::byte> image, int& error)
{
    error = 0;
    size_t marker = module_signature_marker.size();
    if (image.size() < marker + sizeof(SignatureBlock)
        || std::memcmp(image.data() + image.size() - marker, module_signature_marker.data(), marker) != 0)
        return std::nullopt;
    SignatureBlock block;
    std::memcpy(&block, image.data() + image.size() - marker - sizeof block, sizeof block);
    size_t signature_length = ntohl(block.sig_len);
    size_t rest = image.size() - marker - sizeof block;
    if (signature_length >= rest || block.signer_len || block.key_id_len) {
        error = EBADMSG;
        return std::nullopt;
    }
    return Parts {
        image.first(rest - signature_length), image.subspan(rest - signature_length, signature_length), block.id_type};
}

Cms parse(std::span<const std::byte> der)
{
    const auto* data = reinterpret_cast<const unsigned char*>(der.data());
    Cms cms(d2i_CMS_ContentInfo(nullptr, &data, static_cast<long>(der.size())));
    ERR_clear_error();
    return cms;
}

CMS_SignerInfo* first_signer(CMS_ContentInfo* cms)
{
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
    return signers && sk_CMS_SignerInfo_num(signers) > 0 ? sk_CMS_SignerInfo_value(signers, 0) : nullptr;
}

} // namespace

std::optional<ModuleSignatureInfo> describe_module_signature(std::span<const std::byte> image)
{
    int error = 0;
    auto parts = split(image, error);
    if (!parts || parts->id_type != id_pkcs7)
        return std::nullopt;
    Cms cms = parse(parts->pkcs7);
    CMS_SignerInfo* signer = cms ? first_signer(cms.get()) : nullptr;
    if (!signer)
        return std::nullopt;
    ModuleSignatureInfo info;
    info.id_type = "PKCS#7";
    ASN1_OCTET_STRING* key_id = nullptr;
    X509_NAME* issuer = nullptr;
    ASN1_INTEGER* serial = nullptr;
    if (CMS_SignerInfo_get0_signer_id(signer, &key_id, &issuer, &serial) == 1) {
        if (issuer) {
            int at = X509_NAME_get_index_by_NID(issuer, NID_commonName, -1);
            if (at >= 0) {
                ASN1_STRING* name = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(issuer, at));
                info.signer.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name)),
                    static_cast<size_t>(ASN1_STRING_length(name)));
            }
        }
        const ASN1_STRING* id = serial ? serial : key_id;
        if (id)
            info.key_id.assign(
                reinterpret_cast<const char*>(ASN1_STRING_get0_data(id)), static_cast<size_t>(ASN1_STRING_length(id)));
    }
    X509_ALGOR* digest = nullptr;
    CMS_SignerInfo_get0_algs(signer, nullptr, nullptr, &digest, nullptr);
    if (digest) {
        const ASN1_OBJECT* object = nullptr;
        X509_ALGOR_get0(&object, nullptr, nullptr, digest);
        info.hash_algo = OBJ_nid2ln(OBJ_obj2nid(object));
    }
    ASN1_OCTET_STRING* signature = CMS_SignerInfo_get0_signature(signer);
    if (signature)
        info.signature.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(signature)),
            static_cast<size_t>(ASN1_STRING_length(signature)));
    return info;
}

int verify_module_signature(std::span<const std::byte> image,
    const std::vector<std::vector<unsigned char>>& trusted_certificates, size_t& payload_size)
{
    payload_size = image.size();
    int error = 0;
    auto parts = split(image, error);
    if (!parts)
        return error ? error : ENODATA;
    payload_size = parts->payload.size();
    if (parts->id_type != id_pkcs7)
        return ENOPKG;
    Cms cms = parse(parts->pkcs7);
    CMS_SignerInfo* signer = cms ? first_signer(cms.get()) : nullptr;
    if (!signer)
        return EBADMSG;
    for (const auto& der : trusted_certificates) {
        const unsigned char* data = der.data();
        Certificate certificate(d2i_X509(nullptr, &data, static_cast<long>(der.size())));
        if (!certificate || CMS_SignerInfo_cert_cmp(signer, certificate.get()) != 0)
            continue;
        CMS_SignerInfo_set1_signer_cert(signer, certificate.get());
        Bio content(BIO_new_mem_buf(parts->payload.data(), static_cast<int>(parts->payload.size())));
        STACK_OF(X509)* certificates = sk_X509_new_null();
        sk_X509_push(certificates, certificate.get());
        int verified = CMS_verify(cms.get(), certificates, nullptr, content.get(), nullptr,
            CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY | CMS_NOINTERN);
        sk_X509_free(certificates);
        ERR_clear_error();
        return verified == 1 ? 0 : EKEYREJECTED;
    }
    return ENOKEY;
}

} // namespace ksim
