// The operations dashboard: reads /api/* and acts through POST /api/actions/*, always with the X-API-Key header
// (asked for once per tab; the page itself is public, its data is not).
// Plain browser JavaScript, no build step. Every value from the server is inserted as text, never as HTML.
'use strict';

const KEY_STORE = 'nbapropsApiKey';
const state = { day: null, gridTo: null, gridDays: 14, selected: null, charts: {}, assets: [], pendingAction: null, keyPrompt: null };

// ---------- small helpers ----------
const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k === 'title') e.title = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c)));
  return e;
}
function table(id, headers, rows, empty) {
  const t = $(id);
  t.replaceChildren();
  if (!rows.length) { t.append(el('tr', {}, el('td', { class: 'empty' }, empty || 'nothing'))); return; }
  t.append(el('tr', {}, ...headers.map((h) => el('th', {}, h))));
  rows.forEach((r) => t.append(el('tr', {}, ...r)));
}
const td = (v, cls) => el('td', cls ? { class: cls, title: v == null ? '' : String(v) } : {}, v == null ? '' : v);
const num = (v, d = 0) => (v == null ? '–' : Number(v).toFixed(d));
const pct = (v) => (v == null ? '–' : (100 * v).toFixed(1) + '%');
const time = (iso) => (iso ? new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }) : '');
const addDays = (iso, n) => { const d = new Date(iso + 'T12:00:00Z'); d.setUTCDate(d.getUTCDate() + n); return d.toISOString().slice(0, 10); };
const ms = (v) => (v == null ? '–' : v < 1000 ? v + ' ms' : (v / 1000).toFixed(1) + ' s');

const get = (path) => call(path);

function toast(text, bad) {
  const t = $('toast');
  t.textContent = text;
  t.className = 'toast' + (bad ? ' bad' : '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => t.classList.add('hidden'), 6000);
}

function showResult(text, ok) {
  const r = $('action-result');
  r.textContent = text;
  r.className = 'result ' + (ok ? 'ok' : 'bad');
}

// ---------- API key and actions ----------
function askKey(message) {
  return new Promise((resolve) => {
    $('key-error').textContent = message || '';
    $('api-key-input').value = '';
    $('key-dialog').classList.remove('hidden');
    $('api-key-input').focus();
    state.pendingAction = resolve;
  });
}
function closeKeyDialog(value) {
  $('key-dialog').classList.add('hidden');
  const resolve = state.pendingAction;
  state.pendingAction = null;
  if (resolve) resolve(value);
}

/** The tab's key, asked for once however many requests wait for it; a key that was just refused is asked for again. */
function apiKey(refused, message) {
  const stored = sessionStorage.getItem(KEY_STORE);
  if (stored && stored !== refused) return Promise.resolve(stored);
  if (!state.keyPrompt) {
    state.keyPrompt = askKey(message).then((k) => {
      state.keyPrompt = null;
      if (k) sessionStorage.setItem(KEY_STORE, k);
      return k;
    });
  }
  return state.keyPrompt;
}

/**
 * Every API call: the key in the X-API-Key header (the whole API needs it). On 401 the key is asked for again and the
 * call retried once; on 403 (a read-only key on an action) the API key is asked for. {@code allow}: statuses that
 * carry a normal answer (503 from the health report).
 */
async function call(path, options, allow) {
  let refused = null, message = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    const key = await apiKey(refused, message);
    if (!key) throw new Error('no API key given');
    const o = options || {};
    const r = await fetch(path, Object.assign({}, o, { headers: Object.assign({ Accept: 'application/json', 'X-API-Key': key }, o.headers) }));
    const body = await r.json().catch(() => ({}));
    if ((r.status === 401 || r.status === 403) && attempt === 0 && !/no API key is configured/.test(body.error || '')) {
      if (sessionStorage.getItem(KEY_STORE) === key) sessionStorage.removeItem(KEY_STORE);
      refused = key;
      message = r.status === 403 ? 'This key may only read: enter the API key to act.' : 'The key was refused; try again.';
      continue;
    }
    if (!r.ok && !(allow || []).includes(r.status)) throw new Error(body.error || r.status + ' ' + r.statusText);
    return body;
  }
  throw new Error('the API key was refused');
}

/** POSTs an action (JSON body) with the key. */
function act(action, body) {
  return call('/api/actions/' + action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {}) });
}

