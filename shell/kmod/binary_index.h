// kmod's binary index files (modules.dep.bin, modules.alias.bin, ...): a trie
// of keys with prefix compression, each key holding values ordered by priority.
// libkmod (and so kmod's own modprobe) reads only these, not the text files.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace ksim::shell::kmod {

class BinaryIndex {
public:
    BinaryIndex();
    ~BinaryIndex();
    BinaryIndex(const BinaryIndex&) = delete;
    BinaryIndex& operator=(const BinaryIndex&) = delete;

    // Adds `value` under `key`; values of one key are kept in ascending
    // priority, a new one before others of the same priority, as kmod does.
    void insert(const std::string& key, const std::string& value, uint32_t priority);
    // The file: magic, version, root offset, then the nodes written
    // children first, offsets and counts big-endian.
    std::string serialize() const;

private:
    struct Node;
    uint32_t write_node(const Node& node, std::string& out) const;
    std::unique_ptr<Node> m_root;
};

// An alias as modules.alias.bin keys it: '-' as '_', except inside [...].
std::string alias_key(const std::string& alias);

} // namespace ksim::shell::kmod
