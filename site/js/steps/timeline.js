// Step 5, the timeline: when each provision can be there under the ALS
// protocol, the Wmo 2015 and the municipality (a Gantt chart and the same
// dates in a table), the terms of the request itself and what to do when the
// municipality decides late; the .ics download. Every date comes from the
// core (`provisions[].delivery`, `procedure`, `late_decision`, `ics()`).
// ctx (site/js/mount.js): $, state, today, core, download, showError.
import { ivpElement, ivpMissing } from '../dom.js';
import { IVP_MONTHS, ivpDutchDate, ivpJoin, ivpText } from '../format.js';
import { ivpSourceText, sourceWithQuote } from '../sources.js';
import { ivpMilestoneLabel, ivpPhaseLabel, ivpTrackOf, ivpTracksOf } from '../result-tables.js';
import { ivpPlanOrder, ivpPlanWindow } from './plan.js';

export const IVP_STATUS_LABEL = { open: 'Loopt nog', verstreken: 'Termijn voorbij', gehaald: 'Gehaald', niet_gehaald: 'Niet gehaald', onbekend: 'Onbekend' };
const IVP_LATE_LABEL = { termijn_loopt: 'de termijn loopt nog', te_laat: 'de gemeente is te laat', op_tijd: 'op tijd beslist', te_laat_beslist: 'te laat beslist' };

// One track of a provision (ALS protocol, Wmo 2015, the municipality):
// its phases and milestones as the core gives them; labels, caveat and
// basis shared by every provision come from the result's tables.
function trackBlock(result, name, track) {
  const shared = ivpTrackOf(result, name);
  const block = ivpElement('div', { className: 'ivp-track' },
    ivpElement('p', { className: 'ivp-subhead', text: track.label || shared.label || name }));
  if (track.applies === false) {
    block.append(ivpElement('p', { text: track.reason || 'Geldt niet voor deze voorziening.' }));
    return block;
  }
  const list = ivpElement('ul');
  for (const ph of track.phases || []) {
    const days = typeof ph.werkdagen === 'number' ? ` (${ph.werkdagen} werkdagen)` : '';
    list.append(ivpElement('li', { text: `${ivpPhaseLabel(result, ph)}: ${ph.start ? `${ivpDutchDate(ph.start)} tot ` : ''}${ph.end ? ivpDutchDate(ph.end) : ''}${days}` }));
  }
  for (const m of track.milestones || []) {
    list.append(ivpElement('li', { text: `${ivpMilestoneLabel(result, m)}: ${m.date ? ivpDutchDate(m.date) : 'onbekend'}${m.actual && m.actual.date ? ` (werkelijk: ${ivpDutchDate(m.actual.date)})` : ''}` }));
  }
  if (track.end) list.append(ivpElement('li', {}, ivpElement('strong', { text: `Klaar uiterlijk: ${ivpDutchDate(track.end)}` })));
  block.append(list);
  const caveat = track.caveat || shared.caveat;
  if (caveat) block.append(ivpElement('p', { className: 'ivp-hint', text: ivpText(caveat) }));
  const basis = track.basis || track.source || shared.basis;
  if (basis) block.append(ivpElement('p', { className: 'ivp-source', text: `Bron: ${ivpSourceText(basis)}` }));
  return block;
}

// [name, track] of a provision's tracks (result.timelines), or null.
function tracksOf(result, p) {
  const tracks = ivpTracksOf(result, p);
  return tracks && typeof tracks === 'object' ? Object.entries(tracks) : null;
}