/** Follows a job (202) until it ends, showing its progress; returns the finished job. */
async function awaitJob(id, onProgress) {
  for (;;) {
    const j = await get('/api/actions/jobs/' + id);
    if (onProgress) onProgress(j);
    if (!['QUEUED', 'RUNNING'].includes(j.state)) return j;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function runAction(button, action, body, describe) {
  button.disabled = true;
  try {
    let out = await act(action, body);
    if (out.progress_url) {
      showResult(action + ': ' + out.state.toLowerCase() + ' (job ' + out.id.slice(0, 8) + ')', true);
      const job = await awaitJob(out.id, (j) => showResult(action + ': ' + j.state.toLowerCase() + ' · ' + j.done + '/' + j.total + ' ' + j.unit, true));
      if (job.state === 'FAILED' || job.state === 'ABANDONED') throw new Error(job.state.toLowerCase() + ': ' + (job.error || ''));
      out = job.result || job;
    }
    const text = describe(out);
    showResult(text, true);
    toast(text, false);
    await refresh();
    return out;
  } catch (e) {
    showResult(action + ': ' + e.message, false);
    toast(action + ': ' + e.message, true);
    return null;
  } finally {
    button.disabled = false;
  }
}

// ---------- sections ----------
async function loadHealth() {
  const h = $('health');
  try {
    const b = await call('/api/health', null, [503]);
    const down = Object.entries(b.components || {}).filter(([, c]) => c.required && c.state !== 'UP' && c.state !== 'DISABLED').map(([n]) => n);
    h.textContent = b.ready ? 'ready' : 'not ready: ' + down.join(', ');
    h.className = 'badge ' + (b.ready ? 'up' : 'down');
    h.title = Object.entries(b.components || {}).map(([n, c]) => n + ': ' + c.state + ' — ' + (c.detail || '')).join('\n');
  } catch (e) {
    h.textContent = 'unreachable';
    h.className = 'badge down';
  }
}

async function loadToday() {
  const t = await get('/api/today?date=' + state.day);
  $('card-games').textContent = t.games;
  $('card-games-sub').textContent = t.date;
  $('card-predictions').textContent = t.predictions;
  $('card-predictions-sub').textContent = t.picks + ' picks · ' + t.predicted_players + ' players';
  $('card-export').textContent = t.last_export ? time(t.last_export.generated_at) : 'none yet';
  $('card-export-sub').textContent = t.last_export ? t.last_export.path + ' (' + t.last_export.status + ')' : '';
  $('card-alerts').textContent = t.open_alerts;
  $('card-alerts-sub').textContent = t.open_alerts ? 'need a look' : 'all clear';
  $('card-dead').textContent = t.dead_letters;
  if (t.window) {
    const basis = t.window.basis !== 'requested' ? t.window.basis : t.date === state.defaultDay ? state.defaultBasis : 'the date you chose';
    $('window-note').textContent = 'showing ' + t.date + ' — ' + basis + ' · ' + t.window.clock;
  }
  table('games', ['game', 'tip-off', 'status', 'lines', 'context', 'features', 'predicted', 'box scores'],
    t.game_coverage.map((g) => [td(g.away_team + ' @ ' + g.home_team), td(time(g.tip_off)), td(g.status),
      td(g.lines, 'num'), td(g.context, 'num'), td(g.features, 'num'), td(g.predicted, 'num'), td(g.box_scores, 'num')]),
    'no games on ' + t.date);
}

async function loadGrid() {
  const q = '/api/status?days=' + state.gridDays + (state.gridTo ? '&to=' + state.gridTo : '');
  const g = await get(q);
  state.gridTo = g.to;
  state.assets = g.assets.map((a) => a.name);
  $('grid-range').textContent = g.from + ' … ' + g.to;
  const cells = {};
  g.cells.forEach((c) => { cells[c.asset + '|' + c.partition_date] = c; });
  const games = {};
  (g.games_per_date || []).forEach((x) => { games[x.game_date] = x.games; });
  const t = $('grid');
  t.replaceChildren();
  const gaps = {};
  (g.not_pickable || []).forEach((x) => { gaps[x.game_date] = (gaps[x.game_date] ? gaps[x.game_date] + '; ' : '') + x.source + ' ' + x.reason; });
  t.append(el('tr', {}, el('th', {}, ''), el('th', {}, ''), ...g.dates.map((d) => gaps[d]
    ? el('th', { class: 'not-pickable', title: (games[d] || 0) + ' games; not pickable: ' + gaps[d] }, d.slice(5) + ' ⚠')
    : el('th', { title: (games[d] || 0) + ' games' }, d.slice(5)))));
  let lastPhase = null;
  for (const a of g.assets) {
    const row = el('tr', {}, el('th', { class: 'phase' }, a.phase !== lastPhase ? a.phase : ''), el('th', { class: 'asset' }, a.name));
    lastPhase = a.phase;
    for (const d of g.dates) {
      const c = cells[a.name + '|' + d];
      const st = c ? c.state : 'none';
      const cell = el('td', {
        class: 'cell ' + st, title: a.name + ' ' + d + ': ' + (c ? c.state + (c.reason ? ' — ' + c.reason : '') : 'never ran'),
        'data-asset': a.name, 'data-date': d, 'data-state': st,
        onclick: () => selectCell(a.name, d, c),
      });
      if (state.selected && state.selected.asset === a.name && state.selected.date === d) cell.classList.add('selected');
      row.append(cell);
    }
    t.append(row);
  }
  if (state.selected) selectCell(state.selected.asset, state.selected.date, cells[state.selected.asset + '|' + state.selected.date], true);
  fillAssetSelects();
}

function selectCell(asset, date, c, keep) {
  state.selected = { asset, date };
  document.querySelectorAll('#grid td.selected').forEach((x) => x.classList.remove('selected'));
  const cell = document.querySelector('#grid td[data-asset="' + CSS.escape(asset) + '"][data-date="' + date + '"]');
  if (cell) cell.classList.add('selected');
  $('cell-detail').classList.remove('hidden');
  $('cell-title').textContent = asset + ' · ' + date;
  const st = c ? c.state : 'never ran';
  $('cell-state').textContent = st;
  $('cell-state').className = 'st ' + (c ? c.state : '');
  $('cell-reason').textContent = c ? (c.reason || (c.last_rows_written != null ? c.last_rows_written + ' rows written' : '')) +
    (c.failures_since_success ? ' · ' + c.failures_since_success + ' failure(s) since last success' : '') : 'this partition has never run';
  if (!keep) $('action-result').textContent = '';
}

function fillAssetSelects() {
  for (const id of ['bf-asset', 'runs-asset']) {
    const s = $(id);
    if (s.options.length > 1) continue;
    state.assets.forEach((a) => s.append(el('option', { value: a }, a)));
  }
}

async function loadRuns() {
  const p = new URLSearchParams({ limit: '100' });
  if ($('runs-asset').value) p.set('asset', $('runs-asset').value);
  if ($('runs-status').value) p.set('status', $('runs-status').value);
  if ($('runs-date').value) p.set('date', $('runs-date').value);
  const runs = await get('/api/runs?' + p);
  table('runs', ['started', 'asset', 'date', 'status', 'try', 'trigger', 'rows', 'time', 'message', ''], runs.map((r) => [
    td(time(r.started_at)), td(r.asset), td(r.partition_date), el('td', {}, el('span', { class: 'st ' + r.status }, r.status)),
    td(r.attempt, 'num'), td(r.trigger_source), td(r.rows_written, 'num'), td(ms(r.duration_ms), 'num'), td(r.error || r.message, 'msg'),
    el('td', {}, r.status === 'FAILED' || r.status === 'TIMED_OUT' || r.status === 'ABANDONED'
      ? el('button', { class: 'small', type: 'button', onclick: (e) => rerun(e.target, r.asset, r.partition_date) }, 're-run') : ''),
  ]), 'no runs match');
}

async function loadErrors() {
  const ev = await get('/api/errors?limit=50');
  table('errors', ['when', 'kind', 'asset', 'date', 'message'], ev.map((e) => [td(time(e.occurred_at)),
    el('td', {}, el('span', { class: 'st ' + (e.kind === 'FAILED' ? 'FAILED' : e.kind === 'TIMEOUT' ? 'TIMED_OUT' : 'WAITING') }, e.kind)),
    td(e.asset), td(e.partition_date), td(e.message, 'msg')]), 'no errors');
}

async function loadAlerts() {
  const all = $('alerts-all').checked;
  const a = await get('/api/alerts?limit=50&status=' + (all ? 'all' : 'open'));
  table('alerts', ['last', 'severity', 'alert', 'count', ''], a.map((x) => [td(time(x.last_at)),
    el('td', { class: 'sev-' + x.severity }, x.severity), el('td', { title: x.detail || '' }, x.title), td(x.occurrences, 'num'),
    el('td', {}, x.status === 'OPEN' ? el('button', { class: 'small ack', type: 'button', 'data-alert': x.alert_id,
      onclick: (e) => runAction(e.target, 'ack-alert', { alert_id: x.alert_id }, () => 'alert acknowledged: ' + x.title) }, 'Ack')
      : 'acked by ' + (x.acked_by || '?'))]), all ? 'no alerts' : 'no open alerts');
}

async function loadStuckAndDead() {
  const s = await get('/api/stuck');
  table('stuck', ['asset', 'date', 'node', 'started', 'why'], s.map((r) => [td(r.asset), td(r.partition_date), td(r.node, 'msg'),
    td(time(r.started_at)), td(r.why, 'msg')]), 'no stuck runs');
  const d = await get('/api/dead-letters?limit=50');
  table('dead', ['queue', 'item', 'deliveries', 'died', 'reason'], d.items.map((x) => [td(x.queue), td(x.item_id), td(x.deliveries, 'num'),
    td(time(x.dead_at)), td(x.reason, 'msg')]), d.count ? d.count + ' dead letters' : 'no dead letters');
}

async function loadLatency() {
  const l = await get('/api/latency');
  const max = Math.max(1, ...l.assets.map((a) => a.p95_ms));
  table('latency', ['asset', 'runs', 'p50', 'p95', ''], l.assets.map((a) => [td(a.asset), td(a.runs, 'num'), td(ms(a.p50_ms), 'num'),
    td(ms(a.p95_ms), 'num'), el('td', {}, el('div', { class: 'st SUCCESS', style: 'width:' + Math.max(2, (120 * a.p95_ms) / max) + 'px' }, ''))]),
  'no successful runs yet');
  const inMinutes = l.end_to_end.some((x) => x.seconds >= 120);
  chart('chart-e2e', 'bar', l.end_to_end.map((x) => x.date.slice(5)), [{ label: inMinutes ? 'minutes' : 'seconds',
    data: l.end_to_end.map((x) => (inMinutes ? x.seconds / 60 : x.seconds)), backgroundColor: '#4da3ff', maxBarThickness: 48 }]);
}

const COLORS = ['#4da3ff', '#2e9e5b', '#e07b39', '#c9a227', '#8e5cd9', '#d64545'];
function chart(id, type, labels, datasets, extra) {
  if (typeof Chart === 'undefined') return;
  if (state.charts[id]) state.charts[id].destroy();
  state.charts[id] = new Chart($(id), {
    type, data: { labels, datasets },
    options: Object.assign({ animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { labels: { color: '#dce3ea', boxWidth: 12 } } },
      scales: { x: { ticks: { color: '#8a98a8' }, grid: { color: '#263140' } }, y: { ticks: { color: '#8a98a8' }, grid: { color: '#263140' } } } },
    extra || {}),
  });
}

async function loadPerformance() {
  const sys = $('perf-system').value;
  const p = await get('/api/performance' + (sys ? '?system=' + encodeURIComponent(sys) : ''));
  const sel = $('perf-system');
  if (sel.options.length === 1) p.systems.forEach((s) => sel.append(el('option', { value: s.system_id }, s.system_id)));
  table('perf-table', ['system', 'predictions', 'picks', 'won', 'lost', 'win rate', 'profit (u)', 'ROI'], p.systems.map((s) => [
    td(s.system_id), td(s.predictions, 'num'), td(s.picks, 'num'), td(s.wins, 'num'), td(s.losses, 'num'), td(pct(s.win_rate), 'num'),
    td(num(s.profit_units, 2), 'num'), td(pct(s.roi), 'num')]), 'no graded predictions in ' + p.from + ' … ' + p.to);
  $('perf-window').textContent = p.from + ' … ' + p.to + (p.window && p.window.basis !== 'requested' ? ' (' + p.window.basis.split(':')[0] + ')' : '');
  const dates = [...new Set(p.daily.map((d) => d.game_date))].sort();
  const systems = [...new Set(p.daily.map((d) => d.system_id))].sort();
  const series = (fn) => systems.map((s, i) => {
    let acc = { profit: 0, picks: 0 };
    return { label: s, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length], tension: 0.2, pointRadius: 2,
      data: dates.map((d) => { const row = p.daily.find((x) => x.game_date === d && x.system_id === s); return fn(row, acc); }) };
  });
  chart('chart-winrate', 'line', dates.map((d) => d.slice(5)), series((r) => (r && r.wins + r.losses ? (100 * r.wins) / (r.wins + r.losses) : null)),
    { spanGaps: true });
  chart('chart-roi', 'line', dates.map((d) => d.slice(5)), series((r, acc) => {
    if (r) { acc.profit += r.profit_units; acc.picks += r.picks; }
    return acc.picks ? (100 * acc.profit) / acc.picks : null;
  }), { spanGaps: true });
  const dec = p.breakdown.filter((b) => b.dimension === 'decile' && b.mean_stated != null && b.win_rate != null);
  const calib = systems.map((s, i) => ({ label: s, showLine: true, borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length],
    data: dec.filter((b) => b.system_id === s).map((b) => ({ x: 100 * b.mean_stated, y: 100 * b.win_rate })).sort((a, b) => a.x - b.x) }));
  calib.push({ label: 'perfect', data: [{ x: 40, y: 40 }, { x: 100, y: 100 }], showLine: true, borderDash: [4, 4], borderColor: '#8a98a8', pointRadius: 0 });
  chart('chart-calibration', 'scatter', [], calib);
  const edge = p.breakdown.filter((b) => b.dimension === 'edge');
  const buckets = [...new Set(edge.map((b) => b.bucket))].sort((a, b) => parseFloat(a) - parseFloat(b));
  chart('chart-edge', 'bar', buckets, systems.map((s, i) => ({ label: s, backgroundColor: COLORS[i % COLORS.length],
    data: buckets.map((k) => { const b = edge.find((x) => x.system_id === s && x.bucket === k); return b && b.win_rate != null ? 100 * b.win_rate : null; }) })));
}

