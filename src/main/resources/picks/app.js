'use strict';
/*
 * The public picks site: three views over the published exports under data/ (index.json, picks/<date>.json,
 * cards/<date>/<player>.json, results/<date>.json, performance.json, status.json), routed by the address fragment so
 * that any static host serves it: #/ (the latest date), #/day/<date>, #/card/<date>/<player>/<market>, #/track.
 * Nothing here computes a pick: it shows what the exports say, with the N behind every rate.
 */
const $ = (id) => document.getElementById(id);
const state = { index: null, status: null, cache: new Map() };

const MARKETS = { points: 'Points', rebounds: 'Rebounds', assists: 'Assists', threes: '3-pointers made', pra: 'Pts + Reb + Ast' };
const marketName = (m) => MARKETS[m] || (m ? m.charAt(0).toUpperCase() + m.slice(1).replace(/_/g, ' ') : '');
const BOOKS = { draftkings: 'DraftKings', fanduel: 'FanDuel', betmgm: 'BetMGM', williamhill_us: 'Caesars', betrivers: 'BetRivers' };
const bookName = (b) => (b ? BOOKS[b] || b : '–');

function esc(s) {
  return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
const pct = (x, digits) => (x === null || x === undefined ? '–' : (x * 100).toFixed(digits === undefined ? 1 : digits) + '%');
const signed = (x, digits) => (x === null || x === undefined ? '–' : (x > 0 ? '+' : '') + x.toFixed(digits === undefined ? 1 : digits));
const price = (p) => (p === null || p === undefined ? '–' : (p > 0 ? '+' : '') + p);
const ci = (c) => (c ? '[' + pct(c[0]) + ', ' + pct(c[1]) + ']' : '');
function tipTime(iso) {
  if (!iso) return 'time TBD';
  return new Date(iso).toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'America/New_York' }) + ' ET';
}
function shortDate(d) {
  return new Date(d + 'T12:00:00Z').toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
function when(iso) {
  if (!iso) return '–';
  return new Date(iso).toLocaleString('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'America/New_York' }) + ' ET';
}

/** An export by its path under data/; null when it is not published (404). Kept for the page's life, revalidated on reload. */
async function load(path) {
  if (state.cache.has(path)) return state.cache.get(path);
  const p = fetch('data/' + path, { headers: { Accept: 'application/json' }, cache: 'no-cache' }).then(async (r) => {
    if (r.status === 404) return null;
    if (!r.ok) throw new Error('data/' + path + ': ' + r.status + ' ' + r.statusText);
    return r.json();
  });
  state.cache.set(path, p);
  try {
    return await p;
  } catch (e) {
    state.cache.delete(path);
    throw e;
  }
}

function banner(kind, title, lines) {
  const b = $('banner');
  if (!title) {
    b.className = 'banner hidden';
    b.innerHTML = '';
    return;
  }
  b.className = 'banner' + (kind === 'bad' ? ' bad' : '');
  b.dataset.kind = kind;
  b.innerHTML = '<strong>' + esc(title) + '</strong>' + (lines || []).filter(Boolean).map((l) => '<div>' + esc(l) + '</div>').join('');
}

function setNav(which) {
  $('nav-today').toggleAttribute('aria-current', which === 'today');
  $('nav-track').toggleAttribute('aria-current', which === 'track');
  if (which === 'today') $('nav-today').setAttribute('aria-current', 'page');
  if (which === 'track') $('nav-track').setAttribute('aria-current', 'page');
}

function fillDates(selected) {
  const sel = $('date-select');
  const dates = (state.index && state.index.dates) || [];
  if (sel.options.length !== dates.length) {
    sel.innerHTML = dates.map((d) => '<option value="' + esc(d.date) + '">' + esc(shortDate(d.date)) + ' · ' + d.picks + ' pick'
      + (d.picks === 1 ? '' : 's') + (d.graded ? ' · graded' : '') + '</option>').join('');
  }
  if (selected && !dates.some((x) => x.date === selected) && !sel.querySelector('option[data-extra]')) {
    sel.insertAdjacentHTML('afterbegin', '<option data-extra value="' + esc(selected) + '">' + esc(shortDate(selected)) + ' · no picks</option>');
  }
  if (selected) sel.value = selected;
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const view = $('view');
  try {
    if (!state.index) {
      [state.index, state.status] = await Promise.all([load('index.json'), load('status.json')]);
    }
    if (parts[0] === 'track') {
      setNav('track');
      await trackView(view);
    } else if (parts[0] === 'card' && parts.length >= 3) {
      setNav('');
      await cardView(view, parts[1], parts[2], parts[3]);
    } else {
      setNav('today');
      const date = parts[0] === 'day' && parts[1] ? parts[1] : null;
      await todayView(view, date);
    }
    view.dataset.route = location.hash; // which address this rendering is of (a test waits for its own)
    view.dataset.ready = 'true';
    window.picksReadyAt = performance.now(); // ms since navigation start: the benchmark's mark
  } catch (e) {
    view.dataset.ready = 'error';
    view.innerHTML = '<div class="panel"><h1>Could not load the data</h1><p>' + esc(e.message) + '</p></div>';
  }
}

/* ---------- Today ---------- */

async function todayView(view, date) {
  view.dataset.ready = 'false';
  const latest = await load('picks/latest.json');
  const d = date || (latest && latest.date) || (state.index && state.index.latest);
  const doc = d && latest && latest.date === d ? latest : d ? await load('picks/' + d + '.json') : null;
  fillDates(d);
  if (!doc) {
    banner('bad', 'No picks published' + (d ? ' for ' + d : ''), [state.status && state.status.stale && state.status.stale.join('; ')]);
    view.innerHTML = '<div class="panel"><h1>No picks</h1><p>Nothing is published for this date yet.</p></div>';
    return;
  }
  todayBanner(doc);
  const ensembles = doc.predictions.map((p) => ({ p: p, s: p.systems.find((s) => s.system === 'ensemble') || p.systems[0] }));
  const passes = ensembles.filter((e) => e.s && e.s.recommendation === 'PASS');
  const contributions = new Map(ensembles.map((e) => [e.p.game_key + '|' + e.p.player_lookup + '|' + e.p.market, e]));
  const picks = doc.picks.map((pk) => Object.assign({ _e: contributions.get(pk.game_key + '|' + pk.player_lookup + '|' + pk.market) }, pk));
  const markets = [...new Set(doc.predictions.map((p) => p.market).concat(picks.map((p) => p.market)))].sort();
  const books = [...new Set(picks.map((p) => p.book).filter(Boolean))].sort();
  const schedule = doc.schedule || [];
  view.innerHTML = `
    <h1>Picks for ${esc(shortDate(doc.date))}</h1>
    <section class="panel" aria-labelledby="games-h">
      <h2 id="games-h">Games (${schedule.length || doc.games})</h2>
      <ul class="games" id="games">${schedule.map((g) => `<li data-game="${esc(g.game_key)}"><b>${esc(g.away_team)} @ ${esc(g.home_team)}</b>
        · ${esc(tipTime(g.tip_off))}${g.status && g.status !== 'scheduled' && g.status !== 'final' ? ' · ' + esc(g.status) : ''}</li>`).join('')
        || '<li>No schedule in this export.</li>'}</ul>
    </section>
    <section class="panel" aria-labelledby="picks-h">
      <h2 id="picks-h">Picks</h2>
      <form class="filters" id="filters">
        <label>Market<select id="f-market"><option value="">All markets</option>${markets.map((m) => `<option value="${esc(m)}">${esc(marketName(m))}</option>`).join('')}</select></label>
        <label>Book<select id="f-book"><option value="">All books</option>${books.map((b) => `<option value="${esc(b)}">${esc(bookName(b))}</option>`).join('')}</select></label>
        <label>Side<select id="f-side"><option value="">Over and under</option><option value="OVER">Over</option><option value="UNDER">Under</option></select></label>
        <label>Confidence<select id="f-conf"><option value="0">Any P(side)</option><option value="0.55">P(side) ≥ 55%</option>
          <option value="0.6">P(side) ≥ 60%</option><option value="0.65">P(side) ≥ 65%</option><option value="0.7">P(side) ≥ 70%</option></select></label>
      </form>
      <p class="count" id="picks-count" aria-live="polite"></p>
      <div class="scroll"><table class="stack" id="picks-table">
        <thead><tr><th scope="col">Player</th><th scope="col">Market</th><th scope="col">Side</th><th scope="col" class="num">Line</th>
          <th scope="col">Best book</th><th scope="col" class="num">Price</th><th scope="col" class="num">P(side)</th><th scope="col" class="num">EV</th>
          <th scope="col" class="num">Stake <span class="muted">(bankroll)</span></th><th scope="col">Why</th></tr></thead>
        <tbody id="picks-body"></tbody></table></div>
      <p class="muted" id="no-picks" hidden>No pick passes these filters.</p>
    </section>
    <section class="panel">
      <details id="passes">
        <summary>PASSes (${passes.length}) with their reasons</summary>
        <div class="scroll"><table class="stack" id="passes-table"><thead><tr><th scope="col">Player</th><th scope="col">Market</th>
          <th scope="col" class="num">Projection</th><th scope="col" class="num">Line</th><th scope="col">Reason</th></tr></thead><tbody id="passes-body"></tbody></table></div>
      </details>
    </section>`;
  const render = () => {
    const f = { market: $('f-market').value, book: $('f-book').value, side: $('f-side').value, conf: parseFloat($('f-conf').value) };
    const shown = picks.filter((p) => (!f.market || p.market === f.market) && (!f.book || p.book === f.book) && (!f.side || p.pick === f.side)
      && pSide(p) >= f.conf);
    $('picks-body').innerHTML = shown.map((p) => pickRow(doc.date, p)).join('');
    $('picks-count').textContent = 'Showing ' + shown.length + ' of ' + picks.length + ' pick' + (picks.length === 1 ? '' : 's');
    $('no-picks').hidden = shown.length > 0 || picks.length === 0;
    const pass = passes.filter((e) => !f.market || e.p.market === f.market);
    $('passes-body').innerHTML = pass.map((e) => `<tr><td data-label="Player">${e.p.line ? playerLink(doc.date, e.p)
      : esc(e.p.player_name) + ' <span class="muted">' + esc(e.p.team) + ' vs ' + esc(e.p.opponent) + '</span>'}</td><td data-label="Market">${esc(marketName(e.p.market))}</td>
      <td class="num" data-label="Projection">${e.s.predicted === null ? '–' : e.s.predicted.toFixed(1)}</td>
      <td class="num" data-label="Line">${e.p.line ? esc(e.p.line.value) + ' <span class="muted">' + esc(bookName(e.p.line.book)) + '</span>' : '–'}</td>
      <td data-label="Reason">${esc(e.s.reason || '')}</td></tr>`).join('');
  };
  ['f-market', 'f-book', 'f-side', 'f-conf'].forEach((id) => $(id).addEventListener('change', render));
  $('filters').addEventListener('submit', (e) => e.preventDefault());
  render();
  if (!picks.length) $('picks-count').textContent = 'No picks on this date' + (doc.status === 'withheld' ? ' (withheld)' : '') + '.';
  if (!picks.length) ['filters', 'picks-table'].forEach((id) => { $(id).hidden = true; });
  if (!doc.predictions.length) $('passes').closest('section').hidden = true;
}

function pSide(p) {
  if (typeof p.p_side === 'number') return p.p_side;
  return typeof p.confidence === 'number' ? p.confidence : 0;
}

function playerLink(date, p) {
  return `<a href="#/card/${encodeURIComponent(date)}/${encodeURIComponent(p.player_lookup)}/${encodeURIComponent(p.market)}">${esc(p.player_name)}</a>
    <span class="muted">${esc(p.team)} vs ${esc(p.opponent)}</span>`;
}

function pickRow(date, p) {
  const s = p._e && p._e.s;
  const top = s && s.top_contributions ? Object.entries(s.top_contributions).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1])).slice(0, 4) : [];
  const stake = typeof p.kelly_stake === 'number' ? pct(p.kelly_stake, 1) : '–';
  return `<tr data-market="${esc(p.market)}" data-book="${esc(p.book)}" data-side="${esc(p.pick)}" data-p="${pSide(p)}">
    <td data-label="Player">${playerLink(date, p)}</td>
    <td data-label="Market">${esc(marketName(p.market))}</td>
    <td data-label="Side" class="side-${esc(p.pick)}">${esc(p.pick)}</td>
    <td class="num" data-label="Line">${esc(p.line)}</td>
    <td data-label="Best book">${esc(bookName(p.book))}</td>
    <td class="num" data-label="Price">${esc(price(p.price))}</td>
    <td class="num" data-label="P(side)">${pct(pSide(p))}</td>
    <td class="num" data-label="EV">${p.expected_value === null || p.expected_value === undefined ? '–' : signed(p.expected_value * 100) + '%'}</td>
    <td class="num" data-label="Stake">${esc(stake)}</td>
    <td data-label="Why"><div class="why">${esc(p.reason || '')}${typeof p.predicted === 'number' ? ' · projection ' + p.predicted.toFixed(1) : ''}</div>
      ${top.length ? '<ul class="contrib" aria-label="Top contributions to the projection">' + top.map(([k, v]) => '<li>' + esc(k) + ' ' + signed(v, 2) + '</li>').join('') + '</ul>' : ''}</td>
  </tr>`;
}

