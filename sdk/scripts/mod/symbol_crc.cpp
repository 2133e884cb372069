// Symbol CRCs from DWARF (see symbol_crc.h).
#include "symbol_crc.h"

#include <dwarf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwfl.h>
#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <set>

namespace ksim::modpost {

namespace {

// Relocatable objects need their DWARF relocated first; libdwfl's offline
// mode does that.
class Debuginfo {
public:
    explicit Debuginfo(const std::string& path)
    {
        static const Dwfl_Callbacks callbacks
            = {nullptr, dwfl_standard_find_debuginfo, dwfl_offline_section_address, nullptr};
        m_dwfl = dwfl_begin(&callbacks);
        if (!m_dwfl)
            return;
        int fd = open(path.c_str(), O_RDONLY);
        if (fd < 0)
            return;
        Dwfl_Module* module = dwfl_report_offline(m_dwfl, path.c_str(), path.c_str(), fd);
        dwfl_report_end(m_dwfl, nullptr, nullptr);
        if (module)
            m_dwarf = dwfl_module_getdwarf(module, &m_bias);
    }
    ~Debuginfo()
    {
        if (m_dwfl)
            dwfl_end(m_dwfl);
    }
    Debuginfo(const Debuginfo&) = delete;
    Debuginfo& operator=(const Debuginfo&) = delete;
    Dwarf* dwarf() const { return m_dwarf; }

private:
    Dwfl* m_dwfl = nullptr;
    Dwarf* m_dwarf = nullptr;
    Dwarf_Addr m_bias = 0;
};

// Writes a type out in full; a structure already being described is named
// only, which ends the recursion of self-referencing types.
class TypeText {
public:
    std::string of(Dwarf_Die* die)
    {
        std::string text;
        describe(die, text);
        return text;
    }

private:
    static std::string name_of(Dwarf_Die* die)
    {
        const char* name = dwarf_diename(die);
        return name ? name : "";
    }

    static bool type_of(Dwarf_Die* die, Dwarf_Die* type)
    {
        Dwarf_Attribute attribute;
        return dwarf_attr_integrate(die, DW_AT_type, &attribute) && dwarf_formref_die(&attribute, type);
    }

    void describe_type_of(Dwarf_Die* die, std::string& out)
    {
        Dwarf_Die type;
        if (type_of(die, &type))
            describe(&type, out);
        else
            out += "void";
    }

    static std::string number(Dwarf_Die* die, unsigned attribute_name)
    {
        Dwarf_Attribute attribute;
        Dwarf_Word value = 0;
        if (!dwarf_attr_integrate(die, attribute_name, &attribute) || dwarf_formudata(&attribute, &value) != 0)
            return "";
        return std::to_string(value);
    }

    void describe(Dwarf_Die* die, std::string& out)
    {
        int tag = dwarf_tag(die);
        switch (tag) {
        case DW_TAG_base_type:
            out += "base " + name_of(die) + ":" + number(die, DW_AT_byte_size);
            return;
        case DW_TAG_pointer_type:
            out += "* ";
            describe_type_of(die, out);
            return;
        case DW_TAG_const_type:
            out += "const ";
            describe_type_of(die, out);
            return;
        case DW_TAG_volatile_type:
            out += "volatile ";
            describe_type_of(die, out);
            return;
        case DW_TAG_typedef:
            out += "typedef " + name_of(die) + " ";
            describe_type_of(die, out);
            return;
        case DW_TAG_array_type: {
            Dwarf_Die child;
            if (dwarf_child(die, &child) == 0)
                do
                    if (dwarf_tag(&child) == DW_TAG_subrange_type)
                        out.append("[").append(number(&child, DW_AT_upper_bound)).append("]");
                while (dwarf_siblingof(&child, &child) == 0);
            describe_type_of(die, out);
            return;
        }
        case DW_TAG_structure_type:
        case DW_TAG_union_type:
        case DW_TAG_enumeration_type:
            describe_aggregate(die, tag, out);
            return;
        case DW_TAG_subroutine_type:
        case DW_TAG_subprogram:
            describe_function(die, out);
            return;
        case DW_TAG_variable:
            out += "variable ";
            describe_type_of(die, out);
            return;
        default:
            out += "tag" + std::to_string(tag);
        }
    }