// One table of the request's milestones (Wmo 2015 or the municipality).
function milestoneTable(label, milestones) {
  const table = ivpElement('table', { className: 'ivp-table ivp-milestones' },
    ivpElement('caption', { text: label }),
    ivpElement('thead', {}, ivpElement('tr', {}, ...['Wat', 'Datum', 'Stand', 'Wat kunt u doen?']
      .map((t) => ivpElement('th', { scope: 'col', text: t })))));
  const body = ivpElement('tbody');
  for (const m of milestones) {
    const actual = m.actual && m.actual.date ? ` (werkelijk: ${ivpDutchDate(m.actual.date)})` : '';
    const status = m.status ? ivpElement('span', { className: `ivp-status ivp-status-${m.status}`, text: IVP_STATUS_LABEL[m.status] || m.status }) : '';
    const late = typeof m.werkdagen_verschil === 'number' && m.werkdagen_verschil > 0 ? ` (${m.werkdagen_verschil} werkdagen te laat)` : '';
    body.append(ivpElement('tr', {},
      ivpElement('th', { scope: 'row' }, m.label || m.id, m.basis ? ivpElement('span', { className: 'ivp-source ivp-block', text: m.basis }) : ''),
      ivpElement('td', { className: 'ivp-date', text: `${m.date ? ivpDutchDate(m.date) : 'onbekend'}${actual}` }),
      ivpElement('td', {}, status, late),
      ivpElement('td', { text: m.next_step || '' })));
  }
  table.append(body);
  return table;
}

// When the municipality decides late: the dates, the dwangsom, what to do.
function lateDecisionBlock(late) {
  const d = late.dwangsom;
  const items = [];
  if (late.beslistermijn_einde) items.push(`De gemeente moet uiterlijk ${ivpDutchDate(late.beslistermijn_einde)} beslissen.`);
  if (late.ingebrekestelling_vanaf) items.push(`Vanaf ${ivpDutchDate(late.ingebrekestelling_vanaf)} kunt u de gemeente een brief sturen dat zij te laat is (ingebrekestelling).`);
  if (d) {
    items.push(`${d.voorbeeld ? 'Voorbeeld: ontvangt de gemeente die brief op ' + ivpDutchDate(d.ingebrekestelling_ontvangen || late.ingebrekestelling_vanaf) + ', dan' : 'Dan'} moet de gemeente u vanaf ${ivpDutchDate(d.eerste_dag)} tot uiterlijk ${ivpDutchDate(d.laatste_dag)} een dwangsom per dag betalen.`);
    if (d.bedrag && d.bedrag.tekst) items.push(`Bedrag: ${d.bedrag.tekst}${d.maximum && d.maximum.tekst ? ` (ten hoogste ${d.maximum.tekst})` : ''}.`);
    else if (d.bedrag_onbekend) items.push(d.bedrag_onbekend);
    else if (d.tarief && !d.tarief.tiers) items.push('Hoeveel de dwangsom per dag is, weet de rekenhulp voor die datum niet. Kijk in de Algemene wet bestuursrecht, artikel 4:17 (wetten.overheid.nl).');
  }
  const out = [ivpElement('h3', { text: 'Als de gemeente te laat beslist' }),
    ivpElement('p', {}, ivpElement('strong', { text: `${late.applies_to || 'Het besluit'}: ` }),
      ivpElement('span', { className: `ivp-status ivp-status-${late.status}`, text: IVP_LATE_LABEL[late.status] || late.status || '' })),
    ivpElement('ul', {}, ...items.map((t) => ivpElement('li', { text: t })))];
  if (late.next_step) out.push(ivpElement('p', {}, ivpElement('strong', { text: 'Wat kunt u doen? ' }), late.next_step));
  const basis = sourceWithQuote('Algemene wet bestuursrecht art. 4:17', late.basis, 'Bron');
  if (basis) out.push(basis);
  return out;
}

// Milestones of the request itself (Wmo 2015 and the municipality): when,
// whether the term was met, and what to do now.
function procedureBlock(result) {
  const box = ivpElement('div', { className: 'ivp-procedure' });
  const proc = result.procedure;
  const groups = [];
  if (proc && proc.wmo_2015) groups.push([proc.wmo_2015.label || 'Wmo 2015', proc.wmo_2015.milestones || [], null]);
  if (proc && proc.gemeente) groups.push([proc.gemeente.label || 'Gemeente', proc.gemeente.milestones || [], proc.gemeente.caveat]);
  if (!groups.length) { box.append(ivpMissing('De termijnen van uw aanvraag (Wmo 2015)')); return box; }
  box.append(ivpElement('h3', { text: 'Uw aanvraag bij de gemeente' }));
  for (const [label, milestones, caveat] of groups) {
    box.append(milestoneTable(label, milestones));
    if (caveat) box.append(ivpElement('p', { className: 'ivp-hint', text: caveat }));
  }
  const late = result.late_decision;
  if (late) box.append(...lateDecisionBlock(late));
  return box;
}

