// Dates checked against peers from npm: the feestdagen of every supported
// year against `date-holidays`, Easter against its computation, and the
// .ics export parsed by a real iCalendar parser (`ical.js`).
// Runs the native CLI: IVP_BIN, or build/native/ivp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const Holidays = require('date-holidays');
const ICAL = require('ical.js');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ivp = process.env.IVP_BIN || join(root, 'build/native/ivp');
const run = (args, input) => execFileSync(ivp, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });

const calendar = JSON.parse(readFileSync(join(root, 'data/calendar.json'), 'utf8'));
const lid3 = new Set(calendar.lid3.days.map((d) => d.date));

function ours(year) {
  return run(['feestdagen', String(year)]).trim().split('\n').map((line) => {
    const [date, ...name] = line.split(' ');
    return { date, name: name.join(' ') };
  });
}

// What date-holidays calls the Dutch public holidays, plus the two days it
// lists with another type that the Atw counts every year: Goede Vrijdag
// (art. 3 lid 2) and 5 mei (art. 3 lid 1 says "de vijfde mei", not only in
// lustrum years). Eerste Paas- and Pinksterdag are Sundays and not in art. 3.
function peer(year) {
  const hd = new Holidays('NL');
  return hd.getHolidays(year)
    .filter((h) => (h.type === 'public' && !['Pasen', 'Pinksteren'].includes(h.name))
      || ['Goede Vrijdag', 'Bevrijdingsdag'].includes(h.name))
    .map((h) => h.date.slice(0, 10));
}

test('Atw art. 3 lid 1 and 2: feestdagen 2015–2099 agree with date-holidays (plus Goede Vrijdag and 5 mei)', () => {
  for (let year = 2015; year <= 2099; year++) {
    const statutory = ours(year).filter((f) => !lid3.has(f.date)).map((f) => f.date);
    assert.deepEqual(statutory, peer(year).sort(), `year ${year}`);
  }
});

test('Atw art. 3 lid 3: the extra days are exactly those of data/calendar.json, and date-holidays has none of them', () => {
  const hd = new Holidays('NL');
  for (let year = 2015; year <= 2099; year++) {
    const extra = ours(year).filter((f) => f.name.startsWith('Gelijkgestelde dag')).map((f) => f.date);
    assert.deepEqual(extra, [...lid3].filter((d) => d.startsWith(String(year))).sort(), `year ${year}`);
    // date-holidays knows no bridge days: at most a non-public entry such as
    // Oudejaarsavond (type "bank") on 31 December 2018.
    for (const d of extra) {
      const found = hd.isHoliday(new Date(`${d}T12:00:00`)) || [];
      assert.ok(found.every((h) => h.type !== 'public'), `${d}: ${JSON.stringify(found)}`);
    }
  }
});

test('Easter 2015–2099: Goede Vrijdag + 2 days is date-holidays\' Pasen', () => {
  const hd = new Holidays('NL');
  for (let year = 2015; year <= 2099; year++) {
    const goedeVrijdag = ours(year).find((f) => f.name === 'Goede Vrijdag').date;
    const pasen = hd.getHolidays(year).find((h) => h.name === 'Pasen').date.slice(0, 10);
    const sunday = new Date(`${goedeVrijdag}T00:00:00Z`);
    sunday.setUTCDate(sunday.getUTCDate() + 2);
    assert.equal(sunday.toISOString().slice(0, 10), pasen, `year ${year}`);
  }
});

const scenario = JSON.stringify({
  melding: '2026-03-02',
  provisions: ['traplift', 'aanbouw-woning', 'spalken', 'vervoersvoorziening'],
  dates: { gesprek: '2026-04-01', aanvraag: '2026-04-10', ingebrekestelling: '2026-05-01' },
  actual: { traplift: { doorgegeven: '2026-03-20', passing: '2026-03-30' } },
  peildatum: '2026-06-01',
});

