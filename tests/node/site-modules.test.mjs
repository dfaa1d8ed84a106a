// The site's modules (site/js/, docs/site.md "Modules") as esbuild sees them
// when it bundles the page and the embed: every module is reached, no import
// cycle, and the shared helpers import nothing of the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildSync } from 'esbuild';
import { siteJs } from '../../tools/site-bundle.mjs';

const HELPERS = ['format.js', 'dom.js', 'sources.js', 'result-tables.js', 'outline.js', 'glossary.js', 'ivp.js', 'unpack.js', 'errors.js'];

// module (relative to site/js) → the modules it imports.
function importGraph(entry) {
  const { metafile } = buildSync({ entryPoints: [join(siteJs, entry)], bundle: true, format: 'iife', write: false, metafile: true, logLevel: 'error' });
  const name = (path) => relative(siteJs, path);
  return new Map(Object.entries(metafile.inputs).map(([path, input]) =>
    [name(path), input.imports.map((i) => name(i.path))]));
}

function files(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory()
    ? files(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`]));
}

function cycle(graph) {
  const state = new Map();
  const visit = (node, path) => {
    state.set(node, 'open');
    for (const next of graph.get(node) || []) {
      if (state.get(next) === 'open') return [...path, node, next];
      if (!state.has(next)) { const found = visit(next, [...path, node]); if (found) return found; }
    }
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) if (!state.has(node)) { const found = visit(node, []); if (found) return found; }
  return null;
}

for (const entry of ['boot-page.js', 'boot-embed.js']) {
  test(`${entry}: no import cycle, helpers import no page module`, () => {
    const graph = importGraph(entry);
    assert.equal(cycle(graph), null, `import cycle: ${(cycle(graph) || []).join(' → ')}`);
    for (const helper of HELPERS) {
      if (!graph.has(helper)) continue;
      // A pinned npm package (package-lock.json) is a library, not a page module.
      const bad = graph.get(helper).filter((m) => !HELPERS.includes(m) && !m.split('/').includes('node_modules'));
      assert.deepEqual(bad, [], `${helper} imports page modules`);
    }
  });
}

test('every module in site/js is part of the page or the embed', () => {
  const reached = new Set([...importGraph('boot-page.js').keys(), ...importGraph('boot-embed.js').keys()]);
  const unreached = files(siteJs).filter((f) => !reached.has(f));
  assert.deepEqual(unreached, []);
});
