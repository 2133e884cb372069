// The kernel library's data structures that modules use through the SDK:
// red-black trees stay balanced through any mix of inserts and erases,
// kfifo wraps round its ring, idr and ida hand out the lowest free ids.
#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <random>
#include <vector>

#include <ksim/lib_abi.h>

extern "C" {
void rb_insert_color(rb_node* node, rb_root* root);
void rb_erase(rb_node* node, rb_root* root);
rb_node* rb_first(const rb_root* root);
rb_node* rb_next(const rb_node* node);
rb_node* rb_prev(const rb_node* node);
rb_node* rb_last(const rb_root* root);
rb_node* rb_first_postorder(const rb_root* root);
rb_node* rb_next_postorder(const rb_node* node);
int __kfifo_init(__kfifo* fifo, void* buffer, unsigned int size, size_t esize);
unsigned int __kfifo_in(__kfifo* fifo, const void* buf, unsigned int len);
unsigned int __kfifo_out(__kfifo* fifo, void* buf, unsigned int len);
unsigned int __kfifo_out_peek(__kfifo* fifo, void* buf, unsigned int len);
int idr_alloc(idr* ids, void* ptr, int start, int end, unsigned int gfp);
int idr_alloc_cyclic(idr* ids, void* ptr, int start, int end, unsigned int gfp);
void* idr_find(const idr* ids, unsigned long id);
void* idr_remove(idr* ids, unsigned long id);
void* idr_get_next(const idr* ids, int* nextid);
void idr_destroy(idr* ids);
int ida_alloc_range(ida* ids, unsigned int min, unsigned int max, unsigned int gfp);
void ida_destroy(ida* ids);
}

namespace {

struct Item {
    rb_node node;
    int key;
};

Item* item_of(rb_node* node)
{
    return reinterpret_cast<Item*>(reinterpret_cast<char*>(node) - offsetof(Item, node));
}

rb_node* parent_of(const rb_node* node)
{
    return reinterpret_cast<rb_node*>(node->__rb_parent_color & ~3UL);
}

bool is_red(const rb_node* node)
{
    return node && !(node->__rb_parent_color & KSIM_RB_BLACK);
}

// The black height of the subtree, after checking parents, order and colours.
int check_subtree(const rb_node* node, const rb_node* parent)
{
    if (!node)
        return 1;
    REQUIRE(parent_of(node) == parent);
    if (is_red(node)) {
        REQUIRE_FALSE(is_red(node->rb_left));
        REQUIRE_FALSE(is_red(node->rb_right));
    }
    if (node->rb_left)
        REQUIRE(item_of(const_cast<rb_node*>(node->rb_left))->key <= item_of(const_cast<rb_node*>(node))->key);
    if (node->rb_right)
        REQUIRE(item_of(const_cast<rb_node*>(node->rb_right))->key >= item_of(const_cast<rb_node*>(node))->key);
    int left = check_subtree(node->rb_left, node);
    REQUIRE(left == check_subtree(node->rb_right, node));
    return left + (is_red(node) ? 0 : 1);
}

void insert(rb_root* root, Item* item)
{
    rb_node** link = &root->rb_node;
    rb_node* parent = nullptr;
    while (*link) {
        parent = *link;
        link = item->key < item_of(parent)->key ? &parent->rb_left : &parent->rb_right;
    }
    item->node.__rb_parent_color = reinterpret_cast<unsigned long>(parent); // rb_link_node
    item->node.rb_left = item->node.rb_right = nullptr;
    *link = &item->node;
    rb_insert_color(&item->node, root);
}

std::vector<int> in_order(const rb_root* root)
{
    std::vector<int> keys;
    for (rb_node* node = rb_first(root); node; node = rb_next(node))
        keys.push_back(item_of(node)->key);
    return keys;
}

} // namespace

TEST_CASE("red-black trees stay balanced and sorted through inserts and erases")
{
    std::mt19937 random(12345);
    std::vector<Item> items(500);
    for (size_t i = 0; i < items.size(); ++i)
        items[i].key = static_cast<int>(random() % 200); // duplicates too
    rb_root root {nullptr};
    for (Item& item : items) {
        insert(&root, &item);
        REQUIRE_FALSE(is_red(root.rb_node));
        check_subtree(root.rb_node, nullptr);
    }
    std::vector<int> expected;
    for (const Item& item : items)
        expected.push_back(item.key);
    std::sort(expected.begin(), expected.end());
    CHECK(in_order(&root) == expected);

    std::vector<Item*> order;
    for (Item& item : items)
        order.push_back(&item);
    std::shuffle(order.begin(), order.end(), random);
    for (size_t i = 0; i < order.size(); ++i) {
        rb_erase(&order[i]->node, &root);
        check_subtree(root.rb_node, nullptr);
        if (i % 50 == 0) {
            std::vector<int> left;
            for (size_t j = i + 1; j < order.size(); ++j)
                left.push_back(order[j]->key);
            std::sort(left.begin(), left.end());
            CHECK(in_order(&root) == left);
        }
    }
    CHECK(root.rb_node == nullptr);
    CHECK(rb_first(&root) == nullptr);
}

