// The kernel's virtual files (see vfs.h).
#include "fs/vfs.h"

#include <cerrno>

namespace ksim {

std::shared_ptr<VfsNode> Directory::lookup(std::string_view name)
{
    if (auto it = m_children.find(name); it != m_children.end())
        return it->second;
    if (m_maker && m_lister) {
        for (const std::string& entry : m_lister())
            if (entry == name)
                return m_maker(name);
    }
    return nullptr;
}

std::vector<std::string> Directory::list() const
{
    std::vector<std::string> names;
    for (const auto& [name, node] : m_children)
        names.push_back(name);
    if (m_lister)
        for (std::string& name : m_lister())
            names.push_back(std::move(name));
    return names;
}

Directory& Directory::add(const std::string& name, std::shared_ptr<VfsNode> node)
{
    m_children[name] = std::move(node);
    return *this;
}

Directory& Directory::subdirectory(const std::string& name)
{
    auto it = m_children.find(name);
    if (it == m_children.end())
        it = m_children.emplace(name, std::make_shared<Directory>()).first;
    return static_cast<Directory&>(*it->second);
}

bool VirtualFs::is_kernel_path(std::string_view path)
{
    for (std::string_view mount : {"/proc", "/sys"})
        if (path == mount || (path.starts_with(mount) && path[mount.size()] == '/'))
            return true;
    return false;
}

ErrorOr<std::shared_ptr<VfsNode>> VirtualFs::resolve(std::string_view path) const
{
    std::shared_ptr<VfsNode> node = m_root;
    while (!path.empty()) {
        size_t start = path.find_first_not_of('/');
        if (start == std::string_view::npos)
            break;
        path.remove_prefix(start);
        size_t end = path.find('/');
        std::string_view name = path.substr(0, end);
        path.remove_prefix(end == std::string_view::npos ? path.size() : end);
        if (name == ".")
            continue;
        if (!node->is_directory())
            return Errno {ENOTDIR};
        node = node->lookup(name);
        if (!node)
            return Errno {ENOENT};
    }
    return node;
}

ErrorOr<std::string> VirtualFs::read(const Task& task, std::string_view path) const
{
    auto node = resolve(path);
    if (node.is_error())
        return Errno {node.error()};
    if (!task.is_root() && !(node.value()->mode() & 0004))
        return Errno {EACCES};
    return node.value()->read(task);
}

ErrorOr<void> VirtualFs::write(const Task& task, std::string_view path, std::string_view data) const
{
    auto node = resolve(path);
    if (node.is_error())
        return Errno {node.error()};
    if (node.value()->is_directory())
        return Errno {EISDIR};
    unsigned needed = task.is_root() ? 0222 : 0002;
    if (!(node.value()->mode() & needed))
        return Errno {EACCES};
    return node.value()->write(task, data);
}

} // namespace ksim
