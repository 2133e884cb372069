// The small helpers drivers build their file_operations from (fs/read_write.c, fs/libfs.c).
#include <algorithm>
#include <cerrno>
#include <cstring>

#include <ksim/fs_abi.h>

#include "core/export.h"

extern "C" unsigned long _copy_to_user(void* to, const void* from, unsigned long n);
extern "C" unsigned long _copy_from_user(void* to, const void* from, unsigned long n);

namespace {

constexpr int seek_set = 0, seek_cur = 1, seek_end = 2;

// The new position for whence, within [0, limit]; -EINVAL outside.
long long seek_position(struct file* file, long long offset, int whence, long long size, long long limit)
{
    switch (whence) {
    case seek_set:
        break;
    case seek_cur:
        if (offset == 0)
            return file->f_pos;
        offset += file->f_pos;
        break;
    case seek_end:
        offset += size;
        break;
    default:
        return -EINVAL;
    }
    if (offset < 0 || offset > limit)
        return -EINVAL;
    file->f_pos = offset;
    return offset;
}

constexpr long long max_lfs_filesize = 0x7fffffffffffffffLL;

} // namespace

KSIM_EXPORT long long default_llseek(struct file* file, long long offset, int whence)
{
    long long size = file->f_inode ? file->f_inode->i_size : 0;
    if (whence != seek_set && whence != seek_cur && whence != seek_end)
        return -EINVAL;
    return seek_position(file, offset, whence, size, max_lfs_filesize);
}

KSIM_EXPORT long long fixed_size_llseek(struct file* file, long long offset, int whence, long long size)
{
    return seek_position(file, offset, whence, size, size);
}

KSIM_EXPORT long long no_llseek(struct file*, long long, int)
{
    return -ESPIPE;
}

KSIM_EXPORT long long noop_llseek(struct file* file, long long, int)
{
    return file->f_pos;
}

KSIM_EXPORT int nonseekable_open(struct inode*, struct file* file)
{
    file->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}

KSIM_EXPORT int stream_open(struct inode* inode, struct file* file)
{
    return nonseekable_open(inode, file);
}

KSIM_EXPORT int simple_open(struct inode* inode, struct file* file)
{
    if (inode->i_private)
        file->private_data = inode->i_private;
    return 0;
}

namespace {

// The part of [*ppos, available) a transfer of `count` bytes covers: 0 when
// there is none, -EINVAL for a negative position.
long window(long long position, unsigned long count, unsigned long available)
{
    if (position < 0)
        return -EINVAL;
    if (static_cast<unsigned long long>(position) >= available || !count)
        return 0;
    return static_cast<long>(std::min(count, available - static_cast<unsigned long>(position)));
}

// Finishes a transfer of n bytes of which `left` failed: -EFAULT if none moved.
long advance(long long* ppos, long n, unsigned long left)
{
    if (left == static_cast<unsigned long>(n))
        return -EFAULT;
    n -= static_cast<long>(left);
    *ppos += n;
    return n;
}

} // namespace

KSIM_EXPORT long simple_read_from_buffer(
    void* to, unsigned long count, long long* ppos, const void* from, unsigned long available)
{
    long n = window(*ppos, count, available);
    if (n <= 0)
        return n;
    return advance(ppos, n, _copy_to_user(to, static_cast<const char*>(from) + *ppos, static_cast<unsigned long>(n)));
}

KSIM_EXPORT long simple_write_to_buffer(
    void* to, unsigned long available, long long* ppos, const void* from, unsigned long count)
{
    long n = window(*ppos, count, available);
    if (n <= 0)
        return n;
    return advance(ppos, n, _copy_from_user(static_cast<char*>(to) + *ppos, from, static_cast<unsigned long>(n)));
}
