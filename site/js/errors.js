// Bad input: the core's Dutch message at the top and beside the field it
// names (error.where), while the last good result stays on screen.
// ctx (site/js/mount.js): $, rows, factControls.

// The message beside the field `error.where` points at.
function showFieldError(ctx, error) {
  const { $, rows, factControls } = ctx;
  const where = error.where || '';
  const override = /^\/overrides\/([^/]+)/.exec(where);
  const fact = /^\/profile\/([^/]+)/.exec(where);
  if (override && rows.has(override[1])) {
    const row = rows.get(override[1]);
    row.amount.setAttribute('aria-invalid', 'true');
    row.error.hidden = false;
    row.error.textContent = error.message;
  } else if (fact && factControls.has(fact[1])) {
    const entry = factControls.get(fact[1]);
    entry.error.hidden = false;
    entry.error.textContent = error.message;
    if (entry.control.input) entry.control.input.setAttribute('aria-invalid', 'true');
  } else if (where.startsWith('/policy')) {
    $('#ivp-policy-status').classList.add('ivp-field-error');
    $('#ivp-policy-status').textContent = error.message;
  } else if (where.startsWith('/melding')) {
    $('#ivp-melding').setAttribute('aria-invalid', 'true');
    const meldingError = $('#ivp-melding-error');
    meldingError.hidden = false;
    meldingError.textContent = error.message;
  }
}

export function showError(ctx, error) {
  ctx.errorsShown = true;
  const errorBox = ctx.$('#ivp-error');
  errorBox.hidden = false;
  errorBox.textContent = `Uw laatste wijziging is nog niet verwerkt: ${error.message} ` +
    'Wat u ziet, hoort bij uw laatste juiste invoer.';
  showFieldError(ctx, error);
}

// Runs at every change: when nothing was shown since the last clear, there is
// nothing to clear (touching the 120 fields' messages cost about 1 ms an
// answer; docs/perf.md, "Interview").
export function clearErrors(ctx) {
  if (ctx.errorsShown === false) return;
  ctx.errorsShown = false;
  const { $, rows, factControls } = ctx;
  const errorBox = $('#ivp-error');
  errorBox.hidden = true;
  errorBox.textContent = '';
  for (const row of rows.values()) {
    row.amount.removeAttribute('aria-invalid');
    row.error.hidden = true;
    row.error.textContent = '';
  }
  for (const entry of factControls.values()) {
    entry.error.hidden = true;
    entry.error.textContent = '';
    if (entry.control.input) entry.control.input.removeAttribute('aria-invalid');
  }
  $('#ivp-melding').removeAttribute('aria-invalid');
  $('#ivp-melding-error').hidden = true;
}
