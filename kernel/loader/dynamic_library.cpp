// Mapping modules with Boost.DLL (see dynamic_library.h).
#include "loader/dynamic_library.h"

#include <dlfcn.h>
#include <link.h>

#include <boost/dll/shared_library.hpp>
#include <cerrno>
#include <cstring>

namespace ksim {

struct DynamicLibrary::Impl {
    boost::dll::shared_library library;
};

namespace {

struct MappingQuery {
    uintptr_t base;
    size_t size = 0;
};

// The bytes the module occupies: its PT_LOAD segments, page-rounded.
int measure_mapping(dl_phdr_info* info, size_t, void* data)
{
    auto* query = static_cast<MappingQuery*>(data);
    if (info->dlpi_addr != query->base)
        return 0;
    uintptr_t low = UINTPTR_MAX, high = 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
        const auto& ph = info->dlpi_phdr[i];
        if (ph.p_type != PT_LOAD)
            continue;
        low = std::min<uintptr_t>(low, ph.p_vaddr & ~uintptr_t {4095});
        high = std::max<uintptr_t>(high, (ph.p_vaddr + ph.p_memsz + 4095) & ~uintptr_t {4095});
    }
    query->size = high > low ? high - low : 0;
    return 1;
}

} // namespace

DynamicLibrary::DynamicLibrary(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}

DynamicLibrary::~DynamicLibrary()
{
    close();
}

ErrorOr<std::unique_ptr<DynamicLibrary>> DynamicLibrary::open(const std::string& absolute_path, std::string& error_text)
{
    auto impl = std::make_unique<Impl>();
    boost::dll::fs::error_code ec;
    impl->library.load(absolute_path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_global, ec);
    if (ec) {
        // Boost reports every failure as "Bad file descriptor"; dlerror has the reason.
        const char* reason = dlerror();
        error_text = reason ? reason : ec.message();
        return Errno {ENOEXEC};
    }
    std::unique_ptr<DynamicLibrary> library(new DynamicLibrary(std::move(impl)));
    library->m_path = absolute_path;
    link_map* map = nullptr;
    if (dlinfo(library->m_impl->library.native(), RTLD_DI_LINKMAP, &map) == 0 && map) {
        MappingQuery query {map->l_addr};
        dl_iterate_phdr(measure_mapping, &query);
        library->m_base = map->l_addr;
        library->m_size = query.size;
    }
    return library;
}

void* DynamicLibrary::symbol(const char* name) const
{
    if (!m_impl || !m_impl->library.is_loaded() || !m_impl->library.has(name))
        return nullptr;
    return &m_impl->library.get<char>(name);
}

bool DynamicLibrary::close()
{
    if (!m_impl || !m_impl->library.is_loaded())
        return true;
    m_impl->library.unload();
    // dlclose is only a request; ask whether the object really went away.
    void* still = dlopen(m_path.c_str(), RTLD_NOW | RTLD_NOLOAD);
    if (still) {
        dlclose(still);
        return false;
    }
    return true;
}

} // namespace ksim
