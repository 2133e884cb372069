#!/usr/bin/env python3
"""The malformed-module corpus: deterministic mutations of a good bundled .ko
(truncations at every structure boundary, corrupt ELF, program and section
headers, dynamic entries, hash tables, relocations and symbols, plus seeded
random byte flips), each loaded by a fresh ksim. Every case must leave ksim
alive (no crash, no hang), get Linux's answer, leave nothing loaded or tainted
that Linux would not, and let hello.ko load after it.

usage: run_corpus.py KSIM MODULES_DIR [BASE_MODULE]"""
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

INVALID = "Invalid module format"
TIMEOUT = 20  # seconds; a case that takes longer has hung ksim
HUGE = 0xFFFFFFFFFFFFFF00

# ELF constants (elf.h)
PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_TLS, PT_GNU_STACK, PT_GNU_RELRO = 1, 2, 3, 7, 0x6474E551, 0x6474E552
SHT_NOBITS, SHT_SYMTAB, SHT_DYNSYM, SHT_NULL = 8, 2, 11, 0
DT = dict(NULL=0, NEEDED=1, PLTRELSZ=2, PLTGOT=3, HASH=4, STRTAB=5, SYMTAB=6, RELA=7, RELASZ=8, RELAENT=9,
          STRSZ=10, SYMENT=11, INIT=12, FINI=13, SONAME=14, RPATH=15, SYMBOLIC=16, TEXTREL=22, JMPREL=23,
          INIT_ARRAY=25, FINI_ARRAY=26, INIT_ARRAYSZ=27, FINI_ARRAYSZ=28, FLAGS=30, GNU_HASH=0x6FFFFEF5,
          VERSYM=0x6FFFFFF0, RELACOUNT=0x6FFFFFF9, FLAGS_1=0x6FFFFFFB, VERNEED=0x6FFFFFFE)
R_X86_64_IRELATIVE, R_X86_64_TPOFF64, R_X86_64_COPY = 37, 18, 5


