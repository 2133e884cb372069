// vsnprintf's output cursor and conversion spec, shared by the formatter and its %p extensions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ksim {

// Linux's printf_spec flags.
enum FormatFlag : unsigned {
    format_sign = 1,
    format_left = 2,
    format_plus = 4,
    format_space = 8,
    format_zeropad = 16,
    format_small = 32,
    format_special = 64,
};

struct FormatSpec {
    int field_width = -1;
    int precision = -1;
    unsigned flags = 0;
    unsigned base = 10;
};

// Linux's str/end pair: every byte is counted, those that fit are stored.
class FormatOutput {
public:
    FormatOutput(char* buf, size_t size)
        : m_buf(buf)
        , m_size(size)
    {
    }

    void put(char c)
    {
        if (m_length < m_size)
            m_buf[m_length] = c;
        ++m_length;
    }
    void put_repeated(char c, long count)
    {
        for (; count > 0; --count)
            put(c);
    }
    size_t length() const { return m_length; }
    // Pads the last `written` bytes to the spec's field width, on the left unless
    // the spec says '-' (Linux's widen_string).
    void widen(size_t written, const FormatSpec& spec);
    // Ends the text with a NUL where it fits, as vsnprintf does.
    void terminate();

private:
    char* m_buf;
    size_t m_size;
    size_t m_length = 0;
};

// A text already known to be readable, padded to the spec's width, cut at its precision.
void put_text(FormatOutput& out, std::string_view text, const FormatSpec& spec);
// An integer in the spec's base, sign, prefix and padding (Linux's number()).
void put_number(FormatOutput& out, unsigned long long num, FormatSpec spec);
// %p and its extensions; `extension` points just after the 'p'.
void put_pointer(
    FormatOutput& out, const char* extension, const void* pointer, FormatSpec spec, const struct FormatHooks& hooks);

} // namespace ksim
