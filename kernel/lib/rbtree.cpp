// Red-black trees (Linux's lib/rbtree.c interface): the module links a new node
// under its parent itself (rb_link_node), then the kernel recolours and
// rotates to keep the tree balanced; erase and the walks are the kernel's too.
#include <ksim/lib_abi.h>

#include "core/export.h"

namespace {

rb_node* parent_of(const rb_node* node)
{
    return reinterpret_cast<rb_node*>(node->__rb_parent_color & ~3UL);
}

bool is_black(const rb_node* node)
{
    return !node || (node->__rb_parent_color & KSIM_RB_BLACK);
}

bool is_red(const rb_node* node)
{
    return !is_black(node);
}

void set_parent(rb_node* node, rb_node* parent)
{
    node->__rb_parent_color = reinterpret_cast<unsigned long>(parent) | (node->__rb_parent_color & KSIM_RB_BLACK);
}

void set_colour(rb_node* node, unsigned long colour)
{
    node->__rb_parent_color = (node->__rb_parent_color & ~KSIM_RB_BLACK) | colour;
}

// Points whatever pointed at `old` (its parent's link, or the root) at `node`.
void change_child(const rb_node* old, rb_node* node, rb_node* parent, rb_root* root)
{
    if (!parent)
        root->rb_node = node;
    else if (parent->rb_left == old)
        parent->rb_left = node;
    else
        parent->rb_right = node;
}

// Rotations keep each node's colour: only the links change.
void rotate_left(rb_root* root, rb_node* node)
{
    rb_node* pivot = node->rb_right;
    node->rb_right = pivot->rb_left;
    if (pivot->rb_left)
        set_parent(pivot->rb_left, node);
    rb_node* parent = parent_of(node);
    set_parent(pivot, parent);
    change_child(node, pivot, parent, root);
    pivot->rb_left = node;
    set_parent(node, pivot);
}

void rotate_right(rb_root* root, rb_node* node)
{
    rb_node* pivot = node->rb_left;
    node->rb_left = pivot->rb_right;
    if (pivot->rb_right)
        set_parent(pivot->rb_right, node);
    rb_node* parent = parent_of(node);
    set_parent(pivot, parent);
    change_child(node, pivot, parent, root);
    pivot->rb_right = node;
    set_parent(node, pivot);
}

// A black node left `child` (possibly NULL) under `parent` one black short:
// recolour and rotate until every path counts the same blacks again.
void erase_fixup(rb_node* child, rb_node* parent, rb_root* root)
{
    while (child != root->rb_node && is_black(child)) {
        if (child == parent->rb_left) {
            rb_node* sibling = parent->rb_right;
            if (is_red(sibling)) {
                set_colour(sibling, KSIM_RB_BLACK);
                set_colour(parent, KSIM_RB_RED);
                rotate_left(root, parent);
                sibling = parent->rb_right;
            }
            if (is_black(sibling->rb_left) && is_black(sibling->rb_right)) {
                set_colour(sibling, KSIM_RB_RED);
                child = parent;
                parent = parent_of(child);
                continue;
            }
            if (is_black(sibling->rb_right)) {
                set_colour(sibling->rb_left, KSIM_RB_BLACK);
                set_colour(sibling, KSIM_RB_RED);
                rotate_right(root, sibling);
                sibling = parent->rb_right;
            }
            set_colour(sibling, parent->__rb_parent_color & KSIM_RB_BLACK);
            set_colour(parent, KSIM_RB_BLACK);
            set_colour(sibling->rb_right, KSIM_RB_BLACK);
            rotate_left(root, parent);
        } else {
            rb_node* sibling = parent->rb_left;
            if (is_red(sibling)) {
                set_colour(sibling, KSIM_RB_BLACK);
                set_colour(parent, KSIM_RB_RED);
                rotate_right(root, parent);
                sibling = parent->rb_left;
            }
            if (is_black(sibling->rb_left) && is_black(sibling->rb_right)) {
                set_colour(sibling, KSIM_RB_RED);
                child = parent;
                parent = parent_of(child);
                continue;
            }
            if (is_black(sibling->rb_left)) {
                set_colour(sibling->rb_right, KSIM_RB_BLACK);
                set_colour(sibling, KSIM_RB_RED);
                rotate_left(root, sibling);
                sibling = parent->rb_left;
            }
            set_colour(sibling, parent->__rb_parent_color & KSIM_RB_BLACK);
            set_colour(parent, KSIM_RB_BLACK);
            set_colour(sibling->rb_left, KSIM_RB_BLACK);
            rotate_right(root, parent);
        }
        child = root->rb_node;
    }
    if (child)
        set_colour(child, KSIM_RB_BLACK);
}

rb_node* deepest_leftmost(rb_node* node)
{
    for (;;) {
        if (node->rb_left)
            node = node->rb_left;
        else if (node->rb_right)
            node = node->rb_right;
        else
            return node;
    }
}

bool is_detached(const rb_node* node)
{
    return node->__rb_parent_color == reinterpret_cast<unsigned long>(node); // RB_EMPTY_NODE
}

} // namespace

