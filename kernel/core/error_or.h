// ErrorOr<T>: a value or a positive errno, the kernel's result type inside ksim.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

namespace ksim {

// An errno as Linux numbers it (positive here; the module ABI uses -errno).
struct Errno {
    int code;
    friend bool operator==(Errno, Errno) = default;
};

template <typename T> class [[nodiscard]] ErrorOr {
public:
    ErrorOr(T value)
        : m_value(std::move(value))
    {
    }
    ErrorOr(Errno error)
        : m_value(error)
    {
    }

    bool is_error() const { return std::holds_alternative<Errno>(m_value); }
    explicit operator bool() const { return !is_error(); }
    int error() const { return std::get<Errno>(m_value).code; }
    T& value() { return std::get<T>(m_value); }
    const T& value() const { return std::get<T>(m_value); }
    T release_value() { return std::move(std::get<T>(m_value)); }

private:
    std::variant<T, Errno> m_value;
};

template <> class [[nodiscard]] ErrorOr<void> {
public:
    ErrorOr() = default;
    ErrorOr(Errno error)
        : m_error(error.code)
    {
    }

    bool is_error() const { return m_error != 0; }
    explicit operator bool() const { return !is_error(); }
    int error() const { return m_error; }

private:
    int m_error = 0;
};

} // namespace ksim
