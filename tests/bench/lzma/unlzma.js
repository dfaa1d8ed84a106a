// An LZMA decoder in JavaScript, for tests/bench/lzma-core.mjs only: it
// measures what decoding the inlined LZMA core in JavaScript would cost at
// start-up: 93 ms against 33 for the page's WebAssembly decoder
// (docs/perf.md, "The inlined core as LZMA"). Not part of the site. Written
// for this project from the format's description
// (the LZMA SDK's DOC/lzma-specification.txt). Plain ES5 syntax, as the
// page's early script would have needed it.
//
// Input: a 13-byte header (the properties byte lc/lp/pb, the dictionary size,
// unused here, and the decoded size, 8 bytes little-endian, below 2^32), then
// a raw LZMA1 stream as `xz --format=raw --lzma1=…` writes it.
// packed: Uint8Array → Uint8Array; throws on a stream that is not valid.

export function unlzma(packed) {
  if (packed.length < 18) throw new Error('LZMA: te kort');
  var props = packed[0];
  if (props >= 9 * 5 * 5) throw new Error('LZMA: ongeldige eigenschappen');
  var lc = props % 9;
  var lp = ((props / 9) | 0) % 5;
  var pb = (props / 45) | 0;
  var size = 0;
  for (var k = 12; k >= 5; k -= 1) size = size * 256 + packed[k];
  if (size >= 4294967296) throw new Error('LZMA: te groot');
  var out = new Uint8Array(size);

  // The probabilities, all in one array; each model an offset into it.
  var IS_MATCH = 0;                         // [state][posState]: 12 × 16
  var IS_REP = IS_MATCH + 192;              // [state]
  var IS_REP_G0 = IS_REP + 12;
  var IS_REP_G1 = IS_REP_G0 + 12;
  var IS_REP_G2 = IS_REP_G1 + 12;
  var IS_REP0_LONG = IS_REP_G2 + 12;        // [state][posState]
  var POS_SLOT = IS_REP0_LONG + 192;        // [lenState 0..3]: 64 each
  var SPEC_POS = POS_SLOT + 256;            // distances 4..127: 115
  var ALIGN = SPEC_POS + 115;               // 16
  var LEN = ALIGN + 16;                     // the match lengths: 514
  var REP_LEN = LEN + 514;                  // the repeated matches' lengths: 514
  var LITERAL = REP_LEN + 514;              // 0x300 per literal state
  var probs = new Uint16Array(LITERAL + (0x300 << (lc + lp)));
  for (var p = 0; p < probs.length; p += 1) probs[p] = 1024;

  // The range decoder.
  var at = 13;
  var range = 0xFFFFFFFF;
  var code = 0;
  if (packed[at] !== 0) throw new Error('LZMA: ongeldig begin');
  at += 1;
  for (var b = 0; b < 4; b += 1) code = (code * 256 + packed[at + b]) >>> 0;
  at += 4;
  if (code === range) throw new Error('LZMA: ongeldig begin');

  function nextByte() {
    if (at >= packed.length) throw new Error('LZMA: afgebroken');
    return packed[at++];
  }
  function bit(index) {
    var prob = probs[index];
    var bound = (range >>> 11) * prob;
    var result;
    if (code < bound) {
      range = bound;
      probs[index] = prob + ((2048 - prob) >>> 5);
      result = 0;
    } else {
      range -= bound;
      code -= bound;
      probs[index] = prob - (prob >>> 5);
      result = 1;
    }
    if (range < 16777216) {
      range = (range * 256) >>> 0;
      code = (code * 256 + nextByte()) >>> 0;
    }
    return result;
  }
  function directBits(count) {
    var result = 0;
    for (; count > 0; count -= 1) {
      range >>>= 1;
      var one = code >= range ? 1 : 0;
      if (one) code -= range;
      result = result * 2 + one;
      if (range < 16777216) {
        range = (range * 256) >>> 0;
        code = (code * 256 + nextByte()) >>> 0;
      }
    }
    return result;
  }
  function bitTree(base, bits) {
    var m = 1;
    for (var i = 0; i < bits; i += 1) m = m * 2 + bit(base + m);
    return m - (1 << bits);
  }
  function reverseBitTree(base, bits) {
    var m = 1;
    var symbol = 0;
    for (var i = 0; i < bits; i += 1) {
      var one = bit(base + m);
      m = m * 2 + one;
      symbol |= one << i;
    }
    return symbol;
  }
  // Lengths minus 2: choice, choice 2, low [16][8], mid [16][8], high [256].
  function length(base, posState) {
    if (!bit(base)) return bitTree(base + 2 + posState * 8, 3);
    if (!bit(base + 1)) return 8 + bitTree(base + 130 + posState * 8, 3);
    return 16 + bitTree(base + 258, 8);
  }
  function distance(len) {
    var lenState = len < 3 ? len : 3;
    var slot = bitTree(POS_SLOT + lenState * 64, 6);
    if (slot < 4) return slot;
    var bits = (slot >>> 1) - 1;
    var dist = (2 + (slot & 1)) * Math.pow(2, bits);
    if (slot < 14) return dist + reverseBitTree(SPEC_POS + dist - slot, bits);
    return dist + directBits(bits - 4) * 16 + reverseBitTree(ALIGN, 4);
  }

  // One literal byte: the hottest loop, so the range decoder's state is in
  // locals here (a closure's variables live in its context, a slower place).
  // After a match (offset 0x100) the bits of matchByte, the byte at rep0,
  // choose the model until the first bit that differs; then offset is 0 and
  // the plain model decodes the rest.
  function literalByte(base, matchByte, offset) {
    var r = range;
    var c = code;
    var symbol = 1;
    while (symbol < 0x100) {
      matchByte <<= 1;
      var matchBit = matchByte & offset;
      var index = base + offset + matchBit + symbol;
      var prob = probs[index];
      var bound = (r >>> 11) * prob;
      if (c < bound) {
        r = bound;
        probs[index] = prob + ((2048 - prob) >>> 5);
        symbol *= 2;
        offset &= ~matchBit;
      } else {
        r -= bound;
        c -= bound;
        probs[index] = prob - (prob >>> 5);
        symbol = symbol * 2 + 1;
        offset &= matchBit;
      }
      if (r < 16777216) {
        if (at >= packed.length) throw new Error('LZMA: afgebroken');
        r = (r * 256) >>> 0;
        c = (c * 256 + packed[at++]) >>> 0;
      }
    }
    range = r;
    code = c;
    return symbol & 0xFF;
  }

  var pbMask = (1 << pb) - 1;
  var lpMask = (1 << lp) - 1;
  var state = 0;
  var rep0 = 0;
  var rep1 = 0;
  var rep2 = 0;
  var rep3 = 0;
  var pos = 0;
  while (pos < size) {
    var posState = pos & pbMask;
    if (!bit(IS_MATCH + state * 16 + posState)) {
      var previous = pos > 0 ? out[pos - 1] : 0;
      var literal = LITERAL + 0x300 * (((pos & lpMask) << lc) + (previous >>> (8 - lc)));
      out[pos] = state >= 7 ? literalByte(literal, out[pos - rep0 - 1], 0x100) : literalByte(literal, 0, 0);
      pos += 1;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    var len;
    if (bit(IS_REP + state)) {
      if (pos === 0) throw new Error('LZMA: ongeldige herhaling');
      if (!bit(IS_REP_G0 + state)) {
        if (!bit(IS_REP0_LONG + state * 16 + posState)) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos += 1;
          continue;
        }
      } else {
        var dist;
        if (!bit(IS_REP_G1 + state)) {
          dist = rep1;
        } else {
          if (!bit(IS_REP_G2 + state)) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = length(REP_LEN, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(LEN, posState);
      state = state < 7 ? 7 : 10;
      rep0 = distance(len);
      // The end marker (distance 2^32 - 1) before the size is reached, or a
      // distance back before the start: not this core.
      if (rep0 >= pos) throw new Error('LZMA: ongeldige afstand');
    }
    len += 2;
    if (len > size - pos) throw new Error('LZMA: te lang');
    for (var from = pos - rep0 - 1, end = pos + len; pos < end; pos += 1, from += 1) out[pos] = out[from];
  }
  return out;
}
