#!/usr/bin/env node
// Time from navigation start to the first result on screen, in headless
// Chromium, each load in a fresh browser context (an empty cache: a first
// visit). Run by hand (not a test):
//   node tests/bench/load-time.mjs [RUNS] [DIST_DIR …]     (default: dist)
// For every DIST_DIR it times
//   file   ivp-rekenhulp.html opened from file:// (the single file);
//   http   index.html served over http from 127.0.0.1 (the served site);
//   cached index.html again in the same context (the core from the HTTP cache).
// The builds take turns run by run, so the machine's load hits them alike.
// Three moments per load: the first `ivp-result` event (the first result on
// screen: since the start-up work of issue 17 the first view's lean result,
// the budget in the totals bar) and, as "<case> full", the first event whose
// result has the explanation (each provision's `eligibility`), which older
// builds sent first and only. Beside the first, as "<case> frame", the moment
// the frame showing it has been rendered (the task after the next animation
// frame). Prints p50/p95/min/max in milliseconds per build and case.
// With --profile it also prints, per build and case, the median moment of
// each start-up phase: the browser's own (responseEnd, domInteractive, …)
// and the page's User Timing marks (site/js: ivp-boot, ivp-core-bytes,
// ivp-core-ready, ivp-mount, ivp-mounted, ivp-first-result, ivp-explained),
// and every core call made until the full result ("ivp-core <name>": count,
// median total time).
// A build without the marks shows only the browser's.
// With --cpu it traces each load (Chromium's tracing, categories "toplevel"
// and "v8.wasm") and prints the CPU time of the page's main thread from
// navigation start to the first and to the first whole result: unlike
// wall-clock time it hardly grows when other processes share the cores, so
// builds compare on a loaded machine too. Beside it, until the first result:
// how many of the core's functions V8 compiled lazily on the main thread
// (wasm.CompileLazy, and their CPU time), and the CPU time of V8's background
// optimizing compiler on the core (wasm.TopTierCompilation: the hot functions
// recompiled by TurboFan on other threads, which on a 2-core machine compete
// with the main thread), and where the rest of the wall-clock went: the time
// the main thread had no task (idle: waiting on the network, the core's
// compilation, another process) and the time it was in a task but off the
// cores (descheduled), and the CPU each of the browser's processes used
// meanwhile (the page's renderer, the browser, the GPU process, any other
// renderer): who else had the cores.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../browser/chromium.mjs';

