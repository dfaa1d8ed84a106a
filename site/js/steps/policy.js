// Step 2, the municipality's policy: a built-in pack or one the user loads.
// ctx (site/js/mount.js): $, core, state, update.
import { ivpElement, IVP_MISSING } from '../dom.js';
import { ivpSourceText } from '../sources.js';

// The choices come from the core (result.policy_choices); a loaded pack is
// checked by the core (validatePolicyPack, the rules of `ivp validate`)
// before it replaces anything, and travels in the scenario as policy_pack.
// Redrawn only when the choices or the chosen policy changed (ctx.policyChoicesKey).
export function renderPolicyChoices(ctx, result) {
  const { $, state } = ctx;
  const policyChoices = $('#ivp-policy-choices');
  const policyAbout = $('#ivp-policy-about');
  const builtIn = Array.isArray(result.policy_choices) ? result.policy_choices : [];
  const current = result.policies && result.policies[0] ? result.policies[0].id : '';
  const choices = builtIn.map((c) => ({ id: c.id, label: c.default ? `${c.label} (standaard)` : c.label }));
  if (state.pack && !builtIn.some((c) => c.id === state.pack.id)) {
    choices.push({ id: state.pack.id, label: `${state.pack.label} (geladen bestand)` });
  }
  const key = JSON.stringify([choices, current]);
  if (key === ctx.policyChoicesKey) return;
  ctx.policyChoicesKey = key;
  // What the chosen policy is, and what it obliges the municipality to do (the Wmo 2015's duties).
  const chosen = result.policies && result.policies[0];
  const duties = chosen && Array.isArray(chosen.duties) ? chosen.duties : [];
  policyAbout.replaceChildren(...(chosen && chosen.note ? [ivpElement('p', { text: chosen.note })] : []),
    ...(duties.length ? [ivpElement('p', { text: 'Wat de gemeente volgens deze regels altijd moet doen:' }),
      ivpElement('ul', { className: 'ivp-duties' }, ...duties.map((d) => ivpElement('li', {}, d.text + ' ',
        ivpElement('span', { className: 'ivp-hint', text: `(Bron: ${ivpSourceText(d.source)})` }))))] : []));
  policyChoices.replaceChildren(...choices.map((c) => {
    const input = ivpElement('input', { type: 'radio', name: 'ivp-policy', value: c.id });
    input.checked = c.id === current;
    return ivpElement('label', { className: 'ivp-check ivp-check-block' }, input, ivpElement('span', { text: c.label }));
  }));
}

export function ivpPolicyMount(ctx) {
  const { $, core, state } = ctx;
  const update = () => ctx.update();
  const policyChoices = $('#ivp-policy-choices');
  const policyStatus = $('#ivp-policy-status');
  const policyFile = $('#ivp-policy-file');
  policyChoices.addEventListener('change', (event) => {
    if (event.target.name !== 'ivp-policy' || !event.target.checked) return;
    state.policy = event.target.value;
    policyStatus.classList.remove('ivp-field-error');
    policyStatus.textContent = '';
    update();
  });
  policyFile.addEventListener('change', async () => {
    const file = policyFile.files && policyFile.files[0];
    if (!file) return;
    const text = await file.text();
    policyFile.value = '';
    const checked = typeof core.validatePolicyPack === 'function'
      ? core.validatePolicyPack(text)
      : { error: { message: `het laden van een beleidsbestand is ${IVP_MISSING}.`, where: '' } };
    if (checked.error) {
      const where = checked.error.where ? ` (op de plek ${checked.error.where})` : '';
      policyStatus.classList.add('ivp-field-error');
      policyStatus.textContent = `Het beleidsbestand "${file.name}" kan niet worden geladen${where}: ` +
        `${checked.error.message.replace(/([^.!?])$/, '$1.')} Er is niets veranderd: de rekenhulp rekent verder met het beleid dat gekozen was.`;
      return;
    }
    state.pack = JSON.parse(text);
    state.policy = state.pack.id;
    policyStatus.classList.remove('ivp-field-error');
    policyStatus.textContent = `Het beleidsbestand "${file.name}" is geladen: ${checked.result.label}. ` +
      'De oordelen gaan nu over dit beleid. Bewaart u uw gegevens als bestand, dan gaat dit beleid mee.';
    update();
  });
}
