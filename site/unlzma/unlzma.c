// The LZMA decoder of the inlined core (the single file ivp-rekenhulp.html and
// the inline embed). tools/build-site.mjs packs the core with
// `xz --format=raw --lzma1=preset=9e,lc=3,lp=0,pb=2` (Debian xz-utils) behind
// a 13-byte header, compiles this file into a WebAssembly module of its own
// (about 2 kB gzip: clang's wasm32 target, no C library) and checks that it
// gives the core back byte for byte before it writes a page. LZMA packs the
// core 17 % smaller than Zopfli's gzip (177 against 213 kB), the inlined
// core's base64 included 36 kB; decoding it costs about 33 ms against the
// browser's own gunzip's 12 ms (docs/perf.md, "The inlined core as LZMA").
// No browser decodes LZMA itself; a decoder in JavaScript took 93 ms.
//
// Written for this project from the format's description: Igor Pavlov's LZMA
// SDK, DOC/lzma-specification.txt (public domain), whose reference decoder
// (LzmaSpec.cpp) names the same models. The input is our own build's output,
// yet every read and every copy is checked: a damaged page gives an error,
// never a write outside the buffers.
//
// Header: the properties byte ((pb * 5 + lp) * 9 + lc), the dictionary size
// (4 bytes; unused: the whole output stays in memory), the decoded size (8
// bytes, little-endian, below 2^32); then the raw LZMA1 stream.
//
// The caller (site/js/ivp.js ivpUnpackInlineCore, site/early-inline-core.js)
// lays out in this module's memory the packed bytes, the output and
// probs_needed() 16-bit probabilities, and calls unlzma().

#include <stdint.h>