// `node` was just linked, red, under its parent by rb_link_node().
KSIM_EXPORT void rb_insert_color(rb_node* node, rb_root* root)
{
    for (;;) {
        rb_node* parent = parent_of(node);
        if (!parent) {
            set_colour(node, KSIM_RB_BLACK);
            return;
        }
        if (is_black(parent))
            return;
        rb_node* grandparent = parent_of(parent); // a red parent is never the root
        bool left = parent == grandparent->rb_left;
        rb_node* uncle = left ? grandparent->rb_right : grandparent->rb_left;
        if (is_red(uncle)) {
            set_colour(parent, KSIM_RB_BLACK);
            set_colour(uncle, KSIM_RB_BLACK);
            set_colour(grandparent, KSIM_RB_RED);
            node = grandparent;
            continue;
        }
        if (left && node == parent->rb_right) {
            rotate_left(root, parent);
            parent = node;
        } else if (!left && node == parent->rb_left) {
            rotate_right(root, parent);
            parent = node;
        }
        set_colour(parent, KSIM_RB_BLACK);
        set_colour(grandparent, KSIM_RB_RED);
        if (left)
            rotate_right(root, grandparent);
        else
            rotate_left(root, grandparent);
        return;
    }
}

KSIM_EXPORT void rb_erase(rb_node* node, rb_root* root)
{
    rb_node* child;
    rb_node* parent;
    bool removed_black;
    if (!node->rb_left || !node->rb_right) {
        child = node->rb_left ? node->rb_left : node->rb_right;
        parent = parent_of(node);
        removed_black = is_black(node);
        if (child)
            set_parent(child, parent);
        change_child(node, child, parent, root);
    } else {
        // Two children: the successor (leftmost on the right) takes the
        // node's place and colour; the hole moves to where it was.
        rb_node* successor = node->rb_right;
        while (successor->rb_left)
            successor = successor->rb_left;
        removed_black = is_black(successor);
        child = successor->rb_right;
        if (parent_of(successor) == node) {
            parent = successor;
        } else {
            parent = parent_of(successor);
            parent->rb_left = child;
            if (child)
                set_parent(child, parent);
            successor->rb_right = node->rb_right;
            set_parent(node->rb_right, successor);
        }
        change_child(node, successor, parent_of(node), root);
        successor->rb_left = node->rb_left;
        set_parent(node->rb_left, successor);
        successor->__rb_parent_color = node->__rb_parent_color;
    }
    if (removed_black)
        erase_fixup(child, parent, root);
}

KSIM_EXPORT rb_node* rb_first(const rb_root* root)
{
    rb_node* node = root->rb_node;
    if (node)
        while (node->rb_left)
            node = node->rb_left;
    return node;
}

KSIM_EXPORT rb_node* rb_last(const rb_root* root)
{
    rb_node* node = root->rb_node;
    if (node)
        while (node->rb_right)
            node = node->rb_right;
    return node;
}

KSIM_EXPORT rb_node* rb_next(const rb_node* node)
{
    if (is_detached(node))
        return nullptr;
    if (node->rb_right) {
        rb_node* next = node->rb_right;
        while (next->rb_left)
            next = next->rb_left;
        return next;
    }
    rb_node* parent;
    while ((parent = parent_of(node)) && node == parent->rb_right)
        node = parent;
    return parent;
}

KSIM_EXPORT rb_node* rb_prev(const rb_node* node)
{
    if (is_detached(node))
        return nullptr;
    if (node->rb_left) {
        rb_node* prev = node->rb_left;
        while (prev->rb_right)
            prev = prev->rb_right;
        return prev;
    }
    rb_node* parent;
    while ((parent = parent_of(node)) && node == parent->rb_left)
        node = parent;
    return parent;
}

// `replacement` takes `victim`'s place, links and colour, without rebalancing:
// the caller promises it sorts the same.
KSIM_EXPORT void rb_replace_node(rb_node* victim, rb_node* replacement, rb_root* root)
{
    *replacement = *victim;
    if (victim->rb_left)
        set_parent(victim->rb_left, replacement);
    if (victim->rb_right)
        set_parent(victim->rb_right, replacement);
    change_child(victim, replacement, parent_of(victim), root);
}

// Post-order: children before their parent, so each node may be freed as it is visited.
KSIM_EXPORT rb_node* rb_first_postorder(const rb_root* root)
{
    return root->rb_node ? deepest_leftmost(root->rb_node) : nullptr;
}

KSIM_EXPORT rb_node* rb_next_postorder(const rb_node* node)
{
    if (!node)
        return nullptr;
    rb_node* parent = parent_of(node);
    if (parent && node == parent->rb_left && parent->rb_right)
        return deepest_leftmost(parent->rb_right);
    return parent;
}
