'use strict';
/*
 * A few small SVG charts for the picks site (no library: the site must work from any static host, and SVG elements can
 * be read by a screen reader through their titles and checked by a test). Each function returns an <svg> element.
 */
const Charts = (() => {
  const NS = 'http://www.w3.org/2000/svg';
  function el(name, attrs, text) {
    const e = document.createElementNS(NS, name);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) e.setAttribute(k, v); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function frame(width, height, label) {
    const svg = el('svg', { viewBox: '0 0 ' + width + ' ' + height, class: 'chart', role: 'img', 'aria-label': label,
      preserveAspectRatio: 'xMidYMid meet' });
    svg.appendChild(el('title', {}, label));
    return svg;
  }
  function scale(d0, d1, r0, r1) {
    const span = d1 - d0 || 1;
    return (v) => r0 + (v - d0) / span * (r1 - r0);
  }
  function niceTicks(lo, hi, count) {
    const span = hi - lo || 1;
    const step0 = span / count;
    const mag = Math.pow(10, Math.floor(Math.log10(step0)));
    const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= step0) || step0;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
    return out;
  }
  function yAxis(svg, y, ticks, x0, x1, fmt) {
    ticks.forEach((t) => {
      svg.appendChild(el('line', { x1: x0, x2: x1, y1: y(t), y2: y(t), class: 'axis', 'stroke-opacity': 0.35 }));
      svg.appendChild(el('text', { x: x0 - 4, y: y(t) + 4, 'text-anchor': 'end' }, fmt ? fmt(t) : String(t)));
    });
  }

  /**
   * Bars (oldest left) against a reference line drawn across them: bars at or above the line are "over", below "under";
   * a game not played is grey. bars: [{label, value, played, title}].
   */
  function bars(opts) {
    const W = opts.width || 640, H = opts.height || 240, L = 36, R = 12, T = 14, B = 34;
    const svg = frame(W, H, opts.label);
    const vals = opts.bars.map((b) => b.value || 0);
    const hi = Math.max(opts.line || 0, ...vals, 1) * 1.12;
    const y = scale(0, hi, H - B, T);
    yAxis(svg, y, niceTicks(0, hi, 4), L, W - R);
    const n = opts.bars.length || 1;
    const slot = (W - L - R) / n, bw = Math.min(40, Math.max(3, slot * 0.7));
    opts.bars.forEach((b, i) => {
      const v = b.value || 0;
      const cls = !b.played ? 'bar-dnp' : (v > opts.line ? 'bar-over' : (v < opts.line ? 'bar-under' : 'bar-dnp'));
      const x = L + i * slot + (slot - bw) / 2;
      const r = el('rect', { x: x.toFixed(1), y: y(v).toFixed(1), width: bw.toFixed(1), height: Math.max(0.5, y(0) - y(v)).toFixed(1),
        class: 'bar ' + cls, 'data-value': v });
      r.appendChild(el('title', {}, b.title));
      svg.appendChild(r);
      if (n <= 24 && i % Math.ceil(n / 12) === 0) {
        svg.appendChild(el('text', { x: (x + bw / 2).toFixed(1), y: H - B + 14, 'text-anchor': 'middle' }, b.label));
      }
    });
    if (opts.line !== null && opts.line !== undefined) {
      svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(opts.line).toFixed(1), y2: y(opts.line).toFixed(1), class: 'ref-line',
        'data-value': opts.line }));
      svg.appendChild(el('text', { x: W - R, y: y(opts.line) - 5, 'text-anchor': 'end', class: 'ref-label' }, 'line ' + opts.line));
    }
    return svg;
  }

  /**
   * Line series over a shared x (indexes or dates as labels) with an optional reference line (e.g. 0 units: break even).
   * series: [{name, points: [{x, y}], step}], xLabels: label of each x (first/last shown).
   */
  function lines(opts) {
    const W = opts.width || 640, H = opts.height || 220, L = 44, R = 12, T = 14, B = 30;
    const svg = frame(W, H, opts.label);
    const all = opts.series.flatMap((s) => s.points);
    if (!all.length) return svg;
    const xs = all.map((p) => p.x), ys = all.map((p) => p.y).concat(opts.ref !== undefined ? [opts.ref] : []);
    let lo = Math.min(...ys), hi = Math.max(...ys);
    const pad = (hi - lo) * 0.1 || 1;
    lo -= pad; hi += pad;
    const x = scale(Math.min(...xs), Math.max(...xs), L, W - R), y = scale(lo, hi, H - B, T);
    yAxis(svg, y, niceTicks(lo, hi, 4), L, W - R, opts.yFormat);
    if (opts.xLabels) {
      const first = Math.min(...xs), last = Math.max(...xs);
      svg.appendChild(el('text', { x: x(first), y: H - 8, 'text-anchor': 'start' }, opts.xLabels(first)));
      if (last !== first) svg.appendChild(el('text', { x: x(last), y: H - 8, 'text-anchor': 'end' }, opts.xLabels(last)));
    }
    if (opts.ref !== undefined) {
      svg.appendChild(el('line', { x1: L, x2: W - R, y1: y(opts.ref), y2: y(opts.ref), class: 'ref-line', 'data-value': opts.ref }));
      svg.appendChild(el('text', { x: W - R, y: y(opts.ref) - 5, 'text-anchor': 'end', class: 'ref-label' }, opts.refLabel || String(opts.ref)));
    }
    const palette = ['#0b57d0', '#b45309', '#6d28d9', '#047857', '#be123c', '#374151'];
    opts.series.forEach((s, i) => {
      let d = '';
      s.points.forEach((p, j) => {
        if (j === 0) d += 'M' + x(p.x).toFixed(1) + ',' + y(p.y).toFixed(1);
        else if (s.step) d += 'H' + x(p.x).toFixed(1) + 'V' + y(p.y).toFixed(1);
        else d += 'L' + x(p.x).toFixed(1) + ',' + y(p.y).toFixed(1);
      });
      if (s.step && s.points.length && opts.xEnd !== undefined) d += 'H' + x(opts.xEnd).toFixed(1);
      const path = el('path', { d: d, class: 'series', stroke: palette[i % palette.length], 'data-series': s.name });
      path.appendChild(el('title', {}, s.name));
      svg.appendChild(path);
      s.points.forEach((p) => {
        const c = el('circle', { cx: x(p.x).toFixed(1), cy: y(p.y).toFixed(1), r: 2.5, fill: palette[i % palette.length] });
        if (p.title) c.appendChild(el('title', {}, p.title));
        svg.appendChild(c);
      });
    });
    return svg;
  }

  /** Stated probability (x) against the hit rate (y) with its interval per bucket; the diagonal is perfect calibration. */
  function calibration(opts) {
    const W = opts.width || 360, H = opts.height || 300, L = 44, R = 22, T = 12, B = 36;
    const svg = frame(W, H, opts.label);
    const lo = 0.4, hi = 1;
    const x = scale(lo, hi, L, W - R), y = scale(0, 1, H - B, T);
    yAxis(svg, y, [0, 0.25, 0.5, 0.75, 1], L, W - R, (t) => Math.round(t * 100) + '%');
    [0.4, 0.6, 0.8, 1].forEach((t) => svg.appendChild(el('text', { x: x(t), y: H - B + 14, 'text-anchor': 'middle' }, Math.round(t * 100) + '%')));
    svg.appendChild(el('text', { x: (L + W - R) / 2, y: H - 4, 'text-anchor': 'middle' }, 'stated probability'));
    svg.appendChild(el('line', { x1: x(lo), y1: y(lo), x2: x(hi), y2: y(hi), class: 'diag' }));
    opts.points.forEach((p) => {
      if (p.lo !== null && p.lo !== undefined) {
        svg.appendChild(el('line', { x1: x(p.x), x2: x(p.x), y1: y(p.lo), y2: y(p.hi), class: 'ci' }));
      }
      const c = el('circle', { cx: x(p.x), cy: y(p.y), r: 4, class: 'dot' });
      c.appendChild(el('title', {}, p.title));
      svg.appendChild(c);
    });
    return svg;
  }

  return { bars, lines, calibration };
})();