class Elf:
    def __init__(self, data):
        self.data = data
        (self.phoff, self.shoff) = struct.unpack_from("<QQ", data, 32)
        (self.phnum, _, self.shnum, self.shstrndx) = struct.unpack_from("<HHHH", data, 56)
        self.phdrs = [self.phoff + i * 56 for i in range(self.phnum)]
        self.shdrs = [self.shoff + i * 64 for i in range(self.shnum)]
        strtab_off = self.u64(self.shdrs[self.shstrndx] + 24)
        self.names = {}
        for sh in self.shdrs:
            name_off = strtab_off + self.u32(sh)
            self.names[data[name_off:data.index(b"\0", name_off)].decode()] = sh
        self.dynamic = next(ph for ph in self.phdrs if self.u32(ph) == PT_DYNAMIC)
        dyn_off = self.u64(self.dynamic + 8)
        self.dyn = {}  # tag -> file offset of the entry
        for i in range(self.u64(self.dynamic + 32) // 16):
            tag = self.u64(dyn_off + 16 * i)
            if tag == 0:
                break
            self.dyn[tag] = dyn_off + 16 * i

    def u32(self, off):
        return struct.unpack_from("<I", self.data, off)[0]

    def u64(self, off):
        return struct.unpack_from("<Q", self.data, off)[0]

    def offset_of(self, vaddr):
        for ph in self.phdrs:
            if self.u32(ph) == PT_LOAD:
                start, size = self.u64(ph + 16), self.u64(ph + 32)
                if start <= vaddr < start + size:
                    return self.u64(ph + 8) + vaddr - start
        raise ValueError(hex(vaddr))

    def dyn_value(self, tag):
        return self.u64(self.dyn[DT[tag]] + 8)

    def section(self, name):
        sh = self.names[name]
        return self.u64(sh + 24), self.u64(sh + 32)


def put(data, off, fmt, value):
    out = bytearray(data)
    struct.pack_into(fmt, out, off, *(value if isinstance(value, tuple) else (value,)))
    return bytes(out)


def cases(data):
    """(name, bytes, expectation); expectation is "refused" (Invalid module
    format, nothing changed), "einval" (an empty file) or "any" (random flips:
    either a clean load or one of Linux's refusals)."""
    elf = Elf(data)
    yield "empty", b"", "einval"
    # Truncations at every structure boundary: header, program headers, each
    # segment and section start, middle and end, the section header table.
    cuts = {1, 4, 16, 63, 64, elf.phoff + 56, elf.phoff + 56 * elf.phnum - 1, elf.shoff, elf.shoff + 64,
            len(data) - 64, len(data) - 1}
    for ph in elf.phdrs:
        off, size = elf.u64(ph + 8), elf.u64(ph + 32)
        cuts |= {off, off + size // 2, off + size - 1}
    for sh in elf.shdrs:
        off, size = elf.u64(sh + 24), elf.u64(sh + 32)
        cuts |= {off, off + size // 2}
    for cut in sorted(c for c in cuts if 0 < c < len(data)):
        yield f"truncated_at_{cut}", data[:cut], "refused"
    # The ELF header, field by field.
    for name, off, fmt, value in [
            ("magic", 1, "<B", ord("e")), ("class32", 4, "<B", 1), ("big_endian", 5, "<B", 2),
            ("ident_version", 6, "<B", 0), ("osabi", 7, "<B", 97), ("abiversion", 8, "<B", 3),
            ("ident_padding", 12, "<B", 1), ("type_rel", 16, "<H", 1), ("type_exec", 16, "<H", 2),
            ("machine_i386", 18, "<H", 3), ("version", 20, "<I", 9), ("phoff_huge", 32, "<Q", HUGE),
            ("phoff_past_end", 32, "<Q", len(data) - 8), ("shoff_huge", 40, "<Q", HUGE),
            ("shoff_past_end", 40, "<Q", len(data)), ("phentsize_0", 54, "<H", 0), ("phentsize_55", 54, "<H", 55),
            ("phnum_0", 56, "<H", 0), ("phnum_max", 56, "<H", 0xFFFF), ("shentsize_40", 58, "<H", 40),
            ("shnum_0", 60, "<H", 0), ("shnum_max", 60, "<H", 0xFFFF), ("shstrndx_0", 62, "<H", 0),
            ("shstrndx_shnum", 62, "<H", elf.shnum), ("shstrndx_max", 62, "<H", 0xFFFF)]:
        yield f"ehdr_{name}", put(data, off, fmt, value), "refused"
    # Program headers.
    loads = [ph for ph in elf.phdrs if elf.u32(ph) == PT_LOAD]
    for i, ph in enumerate(elf.phdrs):
        for name, off, fmt, value in [("offset_huge", 8, "<Q", HUGE), ("filesz_huge", 32, "<Q", HUGE),
                                      ("vaddr_huge", 16, "<Q", HUGE), ("memsz_huge", 40, "<Q", HUGE)]:
            if elf.u32(ph) == PT_LOAD:
                yield f"phdr{i}_{name}", put(data, ph + off, fmt, value), "refused"
            elif elf.u32(ph) == PT_DYNAMIC:  # glibc reads only its address and file size
                yield f"phdr{i}_{name}", put(data, ph + off, fmt, value), \
                    "refused" if name in ("filesz_huge", "vaddr_huge") else "any"
        if elf.u32(ph) == PT_LOAD:
            yield f"phdr{i}_align_3", put(data, ph + 48, "<Q", 3), "refused"
            yield f"phdr{i}_past_end", put(data, ph + 32, "<Q", len(data) - elf.u64(ph + 8) + 4096), "refused"
            yield f"phdr{i}_filesz_over_memsz", put(data, ph + 32, "<Q", elf.u64(ph + 40) + 8), "refused"
            yield f"phdr{i}_as_tls", put(data, ph, "<I", PT_TLS), "refused"
        if elf.u32(ph) == PT_GNU_STACK:
            yield f"phdr{i}_executable_stack", put(data, ph + 4, "<I", 7), "refused"
        if elf.u32(ph) == PT_GNU_RELRO:
            yield f"phdr{i}_relro_outside", put(data, ph + 16, "<Q", 0x40000000), "refused"
    first_dyn = elf.phdrs.index(elf.dynamic)
    yield "phdr_interp", put(data, elf.phdrs[-1], "<I", PT_INTERP), "refused"
    yield "phdr_two_dynamic", put(data, loads[0], "<I", PT_DYNAMIC), "refused"
    yield f"phdr{first_dyn}_dynamic_outside", put(data, elf.dynamic + 16, "<Q", 0x40000000), "refused"
    if len(loads) > 1:  # segments out of order, overlapping
        swapped = bytearray(data)
        a, b = loads[0], loads[1]
        swapped[a:a + 56], swapped[b:b + 56] = data[b:b + 56], data[a:a + 56]
        yield "phdr_loads_swapped", bytes(swapped), "refused"
        yield "phdr_loads_overlap", put(data, loads[1] + 16, "<Q", elf.u64(loads[0] + 16)), "refused"
    # Section headers, as Linux's elf_validity_check sees them.
    shstr = elf.shdrs[elf.shstrndx]
    yield "shstrtab_empty", put(data, shstr + 32, "<Q", 0), "refused"
    yield "shstrtab_unterminated", put(data, elf.u64(shstr + 24) + elf.u64(shstr + 32) - 1, "<B", ord("x")), "refused"
    yield "section0_type", put(data, elf.shdrs[0] + 4, "<I", 1), "refused"
    yield "section0_size", put(data, elf.shdrs[0] + 32, "<Q", 8), "refused"
    for i, sh in enumerate(elf.shdrs[1:], 1):
        if elf.u32(sh + 4) != SHT_NOBITS:
            yield f"shdr{i}_offset_huge", put(data, sh + 24, "<Q", HUGE), "refused"
            yield f"shdr{i}_size_huge", put(data, sh + 32, "<Q", HUGE), "refused"
        if elf.u64(sh + 8) & 2 and elf.u32(sh + 4) != SHT_NOBITS:  # Linux checks these names
            yield f"shdr{i}_name_huge", put(data, sh + 0, "<I", 0xFFFFFF), "refused"
        if elf.u32(sh + 4) == SHT_SYMTAB:
            yield f"shdr{i}_symtab_link_0", put(data, sh + 40, "<I", 0), "refused"
            yield f"shdr{i}_symtab_link_huge", put(data, sh + 40, "<I", 0xFFFF), "refused"
        if elf.u32(sh + 4) == SHT_DYNSYM:
            yield f"shdr{i}_dynsym_size_odd", put(data, sh + 32, "<Q", elf.u64(sh + 32) - 8), "refused"
            yield f"shdr{i}_dynsym_moved", put(data, sh + 24, "<Q", elf.u64(sh + 24) + 24), "refused"
    modinfo = elf.names[".modinfo"]
    yield "modinfo_nobits", put(data, modinfo + 4, "<I", SHT_NOBITS), "refused"
    yield "modinfo_empty", put(data, modinfo + 32, "<Q", 0), "refused"
    if "__versions" in elf.names:
        versions = elf.names["__versions"]
        yield "versions_nobits", put(data, versions + 4, "<I", SHT_NOBITS), "any"
        yield "versions_size_odd", put(data, versions + 32, "<Q", elf.u64(versions + 32) - 1), "any"
        yield "versions_size_huge", put(data, versions + 32, "<Q", HUGE), "refused"
    # The dynamic section: every pointer and size out of range, tags a module never has.
    for tag, off in sorted(elf.dyn.items()):
        yield f"dyn_{tag:x}_huge", put(data, off + 8, "<Q", HUGE), "refused" if tag not in (
            DT["SYMBOLIC"], DT["FLAGS"], DT["FLAGS_1"]) else "any"
    # -Bsymbolic's DT_SYMBOLIC entry, replaced by tags a module never carries.
    spare = elf.dyn[DT["SYMBOLIC"]]
    for name, tag, value in [("needed_libc", "NEEDED", 1), ("rpath", "RPATH", 1), ("textrel", "TEXTREL", 0),
                             ("versym", "VERSYM", elf.dyn_value("SYMTAB")),
                             ("verneed", "VERNEED", elf.dyn_value("SYMTAB"))]:
        yield f"dyn_{name}", put(data, spare, "<qQ", (DT[tag], value)), "refused"
    yield "dyn_null_first", put(data, min(elf.dyn.values()), "<q", 0), "refused"
    yield "dyn_no_null", dyn_without_null(data, elf), "refused"
    yield "dyn_duplicate_strtab", put(data, elf.dyn[DT["STRSZ"]], "<q", DT["STRTAB"]), "refused"
    yield "dyn_strsz_0", put(data, elf.dyn[DT["STRSZ"]] + 8, "<Q", 0), "refused"
    yield "dyn_syment_0", put(data, elf.dyn[DT["SYMENT"]] + 8, "<Q", 0), "refused"
    if DT["RELA"] in elf.dyn:
        yield "dyn_relaent_0", put(data, elf.dyn[DT["RELAENT"]] + 8, "<Q", 0), "refused"
        yield "dyn_relasz_odd", put(data, elf.dyn[DT["RELASZ"]] + 8, "<Q", elf.dyn_value("RELASZ") + 1), "refused"
    if DT["RELACOUNT"] in elf.dyn:
        yield "dyn_relacount_over", put(data, elf.dyn[DT["RELACOUNT"]] + 8, "<Q",
                                        elf.dyn_value("RELASZ") // 24 + 1), "refused"
    # The GNU hash table.
    gnu = elf.offset_of(elf.dyn_value("GNU_HASH"))
    nbuckets, symoffset, bloom = struct.unpack_from("<III", data, gnu)
    nsyms = elf.section(".dynsym")[1] // 24
    yield "gnu_hash_nbuckets_0", put(data, gnu, "<I", 0), "refused"
    yield "gnu_hash_bloom_3", put(data, gnu + 8, "<I", 3), "refused"
    yield "gnu_hash_symoffset_huge", put(data, gnu + 4, "<I", 0xFFFFFF), "refused"
    yield "gnu_hash_bucket_huge", put(data, gnu + 16 + 8 * bloom, "<I", 0xFFFFFF), "refused"
    if nsyms > symoffset:
        last = gnu + 16 + 8 * bloom + 4 * nbuckets + 4 * (nsyms - symoffset - 1)
        yield "gnu_hash_chain_endless", put(data, last, "<I", elf.u32(last) & ~1), "refused"
    # Relocations.
    for table, size in (("RELA", "RELASZ"), ("JMPREL", "PLTRELSZ")):
        if DT[table] not in elf.dyn:
            continue
        first = elf.offset_of(elf.dyn_value(table))
        info = elf.u64(first + 8)
        text = elf.u64(loads[0] + 16)
        for name, off, value in [("offset_huge", 0, HUGE), ("offset_in_text", 0, text),
                                 ("offset_in_dynamic", 0, elf.u64(elf.dynamic + 16)),
                                 ("offset_in_dynsym", 0, elf.dyn_value("SYMTAB")),
                                 ("type_irelative", 8, (info & ~0xFFFFFFFF) | R_X86_64_IRELATIVE),
                                 ("type_tpoff64", 8, (info & ~0xFFFFFFFF) | R_X86_64_TPOFF64),
                                 ("type_copy", 8, (info & ~0xFFFFFFFF) | R_X86_64_COPY),
                                 ("type_999", 8, (info & ~0xFFFFFFFF) | 999),
                                 ("symbol_huge", 8, (0xFFFFFF << 32) | (info & 0xFFFFFFFF))]:
            yield f"{table.lower()}_{name}", put(data, first + off, "<Q", value), "refused"
    # Dynamic symbols: names outside the string table, IFUNC and TLS types.
    dynsym = elf.section(".dynsym")[0]
    for i in (1, nsyms - 1):
        yield f"dynsym{i}_name_huge", put(data, dynsym + 24 * i, "<I", 0xFFFFFF), "refused"
        info = data[dynsym + 24 * i + 4]
        yield f"dynsym{i}_ifunc", put(data, dynsym + 24 * i + 4, "<B", (info & 0xF0) | 10), "refused"
        yield f"dynsym{i}_tls", put(data, dynsym + 24 * i + 4, "<B", (info & 0xF0) | 6), "refused"
    # Seeded random byte flips over the headers and the dynamic linker's tables.
    rng = random.Random(10)
    regions = [(0, 64), (elf.phoff, 56 * elf.phnum), (elf.shoff, 64 * elf.shnum), elf.section(".dynamic"),
               elf.section(".dynsym"), elf.section(".gnu.hash"), elf.section(".dynstr")]
    for i in range(40):
        start, size = regions[i % len(regions)]
        out = bytearray(data)
        for _ in range(1 + i % 4):
            out[start + rng.randrange(size)] ^= 1 << rng.randrange(8)
        yield f"random_{i}", bytes(out), "any"


def dyn_without_null(data, elf):
    """The dynamic section with its DT_NULL terminators overwritten."""
    out = bytearray(data)
    start = elf.u64(elf.dynamic + 8)
    for i in range(elf.u64(elf.dynamic + 32) // 16):
        if struct.unpack_from("<q", out, start + 16 * i)[0] == 0:
            struct.pack_into("<qQ", out, start + 16 * i, DT["SYMBOLIC"], 0)
    return bytes(out)


LINUX_REFUSALS = (INVALID, "Unknown symbol in module", "Invalid parameters", "Exec format error")
REFUSAL = "insmod: ERROR: could not insert module {}.ko: "
BATCH = 25  # cases per ksim process; a batch that dies is rerun case by case


def case_script(index):
    """One case's commands, each section marked so its lines can be told apart."""
    return (f'echo "== {index}"; echo before; cat /proc/sys/kernel/tainted; echo insmod; '
            f'sudo insmod c{index}.ko 2>&1; echo "status=$?"; echo lsmod; lsmod; echo after; '
            f'cat /proc/sys/kernel/tainted; sudo rmmod hello 2>/dev/null; ')


def judge(index, expectation, lines):
    """None when the case got Linux's answer and left the kernel as Linux would."""
    try:
        before = lines[lines.index("before") + 1]
        insmod = lines[lines.index("insmod") + 1:next(i for i, l in enumerate(lines) if l.startswith("status="))]
        status = next(l for l in lines if l.startswith("status="))
        listed = lines[lines.index("lsmod") + 2:lines.index("after")]
        after = lines[lines.index("after") + 1]
    except (ValueError, StopIteration, IndexError):
        return "incomplete transcript"
    refusal = REFUSAL.format(f"c{index}")
    loaded = any(l.startswith("hello ") for l in listed)
    if expectation == "refused":
        if status != "status=1" or insmod != [refusal + INVALID]:
            return f"not refused as Invalid module format: {insmod} {status}"
        if loaded or listed or after != before:
            return f"left the kernel changed: {listed} taint {before} -> {after}"
    elif expectation == "einval":
        if status != "status=1" or insmod != [refusal + "Invalid parameters"] or listed or after != before:
            return f"not refused as Invalid parameters: {insmod} {status}"
    elif status == "status=0":
        if not loaded:
            return "insmod succeeded but nothing is loaded"
    elif len(insmod) != 1 or not any(insmod[0] == refusal + text for text in LINUX_REFUSALS) or loaded:
        return f"neither loaded nor refused as Linux does: {insmod} {status} {listed}"
    return None


def run_batch(ksim, work, batch):
    """Runs [(index, name, image, expectation)] in one ksim; returns {index: problem or None}
    or a string when ksim itself died or hung."""
    script = ""
    for index, _, image, _ in batch:
        with open(os.path.join(work, f"c{index}.ko"), "wb") as f:
            f.write(image)
        script += case_script(index)
    script += "sudo insmod hello.ko; echo hello=$?; lsmod; echo end"
    try:
        run = subprocess.run([ksim, "-c", script], cwd=work, capture_output=True, timeout=TIMEOUT * len(batch),
                             text=True, errors="replace")
    except subprocess.TimeoutExpired:
        return "hung"
    lines = run.stdout.splitlines()
    if run.returncode < 0 or not lines or lines[-1] != "end":
        return f"crashed (exit {run.returncode})"
    results = {}
    for index, _, _, expectation in batch:
        start = lines.index(f"== {index}")
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("== ")), len(lines))
        results[index] = judge(index, expectation, lines[start + 1:end])
    tail = lines[lines.index("hello=0") + 1:] if "hello=0" in lines else []
    if not any(l.startswith("hello ") for l in tail):
        results[batch[-1][0]] = results[batch[-1][0]] or "hello.ko did not load after it"
    return results


def main():
    ksim, modules = sys.argv[1], sys.argv[2]
    base = sys.argv[3] if len(sys.argv) > 3 else "hello"
    with open(os.path.join(modules, base + ".ko"), "rb") as f:
        data = f.read()
    work = tempfile.mkdtemp(prefix="ksim-malformed-")
    try:
        shutil.copy(os.path.join(modules, "hello.ko"), work)
        corpus = [(i, name, image, expectation) for i, (name, image, expectation) in enumerate(cases(data))]
        counts = dict(cases=len(corpus), contained=0, crashed=0, hung=0, wrong=0)
        failures = []
        for first in range(0, len(corpus), BATCH):
            batch = corpus[first:first + BATCH]
            results = run_batch(ksim, work, batch)
            if isinstance(results, str):  # find which case took ksim down
                results = {}
                for case in batch:
                    single = run_batch(ksim, work, [case])
                    results[case[0]] = single if isinstance(single, str) else single[case[0]]
            for index, name, _, _ in batch:
                problem = results[index]
                if problem is None:
                    counts["contained"] += 1
                    continue
                kind = "hung" if problem == "hung" else "crashed" if problem.startswith("crashed") else "wrong"
                counts[kind] += 1
                failures.append(f"--- {name}: {problem}")
        print("\n".join(failures))
        print("malformed .ko corpus: {cases} cases, {contained} contained, crashed: {crashed}, hung: {hung}, "
              "wrong answer: {wrong}".format(**counts))
        return 0 if counts["contained"] == counts["cases"] else 1
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    sys.exit(main())
