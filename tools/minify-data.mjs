#!/usr/bin/env node
// Writes every data/*.json file again without what the core never reads:
// the whitespace between tokens and the "$comment" members (notes for the
// people who edit data/; every reader accepts the key and skips it). The
// WASM build embeds these copies (CMakeLists.txt): 55.2 -> 49.9 kB gzip of
// data in the .wasm (docs/perf.md, "Size"). The native build embeds data/ as
// it is, and the data's version is the hash of data/ in both, so a result
// names the same rulebook either way; the native = WASM test checks that
// both give the same bytes.
//
// Token by token, not JSON.parse + JSON.stringify: a number keeps its text
// (3e9 stays 3e9, 1.0 stays 1.0 — nlohmann reads 1.0 as a float, JavaScript
// would write 1) and the keys keep their order.
//
//   node tools/minify-data.mjs DATA_DIR OUT_DIR
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const [dataDir, outDir] = process.argv.slice(2);
if (!dataDir || !outDir) {
  console.error('usage: node tools/minify-data.mjs DATA_DIR OUT_DIR');
  process.exit(2);
}

// The tokens of a JSON text: strings and other values as their source text,
// punctuation as one character; whitespace dropped.
function tokens(text, file) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      ++i;
    } else if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= text.length) throw new Error(`${file}: a string does not end`);
      out.push(text.slice(i, j + 1));
      i = j + 1;
    } else if ('{}[]:,'.includes(c)) {
      out.push(c);
      ++i;
    } else {
      let j = i;
      while (j < text.length && !' \n\r\t{}[]:,"'.includes(text[j])) ++j;
      out.push(text.slice(i, j));
      i = j;
    }
  }
  return out;
}

// The index just past the value that starts at tokens[i].
function valueEnd(toks, i) {
  if (toks[i] !== '{' && toks[i] !== '[') return i + 1;
  let depth = 0;
  do {
    if (toks[i] === '{' || toks[i] === '[') ++depth;
    else if (toks[i] === '}' || toks[i] === ']') --depth;
    ++i;
  } while (depth > 0);
  return i;
}

// The tokens without every `"$comment": value` member and its comma.
function withoutComments(toks) {
  const out = [];
  let i = 0;
  while (i < toks.length) {
    const afterOpenOrComma = out.length > 0 && (out[out.length - 1] === '{' || out[out.length - 1] === ',');
    if (afterOpenOrComma && toks[i] === '"$comment"' && toks[i + 1] === ':') {
      i = valueEnd(toks, i + 2);
      if (toks[i] === ',') ++i;                          // a member follows: keep the one before's comma
      else if (out[out.length - 1] === ',') out.pop();  // it was the last member
      continue;
    }
    out.push(toks[i]);
    ++i;
  }
  return out;
}

function jsonFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return jsonFiles(path);
    return entry.name.endsWith('.json') ? [path] : [];
  });
}

for (const file of jsonFiles(dataDir)) {
  const text = readFileSync(file, 'utf8');
  const minified = withoutComments(tokens(text, file)).join('');
  // The same value, but for the comments: checked here, so a fault in this
  // script fails the build instead of changing a rule.
  const strip = (v) => Array.isArray(v) ? v.map(strip)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '$comment').map(([k, x]) => [k, strip(x)]))
    : v;
  if (JSON.stringify(strip(JSON.parse(text))) !== JSON.stringify(JSON.parse(minified)))
    throw new Error(`${file}: the minified copy is not the same value`);
  const target = join(outDir, relative(dataDir, file));
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, minified);
}