// The three tracks of the chart, in the order of their lanes.
const GANTT_TRACKS = [['als_protocol', 'ALS protocol'], ['wmo_2015', 'Wmo 2015'], ['gemeente', 'Gemeente']];
const GANTT_ROW = 12;
const ganttDay = (iso) => { const [y, m, d] = String(iso).split('-').map(Number); return Date.UTC(y, m - 1, d) / 86400000; };

// Provisions with the same dates on every track share a row, so the chart stays short.
function ganttGroups(result, provisions) {
  const TRACKS = GANTT_TRACKS;
  const groups = new Map();
  for (const p of provisions) {
    const tracks = Object.fromEntries(tracksOf(result, p) || []);
    const key = JSON.stringify(TRACKS.map(([id]) => tracks[id] && tracks[id].applies !== false
      ? [(tracks[id].phases || []).map((ph) => [ph.start, ph.end]), tracks[id].end] : null));
    if (!groups.has(key)) groups.set(key, { names: [], tracks });
    groups.get(key).names.push(p.name);
  }
  return groups;
}

// The days the chart spans (every date it shows) and x of a date, 0 to 1000.
function ganttScale(groups, melding, now) {
  const day = ganttDay;
  const dates = [melding, now];
  for (const { tracks } of groups.values()) {
    for (const t of Object.values(tracks)) {
      if (!t || t.applies === false) continue;
      for (const ph of t.phases || []) dates.push(ph.start, ph.end);
      for (const m of t.milestones || []) dates.push(m.date);
      if (t.end) dates.push(t.end);
    }
  }
  const days = dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d || '')).map(day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const x = (iso) => (1000 * (day(iso) - first)) / Math.max(1, last - first);
  return { first, last, x };
}

// Month ticks above the chart: an SVG without a viewBox, placed in
// percentages, so letters are not stretched and no style attribute is
// needed (the page's CSP allows none, also in a page saved from the browser).
function ganttAxis({ first, last, x }, now) {
  const axis = ivpElement('svg', { svg: true, className: 'ivp-gantt-axis', focusable: 'false' });
  const start = new Date(first * 86400000);
  for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); m.getTime() / 86400000 <= last; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    const at = `${(x(m.toISOString().slice(0, 10)) / 10).toFixed(2)}%`;
    axis.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-tick', x: at, y: '0', width: '1', height: '100%' }),
      ivpElement('text', { svg: true, x: at, dx: '4', y: '70%', text: IVP_MONTHS[m.getUTCMonth()].slice(0, 3) }));
  }
  axis.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-today', x: `${(x(now) / 10).toFixed(2)}%`, y: '0', width: '3', height: '100%' }));
  return axis;
}