function todayBanner(doc) {
  const st = state.status;
  const lines = [];
  if (doc.note) lines.push(doc.note);
  const isLatest = state.index && state.index.latest === doc.date;
  if (isLatest && st && st.stale && st.stale.length) lines.push(...st.stale);
  if (doc.status === 'withheld') {
    banner('bad', 'Picks withheld for ' + doc.date, lines);
  } else if (doc.status !== 'fresh') {
    banner('warn', 'These picks are ' + doc.status + (doc.data_as_of ? ' (data as of ' + when(doc.data_as_of) + ')' : ''), lines);
  } else if (isLatest && st && st.status !== 'fresh' && st.stale && st.stale.length) {
    banner('warn', 'Newer picks are late', st.stale);
  } else {
    banner();
  }
  $('generated').textContent = 'Picks file generated ' + when(doc.generated_at) + '; predictions as of ' + when(doc.data_as_of) + '.';
}

/* ---------- Player prop card ---------- */

async function cardView(view, date, player, market) {
  view.dataset.ready = 'false';
  fillDates(date);
  const entry = state.index && state.index.dates.find((x) => x.date === date);
  const [card, results] = await Promise.all([load('cards/' + date + '/' + player + '.json'),
    entry && entry.graded ? load('results/' + date + '.json') : Promise.resolve(null)]);
  if (!card) {
    banner('bad', 'No card for ' + player + ' on ' + date);
    view.innerHTML = '<div class="panel"><h1>No card</h1><p><a href="#/day/' + esc(date) + '">Back to the picks of ' + esc(date) + '</a></p></div>';
    return;
  }
  banner(card.status === 'fresh' ? null : 'warn', card.status === 'fresh' ? null : 'The picks of this date are ' + card.status, [card.note]);
  const m = card.markets.find((x) => x.market === market) || card.markets[0];
  const line = m.line !== null && m.line !== undefined ? m.line : (m.books[0] && m.books[0].line);
  const projection = m.projection !== null ? m.projection : (m.systems[0] && m.systems[0].predicted);
  const key = m.market;
  const played = card.games.filter((g) => g.played && g[key] !== null && g[key] !== undefined);
  const windows = [['Last 5', 5], ['Last 10', 10], ['Last 20', 20], ['Season', played.length]].map(([label, n]) => {
    const games = played.slice(0, n);
    const over = games.filter((g) => g[key] > line).length, under = games.filter((g) => g[key] < line).length;
    const avg = games.length ? games.reduce((a, g) => a + g[key], 0) / games.length : null;
    return { label, n: games.length, over, under, avg };
  });
  const graded = results ? results.results.filter((r) => r.player_lookup === card.player_lookup && r.market === key) : [];
  const ens = graded.find((r) => r.system_id === 'ensemble') || graded[0];
  const def = m.opponent_defence;
  view.innerHTML = `
    <p><a href="#/day/${esc(date)}">← Picks of ${esc(shortDate(date))}</a></p>
    <h1 id="card-title">${esc(card.player_name)} <span class="muted">${esc(card.team)} ${card.is_home ? 'vs' : '@'} ${esc(card.opponent)} · ${esc(tipTime(card.tip_off))}</span></h1>
    <nav class="tabs" aria-label="Markets">${card.markets.map((x) => `<a href="#/card/${esc(date)}/${esc(card.player_lookup)}/${esc(x.market)}"
      ${x.market === key ? 'aria-current="page"' : ''}>${esc(marketName(x.market))}</a>`).join('')}</nav>
    <div class="grid2">
      <section class="panel" aria-labelledby="proj-h">
        <h2 id="proj-h">Projection ${projection === null || projection === undefined ? '–' : projection.toFixed(1)} vs each book</h2>
        <p>${m.recommendation && m.recommendation !== 'PASS' ? `Pick: <span class="side-${esc(m.recommendation)}">${esc(m.recommendation)}</span> ${esc(m.line)} at ${esc(bookName(m.book))}`
          : 'No pick (PASS)'}${card.injury_status && card.injury_status !== 'none' ? ' · listed ' + esc(card.injury_status) : ''}</p>
        <div class="scroll"><table id="books-table"><thead><tr><th scope="col">Book</th><th scope="col" class="num">Line</th><th scope="col" class="num">Over</th>
          <th scope="col" class="num">Under</th><th scope="col" class="num">Proj. − line</th><th scope="col" class="asof">As of</th></tr></thead><tbody>
          ${m.books.map((b) => `<tr${b.book === m.book ? ' class="best"' : ''}><td>${esc(bookName(b.book))}${b.book === m.book ? ' <span class="muted">(pick)</span>' : ''}</td>
            <td class="num">${esc(b.line)}</td><td class="num">${esc(price(b.over_price))}</td><td class="num">${esc(price(b.under_price))}</td>
            <td class="num">${projection === null || projection === undefined ? '–' : signed(projection - b.line)}</td><td class="asof">${esc(when(b.snapshot_at))}</td></tr>`).join('')
            || '<tr><td colspan="6">No book posted a usable line.</td></tr>'}</tbody></table></div>
        ${m.systems.length > 1 ? '<p class="legend">Systems: ' + m.systems.map((s) => esc(s.system) + ' ' + (s.predicted === null ? '–' : s.predicted.toFixed(1))).join(' · ') + '</p>' : ''}
      </section>
      <section class="panel" aria-labelledby="ctx-h">
        <h2 id="ctx-h">Matchup</h2>
        <dl class="kv">
          <dt>Opponent defence</dt><dd id="defence">${def ? `${esc(def.team)} allow ${def.allowed_per_game.toFixed(1)} ${esc(marketName(key).toLowerCase())} a game
            (rank ${def.rank} of ${def.teams}, 1 = fewest; league average ${def.league_average.toFixed(1)}; N = ${def.games} games)` : 'no games yet this season'}</dd>
          <dt>Teammates out</dt><dd id="teammates">${card.teammates_out.length ? card.teammates_out.map((t) => esc(t.player_name)).join(', ') : 'none listed'}</dd>
          ${ens ? `<dt>Result</dt><dd id="result">${esc(ens.actual)} vs ${esc(ens.line_value)}: <span class="${esc(ens.result)}">${esc(ens.result)}</span>
            (${esc(ens.recommendation)})${ens.closing_line !== null && ens.closing_line !== undefined ? ' · closing line ' + esc(ens.closing_line) : ''}
            ${ens.clv !== null && ens.clv !== undefined ? ' · CLV ' + signed(ens.clv) : ''}</dd>` : `<dt>Result</dt><dd id="result">${entry && entry.graded ? 'not graded for this player' : 'not graded yet'}</dd>`}
        </dl>
      </section>
    </div>
    <section class="panel" aria-labelledby="form-h">
      <h2 id="form-h">Recent games against ${line === null || line === undefined ? 'the line' : 'this line (' + esc(line) + ')'}</h2>
      <div class="hit" id="hit-rates">${windows.map((w) => `<div data-window="${esc(w.label)}"><span class="big">${w.n ? pct((w.over) / w.n, 0) : '–'}</span>
        over in ${esc(w.label.toLowerCase())}<br><span class="muted">${w.over} of N = ${w.n}${w.avg === null ? '' : ' · avg ' + w.avg.toFixed(1)}</span></div>`).join('')}</div>
      <div id="games-chart"></div>
      <p class="legend">Bars: the last ${Math.min(20, played.length)} games played (oldest left); green above the line, red below; the dashed line is the line.</p>
    </section>
    <div class="grid2">
      <section class="panel" aria-labelledby="min-h"><h2 id="min-h">Minutes trend</h2><div id="minutes-chart"></div></section>
      <section class="panel" aria-labelledby="move-h"><h2 id="move-h">Line movement by book (pre-game)</h2><div id="movement-chart"></div>
        <div class="scroll"><table id="movement-table"><thead><tr><th scope="col">Book</th><th scope="col">Moves</th></tr></thead><tbody>
        ${movementRows(m)}</tbody></table></div></section>
    </div>`;
  const last20 = played.slice(0, 20).reverse();
  if (last20.length && line !== null && line !== undefined) {
    $('games-chart').appendChild(Charts.bars({ width: widthOf('games-chart'), label: card.player_name + ' ' + marketName(key) + ' in the last ' + last20.length + ' games against the line ' + line,
      line: line, bars: last20.map((g) => ({ label: g.date.slice(5), value: g[key], played: g.played,
        title: g.date + ' vs ' + g.opponent + ': ' + g[key] + ' (' + (g[key] > line ? 'over' : g[key] < line ? 'under' : 'push') + ')' })) }));
  } else {
    $('games-chart').innerHTML = '<p class="muted">No games or no line to chart.</p>';
  }
  const mins = played.slice(0, 20).reverse();
  if (mins.length) {
    $('minutes-chart').appendChild(Charts.lines({ width: widthOf('minutes-chart'), label: 'Minutes in the last ' + mins.length + ' games', height: 200,
      series: [{ name: 'minutes', points: mins.map((g, i) => ({ x: i, y: g.minutes, title: g.date + ': ' + g.minutes + ' min' })) }],
      ref: mins.reduce((a, g) => a + g.minutes, 0) / mins.length, refLabel: 'avg ' + (mins.reduce((a, g) => a + g.minutes, 0) / mins.length).toFixed(1),
      xLabels: (i) => mins[i].date.slice(5) }));
  }
  const byBook = groupBy(m.movement, (p) => p.book);
  const times = m.movement.map((p) => Date.parse(p.snapshot_at));
  if (new Set(times).size > 1) { // one snapshot per book is a table row, not a chart
    $('movement-chart').appendChild(Charts.lines({ width: widthOf('movement-chart'), label: 'Line by book over time', height: 200,
      series: [...byBook.entries()].map(([b, pts]) => ({ name: bookName(b), step: true, points: pts.map((p) => ({ x: Date.parse(p.snapshot_at), y: p.line,
        title: bookName(b) + ' ' + p.line + ' at ' + when(p.snapshot_at) })) })),
      xEnd: Math.max(...times), xLabels: (t) => when(new Date(t).toISOString()) }));
  }
  $('generated').textContent = 'Card generated ' + when(card.generated_at) + '.';
}