TEST_CASE("red-black tree walks: backwards and post-order")
{
    std::vector<Item> items(64);
    rb_root root {nullptr};
    for (size_t i = 0; i < items.size(); ++i) {
        items[i].key = static_cast<int>((i * 37) % 64);
        insert(&root, &items[i]);
    }
    int expected = 63;
    for (rb_node* node = rb_last(&root); node; node = rb_prev(node))
        CHECK(item_of(node)->key == expected--);
    CHECK(expected == -1);
    // Every node once, each after both its children.
    std::vector<rb_node*> seen;
    for (rb_node* node = rb_first_postorder(&root); node; node = rb_next_postorder(node)) {
        for (rb_node* child : {node->rb_left, node->rb_right})
            if (child)
                CHECK(std::find(seen.begin(), seen.end(), child) != seen.end());
        seen.push_back(node);
    }
    CHECK(seen.size() == items.size());
    CHECK(seen.back() == root.rb_node);
}

TEST_CASE("kfifo wraps round its ring and never overfills")
{
    int storage[8];
    __kfifo fifo {};
    // 40 bytes hold 10 ints: rounded down to 8.
    REQUIRE(__kfifo_init(&fifo, storage, 40, sizeof(int)) == 0);
    CHECK(fifo.mask == 7);
    int next_in = 0, next_out = 0;
    for (int round = 0; round < 20; ++round) {
        int values[5];
        for (int& v : values)
            v = next_in++;
        CHECK(__kfifo_in(&fifo, values, 5) == 5);
        int got[5] = {};
        CHECK(__kfifo_out_peek(&fifo, got, 1) == 1);
        CHECK(got[0] == next_out);
        CHECK(__kfifo_out(&fifo, got, 5) == 5);
        for (int v : got)
            CHECK(v == next_out++);
    }
    int many[12] = {};
    CHECK(__kfifo_in(&fifo, many, 12) == 8); // full at 8
    CHECK(__kfifo_in(&fifo, many, 1) == 0);
    CHECK(__kfifo_out(&fifo, many, 12) == 8);
    CHECK(__kfifo_init(&fifo, storage, 4, sizeof(int)) == -EINVAL); // one element is no ring
}

TEST_CASE("idr hands out the lowest free id in range, cyclic ids move on")
{
    idr ids {};
    int a = 1, b = 2, c = 3;
    CHECK(idr_alloc(&ids, &a, 1, 0, 0) == 1);
    CHECK(idr_alloc(&ids, &b, 1, 0, 0) == 2);
    CHECK(idr_alloc(&ids, &c, 1, 3, 0) == -ENOSPC); // [1, 3) is full
    CHECK(idr_find(&ids, 2) == &b);
    CHECK(idr_remove(&ids, 1) == &a);
    CHECK(idr_find(&ids, 1) == nullptr);
    CHECK(idr_alloc(&ids, &c, 0, 0, 0) == 0);
    CHECK(idr_alloc(&ids, &a, -1, 0, 0) == -EINVAL);
    int id = 1;
    CHECK(idr_get_next(&ids, &id) == &b);
    CHECK(id == 2);
    idr_destroy(&ids);
    CHECK(idr_find(&ids, 2) == nullptr);

    idr cyclic {};
    CHECK(idr_alloc_cyclic(&cyclic, &a, 0, 3, 0) == 0);
    CHECK(idr_alloc_cyclic(&cyclic, &b, 0, 3, 0) == 1);
    idr_remove(&cyclic, 0);
    CHECK(idr_alloc_cyclic(&cyclic, &c, 0, 3, 0) == 2);
    CHECK(idr_alloc_cyclic(&cyclic, &c, 0, 3, 0) == 0); // wrapped round
    idr_destroy(&cyclic);

    ida numbers {};
    CHECK(ida_alloc_range(&numbers, 5, 6, 0) == 5);
    CHECK(ida_alloc_range(&numbers, 5, 6, 0) == 6);
    CHECK(ida_alloc_range(&numbers, 5, 6, 0) == -ENOSPC);
    ida_destroy(&numbers);
}