test('RFC 5545: ivp ics parses with ical.js, one VEVENT per dated deadline, dates as in the result', () => {
  const text = run(['ics', '-'], scenario);
  const result = JSON.parse(run(['calc', '-'], scenario));
  const comp = new ICAL.Component(ICAL.parse(text));
  assert.equal(comp.name, 'vcalendar');
  assert.equal(comp.getFirstPropertyValue('version'), '2.0');
  const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  const expected = new Map();  // uid prefix → date
  expected.set('melding', result.melding);
  for (const m of result.procedure.wmo_2015.milestones) expected.set(`wmo-${m.id}`, m.date);
  for (const m of result.procedure.gemeente.milestones) expected.set(`gemeente-${m.id}`, m.date);
  expected.set('ingebrekestelling-vanaf', result.late_decision.ingebrekestelling_vanaf);
  expected.set('dwangsom-eerste-dag', result.late_decision.dwangsom.eerste_dag);
  expected.set('dwangsom-laatste-dag', result.late_decision.dwangsom.laatste_dag);
  for (const p of result.provisions) {
    // Provisions with the same tracks share one entry of `timelines`.
    const track = result.timelines[p.delivery.timeline].als_protocol;
    for (const m of track.milestones) expected.set(`${p.id}-${m.id}`, m.date);
    expected.set(`${p.id}-levering`, track.end);
  }
  assert.equal(events.length, expected.size);
  const uids = new Set();
  for (const e of events) {
    assert.ok(!uids.has(e.uid), `duplicate UID ${e.uid}`);
    uids.add(e.uid);
    const key = e.uid.replace(/-20260302@ivp-rekenhulp$/, '');
    assert.ok(expected.has(key), `unexpected event ${e.uid}`);
    assert.ok(e.startDate.isDate, 'all-day event');
    assert.equal(e.startDate.toString(), expected.get(key), e.uid);
    assert.equal(e.endDate.toJSDate() - e.startDate.toJSDate(), 24 * 3600 * 1000);
  }
  // Escaping survives the round trip: the comma in the label comes back.
  const plan = events.find((e) => e.uid.startsWith('wmo-wmo_persoonlijk_plan'));
  assert.equal(plan.summary, 'Wmo: Uw persoonlijk plan inleveren, uiterlijk');
  assert.match(plan.description, /Bron: Wmo 2015 art\. 2\.3\.2 lid 2/);
  // Commas and semicolons in a description come back unescaped.
  const doorgegeven = events.find((e) => e.uid.startsWith('traplift-als_doorgegeven'));
  assert.match(doorgegeven.description, /Bron: ALS protocol, 1\) Hulpmiddelen b\)/);
  assert.doesNotMatch(doorgegeven.description, /regel \d/);  // line numbers stay in data/ (issue 12)
});

test('RFC 5545 §3.1: CRLF line ends, at most 75 octets a line, folded without breaking UTF-8', () => {
  const bytes = execFileSync(ivp, ['ics', '--default', '--today', '2026-11-23']);
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n') && text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every LF follows a CR');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, line);
  assert.ok(!text.includes('\uFFFD'), 'no UTF-8 character was split');
  assert.ok(text.split('\r\n').some((l) => l.startsWith(' ')), 'long lines are folded');
});

test('The .ics is deterministic: no clock, same scenario gives the same bytes on another day', () => {
  const a = execFileSync(ivp, ['ics', '--today', '2026-06-01', '-'], { input: scenario });
  const b = execFileSync(ivp, ['ics', '--today', '2031-01-15', '-'], { input: scenario });
  assert.ok(a.equals(b));
  assert.match(a.toString(), /DTSTAMP:20260302T000000Z/);
});

test('WASM ics() gives the same bytes as the native CLI, and errors as data', async (t) => {
  const glue = join(root, 'build/wasm/ivp_wasm.js');
  let core;
  try {
    const create = require(glue);
    core = await create({ wasmBinary: readFileSync(join(root, 'build/wasm/ivp_wasm.wasm')) });
  } catch {
    t.skip('build/wasm is not built here; the native checks above still ran');
    return;
  }
  const native = run(['ics', '--today', '2026-11-23', '-'], scenario);
  assert.equal(core.ics(scenario, '2026-11-23'), native);
  const bad = JSON.parse(core.ics('{"dates":{"aanvraag":"2026-13-01"}}', '2026-11-23'));
  assert.equal(bad.error.where, '/dates/aanvraag');
});
