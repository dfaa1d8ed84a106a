// The shared DOM helpers: one way to make an element (HTML or SVG), the
// "nog niet beschikbaar" line for a part the core does not return, and a
// download that is a Blob on the user's own computer (no request).

export const IVP_MISSING = 'nog niet beschikbaar in deze versie';

export function ivpElement(tag, attributes = {}, ...children) {
  const svg = ['svg', 'rect', 'title', 'text'].includes(tag) && attributes.svg;
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === false || value === undefined || value === null || key === 'svg') continue;
    if (key === 'text') el.textContent = value;
    else if (key === 'className') el.setAttribute('class', value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

export const ivpMissing = (what) => ivpElement('p', { className: 'ivp-missing', text: `${what}: ${IVP_MISSING}.` });

// A file for the user: a Blob and a download link, nothing leaves the page.
export function ivpDownload(root, name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = ivpElement('a', { href: url, download: name, hidden: true });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
