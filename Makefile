# Kbuild's entry point is the top of the kernel tree, so KDIR may name this
# folder as well as its sdk/: make -C <ksim> M=$PWD modules.
include sdk/Makefile
