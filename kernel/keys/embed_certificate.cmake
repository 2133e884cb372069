# Writes OUTPUT, a C++ file holding the DER certificate INPUT as bytes:
# the key the kernel trusts is part of its image, as on Linux.
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT}.\n#include \"keys/system_keyring.h\"\n\nnamespace ksim {\n\n"
                     "const std::vector<unsigned char>& builtin_certificate()\n{\n"
                     "    static const std::vector<unsigned char> der = {${bytes}};\n    return der;\n}\n\n"
                     "} // namespace ksim\n")
