// Formatting for people: euros, eurocents, ranges and dates in Dutch, lists
// as "a, b en c", and what a person types as an amount. Presentation only:
// no number is computed here beyond rounding for display.

export const IVP_MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];

// "a, b en c"
export function ivpJoin(items) {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function ivpEuro(amount) {
  return '€\u00a0' + Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function ivpEuroCents(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const euros = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€\u00a0${euros},${String(abs % 100).padStart(2, '0')}`;
}

export function ivpRange(range) {
  return range.min === range.max ? ivpEuro(range.min) : `${ivpEuro(range.min)} – ${ivpEuro(range.max)}`;
}

export function ivpDutchDate(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  if (!y || !m || !d) return String(iso);
  return `${d} ${IVP_MONTHS[m - 1]} ${y}`;
}

export function ivpToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// What a person types as an amount ("5.000", "€ 5000", "5 000") into the
// number JSON carries. Anything that is not a plain number is passed on as
// text, so the core's Dutch message explains what is wrong.
export function ivpAmountFromText(text) {
  let t = text.trim().replace(/^€\s*/, '').replace(/[\s\u00a0]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : text;
}

// Readable text of a value whose exact shape the core may still change:
// a string, or an object with one of the usual text fields.
export function ivpText(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  for (const key of ['text', 'question', 'label', 'message', 'name', 'title', 'reason', 'id']) {
    if (typeof value[key] === 'string') return value[key];
  }
  return '';
}

// "Traplift" → "traplift" inside a sentence; "PGBv" and "CVV-pas" stay as they are.
export function ivpInSentence(name) {
  return name.length > 1 && name[1] === name[1].toLowerCase() ? name[0].toLowerCase() + name.slice(1) : name;
}