const args = process.argv.slice(2);
const profiling = args.includes('--profile');
const cpuTiming = args.includes('--cpu');
const positional = args.filter((a) => !a.startsWith('--'));
const runs = Number(positional[0] || 20);
const dirs = (positional.length > 1 ? positional.slice(1) : ['dist']).map((d) => resolve(d));

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm' };
// A static server as a host would run one: cacheable files, the right types.
async function serve(dir) {
  const server = createServer(async (request, response) => {
    const name = new URL(request.url, 'http://localhost').pathname.replace(/^\/+/, '') || 'index.html';
    if (!/^[\w.-]+$/.test(name)) { response.writeHead(404).end(); return; }
    try {
      const body = await readFile(join(dir, name));
      response.writeHead(200, { 'Content-Type': types[name.slice(name.lastIndexOf('.'))] || 'application/octet-stream',
        'Cache-Control': 'max-age=3600' });
      response.end(body);
    } catch { response.writeHead(404).end(); }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// The phases of one load, read in the page once its first result is there:
// name → ms since navigation start (a measure: its total duration, and count).
function phases() {
  const out = {};
  const [nav] = performance.getEntriesByType('navigation');
  if (nav) for (const key of ['responseEnd', 'domInteractive', 'domContentLoadedEventEnd', 'loadEventEnd']) out[key] = nav[key];
  for (const paint of performance.getEntriesByType('paint')) out[paint.name] = paint.startTime;
  for (const mark of performance.getEntriesByType('mark')) if (!(mark.name in out)) out[mark.name] = mark.startTime;
  for (const m of performance.getEntriesByType('measure')) {
    const have = out[m.name] || { count: 0, ms: 0 };
    out[m.name] = { count: have.count + 1, ms: have.ms + m.duration };
  }
  return out;
}

// Main-thread CPU ms from the navigation to the marks the init script sets
// at the first and the first whole result: the top-level tasks' thread
// time (a task cut by the mark counts in proportion).
function cpuOf(events, firstMs) {
  const mark = (name) => events.find((e) => e.name === name);
  const first = mark('bench-first-result');
  const full = mark('bench-full-result');
  const start = first.ts - firstMs * 1000;  // the page's time origin, in trace time (µs)
  let outerEnd = 0;
  const tasks = [];
  for (const e of events.filter((x) => x.pid === first.pid && x.tid === first.tid && x.ph === 'X' && typeof x.tdur === 'number' &&
    x.cat.split(',').includes('toplevel') && x.ts >= start).sort((a, b) => a.ts - b.ts)) {
    if (e.ts >= outerEnd) { tasks.push(e); outerEnd = e.ts + e.dur; }  // nested top-level events counted once
  }
  const until = (ts) => tasks.reduce((sum, t) => (t.ts >= ts ? sum
    : sum + (t.ts + t.dur <= ts ? t.tdur : (t.tdur * (ts - t.ts)) / Math.max(t.dur, 1))), 0) / 1000;
  // The wall-clock to the first result in three parts: the main thread's CPU
  // (above), the time it was inside a task but not on a core (descheduled:
  // other threads and processes had the cores), and the time no task ran
  // (idle: the page waited on something else — the network, the core's
  // compilation, a stream, another process).
  const inTasks = tasks.reduce((sum, t) => (t.ts >= first.ts ? sum : sum + Math.min(t.ts + t.dur, first.ts) - t.ts), 0) / 1000;
  const split = { idle: firstMs - inTasks, descheduled: inTasks - until(first.ts) };
  // and at each of the page's own start-up marks (site/js: ivp-boot, …)
  const phases = {};
  for (const e of events) if (e.name.startsWith('ivp-') && e.pid === first.pid && !(e.name in phases)) phases[e.name] = until(e.ts);
  // the core's compilation until the first result (category v8.wasm)
  const before = (name, main) => events.filter((e) => e.pid === first.pid && e.name === name && e.ph === 'X' && e.ts >= start &&
    e.ts < first.ts && (e.tid === first.tid) === main);
  const lazy = before('wasm.CompileLazy', true);
  const wasm = { lazy: lazy.length, lazyCpu: lazy.reduce((sum, e) => sum + (e.tdur || 0), 0) / 1000,
    topTierCpu: before('wasm.TopTierCompilation', false).reduce((sum, e) => sum + (e.tdur || 0), 0) / 1000 };
  return [until(first.ts), until(full.ts), phases, { ...wasm, ...split }, cpuByProcess(events, start, first)];
}

// The CPU every process of the browser used from the navigation to the first
// result, by the process's name ("Renderer" is the page's own, the others are
// the browser's): on a 2-core machine any of it may have kept the page's main
// thread off a core. Top-level tasks of every thread, nested ones counted once.
function cpuByProcess(events, start, first) {
  const processName = {};
  for (const e of events) if (e.ph === 'M' && e.name === 'process_name') processName[e.pid] = e.args.name;
  const threadEnd = {};
  const byProcess = {};
  for (const e of events.filter((x) => x.ph === 'X' && typeof x.tdur === 'number' && x.cat.split(',').includes('toplevel') &&
    x.ts >= start && x.ts < first.ts).sort((a, b) => a.ts - b.ts)) {
    const thread = `${e.pid}/${e.tid}`;
    if ((threadEnd[thread] || 0) > e.ts) continue;
    threadEnd[thread] = e.ts + e.dur;
    const name = e.pid === first.pid ? 'page renderer' : processName[e.pid] || `process ${e.pid}`;
    byProcess[name] = (byProcess[name] || 0) + (e.tdur * Math.min(1, (first.ts - e.ts) / Math.max(e.dur, 1))) / 1000;
  }
  return byProcess;
}

async function firstResult(page, url, profile, cpu) {
  let cdp = null;
  const events = [];
  if (cpu) {
    cdp = await page.context().newCDPSession(page);
    cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
    await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,v8.wasm,__metadata', transferMode: 'ReportEvents' });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__ivpFullResult !== undefined && window.__ivpFirstFrame !== undefined);
  if (profile) profile.push(await page.evaluate(phases));
  if (cdp) {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const [first, full, phases, wasm, processes] = cpuOf(events, await page.evaluate(() => window.__ivpFirstResult));
    cpu.processes.push(processes);
    cpu.first.push(first);
    cpu.full.push(full);
    cpu.phases.push(phases);
    cpu.wasm.push(wasm);
  }
  return page.evaluate(() => [window.__ivpFirstResult, window.__ivpFullResult, window.__ivpFirstFrame]);
}

const browser = await launch();
const builds = [];
for (const dir of dirs) {
  builds.push({ dir, server: await serve(dir),
    times: Object.fromEntries(['file', 'http', 'cached'].flatMap((k) => [[k, []], [`${k} frame`, []], [`${k} full`, []]])),
    profiles: { file: [], http: [], cached: [] },
    cpu: Object.fromEntries(['file', 'http', 'cached'].map((k) => [k, { first: [], full: [], phases: [], wasm: [], processes: [] }])) });
}
const profileOf = (build, kind) => (profiling ? build.profiles[kind] : null);
const cpuOfCase = (build, kind) => (cpuTiming ? build.cpu[kind] : null);
for (let i = 0; i < runs; i += 1) {
  for (const build of builds) {
    const context = await browser.newContext();
    // Registered before any page script: records when the page shows its first result.
    await context.addInitScript(() => {
      document.addEventListener('ivp-result', (event) => {
        const now = performance.now();
        if (window.__ivpFirstResult === undefined) {
          window.__ivpFirstResult = now;
          performance.mark('bench-first-result');
          // The frame that shows it: the task right after the next frame's
          // rendering (a message posted from its animation-frame callback).
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => { window.__ivpFirstFrame = performance.now(); };
            channel.port2.postMessage(0);
          });
        }
        const provisions = event.detail && event.detail.provisions;
        if (window.__ivpFullResult === undefined && Array.isArray(provisions) && provisions.some((p) => p.eligibility)) {
          window.__ivpFullResult = now;
          performance.mark('bench-full-result');
        }
      }, true);
    });
    const page = await context.newPage();
    const record = (kind, [first, full, frame]) => {
      build.times[kind].push(first);
      build.times[`${kind} frame`].push(frame);
      build.times[`${kind} full`].push(full);
    };
    const file = pathToFileURL(join(build.dir, 'ivp-rekenhulp.html')).href;
    record('file', await firstResult(page, file, profileOf(build, 'file'), cpuOfCase(build, 'file')));
    await page.close();
    const served = await context.newPage();
    const index = `${build.server.url}/index.html`;
    record('http', await firstResult(served, index, profileOf(build, 'http'), cpuOfCase(build, 'http')));
    record('cached', await firstResult(served, index, profileOf(build, 'cached'), cpuOfCase(build, 'cached')));
    await context.close();
  }
}
await browser.close();
for (const build of builds) await build.server.close();

const stats = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  const pick = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50_ms: +pick(0.5).toFixed(1), p95_ms: +pick(0.95).toFixed(1), min_ms: +sorted[0].toFixed(1),
    max_ms: +sorted[sorted.length - 1].toFixed(1) };
};
for (const build of builds) {
  for (const [kind, times] of Object.entries(build.times)) {
    console.log(JSON.stringify({ build: build.dir, case: kind, runs, ...stats(times) }));
  }
}

