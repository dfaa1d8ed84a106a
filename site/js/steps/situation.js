// Step 2, "Uw situatie": the questions of data/facts.json as a form ("Alle
// vragen", grouped by life area) and the guided interview that asks them one
// at a time; every answer goes into the state and from there to the core.
// ctx (site/js/mount.js): $, state, facts, factControls, catalogue, update, showStep.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpAmountFromText, ivpDutchDate, ivpText } from '../format.js';
import { ivpInterview } from './interview.js';

const IVP_GROUP_LABEL = { algemeen: 'Algemeen', woning: 'Wonen', rolstoel: 'Rolstoel', verplaatsen: 'Verplaatsen',
  vervoer: 'Vervoer', huishouden: 'Huishouden', kosten: 'Geld' };

function ivpGroupLabel(group) { return IVP_GROUP_LABEL[group] || group || 'Overige vragen'; }

// The answer as JSON carries it; text the core must judge stays text.
export function factValue(fact, text) {
  if (fact.type === 'boolean') return text === 'true';
  if (fact.type === 'integer') { const n = ivpAmountFromText(text); return n; }
  return text;
}
export const factAnswerLabel = (fact, value) => {
  if (fact.type === 'boolean') return value ? 'ja' : 'nee';
  if (fact.type === 'date') return ivpDutchDate(value);
  if (fact.type === 'choice') {
    const c = (fact.choices || []).find((x) => (typeof x === 'string' ? x : x.value) === value);
    return c && typeof c === 'object' ? (c.label || c.value) : String(value);
  }
  return String(value);
};

// A yes/no or choice question: radio buttons, none ticked until answered.
function factChoices(fact, id) {
  const choices = fact.type === 'boolean'
    ? [{ value: 'true', label: 'Ja' }, { value: 'false', label: 'Nee' }]
    : (fact.choices || []).map((c) => (typeof c === 'string' ? { value: c, label: c } : { value: c.value, label: c.label || c.value }));
  choices.push({ value: '', label: 'Weet ik niet / sla over' });
  const group = ivpElement('div', { className: 'ivp-choices' });
  choices.forEach((c, n) => {
    const radio = ivpElement('input', { type: 'radio', name: id, id: `${id}-${n}`, value: c.value,
      'data-fact': fact.id });
    group.append(ivpElement('label', { className: 'ivp-check', for: `${id}-${n}` }, radio, ivpElement('span', { text: c.label })));
  });
  // Nothing is ticked until the user answers: Tab then lands on the first
  // choice, and "weet ik niet" stays a choice of its own, not a default.
  const control = { kind: 'radio', set(v) { for (const r of group.querySelectorAll('input')) r.checked = v !== '' && r.value === v; } };
  return { control, group };
}

// A number or date question: a text (or date) field.
function factInput(fact, id, errorId) {
  const input = ivpElement('input', { type: fact.type === 'date' ? 'date' : 'text', id: `${id}-input`,
    inputmode: fact.type === 'integer' ? 'numeric' : undefined, 'data-fact': fact.id, autocomplete: 'off',
    'aria-describedby': errorId });
  const range = fact.type === 'integer' && Number.isFinite(fact.min) && Number.isFinite(fact.max)
    ? ` (een getal van ${fact.min} tot en met ${fact.max}; leeg laten mag)` : ' (leeg laten mag)';
  const label = ivpElement('label', { for: `${id}-input`, className: 'ivp-field-label', text: `Uw antwoord${range}` });
  return { control: { kind: 'input', set(v) { input.value = v; }, input }, label, input };
}