function movementRows(m) {
  const byBook = groupBy(m.movement, (p) => p.book);
  if (!byBook.size) return '<tr><td colspan="2">No pre-game lines.</td></tr>';
  return [...byBook.entries()].map(([b, pts]) => `<tr><td>${esc(bookName(b))}</td><td>${pts.map((p) => esc(when(p.snapshot_at)) + ': <b>' + esc(p.line)
    + '</b> (' + esc(price(p.over_price)) + '/' + esc(price(p.under_price)) + ')').join(' → ')}</td></tr>`).join('');
}

/** A chart is drawn at its container's width, so its text keeps its size on a phone and a desktop. */
function widthOf(id) {
  return Math.max(260, Math.round($(id).getBoundingClientRect().width) || 640);
}

function groupBy(list, f) {
  const out = new Map();
  list.forEach((x) => {
    const k = f(x);
    if (!out.has(k)) out.set(k, []);
    out.get(k).push(x);
  });
  return out;
}

/* ---------- Track record ---------- */

async function trackView(view) {
  view.dataset.ready = 'false';
  const perf = await load('performance.json');
  fillDates(state.index && state.index.latest);
  const tr = perf && perf.track_record;
  // No graded pick yet (early in a season, or books no system beats): nothing to chart, not an error.
  if (!tr || !tr.systems || tr.systems.length === 0) {
    banner('warn', 'No graded picks published yet');
    view.innerHTML = '<div class="panel"><h1>Track record</h1><p>Nothing graded yet.</p></div>';
    return;
  }
  banner(perf.status === 'fresh' ? null : 'warn', perf.status === 'fresh' ? null : 'Performance is ' + perf.status, [perf.note]);
  const combos = tr.systems.map((r) => r.system_id + '|' + r.market);
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  let sel = params.get('system') && params.get('market') ? params.get('system') + '|' + params.get('market') : null;
  if (!sel || !combos.includes(sel)) sel = combos.find((c) => c.startsWith('ensemble|')) || combos[0];
  view.innerHTML = `
    <h1>Track record <span class="muted">${esc(tr.from)} to ${esc(tr.to)}</span></h1>
    <section class="panel" aria-labelledby="sys-h">
      <h2 id="sys-h">Per system and market</h2>
      <p class="legend">N = graded picks (pushes count in N and ROI, not in the hit rate). Intervals: ${esc(tr.interval)}.
        Break-even: the hit rate the prices taken need.</p>
      <div class="scroll"><table class="stack" id="systems-table">${recordHead('System')}<tbody>
        ${tr.systems.map((r) => recordRow(r, r.system_id + ' · ' + marketName(r.market), r.system_id + '|' + r.market === sel)).join('')}</tbody></table></div>
    </section>
    <section class="panel">
      <label>Show <select id="track-select">${combos.map((c) => `<option value="${esc(c)}"${c === sel ? ' selected' : ''}>${esc(c.split('|')[0])} · ${esc(marketName(c.split('|')[1]))}</option>`).join('')}</select></label>
    </section>
    <div id="track-detail"></div>`;
  $('track-select').addEventListener('change', (e) => {
    const [s, m] = e.target.value.split('|');
    history.replaceState(null, '', '#/track?system=' + encodeURIComponent(s) + '&market=' + encodeURIComponent(m));
    trackDetail(perf, e.target.value);
  });
  trackDetail(perf, sel);
  $('generated').textContent = 'Performance generated ' + when(perf.generated_at) + '.';
}

