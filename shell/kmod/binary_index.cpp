// kmod's binary index format (see binary_index.h).
#include "shell/kmod/binary_index.h"

namespace ksim::shell::kmod {

namespace {

constexpr uint32_t index_magic = 0xB007F457;
constexpr uint32_t index_version = 0x00020001;
constexpr uint32_t node_prefix = 0x80000000, node_values = 0x40000000, node_children = 0x20000000;
constexpr int no_children = 128; // first > last: the node has no children

void put_u32(std::string& out, uint32_t value)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out += static_cast<char>((value >> shift) & 0xff);
}

} // namespace

struct BinaryIndex::Node {
    std::string prefix;
    std::array<std::unique_ptr<Node>, 128> children;
    int first = no_children, last = 0;
    std::vector<std::pair<uint32_t, std::string>> values; // (priority, value), in file order
};

BinaryIndex::BinaryIndex()
    : m_root(std::make_unique<Node>())
{
}

BinaryIndex::~BinaryIndex() = default;

void BinaryIndex::insert(const std::string& key, const std::string& value, uint32_t priority)
{
    auto add_value = [&](Node& node) {
        auto at = node.values.begin();
        while (at != node.values.end() && at->first < priority)
            ++at;
        node.values.insert(at, {priority, value});
    };
    Node* node = m_root.get();
    size_t i = 0;
    while (true) {
        // The node's prefix must be a prefix of the rest of the key: split it where they differ.
        size_t j = 0;
        for (; j < node->prefix.size(); ++j) {
            if (i + j < key.size() && node->prefix[j] == key[i + j])
                continue;
            auto moved = std::make_unique<Node>(std::move(*node));
            int ch = static_cast<unsigned char>(moved->prefix[j]);
            moved->prefix = moved->prefix.substr(j + 1);
            *node = Node {};
            node->prefix = key.substr(i, j);
            node->first = node->last = ch;
            node->children[static_cast<size_t>(ch)] = std::move(moved);
            break;
        }
        i += j;
        if (i == key.size()) {
            add_value(*node);
            return;
        }
        int ch = static_cast<unsigned char>(key[i]);
        auto& child = node->children[static_cast<size_t>(ch)];
        if (!child) {
            node->first = std::min(node->first, ch);
            node->last = std::max(node->last, ch);
            child = std::make_unique<Node>();
            child->prefix = key.substr(i + 1);
            add_value(*child);
            return;
        }
        node = child.get();
        ++i;
    }
}

uint32_t BinaryIndex::write_node(const Node& node, std::string& out) const
{
    std::vector<uint32_t> child_offsets;
    if (node.first < no_children)
        for (int ch = node.first; ch <= node.last; ++ch) {
            const auto& child = node.children[static_cast<size_t>(ch)];
            child_offsets.push_back(child ? write_node(*child, out) : 0);
        }
    uint32_t offset = static_cast<uint32_t>(out.size());
    if (!node.prefix.empty()) {
        out += node.prefix;
        out += '\0';
        offset |= node_prefix;
    }
    if (!child_offsets.empty()) {
        out += static_cast<char>(node.first);
        out += static_cast<char>(node.last);
        for (uint32_t child : child_offsets)
            put_u32(out, child);
        offset |= node_children;
    }
    if (!node.values.empty()) {
        put_u32(out, static_cast<uint32_t>(node.values.size()));
        for (const auto& [priority, value] : node.values) {
            put_u32(out, priority);
            out += value;
            out += '\0';
        }
        offset |= node_values;
    }
    return offset;
}

std::string BinaryIndex::serialize() const
{
    std::string out;
    put_u32(out, index_magic);
    put_u32(out, index_version);
    put_u32(out, 0); // the root's offset, known once the trie is written
    uint32_t root = write_node(*m_root, out);
    std::string root_bytes;
    put_u32(root_bytes, root);
    out.replace(8, 4, root_bytes);
    return out;
}

std::string alias_key(const std::string& alias)
{
    std::string key = alias;
    for (size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '[') {
            size_t close = key.find(']', i);
            if (close == std::string::npos)
                return key;
            i = close;
        } else if (key[i] == '-') {
            key[i] = '_';
        }
    }
    return key;
}

} // namespace ksim::shell::kmod
