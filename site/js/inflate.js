// fflate's gunzip, for a browser without DecompressionStream (ivp.js
// ivpInflateInlineCore imports this module only then).
export { gunzipSync } from 'fflate';
