// Standard input sources (see input_source.h).
#include "shell/input_source.h"

namespace ksim::shell {

ErrorOr<std::string> InputSource::read_all()
{
    std::string all;
    while (true) {
        auto chunk = read(128 << 10);
        if (chunk.is_error())
            return Errno {chunk.error()};
        if (chunk.value().empty())
            return all;
        all += chunk.value();
    }
}

ErrorOr<std::string> StringInput::read(size_t count)
{
    std::string chunk = m_data.substr(m_position, count);
    m_position += chunk.size();
    return chunk;
}

} // namespace ksim::shell
