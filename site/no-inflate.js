// Stands in for fflate (npm) in the builds whose core is a file of its own —
// the served index.html and ivp-rekenhulp-embed.js (tools/site-bundle.mjs,
// `inlineCore: false`): they never inflate a core, so fflate's 9 kB (2.8 kB
// gzip) and the tables it builds when its script runs are left out of them.
// Only site/js/ivp.js ivpInflateInlineCore would call it, for a core inlined
// in the page, which these builds do not have.
export function gunzipSync() {
  throw new Error('deze versie van de rekenhulp heeft geen ingebouwde rekenkern');
}
