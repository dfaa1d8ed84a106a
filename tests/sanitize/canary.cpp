// Proof that the sanitize build really catches and halts: `canary asan` reads
// past a heap block, `canary ubsan` overflows a signed int. The ctests (root
// CMakeLists.txt, IVP_SANITIZE only) pass only when the sanitizer's report
// appears and the program stops there (it never prints "continued"), so a
// sanitize build that silently lost its flags fails instead of passing.
#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    volatile int index = 8;  // volatile: the compiler must not see the bug
    if (std::strcmp(argv[1], "asan") == 0) {
        const auto block = std::make_unique<int[]>(8);
        std::printf("%d\n", block[index]);
    } else if (std::strcmp(argv[1], "ubsan") == 0) {
        volatile int big = 2147483647;
        std::printf("%d\n", big + index);
    }
    std::puts("continued");
    return 0;
}