function recordHead(first) {
  return `<thead><tr><th scope="col">${esc(first)}</th><th scope="col" class="num">N</th><th scope="col" class="num">W-L-P</th>
    <th scope="col" class="num">Hit rate [95%]</th><th scope="col" class="num">Break-even</th><th scope="col" class="num">ROI [95%]</th>
    <th scope="col" class="num">Units</th><th scope="col" class="num">CLV (N)</th></tr></thead>`;
}

function recordRow(r, label, current) {
  return `<tr${current ? ' class="best"' : ''} data-n="${r.picks}"><td data-label="Group">${esc(label)}</td><td class="num" data-label="N">${r.picks}</td>
    <td class="num" data-label="W-L-P">${r.wins}-${r.losses}-${r.pushes}</td>
    <td class="num hit-rate" data-label="Hit rate">${pct(r.hit_rate)} <span class="muted">${ci(r.hit_rate_ci)}</span></td>
    <td class="num" data-label="Break-even">${pct(r.break_even)}</td>
    <td class="num roi" data-label="ROI">${r.roi === null ? '–' : signed(r.roi * 100) + '%'} <span class="muted">${r.roi_ci ? '[' + signed(r.roi_ci[0] * 100) + '%, ' + signed(r.roi_ci[1] * 100) + '%]' : '(N too small for an interval)'}</span></td>
    <td class="num" data-label="Units">${signed(r.profit_units, 2)}</td>
    <td class="num" data-label="CLV">${r.clv === null ? '–' : signed(r.clv, 2)} <span class="muted">(N = ${r.clv_n})</span></td></tr>`;
}

