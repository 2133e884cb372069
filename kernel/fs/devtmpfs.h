// /dev: the device nodes drivers create (devtmpfs) and those root makes with mknod.
#pragma once

#include <memory>
#include <string>

#include <ksim/fs_abi.h>

#include "fs/vfs.h"

namespace ksim {

class DeviceNode : public VfsNode, public std::enable_shared_from_this<DeviceNode> {
public:
    DeviceNode(Kernel& kernel, std::string name, unsigned rdev, unsigned mode, unsigned uid = 0);
    NodeInfo info() const override { return {'c', m_mode, m_uid, m_inode.i_rdev, 0}; }
    bool needs_write_bit() const override { return false; }
    ErrorOr<std::unique_ptr<OpenFile>> open(const Task& task, int flags) override;

private:
    Kernel& m_kernel;
    std::string m_name;
    unsigned m_mode;
    unsigned m_uid;
    struct inode m_inode { };
};

// The /dev directory.
class Devtmpfs {
public:
    explicit Devtmpfs(Directory& dev)
        : m_dev(dev)
    {
    }
    // A node at a path relative to /dev ("chardev", "input/event0").
    ErrorOr<void> create(Kernel& kernel, const std::string& name, unsigned rdev, unsigned mode, unsigned uid = 0);
    // Removes the node if it is still the device `rdev`.
    void remove(const std::string& name, unsigned rdev);

private:
    Directory& m_dev;
};

} // namespace ksim
