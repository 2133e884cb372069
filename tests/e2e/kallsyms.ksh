# A module's lines in /proc/kallsyms, as Linux lists them: the CRCs, export
# strings and table entries read-only, no .modinfo or __versions symbols,
# EXPORT_SYMBOL in upper case and EXPORT_SYMBOL_GPL in lower case; no .init
# symbols once init is done. Without privilege every address is 0.
sudo insmod provider.ko
grep '\[provider\]' /proc/kallsyms