function trackDetail(perf, sel) {
  const [system, market] = sel.split('|');
  const tr = perf.track_record;
  const mine = (rows) => rows.filter((r) => r.system_id === system && r.market === market);
  const table = (id, title, rows, label) => `<section class="panel" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(title)}</h2>
    <div class="scroll"><table class="stack" id="${id}">${recordHead(label)}<tbody>${rows.map((r) => recordRow(r, r.bucket, false)).join('')
    || '<tr><td colspan="8">No graded picks.</td></tr>'}</tbody></table></div></section>`;
  const daily = (perf.daily || []).filter((r) => r.system_id === system && r.market === market);
  $('track-detail').innerHTML = `
    <div class="grid2">
      <section class="panel" aria-labelledby="units-h"><h2 id="units-h">Cumulative units</h2><div id="units-chart"></div>
        <p class="legend">1 unit staked per pick; the dashed line is break-even (0 units). N = ${daily.length ? daily[daily.length - 1].cumulative_picks : 0} picks.</p></section>
      <section class="panel" aria-labelledby="cal-h"><h2 id="cal-h">Calibration</h2><div id="calibration-chart"></div>
        <p class="legend">Each dot: picks by stated probability decile, hit rate with its 95% interval; on the diagonal is honest.</p></section>
    </div>
    ${table('edge-table', 'By edge (points between projection and line)', mine(tr.edge), 'Edge')}
    ${table('side-table', 'By side', mine(tr.side), 'Side')}
    ${table('book-table', 'By book', mine(tr.book).map((r) => Object.assign({}, r, { bucket: bookName(r.bucket) })), 'Book')}
    ${table('decile-table', 'Calibration table (stated probability decile)', mine(tr.decile).map((r) => Object.assign({}, r,
      { bucket: (r.bucket * 10) + '–' + (r.bucket * 10 + 10) + '% (stated ' + pct(r.stated) + ')' })), 'Stated')}`;
  if (daily.length) {
    $('units-chart').appendChild(Charts.lines({ width: widthOf('units-chart'), label: 'Cumulative units of ' + system + ' ' + marketName(market), height: 220,
      series: [{ name: 'units', points: daily.map((r, i) => ({ x: i, y: r.cumulative_profit, title: r.date + ': ' + signed(r.cumulative_profit, 2)
        + ' units after ' + r.cumulative_picks + ' picks' })) }],
      ref: 0, refLabel: 'break-even', xLabels: (i) => daily[i].date, yFormat: (t) => signed(t, 0) }));
  }
  const cal = mine(tr.decile).filter((r) => r.hit_rate !== null);
  $('calibration-chart').appendChild(Charts.calibration({ width: Math.min(420, widthOf('calibration-chart')), label: 'Calibration of ' + system + ' ' + marketName(market),
    points: cal.map((r) => ({ x: r.stated, y: r.hit_rate, lo: r.hit_rate_ci && r.hit_rate_ci[0], hi: r.hit_rate_ci && r.hit_rate_ci[1],
      title: 'stated ' + pct(r.stated) + ', hit ' + pct(r.hit_rate) + ' ' + ci(r.hit_rate_ci) + ', N = ' + r.picks })) }));
}

document.addEventListener('DOMContentLoaded', () => {
  $('date-select').addEventListener('change', (e) => { location.hash = '#/day/' + e.target.value; });
  // The skip link moves focus without touching the address (the fragment is the route).
  document.querySelector('.skip').addEventListener('click', (e) => { e.preventDefault(); $('view').focus(); });
  window.addEventListener('hashchange', () => { route().then(() => { if (!location.hash.startsWith('#/track?')) $('view').focus({ preventScroll: true }); }); });
  route();
});