// One row: the lanes of one group of provisions, with their phases, the
// wait for the decision, the milestones and today.
function ganttRow(melding, x, todayX, { names, tracks }) {
  const TRACKS = GANTT_TRACKS;
  const ROW = GANTT_ROW;
  const svg = ivpElement('svg', { svg: true, className: 'ivp-gantt-bars', viewBox: `0 0 1000 ${ROW * TRACKS.length}`, preserveAspectRatio: 'none', focusable: 'false' });
  TRACKS.forEach(([id], n) => {
    const t = tracks[id];
    const y = n * ROW;
    svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-lane', x: '0', y: String(y), width: '1000', height: String(ROW) }));
    if (!t || t.applies === false) return;
    for (const ph of t.phases || []) {
      if (!ph.start || !ph.end) continue;
      svg.append(ivpElement('rect', { svg: true, className: `ivp-gantt-phase ivp-gantt-${ph.id || 'phase'}`,
        x: x(ph.start).toFixed(2), y: String(y + 2), width: Math.max(2, x(ph.end) - x(ph.start)).toFixed(2), height: String(ROW - 4) }));
    }
    // The waiting time for the decision, before the supplier's phase, on the legal tracks.
    const firstPhase = (t.phases || [])[0];
    if (id !== 'als_protocol' && firstPhase && firstPhase.start) {
      svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-wait',
        x: x(melding).toFixed(2), y: String(y + 4), width: Math.max(0, x(firstPhase.start) - x(melding)).toFixed(2), height: String(ROW - 8) }));
    }
    for (const m of t.milestones || []) {
      if (!m.date) continue;
      svg.append(ivpElement('rect', { svg: true, className: `ivp-gantt-mark ivp-status-${m.status || 'open'}`, x: (x(m.date) - 2).toFixed(2), y: String(y), width: '4', height: String(ROW) }));
    }
  });
  svg.append(ivpElement('rect', { svg: true, className: 'ivp-gantt-today', x: (todayX - 2).toFixed(2), y: '0', width: '4', height: String(ROW * TRACKS.length) }));
  const lanes = ivpElement('div', { className: 'ivp-gantt-lanes' }, ...TRACKS.map(([, label]) => ivpElement('span', { text: label })));
  return ivpElement('div', { className: 'ivp-gantt-row' }, ivpElement('p', { className: 'ivp-gantt-label', text: ivpJoin(names) }),
    ivpElement('div', { className: 'ivp-gantt-plot' }, lanes, svg));
}

function ganttLegend(now) {
  return ivpElement('ul', { className: 'ivp-legend ivp-gantt-legend' },
    ...[['ivp-gantt-revalidatie', 'Advies revalidatieteam'], ['ivp-gantt-financier', 'Besluit gemeente of zorgverzekeraar'],
      ['ivp-gantt-leverancier', 'Levering'], ['ivp-gantt-wait', 'Wachten op het besluit (wet, gemeente)'], ['ivp-gantt-today', `Vandaag (${ivpDutchDate(now)})`]]
      .map(([cls, label]) => ivpElement('li', {}, ivpElement('span', { className: `ivp-swatch ${cls}` }), label)),
    ivpElement('li', { text: 'Streepje: een termijn loopt af.' }));
}

// The same end dates as the chart, in a table (the chart is a picture).
function ganttTable(groups, now) {
  const TRACKS = GANTT_TRACKS;
  const endOf = (t) => (!t ? '—' : t.applies === false ? 'geldt niet' : t.end ? ivpDutchDate(t.end) : 'onbekend');
  return ivpElement('table', { className: 'ivp-table ivp-gantt-table' },
    ivpElement('caption', { text: `Klaar uiterlijk, per regeling (vandaag is ${ivpDutchDate(now)})` }),
    ivpElement('thead', {}, ivpElement('tr', {}, ...['Voorzieningen', 'ALS protocol', 'Wmo 2015', 'Gemeente']
      .map((t) => ivpElement('th', { scope: 'col', text: t })))),
    ivpElement('tbody', {}, ...[...groups.values()].map(({ names, tracks }) => ivpElement('tr', {},
      ivpElement('th', { scope: 'row', text: ivpJoin(names) }),
      ...TRACKS.map(([id, label]) => ivpElement('td', { className: 'ivp-date', 'data-label': label, text: endOf(tracks[id]) }))))));
}

// The delivery of every provision on the three tracks as one Gantt chart
// (a picture: aria-hidden) and the same dates in a table. Provisions with
// the same dates share a row, so the chart stays short.
function ganttBlock(ctx, result, provisions) {
  const now = result.peildatum || ctx.today;
  const melding = result.melding || ctx.state.melding;
  const groups = ganttGroups(result, provisions);
  const scale = ganttScale(groups, melding, now);
  const chart = ivpElement('div', { className: 'ivp-gantt', 'aria-hidden': 'true' });
  chart.append(ivpElement('div', { className: 'ivp-gantt-plot' }, ivpElement('span'), ganttAxis(scale, now)));
  const todayX = scale.x(now);
  for (const group of groups.values()) chart.append(ganttRow(melding, scale.x, todayX, group));
  chart.append(ganttLegend(now));
  return [chart, ganttTable(groups, now)];
}