    void describe_aggregate(Dwarf_Die* die, int tag, std::string& out)
    {
        std::string kind = tag == DW_TAG_structure_type ? "struct" : tag == DW_TAG_union_type ? "union" : "enum";
        std::string name = name_of(die);
        out += kind + " " + name;
        bool declaration = dwarf_hasattr(die, DW_AT_declaration);
        std::string key = kind + " " + name;
        if (declaration || (!name.empty() && m_open.contains(key)))
            return;
        m_open.insert(key);
        out += " {";
        Dwarf_Die child;
        if (dwarf_child(die, &child) == 0) {
            do {
                int child_tag = dwarf_tag(&child);
                if (child_tag == DW_TAG_member) {
                    out.append(" ").append(name_of(&child)).append("@");
                    out.append(number(&child, DW_AT_data_member_location)).append(":");
                    describe_type_of(&child, out);
                    out += ";";
                } else if (child_tag == DW_TAG_enumerator) {
                    Dwarf_Attribute attribute;
                    Dwarf_Sword value = 0;
                    if (dwarf_attr(&child, DW_AT_const_value, &attribute))
                        dwarf_formsdata(&attribute, &value);
                    out.append(" ").append(name_of(&child)).append("=").append(std::to_string(value)).append(",");
                }
            } while (dwarf_siblingof(&child, &child) == 0);
        }
        out += " }";
        m_open.erase(key);
    }

    void describe_function(Dwarf_Die* die, std::string& out)
    {
        out += "function (";
        Dwarf_Die child;
        if (dwarf_child(die, &child) == 0) {
            do {
                int child_tag = dwarf_tag(&child);
                if (child_tag == DW_TAG_formal_parameter) {
                    describe_type_of(&child, out);
                    out += ", ";
                } else if (child_tag == DW_TAG_unspecified_parameters) {
                    out += "..., ";
                }
            } while (dwarf_siblingof(&child, &child) == 0);
        }
        out += ") -> ";
        describe_type_of(die, out);
    }

    std::set<std::string> m_open; // aggregates being described
};

// The defining DIE of each wanted symbol at the top level of every unit.
template <typename Visit>
void for_each_symbol(const std::string& path, const std::vector<std::string>& symbols, Visit visit)
{
    Debuginfo info(path);
    if (!info.dwarf())
        return;
    std::set<std::string> wanted(symbols.begin(), symbols.end());
    Dwarf_Off offset = 0, next = 0;
    size_t header_size = 0;
    while (dwarf_nextcu(info.dwarf(), offset, &next, &header_size, nullptr, nullptr, nullptr) == 0) {
        Dwarf_Die unit, child;
        if (dwarf_offdie(info.dwarf(), offset + header_size, &unit) && dwarf_child(&unit, &child) == 0) {
            do {
                int tag = dwarf_tag(&child);
                if ((tag == DW_TAG_subprogram || tag == DW_TAG_variable) && !dwarf_hasattr(&child, DW_AT_declaration)) {
                    const char* name = dwarf_diename(&child);
                    if (name && wanted.erase(name))
                        visit(std::string(name), &child);
                }
            } while (dwarf_siblingof(&child, &child) == 0);
        }
        offset = next;
    }
}

// CRC-32 (IEEE), as zlib computes it.
uint32_t crc32_of(const std::string& text)
{
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t {};
        for (uint32_t i = 0; i < 256; ++i) {
            uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    uint32_t crc = 0xffffffffU;
    for (unsigned char c : text)
        crc = table[(crc ^ c) & 0xff] ^ (crc >> 8);
    return crc ^ 0xffffffffU;
}

// The canonical text of each symbol's type, which its CRC is computed from.
std::map<std::string, std::string> symbol_type_texts(
    const std::string& object_path, const std::vector<std::string>& symbols)
{
    std::map<std::string, std::string> texts;
    for_each_symbol(
        object_path, symbols, [&](const std::string& name, Dwarf_Die* die) { texts[name] = TypeText().of(die); });
    return texts;
}

} // namespace

std::map<std::string, uint32_t> symbol_crcs(const std::string& object_path, const std::vector<std::string>& symbols)
{
    std::map<std::string, uint32_t> crcs;
    for (const auto& [name, text] : symbol_type_texts(object_path, symbols))
        crcs[name] = crc32_of(text);
    return crcs;
}

} // namespace ksim::modpost
