// A process's kernel file descriptors (Linux's files_struct): numbers for the open file descriptions it holds.
#pragma once

#include <map>
#include <memory>
#include <mutex>

#include "core/error_or.h"

namespace ksim {

class OpenFile;

// ksim's user space is one host process, so a kernel file's descriptor
// number is one the host gives out too: each holds a host descriptor of
// /dev/null, and host files and kernel files never share a number (the
// first open(2) returns 3, the lowest free one, as on Linux). The tasks of
// ksim's shell share one table, as threads made with CLONE_FILES do: a
// descriptor a shell opens stays valid in the child shells that run its
// pipelines and jobs.
class FileTable {
public:
    FileTable() = default;
    ~FileTable();
    FileTable(const FileTable&) = delete;
    FileTable& operator=(const FileTable&) = delete;

    // A new descriptor for `file`; EMFILE when the host has none left.
    ErrorOr<int> install(std::shared_ptr<OpenFile> file);
    // The description behind a kernel descriptor; null for any other number.
    std::shared_ptr<OpenFile> get(int fd) const;
    // Removes a kernel descriptor; null if it is not one. The caller drops
    // the description, whose last reference runs the file's release.
    std::shared_ptr<OpenFile> remove(int fd);

private:
    mutable std::mutex m_lock;
    std::map<int, std::shared_ptr<OpenFile>> m_files;
};

// A description whose last reference runs the file's release() (a driver's
// release, for a device) before it is freed.
std::shared_ptr<OpenFile> share_open_file(std::unique_ptr<OpenFile> file);

} // namespace ksim
