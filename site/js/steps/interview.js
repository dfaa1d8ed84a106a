// The guided interview (step 2): one question at a time.
// The core chooses the questions (result.questions, most decisive first;
// src/ivp/result/questions.h): this block only shows questions[0] (minus the ones
// the user skipped this visit), sends the answer, and shows the next one the
// core returns. Nothing is timed and nothing moves on by itself: a question
// changes only after a button is pressed, and focus then goes to the new
// question's heading (screen readers, switch users).
//
// One interview is `it`: { ctx (below), iv (where the user is), v (its
// elements) }; the functions here take it as their first argument.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpInSentence, ivpJoin } from '../format.js';

const el = (tag, attributes, ...children) => ivpElement(tag, attributes, ...children);

function ivpInterviewQuestionCount(n) {
  return n === 1 ? 'Nog ongeveer 1 vraag die iets beslist.' : `Nog ongeveer ${n} vragen die iets beslissen.`;
}

// The card with the question, its answers and the buttons; made once.
function interviewView() {
  const progress = el('p', { id: 'ivp-iv-progress', className: 'ivp-iv-progress' });
  const heading = el('h3', { id: 'ivp-iv-question', tabindex: '-1' });
  const help = el('p', { id: 'ivp-iv-help', className: 'ivp-hint' });
  const why = el('p', { id: 'ivp-iv-why', className: 'ivp-iv-why' });
  const answers = el('div', { id: 'ivp-iv-answers', className: 'ivp-iv-answers', role: 'group', 'aria-labelledby': 'ivp-iv-question' });
  const error = el('p', { id: 'ivp-iv-error', className: 'ivp-field-error', role: 'alert', hidden: true });
  const back = el('button', { type: 'button', id: 'ivp-iv-back', text: 'Terug naar de vorige vraag' });
  const skip = el('button', { type: 'button', id: 'ivp-iv-skip', text: 'Sla deze vraag over' });
  const again = el('button', { type: 'button', id: 'ivp-iv-again', text: 'Stel de overgeslagen vragen toch' });
  const show = el('button', { type: 'button', id: 'ivp-iv-show', text: 'Toon wat ik nu weet' });
  const all = el('button', { type: 'button', id: 'ivp-iv-all', text: 'Alle vragen' });
  const guided = el('button', { type: 'button', id: 'ivp-iv-guided', text: 'Eén vraag tegelijk' });
  const given = el('ul', { id: 'ivp-iv-given', className: 'ivp-iv-given' });
  const givenBox = el('details', { className: 'ivp-iv-given-box' }, el('summary', { id: 'ivp-iv-given-summary' }), given);
  const card = el('div', { className: 'ivp-iv-card' }, progress, heading, help, why, answers, error,
    el('div', { className: 'ivp-actions ivp-iv-nav' }, back, skip, again),
    el('div', { className: 'ivp-actions' }, show, all), givenBox);
  const formBar = el('div', { className: 'ivp-actions ivp-iv-formbar' }, guided);
  return { progress, heading, help, why, answers, error, back, skip, again, show, all, guided, given, givenBox, card, formBar };
}

function names(it) {
  const { ctx, iv } = it;
  const out = new Map(ctx.catalogue.provisions.map((p) => [p.id, p.name]));
  for (const o of (iv.result && iv.result.other_provisions) || []) out.set(o.id, o.name);
  out.set('eigen_bijdrage', 'de eigen bijdrage');
  return out;
}
const questions = (it) => ((it.iv.result && it.iv.result.questions) || []).filter((q) => it.ctx.facts.has(q.fact));
function current(it) {
  const { iv } = it;
  if (iv.revisit) return { fact: iv.revisit, revisit: true };
  return questions(it).find((q) => !iv.skipped.has(q.fact)) || null;
}
function textOf(it, id) {
  const { state } = it.ctx;
  if (state.unknown.has(id)) return null;
  const text = state.profileText.get(id);
  return text === '' ? undefined : text;
}