// One provision in the list "Per voorziening": its ALS protocol date, its
// call-off window, and behind "Alle termijnen" every track.
function timelineItem(result, p, anyTracks, maxDays) {
  const days = p.sla_werkdagen && p.sla_werkdagen.totaal;
  const item = ivpElement('li', {},
    ivpElement('p', { className: 'ivp-timeline-head' }, ivpElement('strong', { text: p.name }),
      ` — volgens het ALS protocol klaar op ${ivpDutchDate(p.delivery.als_protocol)}${days ? ` (${days} werkdagen)` : ''}`),
    ...ivpPlanWindow(result, p));
  if (days && !anyTracks) {
    // A picture of the same number, for a quick comparison; the text above carries it.
    const bar = ivpElement('svg', { svg: true, className: 'ivp-tbar', viewBox: '0 0 1000 16', preserveAspectRatio: 'none',
      'aria-hidden': 'true', focusable: 'false' });
    bar.append(ivpElement('rect', { svg: true, className: `ivp-seg ivp-seg-${p.law}-${p.kind}`, x: '0', y: '0',
      width: ((1000 * days) / maxDays).toFixed(2), height: '16' }));
    item.append(bar);
  }
  const tracks = tracksOf(result, p);
  if (tracks) {
    item.append(ivpElement('details', { className: 'ivp-more' },
      ivpElement('summary', { text: 'Alle termijnen', 'aria-label': `Alle termijnen: ${p.name}` }),
      ...tracks.map(([name, t]) => trackBlock(result, name, t))));
  }
  return item;
}

// ctx: $, state (the melding shown while the result has none), today.
export function renderTimeline(ctx, result) {
  const { $, state } = ctx;
  $('#ivp-timeline-melding').textContent = ivpDutchDate(result.melding || state.melding);
  const box = $('#ivp-timeline');
  const provisions = ivpPlanOrder(result).filter((p) => p.delivery && p.delivery.als_protocol);
  if (!provisions.length) { box.replaceChildren(ivpElement('p', { text: 'Er staan geen voorzieningen in het plan.' })); return; }
  const anyTracks = provisions.some((p) => tracksOf(result, p));
  const maxDays = Math.max(1, ...provisions.map((p) => (p.sla_werkdagen && p.sla_werkdagen.totaal) || 0));
  const list = ivpElement('ol', { className: 'ivp-timeline' });
  for (const p of provisions) list.append(timelineItem(result, p, anyTracks, maxDays));
  box.replaceChildren(...(anyTracks ? ganttBlock(ctx, result, provisions) : [ivpMissing('De termijnen van de Wmo 2015 en van de gemeente')]),
    ...(result.procedure || result.late_decision ? [procedureBlock(result)] : []),
    ivpElement('h3', { text: 'Per voorziening' }), list);
}

// The .ics download: shown only when this build of the core can make one.
export function ivpIcsMount(ctx) {
  const { $, core, today } = ctx;
  const icsActions = $('#ivp-ics-actions');
  // Asked without making a calendar: a whole calculation at start-up for a yes/no.
  const canIcs = core.offers ? core.offers('ics') : core.ics(ctx.scenario(), today) !== null;
  icsActions.hidden = !canIcs;
  $('#ivp-ics-missing').hidden = canIcs;
  $('#ivp-save-ics').addEventListener('click', () => {
    const out = core.ics(ctx.scenario(), today);
    if (!out || out.error) { ctx.showError(out ? out.error : { message: 'Een agenda-bestand maken lukt niet.', where: '' }); return; }
    ctx.download(`mijn-ivp-${today}.ics`, 'text/calendar', out.text);
  });
}
