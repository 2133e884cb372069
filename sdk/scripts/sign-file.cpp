// sign-file: appends a PKCS#7 signature to a module, as Linux's scripts/sign-file does.
//   sign-file [-dp] <hash algo> <key> <x509> <module> [<dest>]
// The signature is a detached CMS SignedData over the whole file, without
// signed attributes or certificates, followed by the module_signature
// block and the "~Module signature appended~\n" marker the kernel looks for.
#include <arpa/inet.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace {

constexpr char marker[] = "~Module signature appended~\n";

// Linux's struct module_signature: algo, hash and id_type are 0, 0 and
// PKEY_ID_PKCS7 (2); the lengths other than sig_len are 0 for PKCS#7.
struct ModuleSignature {
    uint8_t algo = 0;
    uint8_t hash = 0;
    uint8_t id_type = 2;
    uint8_t signer_len = 0;
    uint8_t key_id_len = 0;
    uint8_t pad[3] = {0, 0, 0};
    uint32_t sig_len = 0; // big-endian
};
static_assert(sizeof(ModuleSignature) == 12);

template <typename T, void (*Free)(T*)> struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Certificate = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Cms = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;

[[noreturn]] void fail(const std::string& what)
{
    std::cerr << "sign-file: " << what;
    unsigned long code = ERR_get_error();
    if (code) {
        char text[256];
        ERR_error_string_n(code, text, sizeof text);
        std::cerr << ": " << text;
    }
    std::cerr << "\n";
    std::exit(1);
}

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(path + ": " + std::strerror(errno));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Key read_key(const std::string& path)
{
    Bio bio(BIO_new_file(path.c_str(), "rb"));
    if (!bio)
        fail(path);
    Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    if (!key)
        fail(path + ": no private key");
    return key;
}

// The certificate, DER (as Linux's signing_key.x509) or PEM.
Certificate read_certificate(const std::string& path)
{
    std::string bytes = read_file(path);
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    Certificate certificate(d2i_X509(nullptr, &data, static_cast<long>(bytes.size())));
    if (!certificate) {
        ERR_clear_error();
        Bio bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
        certificate.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    }
    if (!certificate)
        fail(path + ": no X.509 certificate");
    return certificate;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    bool detached = false, keep_raw = false;
    while (!args.empty() && args.front().starts_with('-')) {
        for (char c : args.front().substr(1)) {
            if (c == 'd')
                detached = true;
            else if (c == 'p')
                keep_raw = true;
            else
                fail(std::string("unknown option -") + c);
        }
        args.erase(args.begin());
    }
    if (args.size() < 4 || args.size() > 5) {
        std::cerr << "Usage: sign-file [-dp] <hash algo> <key> <x509> <module> [<dest>]\n";
        return 2;
    }
    const std::string& hash_name = args[0];
    const std::string& module_path = args[3];
    std::string destination = args.size() == 5 ? args[4] : module_path;

    const EVP_MD* digest = EVP_get_digestbyname(hash_name.c_str());
    if (!digest)
        fail("unknown hash algorithm " + hash_name);
    Key key = read_key(args[1]);
    Certificate certificate = read_certificate(args[2]);
    std::string module = read_file(module_path);
    if (module.size() >= sizeof marker - 1 && module.ends_with(marker))
        fail(module_path + ": already signed");

    Bio content(BIO_new_mem_buf(module.data(), static_cast<int>(module.size())));
    unsigned flags = CMS_NOCERTS | CMS_PARTIAL | CMS_BINARY | CMS_DETACHED | CMS_STREAM;
    Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    if (!cms)
        fail("CMS_sign");
    if (!CMS_add1_signer(cms.get(), certificate.get(), key.get(), digest,
            CMS_NOCERTS | CMS_BINARY | CMS_NOSMIMECAP | CMS_NOATTR))
        fail("CMS_add1_signer");
    if (CMS_final(cms.get(), content.get(), nullptr, CMS_NOCERTS | CMS_BINARY) != 1)
        fail("CMS_final");
    unsigned char* der = nullptr;
    int der_length = i2d_CMS_ContentInfo(cms.get(), &der);
    if (der_length <= 0)
        fail("i2d_CMS_ContentInfo");
    std::string signature(reinterpret_cast<char*>(der), static_cast<size_t>(der_length));
    OPENSSL_free(der);

    if (detached || keep_raw) {
        std::ofstream(module_path + ".p7s", std::ios::binary) << signature;
        if (detached)
            return 0;
    }
    ModuleSignature block;
    block.sig_len = htonl(static_cast<uint32_t>(signature.size()));
    std::string signed_module = module + signature
        + std::string(reinterpret_cast<const char*>(&block), sizeof block) + marker;
    std::string temporary = destination + ".~";
    {
        std::ofstream out(temporary, std::ios::binary);
        out << signed_module;
        if (!out)
            fail(temporary + ": " + std::strerror(errno));
    }
    if (std::rename(temporary.c_str(), destination.c_str()) != 0)
        fail(destination + ": " + std::strerror(errno));
    return 0;
}