function answerButton(it, label, text, id) {
  const pressed = it.iv.revisit && textOf(it, id) === text && (text !== null || it.ctx.state.unknown.has(id));
  const b = el('button', { type: 'button', className: 'ivp-iv-answer', text: label, 'aria-pressed': pressed ? 'true' : 'false' });
  b.addEventListener('click', () => submit(it, id, text));
  return b;
}

function numberForm(it, fact) {
  const inputId = 'ivp-iv-number';
  const range = Number.isFinite(fact.min) && Number.isFinite(fact.max) ? ` (een getal van ${fact.min} tot en met ${fact.max})` : '';
  const input = el('input', { type: fact.type === 'date' ? 'date' : 'text', id: inputId, autocomplete: 'off',
    inputmode: fact.type === 'integer' ? 'numeric' : undefined, 'aria-describedby': 'ivp-iv-error',
    value: textOf(it, fact.id) || '' });
  const form = el('form', { className: 'ivp-iv-number' },
    el('label', { for: inputId, className: 'ivp-field-label', text: `Uw antwoord${range}` }), input,
    el('button', { type: 'submit', className: 'ivp-iv-answer', text: 'Verder' }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value.trim() === '') { showError(it, 'Vul een getal in, of kies "Weet ik niet".', input); return; }
    submit(it, fact.id, input.value.trim());
  });
  return form;
}

function showError(it, message, focusOn) {
  const { error } = it.v;
  error.hidden = false;
  error.textContent = message;
  if (focusOn) { focusOn.setAttribute('aria-invalid', 'true'); focusOn.focus(); }
}

function renderAnswers(it, fact) {
  const { answers } = it.v;
  const id = fact.id;
  if (fact.type === 'boolean') answers.replaceChildren(answerButton(it, 'Ja', 'true', id), answerButton(it, 'Nee', 'false', id));
  else if (fact.type === 'choice') {
    answers.replaceChildren(...(fact.choices || []).map((c) => (typeof c === 'string' ? { value: c, label: c } : c))
      .map((c) => answerButton(it, c.label || c.value, c.value, id)));
  } else answers.replaceChildren(numberForm(it, fact));
  answers.append(answerButton(it, 'Weet ik niet', null, id));
}

function renderGiven(it) {
  const { ctx, iv } = it;
  const { given, givenBox } = it.v;
  const items = [];
  for (const [id, fact] of ctx.facts) {
    const text = textOf(it, id);
    if (text === undefined) continue;
    const change = el('button', { type: 'button', className: 'ivp-iv-change', text: 'Wijzig',
      'aria-label': `Wijzig: ${fact.question}` });
    change.addEventListener('click', () => { iv.revisit = id; render(it); focusQuestion(it); });
    items.push(el('li', {}, el('span', { text: `${fact.question} ` }),
      el('strong', { text: text === null ? 'Weet ik niet' : ctx.answerLabel(fact, text) }), ' ', change));
  }
  given.replaceChildren(...items);
  givenBox.hidden = items.length === 0;
  givenBox.querySelector('summary').textContent = `Uw antwoorden (${items.length}): bekijken of wijzigen`;
}

// No question left that decides anything.
function renderDone(it) {
  const { iv } = it;
  const { progress, heading, help, why, answers } = it.v;
  progress.textContent = iv.skipped.size ? `U hebt ${iv.skipped.size === 1 ? '1 vraag' : `${iv.skipped.size} vragen`} overgeslagen.` : '';
  heading.textContent = iv.skipped.size ? 'Er zijn geen andere vragen meer die iets beslissen.' : 'Klaar: er zijn geen vragen meer die iets beslissen.';
  help.textContent = 'Bij "Toon wat ik nu weet" ziet u per voorziening of u die waarschijnlijk krijgt. Een antwoord wijzigen kan altijd hieronder.';
  why.textContent = '';
  answers.replaceChildren();
}