async function loadOps() {
  const o = await get('/api/ops');
  const s = o.status || {};
  table('plan', ['job', 'last run', 'status', 'result', 'next'], (s.jobs || []).map((j) => [td(j.name), td(time(j.last_run_at)),
    el('td', {}, j.last_status ? el('span', { class: 'st ' + (j.last_status === 'SUCCESS' ? 'SUCCESS' : j.last_status === 'RUNNING' ? 'RUNNING' : 'FAILED') }, j.last_status) : ''),
    td(j.last_result, 'msg'), td(time(j.next_run_at))]), 'the scheduler is not running in this process');
  const c = s.catch_up || { pending: [], recent: [] };
  $('catch-up').textContent = c.pending.length
    ? 'catching up ' + c.pending.length + ' missed game day(s), oldest first: ' + c.pending.join(', ')
    : 'no missed game days' + (c.recent.length ? ' (caught up: ' + c.recent.map((r) => r.partition_date + ' ' + r.status).join(', ') + ')' : '');
  table('sources', ['source', 'availability'], Object.entries(s.sources || {}).map(([k, v]) => [td(k),
    el('td', { class: 'msg', title: v }, el('span', { class: 'st ' + (v === 'configured' ? 'SUCCESS' : 'WAITING') }, v === 'configured' ? 'configured' : 'not configured'),
      ' ', v === 'configured' ? '' : v.replace(/^not configured: /, ''))]), 'no source check in this process');
}

