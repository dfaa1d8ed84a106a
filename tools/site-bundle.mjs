// Bundles the site's ES modules (site/js/) into one classic script with
// esbuild (pinned in package-lock.json). Used by tools/build-site.mjs for
// the page and the embed, and by tests/browser/renderers.test.mjs.
//
// iife, not an ES module: the single file's script is inline (a module
// script would need the same hash, but an inline module cannot import and
// the embed is loaded by a plain <script src>), and the Emscripten glue is a
// classic script that the build puts in the same closure. The page and the
// embed are built minified (`minify: true`): 42.1 -> 31.6 kB gzip for the
// page's bundle, bytes that every first load and every offline file carry
// (docs/perf.md). The readable source is site/js in the repository, and what
// the page may do is not read from its code but fixed by its Content Security
// Policy (connect-src 'none'), which stays readable at the top of the file.
// Tests that bundle an entry of their own get the readable form.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A clear message when the npm packages were not installed yet.
const { buildSync, transformSync } = await import('esbuild').catch((error) => {
  throw new Error(`esbuild is missing (${error.code || error.message}): run ./dev deps, or npm ci`);
});

export const siteJs = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'site/js');

// `entry`: a file in site/js, or {contents} (a small entry of a test's own).
// `minify: true`: esbuild's minifier (names, whitespace, syntax); licence
// comments (/*! … */) are kept.
export function bundleSite(entry, { minify = false } = {}) {
  const input = typeof entry === 'string'
    ? { entryPoints: [join(siteJs, entry)] }
    : { stdin: { contents: entry.contents, resolveDir: siteJs, sourcefile: 'entry.js' } };
  const out = buildSync({
    ...input,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'inline',  // keeps the licence notice of a bundled library (/*! … */)
    write: false,
    logLevel: 'error',
    minify,
  });
  return out.outputFiles[0].text;
}

// An early script of the page (site/early-inline-core.js: plain ES5, its
// imports too), bundled and minified for the top of <head>: ES5 out, so that
// an old browser can parse it and the page can say what it lacks.
export function bundleEarlyScript(name) {
  const out = buildSync({
    entryPoints: [join(siteJs, '..', name)],
    bundle: true,
    format: 'iife',
    target: 'es5',
    platform: 'browser',
    charset: 'ascii',
    write: false,
    logLevel: 'error',
    minify: true,
  });
  return out.outputFiles[0].text;
}

// The Emscripten glue (a classic script) minified; its top-level names, such
// as createIvpModule, stay as they are.
export function minifyGlue(code) {
  return transformSync(code, { minify: true, charset: 'utf8', legalComments: 'inline', logLevel: 'error' }).code;
}

// The page's style sheet minified (esbuild's CSS minifier): 5.2 -> 4.0 kB gzip.
export function minifyCss(css) {
  return transformSync(css, { loader: 'css', minify: true, charset: 'utf8', logLevel: 'error' }).code;
}
