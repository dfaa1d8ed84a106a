// Sources: how a source object reads ("document, section, page"), its link
// or why there is none, the quoted text behind a reason, and the numbered
// sources of the print. Presentation only.
import { ivpElement } from './dom.js';

// "ALS protocol hulpmiddelen — …, IVP-tabel" from a source object: the
// document, its section or article, and its page where one is known. Never
// the seed line (`line`): that is for maintainers, in data/ (issue 12).
export function ivpSourceText(source) {
  if (!source) return '';
  if (typeof source === 'string') return source;
  const parts = [];
  if (source.title) parts.push(source.title);
  if (source.seed) parts.push(ivpDocumentTitle(source.seed));
  if (source.document) parts.push(source.document);
  for (const key of ['section', 'article', 'artikel', 'paragraph', 'table']) if (source[key]) parts.push(String(source[key]));
  if (source.page) parts.push(`pagina ${source.page}`);
  if (source.url) parts.push(source.url);
  return parts.join(', ');
}

// The published documents behind the seeds (data/sources.json, given in
// result.policies[].document): title, link, and a note when there is none.
const IVP_DOCUMENTS = new Map();
export function ivpSetDocuments(result) {
  for (const p of (result && Array.isArray(result.policies) ? result.policies : [])) {
    if (p && p.document && p.document.seed) IVP_DOCUMENTS.set(p.document.seed, p.document);
  }
}
export function ivpDocumentTitle(seed) {
  const doc = IVP_DOCUMENTS.get(seed);
  if (doc && doc.title) return doc.title;
  return seed.startsWith('000_') ? 'ALS protocol hulpmiddelen' : seed.startsWith('004_') ? 'Verstrekkingenboek Wmo Hattem 2014' : 'brontekst';
}
// The link behind a source: its own (a statute on wetten.overheid.nl, a
// published page), else its document's published location.
export function ivpSourceLink(source) {
  if (!source || typeof source !== 'object') return '';
  if (typeof source.url === 'string' && /^https:\/\//.test(source.url)) return source.url;
  const doc = source.seed ? IVP_DOCUMENTS.get(source.seed) : null;
  return doc && typeof doc.url === 'string' ? doc.url : '';
}
// What to say when a seed's document has no published location we found.
export function ivpSourceNoLink(source) {
  const doc = source && typeof source === 'object' && source.seed ? IVP_DOCUMENTS.get(source.seed) : null;
  return doc && !doc.url && doc.url_note ? doc.url_note : '';
}

export const ivpIsSource = (v) => v && typeof v === 'object' && !Array.isArray(v) &&
  ('seed' in v || 'url' in v || ('title' in v && ('section' in v || 'article' in v)));

// The quoted text behind a reason: the reason's own source.text when it
// carries one, else the criterion's source, given once per policy in
// `result.policies[].criteria[<criterion>].source.text`.
// A reason that names exceptions gets their sentences too: the quote
// includes the text that limits the rule.
// `result`: the result being shown (its `policies`).
export function criterionQuote(result, policy, reason) {
  if (reason && reason.source && typeof reason.source.text === 'string') return reason.source.text;
  const p = result && Array.isArray(result.policies) ? result.policies.find((x) => x.id === policy) : null;
  const c = p && p.criteria && reason && p.criteria[reason.criterion];
  const quote = c && c.source && typeof c.source.text === 'string' ? c.source.text : '';
  if (!reason || !Array.isArray(reason.exceptions) || !c || !Array.isArray(c.exceptions)) return quote;
  const limits = c.exceptions.map((e) => e.source && e.source.text).filter((t) => t && t !== quote && !quote.includes(t));
  return [quote, ...new Set(limits)].filter(Boolean).join('\n\n');
}

// "Bron: …" and, behind a <details>, the quoted text of the source.
// With `source`: a link to the published document (or why there is none).
export function sourceWithQuote(cite, quote, label = 'Bron', source = null) {
  if (!cite && !quote) return null;
  const link = ivpSourceLink(source);
  const noLink = link ? '' : ivpSourceNoLink(source);
  if (!quote && !link && !noLink) return ivpElement('p', { className: 'ivp-source', text: `${label}: ${cite}` });
  return ivpElement('details', { className: 'ivp-quote' },
    ivpElement('summary', { text: `${label}: ${cite || 'tekst'}` }),
    ...(quote ? [ivpElement('blockquote', { text: quote })] : []),
    ...(link ? [ivpElement('p', { className: 'ivp-source' }, 'Vindplaats: ',
      ivpElement('a', { href: link, rel: 'noopener noreferrer', text: link }))] : []),
    ...(noLink ? [ivpElement('p', { className: 'ivp-source', text: noLink })] : []));
}

// The print's numbered sources: a verdict or row says "[2]", the list at
// the end says what 2 is (document, section, page if known, link).
export function printSourceRefs() {
  const numbers = new Map();
  const entries = [];
  const noLinks = new Map();  // document title -> why there is no link (said once, under the list)
  const cite = (source) => {
    const text = ivpSourceText(source);
    if (!text) return '';
    const link = ivpSourceLink(source);
    const key = `${text}|${link}`;
    if (!numbers.has(key)) {
      numbers.set(key, entries.length + 1);
      const noLink = link ? '' : ivpSourceNoLink(source);
      if (noLink) noLinks.set(ivpDocumentTitle(source.seed), noLink);
      entries.push(`${text}${link && !text.includes(link) ? ` — ${link}` : ''}`);
    }
    return `[${numbers.get(key)}]`;
  };
  const list = () => ivpElement('div', {},
    ivpElement('ol', { className: 'ivp-print-sources' }, ...entries.map((t) => ivpElement('li', { text: t }))),
    ...[...noLinks].map(([title, note]) => ivpElement('p', { className: 'ivp-note', text: `${title}: ${note}` })));
  return { cite, list, size: () => entries.length };
}
