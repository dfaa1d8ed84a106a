// The guided interview (step 2): one question at a time.
import { ivpElement, ivpMissing } from '../dom.js';
import { ivpInSentence, ivpJoin } from '../format.js';

// The core chooses the questions (result.questions, most decisive first;
// src/ivp/questions.h): this block only shows questions[0] (minus the ones
// the user skipped this visit), sends the answer, and shows the next one the
// core returns. Nothing is timed and nothing moves on by itself: a question
// changes only after a button is pressed, and focus then goes to the new
// question's heading (screen readers, switch users).

function ivpInterviewQuestionCount(n) {
  return n === 1 ? 'Nog ongeveer 1 vraag die iets beslist.' : `Nog ongeveer ${n} vragen die iets beslissen.`;
}

// ctx: { box, factsBox, facts (by id), catalogue, state, answer(id, text|null) → error|null,
//        answerLabel(fact, text), showResults(), ready }
export function ivpInterview(ctx) {
  const { box, factsBox, facts, state } = ctx;
  const iv = { mode: 'guided', result: null, skipped: new Set(), history: [], revisit: null };
  const el = (tag, attributes, ...children) => ivpElement(tag, attributes, ...children);
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
  box.replaceChildren(card, formBar);

  const names = () => {
    const out = new Map(ctx.catalogue.provisions.map((p) => [p.id, p.name]));
    for (const o of (iv.result && iv.result.other_provisions) || []) out.set(o.id, o.name);
    out.set('eigen_bijdrage', 'de eigen bijdrage');
    return out;
  };
  const questions = () => ((iv.result && iv.result.questions) || []).filter((q) => facts.has(q.fact));
  const current = () => {
    if (iv.revisit) return { fact: iv.revisit, revisit: true };
    return questions().find((q) => !iv.skipped.has(q.fact)) || null;
  };
  const textOf = (id) => {
    if (state.unknown.has(id)) return null;
    const text = state.profileText.get(id);
    return text === '' ? undefined : text;
  };

  function answerButton(label, text, id) {
    const pressed = iv.revisit && textOf(id) === text && (text !== null || state.unknown.has(id));
    const b = el('button', { type: 'button', className: 'ivp-iv-answer', text: label, 'aria-pressed': pressed ? 'true' : 'false' });
    b.addEventListener('click', () => submit(id, text));
    return b;
  }

  function numberForm(fact) {
    const inputId = 'ivp-iv-number';
    const range = Number.isFinite(fact.min) && Number.isFinite(fact.max) ? ` (een getal van ${fact.min} tot en met ${fact.max})` : '';
    const input = el('input', { type: fact.type === 'date' ? 'date' : 'text', id: inputId, autocomplete: 'off',
      inputmode: fact.type === 'integer' ? 'numeric' : undefined, 'aria-describedby': 'ivp-iv-error',
      value: textOf(fact.id) || '' });
    const form = el('form', { className: 'ivp-iv-number' },
      el('label', { for: inputId, className: 'ivp-field-label', text: `Uw antwoord${range}` }), input,
      el('button', { type: 'submit', className: 'ivp-iv-answer', text: 'Verder' }));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (input.value.trim() === '') { showError('Vul een getal in, of kies "Weet ik niet".', input); return; }
      submit(fact.id, input.value.trim());
    });
    return form;
  }

  function showError(message, focusOn) {
    error.hidden = false;
    error.textContent = message;
    if (focusOn) { focusOn.setAttribute('aria-invalid', 'true'); focusOn.focus(); }
  }

  function renderAnswers(fact) {
    const id = fact.id;
    if (fact.type === 'boolean') answers.replaceChildren(answerButton('Ja', 'true', id), answerButton('Nee', 'false', id));
    else if (fact.type === 'choice') {
      answers.replaceChildren(...(fact.choices || []).map((c) => (typeof c === 'string' ? { value: c, label: c } : c))
        .map((c) => answerButton(c.label || c.value, c.value, id)));
    } else answers.replaceChildren(numberForm(fact));
    answers.append(answerButton('Weet ik niet', null, id));
  }

  function renderGiven() {
    const items = [];
    for (const [id, fact] of facts) {
      const text = textOf(id);
      if (text === undefined) continue;
      const change = el('button', { type: 'button', className: 'ivp-iv-change', text: 'Wijzig',
        'aria-label': `Wijzig: ${fact.question}` });
      change.addEventListener('click', () => { iv.revisit = id; render(); focusQuestion(); });
      items.push(el('li', {}, el('span', { text: `${fact.question} ` }),
        el('strong', { text: text === null ? 'Weet ik niet' : ctx.answerLabel(fact, text) }), ' ', change));
    }
    given.replaceChildren(...items);
    givenBox.hidden = items.length === 0;
    givenBox.querySelector('summary').textContent = `Uw antwoorden (${items.length}): bekijken of wijzigen`;
  }

  function render() {
    const guidedMode = iv.mode === 'guided';
    card.hidden = !guidedMode;
    formBar.hidden = guidedMode;
    factsBox.hidden = guidedMode;
    if (!guidedMode) return;
    error.hidden = true;
    const q = current();
    const open = questions().filter((x) => !iv.skipped.has(x.fact)).length;
    back.disabled = iv.history.length === 0 && !iv.revisit;
    skip.hidden = !q;
    again.hidden = !!q || iv.skipped.size === 0;
    renderGiven();
    if (!q) {
      progress.textContent = iv.skipped.size ? `U hebt ${iv.skipped.size === 1 ? '1 vraag' : `${iv.skipped.size} vragen`} overgeslagen.` : '';
      heading.textContent = iv.skipped.size ? 'Er zijn geen andere vragen meer die iets beslissen.' : 'Klaar: er zijn geen vragen meer die iets beslissen.';
      help.textContent = 'Bij "Toon wat ik nu weet" ziet u per voorziening of u die waarschijnlijk krijgt. Een antwoord wijzigen kan altijd hieronder.';
      why.textContent = '';
      answers.replaceChildren();
      return;
    }
    const fact = facts.get(q.fact);
    progress.textContent = q.revisit ? 'U wijzigt een eerder antwoord.' : ivpInterviewQuestionCount(open);
    heading.textContent = fact.question;
    help.textContent = (q.help !== undefined ? q.help : fact.explanation) || '';
    const decides = (q.decides || []).map((id) => ivpInSentence(names().get(id) || id));
    // A long list is cut after six names: the question must stay the first thing one reads.
    const shown = decides.length > 7 ? [...decides.slice(0, 6), `${decides.length - 6} andere voorzieningen`] : decides;
    why.textContent = decides.length ? `Waarom we dit vragen: dit beslist over ${ivpJoin(shown)}.` : '';
    renderAnswers(fact);
  }

  function focusQuestion() { heading.focus(); }

  function submit(id, text) {
    const problem = ctx.answer(id, text);
    if (problem) { render(); showError(problem, answers.querySelector('input')); return; }
    if (iv.revisit !== id) iv.history.push(id);
    iv.revisit = null;
    iv.skipped.delete(id);
    render();
    focusQuestion();
  }

  back.addEventListener('click', () => {
    const previous = iv.revisit ? null : iv.history.pop();
    iv.revisit = previous || null;
    render();
    focusQuestion();
  });
  skip.addEventListener('click', () => {
    const q = current();
    if (q && !q.revisit) iv.skipped.add(q.fact);
    iv.revisit = null;
    render();
    focusQuestion();
  });
  again.addEventListener('click', () => { iv.skipped.clear(); render(); focusQuestion(); });
  show.addEventListener('click', () => ctx.showResults());
  all.addEventListener('click', () => {
    iv.mode = 'form';
    render();
    const first = factsBox.querySelector('h3');
    if (first) first.focus(); else guided.focus();
  });
  guided.addEventListener('click', () => { iv.mode = 'guided'; iv.revisit = null; render(); focusQuestion(); });

  return {
    // Every result: keep it and show the question it asks next (no focus move).
    show(result) {
      iv.result = result;
      if (!Array.isArray(result.questions) || !ctx.ready) {
        // A core without questions: the form, and say the interview is missing.
        iv.mode = 'form';
        guided.hidden = true;
        if (!box.querySelector('.ivp-missing')) box.append(ivpMissing('Eén vraag tegelijk'));
      }
      render();
    },
    reset() { iv.skipped.clear(); iv.history = []; iv.revisit = null; },
  };
}