async function loadAudit() {
  const a = await get('/api/audit?limit=100');
  table('audit', ['when', 'who', 'action', 'status', 'result', 'params'], a.map((x) => [td(time(x.occurred_at)), td(x.who), td(x.action),
    el('td', {}, el('span', { class: 'st ' + (x.status_code < 300 ? 'SUCCESS' : x.status_code === 401 ? 'FAILED' : 'WAITING') }, x.status_code)),
    td(x.result, 'msg'), td(x.params, 'msg')]), 'no actions yet');
}

// ---------- actions ----------
async function rerun(button, asset, date) {
  return runAction(button, 'rerun', { asset, partition: date }, (o) => 're-run ' + o.asset + ' [' + o.partition + ']: ' + o.status +
    (o.status === 'SUCCESS' ? ' (' + o.rows_written + ' rows)' : o.message ? ' — ' + o.message : ''));
}

async function startBackfill() {
  const from = $('bf-from').value, to = $('bf-to').value;
  if (!from || !to) { showResult('backfill: choose both dates', false); return; }
  const asset = $('bf-asset').value;
  const button = $('bf-start');
  button.disabled = true;
  try {
    const queued = await act('backfill', { assets: asset === 'all' ? [] : [asset], from, to, force: $('bf-force').checked });
    $('bf-progress').classList.remove('hidden');
    const j = await awaitJob(queued.id, (x) => {
      $('bf-bar').style.width = x.percent + '%';
      $('bf-text').textContent = x.state + ' · ' + x.done + '/' + x.total + ' ' + x.unit + (x.last_item ? ' · last ' + x.last_item : '');
    });
    showResult('backfill ' + j.state.toLowerCase() + ': ' + JSON.stringify(j.counts) + (j.problems && j.problems.length ? '\n' + j.problems.join('\n') : ''),
      j.state === 'SUCCEEDED');
    await refresh();
  } catch (e) {
    showResult('backfill: ' + e.message, false);
  } finally {
    button.disabled = false;
  }
}

