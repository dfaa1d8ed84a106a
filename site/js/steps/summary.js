// Step 6, "Mijn IVP voor het keukentafelgesprek": the summary that is also
// the print (A4). Short on purpose: per provision the verdict and one line
// why, the timeline in brief, the questions for the talk, numbered sources.
// Everything comes from the result; this module only selects and words it.
// ctx (site/js/mount.js): $, state, facts, factControls, today, kit, questionText.
import { ivpElement, ivpMissing, IVP_MISSING } from '../dom.js';
import { ivpDutchDate, ivpEuro, ivpJoin, ivpRange } from '../format.js';
import { printSourceRefs } from '../sources.js';
import { costsBrief, costsQuestions } from './budget.js';
import { firstReasonSource, ivpFinancier, ivpPolicyLabel, ivpPolicyVerdicts, ivpVerdictBadge, ivpVerdictText,
  oneLineReason } from './eligibility.js';
import { ivpPlanOrder, ivpPlanPrint } from './plan.js';
import { factAnswerLabel, factValue } from './situation.js';
import { IVP_STATUS_LABEL } from './timeline.js';

// "Mijn situatie in het kort": the melding and every answer given.
function summarySituation(ctx, result) {
  const { state, factControls } = ctx;
  const answered = [];
  for (const [id, text] of state.profileText) {
    const entry = factControls.get(id);
    if (entry && text !== '') answered.push(ivpElement('li', { text: `${entry.fact.question || id} ${factAnswerLabel(entry.fact, factValue(entry.fact, text))}` }));
  }
  const situation = ivpElement('ul', {}, ivpElement('li', { text: `Melding bij de gemeente: ${ivpDutchDate(result.melding || state.melding)}` }), ...answered);
  return situation;
}

// Per provision: the verdict and one line why, not every criterion (the
// print must stay short enough to take to the talk). Collects the open
// questions (question → provisions) and numbers the sources in `refs`.
function summaryProvisions(ctx, result, refs, questions) {
  const questionText = ctx.questionText;
  const provTable = ivpElement('table', { className: 'ivp-table ivp-print-table' },
    ivpElement('thead', {}, ivpElement('tr', {}, ...['Voorziening', 'Bedrag', 'Krijg ik het?', 'Bron'].map((t) => ivpElement('th', { scope: 'col', text: t })))));
  const provBody = ivpElement('tbody');
  let anyEligibility = false;
  for (const p of result.provisions) {
    const verdictCell = ivpElement('td');
    if (p.eligibility && typeof p.eligibility.verdict === 'string') {
      anyEligibility = true;
      verdictCell.append(ivpVerdictBadge(p.eligibility.verdict, ivpFinancier(p.eligibility)));
      const verdicts = ivpPolicyVerdicts(p.eligibility);
      // The policies side by side only where they differ.
      if (verdicts.length > 1 && new Set(verdicts.map((v) => v.verdict)).size > 1) {
        verdictCell.append(ivpElement('p', { className: 'ivp-note', text: verdicts.map((v) => `${ivpPolicyLabel(v.policy)}: ${ivpVerdictText(v.verdict, v.financier)}`).join('; ') }));
      }
      const line = oneLineReason(p.eligibility);
      const why = firstReasonSource(p.eligibility);
      if (line) verdictCell.append(ivpElement('p', { className: 'ivp-note', text: why ? `${line} ${refs.cite(why)}` : line }));
      for (const q of p.eligibility.open_questions || []) {
        const text = questionText(q);
        if (text) questions.set(text, [...(questions.get(text) || []), p.name]);
      }
    } else {
      verdictCell.append(ivpElement('span', { text: IVP_MISSING }));
    }
    provBody.append(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: `${p.name} (${p.law === 'wmo' ? 'Wmo' : 'Zvw'})` }),
      ivpElement('td', { className: 'ivp-amount', text: ivpEuro(p.amount) }), verdictCell,
      ivpElement('td', { className: 'ivp-source', text: p.source ? refs.cite(p.source) : '' })));
  }
  provTable.append(provBody);
  return { provTable, anyEligibility };
}

function summaryBudget(b) {
  return ivpElement('dl', { className: 'ivp-print-totals' },
    ivpElement('div', {}, ivpElement('dt', { text: 'Totaal IVP-budget' }), ivpElement('dd', { text: ivpRange(b.total) })),
    ivpElement('div', {}, ivpElement('dt', { text: 'Wmo (gemeente)' }), ivpElement('dd', { text: ivpRange(b.wmo.total) })),
    ivpElement('div', {}, ivpElement('dt', { text: 'Zvw (zorgverzekeraar)' }), ivpElement('dd', { text: ivpRange(b.zvw.total) })));
}

