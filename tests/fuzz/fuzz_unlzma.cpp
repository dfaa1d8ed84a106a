// libFuzzer target: the inlined core's LZMA decoder (site/unlzma/unlzma.c),
// compiled natively here with AddressSanitizer so that a read or write
// outside its buffers is a finding. On the page it runs in its own
// WebAssembly memory and sees only the bytes the build packed and checked
// (tools/pack-core.mjs); a damaged page file must still give an error code,
// not a hang or a wrong write. The buffers are laid out as the page lays them
// out (site/js/unpack.js): the packed bytes, the output of the header's size
// (capped here at 64 kB, so that a run is quick), the probabilities — each
// its own allocation, so that ASan sees every edge.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

extern "C" {
// The decoder is C with WebAssembly export names, which a native build ignores.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wunknown-attributes"
#pragma clang diagnostic ignored "-Wignored-attributes"
#include "../../site/unlzma/unlzma.c"
#pragma clang diagnostic pop
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 13) return 0;
    uint32_t out_size = uint32_t(data[5]) | uint32_t(data[6]) << 8 | uint32_t(data[7]) << 16 | uint32_t(data[8]) << 24;
    if (out_size > (1u << 16)) out_size %= (1u << 16);
    const std::vector<uint8_t> packed(data, data + size);
    std::vector<uint8_t> out(out_size);
    // probs_needed for a properties byte the decoder refuses is never used.
    std::vector<uint16_t> probs(data[0] < 225 ? probs_needed(data[0]) : 0);
    const int failed = unlzma(packed.data(), uint32_t(packed.size()), out.data(), out_size, probs.data());
    if (failed < 0 || failed > 6) {
        std::fprintf(stderr, "FUZZ FINDING: unlzma returned %d\n", failed);
        __builtin_trap();
    }
    return 0;
}
