// kstrto*(): the kernel's own declarations, for its parsers (parameters,
// debugfs, sysfs writes) and the fuzz target; kstrtox.cpp includes this so the
// compiler checks that definitions and declarations agree.
#pragma once

#include <cstdint>

extern "C" {
int kstrtoull(const char* s, unsigned int base, unsigned long long* res);
int kstrtoll(const char* s, unsigned int base, long long* res);
int kstrtoul(const char* s, unsigned int base, unsigned long* res);
int kstrtol(const char* s, unsigned int base, long* res);
int kstrtouint(const char* s, unsigned int base, unsigned int* res);
int kstrtoint(const char* s, unsigned int base, int* res);
int kstrtou16(const char* s, unsigned int base, uint16_t* res);
int kstrtos16(const char* s, unsigned int base, int16_t* res);
int kstrtou8(const char* s, unsigned int base, uint8_t* res);
int kstrtos8(const char* s, unsigned int base, int8_t* res);
int kstrtobool(const char* s, bool* res);
}