// The range decoder: where it reads, its range and code; bad once it read
// past the end.
typedef struct {
  const uint8_t* in; uint32_t at, len, range, code; int bad;
} Rc;
static inline void normalize(Rc* rc) {
  if (rc->range < (1u << 24)) {
    rc->range <<= 8;
    if (rc->at >= rc->len) { rc->bad = 1; rc->code <<= 8; return; }
    rc->code = (rc->code << 8) | rc->in[rc->at++];
  }
}
static inline unsigned bit(Rc* rc, uint16_t* p) {
  uint32_t bound = (rc->range >> 11) * *p;
  unsigned r;
  if (rc->code < bound) { rc->range = bound; *p += (2048 - *p) >> 5; r = 0; }
  else { rc->range -= bound; rc->code -= bound; *p -= *p >> 5; r = 1; }
  normalize(rc);
  return r;
}
static unsigned tree(Rc* rc, uint16_t* p, unsigned bits) {
  unsigned m = 1;
  for (unsigned i = 0; i < bits; i++) m = (m << 1) + bit(rc, p + m);
  return m - (1u << bits);
}
static unsigned rtree(Rc* rc, uint16_t* p, unsigned bits) {
  unsigned m = 1, s = 0;
  for (unsigned i = 0; i < bits; i++) { unsigned b = bit(rc, p + m); m = (m << 1) + b; s |= b << i; }
  return s;
}
static unsigned length(Rc* rc, uint16_t* p, unsigned ps) {
  if (!bit(rc, p)) return tree(rc, p + 2 + ps * 8, 3);
  if (!bit(rc, p + 1)) return 8 + tree(rc, p + 130 + ps * 8, 3);
  return 16 + tree(rc, p + 258, 8);
}
// The probability models, one array, each an offset into it (the sizes of
// LzmaSpec.cpp): is-match and is-rep0-long per state and position state, the
// rep choices per state, 4 × 64 distance slots, 115 probabilities for the
// distances below 128, 16 for the aligned bits, two length coders of 514
// (choice, choice 2, low and mid 16 × 8, high 256), then 0x300 per literal
// state.
enum { IS_MATCH = 0, IS_REP = 192, G0 = 204, G1 = 216, G2 = 228, REP0L = 240, SLOT = 432, SPEC = 688, ALIGN = 803, LEN = 819, RLEN = 1333, LIT = 1847 };
// The number of probabilities (16-bit) unlzma() needs for this properties byte.
__attribute__((export_name("probs_needed"))) uint32_t probs_needed(uint32_t props) {
  return LIT + (0x300u << (props % 9 + (props / 9) % 5));
}
// Decodes `len` packed bytes into `size` bytes of `out`. → 0, or the number
// of the check that failed: 1 too short or a bad properties byte, 2 a bad first byte, 3 read past the
// end, 4 a repeat before any byte, 5 a distance before the start (or the end
// marker before the size), 6 a match past the size.
__attribute__((export_name("unlzma")))
int unlzma(const uint8_t* in, uint32_t len, uint8_t* out, uint32_t size, uint16_t* probs) {
  if (len < 18 || in[0] >= 9 * 5 * 5) return 1;
  uint32_t props = in[0], lc = props % 9, lp = (props / 9) % 5, pb = props / 45;
  uint32_t n = probs_needed(props);
  for (uint32_t i = 0; i < n; i++) probs[i] = 1024;
  Rc rc = { in, 18, len, 0xFFFFFFFFu, 0, 0 };
  if (in[13] != 0) return 2;
  rc.code = ((uint32_t)in[14] << 24) | ((uint32_t)in[15] << 16) | ((uint32_t)in[16] << 8) | in[17];
  uint32_t state = 0, r0 = 0, r1 = 0, r2 = 0, r3 = 0, pos = 0;
  while (pos < size) {
    if (rc.bad) return 3;
    uint32_t ps = pos & ((1u << pb) - 1);
    if (!bit(&rc, probs + IS_MATCH + state * 16 + ps)) {
      uint32_t prev = pos ? out[pos - 1] : 0;
      uint16_t* lit = probs + LIT + 0x300 * (((pos & ((1u << lp) - 1)) << lc) + (prev >> (8 - lc)));
      uint32_t sym = 1;
      if (state >= 7) {
        uint32_t mb = out[pos - r0 - 1], off = 0x100;
        while (sym < 0x100) { mb <<= 1; uint32_t mbit = mb & off; uint32_t b = bit(&rc, lit + off + mbit + sym); sym = (sym << 1) | b; off &= b ? mbit : ~mbit; }
      } else {
        while (sym < 0x100) sym = (sym << 1) | bit(&rc, lit + sym);
      }
      out[pos++] = (uint8_t)sym;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    uint32_t l;
    if (bit(&rc, probs + IS_REP + state)) {
      if (pos == 0) return 4;
      if (!bit(&rc, probs + G0 + state)) {
        if (!bit(&rc, probs + REP0L + state * 16 + ps)) { state = state < 7 ? 9 : 11; out[pos] = out[pos - r0 - 1]; pos++; continue; }
      } else {
        uint32_t d;
        if (!bit(&rc, probs + G1 + state)) d = r1;
        else { if (!bit(&rc, probs + G2 + state)) d = r2; else { d = r3; r3 = r2; } r2 = r1; }
        r1 = r0; r0 = d;
      }
      l = length(&rc, probs + RLEN, ps);
      state = state < 7 ? 8 : 11;
    } else {
      r3 = r2; r2 = r1; r1 = r0;
      l = length(&rc, probs + LEN, ps);
      state = state < 7 ? 7 : 10;
      uint32_t ls = l < 3 ? l : 3, slot = tree(&rc, probs + SLOT + ls * 64, 6);
      if (slot < 4) r0 = slot;
      else {
        uint32_t bits = (slot >> 1) - 1, d = (2 | (slot & 1)) << bits;
        if (slot < 14) d += rtree(&rc, probs + SPEC + d - slot, bits);
        else {
          uint32_t direct = 0;
          for (uint32_t i = 0; i < bits - 4; i++) { rc.range >>= 1; uint32_t one = rc.code >= rc.range; if (one) rc.code -= rc.range; direct = (direct << 1) | one; normalize(&rc); }
          d += (direct << 4) + rtree(&rc, probs + ALIGN, 4);
        }
        r0 = d;
      }
      if (r0 >= pos) return 5;
    }
    l += 2;
    if (l > size - pos) return 6;
    for (uint8_t* dst = out + pos, *src = out + pos - r0 - 1, *end = dst + l; dst < end;) *dst++ = *src++;
    pos += l;
  }
  return rc.bad ? 3 : 0;
}