// --profile: per build and case, each phase's median over the runs, in the
// order they happen; core calls as "count × name: median total ms".
const median = (values) => { const v = [...values].sort((a, b) => a - b); return v[Math.floor((v.length - 1) / 2)]; };
if (profiling) {
  for (const build of builds) {
    for (const [kind, list] of Object.entries(build.profiles)) {
      const names = [...new Set(list.flatMap((p) => Object.keys(p)))];
      const moments = names.filter((n) => typeof list[0][n] === 'number')
        .map((n) => [n, median(list.map((p) => p[n]).filter((v) => v !== undefined))]).sort((a, b) => a[1] - b[1]);
      const calls = names.filter((n) => typeof list[0][n] === 'object')
        .map((n) => `${list[0][n].count} × ${n.replace(/^ivp-core /, '')}: ${median(list.map((p) => (p[n] ? p[n].ms : 0))).toFixed(1)} ms`);
      console.log(`${build.dir} ${kind}: ${moments.map(([n, t]) => `${n} ${t.toFixed(0)}`).join(' → ')}`);
      if (calls.length) console.log(`  core calls until the full result: ${calls.join('; ')}`);
    }
  }
}
if (cpuTiming) {
  for (const build of builds) {
    for (const [kind, { first, full, phases, wasm, processes }] of Object.entries(build.cpu)) {
      console.log(JSON.stringify({ build: build.dir, case: kind, runs, main_thread_cpu_ms_p50: { first: +median(first).toFixed(1),
        full: +median(full).toFixed(1) }, min: { first: +Math.min(...first).toFixed(1), full: +Math.min(...full).toFixed(1) },
        until_first_result_p50: { wasm_lazy_compiles: median(wasm.map((w) => w.lazy)),
          wasm_lazy_compile_cpu_ms: +median(wasm.map((w) => w.lazyCpu)).toFixed(1),
          wasm_turbofan_background_cpu_ms: +median(wasm.map((w) => w.topTierCpu)).toFixed(1),
          main_thread_idle_ms: +median(wasm.map((w) => w.idle)).toFixed(1),
          main_thread_descheduled_ms: +median(wasm.map((w) => w.descheduled)).toFixed(1) } }));
      const names = [...new Set(phases.flatMap((p) => Object.keys(p)))];
      const at = names.map((n) => [n, median(phases.map((p) => p[n]).filter((v) => v !== undefined))]).sort((a, b) => a[1] - b[1]);
      if (at.length) console.log(`  main-thread CPU ms at each mark (median): ${at.map(([n, v]) => `${n} ${v.toFixed(0)}`).join(' → ')}`);
      const byName = [...new Set(processes.flatMap((p) => Object.keys(p)))]
        .map((n) => [n, median(processes.map((p) => p[n] || 0))]).filter(([, v]) => v >= 1).sort((a, b) => b[1] - a[1]);
      console.log(`  CPU ms of each process until the first result (median, all threads): ${byName.map(([n, v]) => `${n} ${v.toFixed(0)}`).join(', ')}`);
    }
  }
}
