// What modpost needs from a module's relocatable object (<module>.o): its
// .modinfo tags, the symbols it exports and the symbols it needs.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace ksim::modpost {

struct Export {
    std::string name;
    bool gpl_only;
};

struct Import {
    std::string name;
    bool weak; // a weak reference may stay unresolved
};

struct ObjectFile {
    std::vector<std::string> modinfo; // "key=value", in section order
    std::vector<Export> exports; // in symbol-table order
    std::vector<Import> imports; // in symbol-table order
};

// The reason an object could not be read, as modpost reports it.
struct ReadError {
    std::string message;
};

std::variant<ObjectFile, ReadError> read_object_file(const std::string& path);

} // namespace ksim::modpost
