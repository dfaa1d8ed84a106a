// The six steps: the step buttons at the top, "Vorige stap" and "Volgende
// stap", and focus on the new step's heading.
// ctx (site/js/mount.js): $, $$, state (state.step), renderStep.

export const IVP_STEPS = ['start', 'situatie', 'voorzieningen', 'budget', 'tijdlijn', 'samenvatting'];
const IVP_STEP_LABEL = { start: 'Start', situatie: 'Uw situatie', voorzieningen: 'Voorzieningen',
  budget: 'IVP-budget', tijdlijn: 'Tijdlijn', samenvatting: 'Samenvatting' };

// → showStep(step, {focus}).
export function ivpStepsMount(ctx) {
  const { $, $$, state } = ctx;
  const stepSections = new Map($$('.ivp-step').map((s) => [s.getAttribute('data-step'), s]));
  const prevButton = $('#ivp-prev');
  const nextButton = $('#ivp-next');
  function showStep(step, { focus = true } = {}) {
    state.step = step;
    if (ctx.renderStep) ctx.renderStep(step);  // a step is rendered when shown (mount.js)
    for (const [name, section] of stepSections) section.hidden = name !== step;
    for (const button of $$('[data-goto]')) {
      if (button.getAttribute('data-goto') === step) button.setAttribute('aria-current', 'step');
      else button.removeAttribute('aria-current');
    }
    const index = IVP_STEPS.indexOf(step);
    prevButton.hidden = index === 0;
    nextButton.hidden = index === IVP_STEPS.length - 1;
    if (index > 0) prevButton.textContent = `Vorige stap: ${IVP_STEP_LABEL[IVP_STEPS[index - 1]]}`;
    if (index < IVP_STEPS.length - 1) nextButton.textContent = `Volgende stap: ${IVP_STEP_LABEL[IVP_STEPS[index + 1]]}`;
    // Move focus to the new step's heading so a screen reader reads it and
    // keyboard users continue from the top of the step.
    if (focus) stepSections.get(step).querySelector('h2').focus();
  }
  for (const button of $$('[data-goto]')) {
    button.addEventListener('click', () => showStep(button.getAttribute('data-goto')));
  }
  prevButton.addEventListener('click', () => showStep(IVP_STEPS[Math.max(0, IVP_STEPS.indexOf(state.step) - 1)]));
  nextButton.addEventListener('click', () => showStep(IVP_STEPS[Math.min(IVP_STEPS.length - 1, IVP_STEPS.indexOf(state.step) + 1)]));
  return showStep;
}
