// Step 4, "IVP-budget": the totals, the bars per law and kind, and what the
// user pays (the eigen bijdrage) in brief with all details behind it. Every
// amount comes from the core (`budget`, `costs`).
// ctx (site/js/mount.js): $, questionText.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpEuro, ivpRange } from '../format.js';
import { IVP_KEY_LABEL, ivpOutline } from '../outline.js';

const BAR_PARTS = [
  ['wmo', 'client_bound', 'Wmo cliëntgebonden'], ['wmo', 'reusable', 'Wmo herinzetbaar'],
  ['zvw', 'client_bound', 'Zvw cliëntgebonden'], ['zvw', 'reusable', 'Zvw herinzetbaar']];

// The totals on every step (the bar at the top) and in step 4.
export function renderTotals(ctx, result) {
  const { $ } = ctx;
  const b = result.budget;
  $('#ivp-total').textContent = ivpRange(b.total);
  $('#ivp-total-all').textContent = ivpRange(b.total);
  $('#ivp-total-wmo').textContent = ivpRange(b.wmo.total);
  $('#ivp-total-zvw').textContent = ivpRange(b.zvw.total);
  $('#ivp-count').textContent = String(result.provisions.length);
}

export function renderBars(ctx, budget) {
  const { $ } = ctx;
  const scale = Math.max(budget.total.max, 1);
  for (const bound of ['min', 'max']) {
    const bar = $(`#ivp-bar-${bound}`);
    bar.replaceChildren();
    let x = 0;
    for (const [law, kind] of BAR_PARTS) {
      const width = (1000 * budget[law][kind][bound]) / scale;
      bar.append(ivpElement('rect', { svg: true, className: `ivp-seg ivp-seg-${law}-${kind}`,
        x: x.toFixed(2), y: '0', width: width.toFixed(2), height: '40' }));
      x += width;
    }
    bar.setAttribute('aria-label', `${bound === 'min' ? 'Minimum' : 'Maximum'} ${ivpEuro(budget.total[bound])}: ` +
      BAR_PARTS.map(([law, kind, label]) => `${label} ${ivpEuro(budget[law][kind][bound])}`).join(', '));
  }
  for (const [law, kind] of BAR_PARTS) $(`#ivp-legend-${law}-${kind}`).textContent = ivpRange(budget[law][kind]);
}

// The costs in brief (each part's `summary` sentence and its amounts per
// month and in total, as the core gives them), the rest behind "alle details".
export function costsBrief(costs) {
  const box = ivpElement('div', { className: 'ivp-costs-brief' });
  for (const [key, part] of Object.entries(costs)) {
    if (!part || typeof part !== 'object' || Array.isArray(part)) continue;
    const lines = [];
    if (typeof part.summary === 'string') lines.push(ivpElement('p', { className: 'ivp-costs-summary', text: part.summary }));
    const list = ivpElement('dl', { className: 'ivp-print-totals' });
    for (const [k, label] of [['per_month', 'Per maand'], ['total', 'Totaal over de looptijd van het IVP']]) {
      if (part[k] && typeof part[k].min === 'number') {
        list.append(ivpElement('div', {}, ivpElement('dt', { text: label }), ivpElement('dd', {}, ivpOutline(part[k], k))));
      }
    }
    if (list.childElementCount) lines.push(list);
    if (lines.length) box.append(ivpElement('p', { className: 'ivp-subhead', text: IVP_KEY_LABEL[key] || key }), ...lines);
  }
  return box;
}

// Open questions anywhere in the costs section (they join the questions for the talk).
export function costsQuestions(ctx, costs) {
  const questionText = ctx.questionText;
  const found = [];
  const walk = (value, depth) => {
    if (!value || typeof value !== 'object' || depth > 3) return;
    if (Array.isArray(value.open_questions)) found.push(...value.open_questions.map(questionText).filter(Boolean));
    for (const v of Object.values(value)) if (v && typeof v === 'object' && !Array.isArray(v)) walk(v, depth + 1);
  };
  walk(costs, 0);
  return found;
}

export function renderCosts(ctx, result) {
  const { $ } = ctx;
  const box = $('#ivp-costs');
  if (!result.costs) { box.replaceChildren(ivpMissing('De eigen bijdrage')); return; }
  box.replaceChildren(costsBrief(result.costs), ivpElement('details', { className: 'ivp-more' },
    ivpElement('summary', { text: 'Alle details over wat u zelf betaalt' }), ivpOutline(result.costs, '', '', result.sources)));
}
