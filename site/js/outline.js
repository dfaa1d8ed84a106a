// A readable outline of a section whose final shape is not fixed yet (for
// example `costs`). Presentation only.
import { ivpElement } from './dom.js';
import { ivpDutchDate, ivpEuro, ivpEuroCents } from './format.js';
import { ivpIsSource, ivpSourceText } from './sources.js';

// A readable outline of a section whose final shape is not fixed yet
// (e.g. `costs`): texts as sentences, amounts as euros, dates in Dutch,
// sources as "Bron: …". Presentation only. `sources`: the result's `sources`
// table, where a source given by id is looked up.
export const IVP_KEY_LABEL = { eigen_bijdrage: 'Eigen bijdrage', valid_from: 'Geldig vanaf', valid_until: 'Geldig tot',
  rule_date: 'Regel van', amount: 'Bedrag', per_month: 'Per maand', total: 'Totaal', status: 'Stand',
  exemptions_applied: 'Uitzonderingen', proposal_2027: 'Voorstel vanaf 2027', total_months: 'Aantal maanden',
  forms: 'Vormen', pgb: 'Pgb', note: 'Let op', regime: 'Regeling', period: 'Periode' };
export function ivpOutline(value, key = '', unit = '', sources = null) {
  if (value === null || value === undefined) return ivpElement('span', { text: 'onbekend' });
  if (typeof value === 'boolean') return ivpElement('span', { text: value ? 'ja' : 'nee' });
  if (typeof value === 'number') {
    if (/eurocent/.test(key) || unit === 'eurocent') return ivpElement('span', { text: ivpEuroCents(value) });
    if (/(_eur$|^amount$|bedrag)/.test(key) || unit === 'EUR') return ivpElement('span', { text: ivpEuro(value) });
    return ivpElement('span', { text: String(value) });
  }
  if (typeof value === 'string') {
    return ivpElement('span', { text: /^\d{4}-\d{2}-\d{2}$/.test(value) ? ivpDutchDate(value) : value });
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return ivpElement('span', { text: 'geen' });
    return ivpElement('ul', {}, ...value.map((item) => ivpElement('li', {}, ivpOutline(item, key, unit, sources))));
  }
  if (ivpIsSource(value)) return ivpElement('span', { className: 'ivp-source', text: `Bron: ${ivpSourceText(value)}` });
  const ownUnit = typeof value.unit === 'string' ? value.unit : unit;
  if ('min' in value && 'max' in value && typeof value.min === 'number') {
    const f = ownUnit === 'eurocent' || /eurocent/.test(key) ? ivpEuroCents : ivpEuro;
    return ivpElement('span', { text: value.min === value.max ? f(value.min) : `${f(value.min)} – ${f(value.max)}` });
  }
  if ('eurocents' in value) return ivpElement('span', { text: `${ivpEuroCents(value.eurocents)}${value.period ? ` per ${value.period}` : ''}` });
  const box = ivpElement('div', { className: 'ivp-outline' });
  const list = ivpElement('dl');
  for (const [k, v] of Object.entries(value)) {
    if (k === 'unit' || k === 'id') continue;
    if (['text', 'label', 'reason', 'explanation', 'caveat'].includes(k) && typeof v === 'string') {
      box.append(ivpElement('p', { text: v }));
    } else if (k === 'source' || k.endsWith('_source')) {
      const source = typeof v === 'string' && sources && sources[v] ? sources[v] : v;
      box.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(source)}` }));
    } else {
      list.append(ivpElement('div', {}, ivpElement('dt', { text: IVP_KEY_LABEL[k] || (k[0].toUpperCase() + k.slice(1)).replace(/_/g, ' ') }),
        ivpElement('dd', {}, ivpOutline(v, k, ownUnit, sources))));
    }
  }
  if (list.childElementCount) box.append(list);
  return box;
}