// One question of the form: its fieldset with hint, control and error line.
function factFieldset(fact) {
  const id = `ivp-fact-${fact.id}`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fieldset = ivpElement('fieldset', { className: 'ivp-fact', 'aria-describedby': fact.explanation ? hintId : undefined },
    ivpElement('legend', { text: fact.question || fact.id }));
  if (fact.explanation) fieldset.append(ivpElement('p', { id: hintId, className: 'ivp-hint', text: fact.explanation }));
  const error = ivpElement('p', { id: errorId, className: 'ivp-field-error', hidden: true });
  let control;
  if (fact.type === 'boolean' || fact.type === 'choice') {
    const choice = factChoices(fact, id);
    control = choice.control;
    fieldset.append(choice.group);
  } else {
    const field = factInput(fact, id, errorId);
    control = field.control;
    fieldset.append(field.label, field.input);
  }
  fieldset.append(error);
  return { fact, control, error, fieldset };
}

// "Alle vragen": the form, grouped by life area (data/facts.json `group`).
function factsForm(ctx, factsBox) {
  const { facts, factControls } = ctx;
  const groupBoxes = new Map();
  const groupBox = (group) => {
    if (!groupBoxes.has(group)) {
      const id = `ivp-group-${group}`;
      const section = ivpElement('section', { className: 'ivp-fact-group', 'aria-labelledby': id },
        ivpElement('h3', { id, tabindex: '-1', text: ivpGroupLabel(group) }));
      factsBox.append(section);
      groupBoxes.set(group, section);
    }
    return groupBoxes.get(group);
  };
  if (!facts || facts.length === 0) {
    factsBox.append(ivpMissing('Vragen over uw situatie'));
    return;
  }
  for (const fact of facts) {
    const entry = factFieldset(fact);
    groupBox(fact.group || 'algemeen').append(entry.fieldset);
    factControls.set(fact.id, entry);
  }
}

// The guided interview: it asks, the page answers through the state.
function situationInterview(ctx, factsBox) {
  const { $, facts, catalogue, state, factControls } = ctx;
  // After an answer only the visible step is rendered (mount.js, docs/perf.md "Interview").
  const update = () => ctx.update({ visibleOnly: true });
  return ivpInterview({
    box: $('#ivp-interview'), factsBox, facts: new Map((facts || []).map((f) => [f.id, f])), catalogue, state,
    ready: !!(facts && facts.length), answerLabel: (fact, text) => factAnswerLabel(fact, factValue(fact, text)),
    showResults: () => ctx.showStep('voorzieningen'),
    // One answer (text, or null for "weet ik niet"): the core's error, else null.
    answer(id, text) {
      const before = [state.profileText.get(id), state.unknown.has(id)];
      const put = (value, unknown) => {
        if (value === undefined) state.profileText.delete(id); else state.profileText.set(id, value);
        if (unknown) state.unknown.add(id); else state.unknown.delete(id);
        factControls.get(id).control.set(value || '');
      };
      put(text === null ? undefined : text, text === null);
      const outcome = update();
      if (!outcome.error) return null;
      put(...before);
      update();
      return outcome.error.message;
    },
  });
}

export function ivpSituationMount(ctx) {
  const { $, state, factControls } = ctx;
  const factsBox = $('#ivp-facts');
  factsForm(ctx, factsBox);
  ctx.interview = situationInterview(ctx, factsBox);
  // An open question names its fact: ask it in the fact's own words (the
  // form's question, else the result's `facts` table, docs/result.md).
  ctx.questionText = (q) => {
    const id = typeof q === 'string' ? q : q && (q.fact || q.id);
    const entry = typeof id === 'string' ? factControls.get(id) : null;
    if (entry && entry.fact.question) return entry.fact.question;
    const table = ctx.lastResult && ctx.lastResult.facts;
    if (typeof id === 'string' && table && table[id] && table[id].question) return table[id].question;
    return ivpText(q);
  };
  const update = () => ctx.update();
  const onFact = (event) => {
    const id = event.target.getAttribute('data-fact');
    if (!id) return;
    if (event.target.type === 'radio' && !event.target.checked) return;
    state.profileText.set(id, event.target.value);
    state.unknown.delete(id);
    update();
  };
  factsBox.addEventListener('change', onFact);
  factsBox.addEventListener('input', (event) => { if (event.target.type !== 'radio') onFact(event); });
}
