// /dev (see devtmpfs.h).
#include "fs/devtmpfs.h"

#include <cerrno>
#include <utility>

#include "drivers/char_dev_open.h"

namespace ksim {

DeviceNode::DeviceNode(Kernel& kernel, std::string name, unsigned rdev, unsigned mode, unsigned uid)
    : m_kernel(kernel)
    , m_name(std::move(name))
    , m_mode(mode)
    , m_uid(uid)
{
    m_inode.i_mode = static_cast<ksim_umode_t>(020000 | mode);
    m_inode.i_uid = uid;
    m_inode.i_rdev = rdev;
}

ErrorOr<std::unique_ptr<OpenFile>> DeviceNode::open(const Task&, int flags)
{
    return open_char_device(m_kernel, m_inode, flags, shared_from_this(), m_name);
}

namespace {

// Splits "input/event0" into its directory (made as needed) and base name.
Directory& parent_of(Directory& dev, const std::string& name, std::string& base)
{
    Directory* dir = &dev;
    size_t start = 0;
    for (size_t slash; (slash = name.find('/', start)) != std::string::npos; start = slash + 1)
        dir = &dir->subdirectory(name.substr(start, slash - start), 0755);
    base = name.substr(start);
    return *dir;
}

} // namespace

ErrorOr<void> Devtmpfs::create(Kernel& kernel, const std::string& name, unsigned rdev, unsigned mode, unsigned uid)
{
    std::string base;
    Directory& dir = parent_of(m_dev, name, base);
    if (base.empty())
        return Errno {EINVAL};
    if (dir.contains(base))
        return Errno {EEXIST};
    dir.add(base, std::make_shared<DeviceNode>(kernel, base, rdev, mode & 07777, uid));
    return {};
}

void Devtmpfs::remove(const std::string& name, unsigned rdev)
{
    std::string base;
    Directory& dir = parent_of(m_dev, name, base);
    auto node = dir.lookup(base);
    if (node && node->info().type == 'c' && node->info().rdev == rdev)
        dir.remove(base);
}

} // namespace ksim