// The timeline in brief: the request's own deadlines, then the provisions
// grouped by the day they are ready under the ALS protocol.
function summaryTimeline(result) {
  const byDate = new Map();
  for (const p of ivpPlanOrder(result).filter((q) => q.delivery && q.delivery.als_protocol)) {
    const key = `${ivpDutchDate(p.delivery.als_protocol)}${p.sla_werkdagen ? ` (${p.sla_werkdagen.totaal} werkdagen)` : ''}`;
    const from = p.calloff && p.calloff.kind !== 'melding' ? `afroepen ${ivpDutchDate(p.calloff.date)}; ` : '';
    byDate.set(from + key, [...(byDate.get(from + key) || []), p.name]);
  }
  const steps = [];
  const proc = result.procedure;
  for (const m of (proc && proc.wmo_2015 && proc.wmo_2015.milestones) || []) {
    if (!m.date) continue;
    steps.push(ivpElement('tr', {}, ivpElement('th', { scope: 'row', text: m.label || m.id }),
      ivpElement('td', { className: 'ivp-date', text: `${ivpDutchDate(m.date)}${m.status && m.status !== 'open' ? ` — ${(IVP_STATUS_LABEL[m.status] || m.status).toLowerCase()}` : ''}` })));
  }
  return ivpElement('table', { className: 'ivp-table ivp-print-table' },
    ivpElement('thead', {}, ivpElement('tr', {}, ...['Wat', 'Wanneer'].map((t) => ivpElement('th', { scope: 'col', text: t })))),
    ivpElement('tbody', {}, ...steps, ...[...byDate].map(([when, names]) => ivpElement('tr', {},
      ivpElement('th', { scope: 'row', text: `Klaar volgens het ALS protocol: ${ivpJoin(names)}` }), ivpElement('td', { className: 'ivp-date', text: when })))));
}

// "Vragen voor het gesprek": the open questions with the provisions they decide.
function summaryQuestions(ctx, result, questions, anyEligibility) {
  if (result.costs) for (const q of costsQuestions(ctx, result.costs)) questions.set(q, [...(questions.get(q) || []), 'eigen bijdrage']);
  let questionBlock;
  if (!anyEligibility && !questions.size) questionBlock = ivpMissing('Vragen die het oordeel nog bepalen');
  else if (!questions.size) questionBlock = ivpElement('p', { text: 'De rekenhulp heeft geen open vragen gevonden.' });
  else {
    const where = (names) => (names.length > 4 ? `${names.slice(0, 3).join(', ')} en ${names.length - 3} andere` : names.join(', '));
    questionBlock = ivpElement('ol', { className: 'ivp-questions' }, ...[...questions].map(([q, names]) => ivpElement('li', { text: `${q} (bij: ${where(names)})` })));
  }
  return questionBlock;
}

// --- step 6: "Mijn IVP voor het keukentafelgesprek" (also the print) ---------------
export function renderSummary(ctx, result) {
  const { $, facts, today } = ctx;
  const kit = ctx.kit;
  const b = result.budget;
  const sum = $('#ivp-summary');
  const h = (text) => ivpElement('h4', { text });
  const situation = summarySituation(ctx, result);
  const refs = printSourceRefs();
  const questions = new Map();
  const { provTable, anyEligibility } = summaryProvisions(ctx, result, refs, questions);
  const budget = summaryBudget(b);
  const timeline = summaryTimeline(result);
  const late = result.late_decision && result.late_decision.next_step
    ? ivpElement('p', {}, ivpElement('strong', { text: 'Als de gemeente te laat beslist: ' }), result.late_decision.next_step) : null;
  const questionBlock = summaryQuestions(ctx, result, questions, anyEligibility);
  sum.replaceChildren(
    ivpElement('h3', { id: 'ivp-summary-title', text: 'Mijn IVP voor het keukentafelgesprek' }),
    ivpElement('p', { className: 'ivp-made', text: `Gemaakt op ${ivpDutchDate(today)} met de IVP-rekenhulp.` }),
    h('Mijn situatie in het kort'), situation,
    ...(facts && facts.length ? [] : [ivpMissing('Vragen over uw situatie')]),
    h('Het budget'), budget, ...ivpPlanPrint(result),
    ...(result.costs ? [h('Wat ik zelf betaal'), costsBrief(result.costs)] : [ivpMissing('Eigen bijdrage')]),
    h(`Voorzieningen (${result.provisions.length})`), provTable,
    h('Tijdlijn'), timeline, ...(late ? [late] : []),  // replaceChildren(null) would print "null"
    h('Vragen voor het gesprek'), questionBlock,
    ...(kit ? kit.summarySections(result) : []),
    ivpElement('p', { className: 'ivp-disclaimer', text: result.disclaimer ||
      'Dit is een indicatie, geen besluit. De gemeente beslist per persoon (maatwerk).' }),
    ...(result.notes || []).map((n) => ivpElement('p', { className: 'ivp-note', text: n })),
    ...(refs.size() ? [h('Bronnen'), refs.list()] : []));
}

// The print button: window.print(), or the mount's own (a test's) print.
export function ivpSummaryMount(ctx) {
  ctx.$('#ivp-print').addEventListener('click', () => ctx.print());
}