// ---------- wiring ----------
async function refresh() {
  const parts = [loadHealth, loadToday, loadGrid, loadRuns, loadErrors, loadAlerts, loadStuckAndDead, loadLatency, loadPerformance, loadOps,
    loadAudit];
  const results = await Promise.allSettled(parts.map((f) => f()));
  const failed = results.map((r, i) => [r, parts[i].name]).filter(([r]) => r.status === 'rejected');
  if (failed.length) toast('could not load: ' + failed.map(([r, n]) => n.replace('load', '') + ' (' + r.reason.message + ')').join(', '), true);
}

async function init() {
  // `nbaprops serve` prints the dashboard's address with the key in the fragment (#key=...): a fragment never reaches
  // the server in a request line or a Referer. The page keeps the key for the tab and drops it from the address bar.
  const fromUrl = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (fromUrl) {
    sessionStorage.setItem(KEY_STORE, decodeURIComponent(fromUrl[1]));
    history.replaceState(null, '', location.pathname + location.search);
  }
  // The key dialog works before anything else: the first API call asks for the key.
  $('api-key-save').addEventListener('click', () => closeKeyDialog($('api-key-input').value.trim() || null));
  $('api-key-cancel').addEventListener('click', () => closeKeyDialog(null));
  $('api-key-input').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('api-key-save').click(); });
  // The latest date with data unless the platform is live (then today): never an empty wall-clock day on a demo.
  const ops = await get('/api/ops').catch(() => null);
  state.day = (ops && (ops.default_date || ops.today)) || new Date().toISOString().slice(0, 10);
  state.defaultDay = state.day;
  state.defaultBasis = ops && ops.window ? ops.window.basis : 'today';
  $('day').value = state.day;
  $('fp-date').value = state.day;
  $('bf-to').value = state.day;
  $('bf-from').value = addDays(state.day, -6);
  $('day').addEventListener('change', () => { state.day = $('day').value; state.gridTo = state.day; refresh(); });
  $('grid-older').addEventListener('click', () => { state.gridTo = addDays(state.gridTo, -state.gridDays); loadGrid(); });
  $('grid-newer').addEventListener('click', () => { state.gridTo = addDays(state.gridTo, state.gridDays); loadGrid(); });
  $('cell-rerun').addEventListener('click', (e) => state.selected && rerun(e.target, state.selected.asset, state.selected.date));
  $('cell-runs').addEventListener('click', () => {
    $('runs-asset').value = state.selected.asset; $('runs-date').value = state.selected.date; $('runs-status').value = '';
    loadRuns(); $('runs').scrollIntoView({ behavior: 'smooth' });
  });
  ['runs-asset', 'runs-status', 'runs-date'].forEach((id) => $(id).addEventListener('change', loadRuns));
  $('alerts-all').addEventListener('change', loadAlerts);
  $('perf-system').addEventListener('change', loadPerformance);
  $('bf-start').addEventListener('click', startBackfill);
  $('fp-start').addEventListener('click', (e) => runAction(e.target, 'force-predictions', { date: $('fp-date').value },
    (o) => 'predictions for ' + o.date + ': ' + o.outcomes.map((x) => x.asset + ' ' + x.status).join(', ')));
  $('heal').addEventListener('click', (e) => runAction(e.target, 'trigger-self-heal', {},
    (o) => 'self-heal: ' + o.found.length + ' found, ' + o.repaired.length + ' repaired, ' + o.failed.length + ' failed'));
  $('retry-dead').addEventListener('click', (e) => runAction(e.target, 'retry-dead-letters', {}, (o) => o.requeued + ' dead letters re-queued'));
  $('key-button').addEventListener('click', async () => { const k = await askKey(''); if (k) { sessionStorage.setItem(KEY_STORE, k); refresh(); } });
  await refresh();
  setInterval(() => { if (!document.hidden) { loadHealth(); loadToday(); loadAlerts(); loadStuckAndDead(); loadOps(); } }, 30000);
}

init();