// Question `q` (of the core, or one the user asked to change).
function renderQuestion(it, q, open) {
  const { progress, heading, help, why } = it.v;
  const fact = it.ctx.facts.get(q.fact);
  progress.textContent = q.revisit ? 'U wijzigt een eerder antwoord.' : ivpInterviewQuestionCount(open);
  heading.textContent = fact.question;
  help.textContent = (q.help !== undefined ? q.help : fact.explanation) || '';
  const decides = (q.decides || []).map((id) => ivpInSentence(names(it).get(id) || id));
  // A long list is cut after six names: the question must stay the first thing one reads.
  const shown = decides.length > 7 ? [...decides.slice(0, 6), `${decides.length - 6} andere voorzieningen`] : decides;
  why.textContent = decides.length ? `Waarom we dit vragen: dit beslist over ${ivpJoin(shown)}.` : '';
  renderAnswers(it, fact);
}

function render(it) {
  const { ctx, iv } = it;
  const { card, formBar, error, back, skip, again } = it.v;
  const guidedMode = iv.mode === 'guided';
  card.hidden = !guidedMode;
  formBar.hidden = guidedMode;
  ctx.factsBox.hidden = guidedMode;
  if (!guidedMode) return;
  error.hidden = true;
  const q = current(it);
  const open = questions(it).filter((x) => !iv.skipped.has(x.fact)).length;
  back.disabled = iv.history.length === 0 && !iv.revisit;
  skip.hidden = !q;
  again.hidden = !!q || iv.skipped.size === 0;
  renderGiven(it);
  if (!q) renderDone(it);
  else renderQuestion(it, q, open);
}

function focusQuestion(it) { it.v.heading.focus(); }

function submit(it, id, text) {
  const { ctx, iv } = it;
  const problem = ctx.answer(id, text);
  if (problem) { render(it); showError(it, problem, it.v.answers.querySelector('input')); return; }
  if (iv.revisit !== id) iv.history.push(id);
  iv.revisit = null;
  iv.skipped.delete(id);
  render(it);
  focusQuestion(it);
}

// Back, skip, ask the skipped ones, show the results, the form, and back.
function interviewEvents(it) {
  const { ctx, iv } = it;
  const { back, skip, again, show, all, guided } = it.v;
  back.addEventListener('click', () => {
    const previous = iv.revisit ? null : iv.history.pop();
    iv.revisit = previous || null;
    render(it);
    focusQuestion(it);
  });
  skip.addEventListener('click', () => {
    const q = current(it);
    if (q && !q.revisit) iv.skipped.add(q.fact);
    iv.revisit = null;
    render(it);
    focusQuestion(it);
  });
  again.addEventListener('click', () => { iv.skipped.clear(); render(it); focusQuestion(it); });
  show.addEventListener('click', () => ctx.showResults());
  all.addEventListener('click', () => {
    iv.mode = 'form';
    render(it);
    const first = ctx.factsBox.querySelector('h3');
    if (first) first.focus(); else guided.focus();
  });
  guided.addEventListener('click', () => { iv.mode = 'guided'; iv.revisit = null; render(it); focusQuestion(it); });
}

// ctx: { box, factsBox, facts (by id), catalogue, state, answer(id, text|null) → error|null,
//        answerLabel(fact, text), showResults(), ready }
export function ivpInterview(ctx) {
  const it = { ctx, iv: { mode: 'guided', result: null, skipped: new Set(), history: [], revisit: null }, v: interviewView() };
  const { iv } = it;
  ctx.box.replaceChildren(it.v.card, it.v.formBar);
  interviewEvents(it);
  return {
    // Every result: keep it and show the question it asks next (no focus move).
    show(result) {
      iv.result = result;
      if (!Array.isArray(result.questions) || !ctx.ready) {
        // A core without questions: the form, and say the interview is missing.
        iv.mode = 'form';
        it.v.guided.hidden = true;
        if (!ctx.box.querySelector('.ivp-missing')) ctx.box.append(ivpMissing('Eén vraag tegelijk'));
      }
      render(it);
    },
    reset() { iv.skipped.clear(); iv.history = []; iv.revisit = null; },
  };
}
