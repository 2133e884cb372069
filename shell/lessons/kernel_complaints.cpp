// The kernel's complaints (see kernel_complaints.h).
#include "shell/lessons/kernel_complaints.h"

namespace ksim::lessons {

namespace {

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

// kmemleak's "unreferenced object", ksim's count of what a module never freed,
// and what it left registered: Linux would report or oops on each later.
bool is_leak_report(const std::string& text)
{
    return contains(text, "not freed at unload") || contains(text, "unreferenced object")
        || contains(text, "still registered after unload");
}

bool is_complaint(const std::string& text)
{
    return text.starts_with("WARNING: CPU: ") // __warn(), from WARN and WARN_ON
        || text.starts_with("WARNING: possible ") // lockdep
        || text.starts_with("kfree: invalid pointer")
        || (text.starts_with("kmem_cache_free: ") && contains(text, "invalid pointer"))
        || text.starts_with("buggy seq_file .next function")
        || text.starts_with("BUG: sleeping function called from invalid context")
        || text.starts_with("BUG: scheduling while atomic") || contains(text, "BUG: soft lockup")
        || contains(text, "->init suspiciously returned "); // do_init_module(): init returned a positive number
}

} // namespace

std::vector<Complaint> kernel_complaints(const std::vector<ObservedRecord>& records)
{
    std::vector<Complaint> complaints;
    for (size_t i = 0; i < records.size(); ++i) {
        const std::string& text = records[i].text;
        bool leak = is_leak_report(text);
        if (!leak && !is_complaint(text))
            continue;
        Complaint complaint {text, "", leak};
        // WARN(cond, fmt, ...) prints its message between "cut here" and the WARNING line.
        if (text.starts_with("WARNING: CPU: ") && i >= 2 && records[i - 2].text.ends_with("[ cut here ]------------"))
            complaint.context = records[i - 1].text;
        complaints.push_back(std::move(complaint));
    }
    return complaints;
}

} // namespace ksim::lessons
