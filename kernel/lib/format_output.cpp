// vsnprintf's output: padding, strings and numbers as Linux's lib/vsprintf.c writes them (see format_output.h).
#include "lib/format_output.h"

namespace ksim {

void FormatOutput::widen(size_t written, const FormatSpec& spec)
{
    if (spec.field_width < 0 || written >= static_cast<size_t>(spec.field_width))
        return;
    size_t spaces = static_cast<size_t>(spec.field_width) - written;
    if (spec.flags & format_left) {
        put_repeated(' ', static_cast<long>(spaces));
        return;
    }
    // Move what was stored right by `spaces` (dropping what no longer fits), then pad.
    size_t start = m_length - written;
    if (start < m_size) {
        size_t stored_end = m_length < m_size ? m_length : m_size;
        for (size_t i = stored_end; i-- > start;)
            if (i + spaces < m_size)
                m_buf[i + spaces] = m_buf[i];
        for (size_t i = start; i < start + spaces && i < m_size; ++i)
            m_buf[i] = ' ';
    }
    m_length += spaces;
}

void FormatOutput::terminate()
{
    if (m_size == 0)
        return;
    m_buf[m_length < m_size ? m_length : m_size - 1] = '\0';
}

void put_text(FormatOutput& out, std::string_view text, const FormatSpec& spec)
{
    size_t limit = spec.precision < 0 ? text.size() : static_cast<size_t>(spec.precision);
    size_t length = 0;
    for (; length < limit && length < text.size() && text[length]; ++length)
        out.put(text[length]);
    out.widen(length, spec);
}

void put_number(FormatOutput& out, unsigned long long num, FormatSpec spec)
{
    const char digits[] = "0123456789ABCDEF";
    char locase = (spec.flags & format_small) ? 0x20 : 0;
    bool need_prefix = (spec.flags & format_special) && spec.base != 10;
    bool is_zero = num == 0;
    if (spec.flags & format_left)
        spec.flags &= ~format_zeropad;
    long width = spec.field_width;
    char sign = 0;
    if (spec.flags & format_sign) {
        if (static_cast<long long>(num) < 0) {
            sign = '-';
            num = 0 - num;
            --width;
        } else if (spec.flags & format_plus) {
            sign = '+';
            --width;
        } else if (spec.flags & format_space) {
            sign = ' ';
            --width;
        }
    }
    if (need_prefix)
        width -= spec.base == 16 ? 2 : 1;
    char tmp[24];
    int count = 0;
    do {
        tmp[count++] = static_cast<char>(digits[num % spec.base] | locase);
        num /= spec.base;
    } while (num);
    long precision = spec.precision > count ? spec.precision : count; // "%2d" of 100 is "100"
    width -= precision;
    if (!(spec.flags & (format_zeropad | format_left))) {
        out.put_repeated(' ', width);
        width = 0;
    }
    if (sign)
        out.put(sign);
    if (need_prefix) {
        if (spec.base == 16 || !is_zero)
            out.put('0');
        if (spec.base == 16)
            out.put(static_cast<char>('X' | locase));
    }
    if (!(spec.flags & format_left)) {
        out.put_repeated((spec.flags & format_zeropad) ? '0' : ' ', width);
        width = 0;
    }
    out.put_repeated('0', precision - count);
    while (count > 0)
        out.put(tmp[--count]);
    out.put_repeated(' ', width);
}

} // namespace ksim
