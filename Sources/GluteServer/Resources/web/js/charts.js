// SVG charts drawn here, with no library: bars and lines that read without colour (hatching,
// marker shapes, dash patterns and a value on every bar or point), each with a title, a
// description and the numbers as a table.

import { h, s, uid } from './dom.js';

const HEIGHT = 260;

/**
 * The drawing's width in its own units: about the width it is shown at (320 to 640), so that its
 * 12 px text stays about 12 px on a phone instead of shrinking with a 640-wide drawing.
 */
function drawingWidth() {
  const shown = (window.innerWidth || 640) - 32;
  return Math.max(320, Math.min(640, Math.round(shown)));
}

/** Every how many categories a label fits (a date like "12 Mar" needs about 56 units). */
function labelEvery(count, plotWidth, most) {
  const fits = Math.max(1, Math.min(most, Math.floor(plotWidth / 56)));
  return count <= fits ? 1 : Math.ceil(count / fits);
}
const PAD = { left: 44, right: 16, top: 24, bottom: 48 };
export const STYLES = [
  { fill: '#1d4e89', pattern: 'solid', marker: 'circle', dash: null, name: 'solid' },
  { fill: '#8a4b00', pattern: 'hatch', marker: 'square', dash: '8 5', name: 'hatched' },
  { fill: '#4a4a4a', pattern: 'dots', marker: 'triangle', dash: '2 4', name: 'dotted' },
  { fill: '#1e6b34', pattern: 'cross', marker: 'diamond', dash: '12 4 2 4', name: 'cross-hatched' },
];

function defs(ids) {
  return s('defs', {},
    s('pattern', { id: ids.hatch, width: 8, height: 8, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      s('rect', { width: 8, height: 8, fill: '#ffffff' }), s('line', { x1: 0, y1: 0, x2: 0, y2: 8, stroke: STYLES[1].fill, 'stroke-width': 4 })),
    s('pattern', { id: ids.dots, width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
      s('rect', { width: 6, height: 6, fill: '#ffffff' }), s('circle', { cx: 3, cy: 3, r: 1.6, fill: STYLES[2].fill })),
    s('pattern', { id: ids.cross, width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
      s('rect', { width: 8, height: 8, fill: '#ffffff' }), s('path', { d: 'M0 0 L8 8 M8 0 L0 8', stroke: STYLES[3].fill, 'stroke-width': 1.5 })));
}

function fillFor(style, ids) {
  if (style.pattern === 'solid') return style.fill;
  return `url(#${ids[style.pattern]})`;
}

function marker(style, x, y) {
  const common = { fill: style.fill, stroke: '#ffffff', 'stroke-width': 1 };
  switch (style.marker) {
    case 'square': return s('rect', { x: x - 5, y: y - 5, width: 10, height: 10, ...common });
    case 'triangle': return s('path', { d: `M${x} ${y - 6} L${x + 6} ${y + 5} L${x - 6} ${y + 5} Z`, ...common });
    case 'diamond': return s('path', { d: `M${x} ${y - 6} L${x + 6} ${y} L${x} ${y + 6} L${x - 6} ${y} Z`, ...common });
    default: return s('circle', { cx: x, cy: y, r: 5, ...common });
  }
}

/** A top of the axis that its five ticks divide into round numbers (7 calls: 10, not 7). */
function niceMax(value) {
  if (value <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(value / 5));
  return [1, 2, 5, 10].map((m) => 5 * m * step).find((top) => value <= top);
}

function axes(width, yMax, format, yLabel) {
  const parts = [];
  const ticks = 5;
  for (let i = 0; i <= ticks; i += 1) {
    const value = (yMax / ticks) * i;
    const y = HEIGHT - PAD.bottom - ((HEIGHT - PAD.top - PAD.bottom) * i) / ticks;
    parts.push(s('line', { x1: PAD.left, y1: y, x2: width - PAD.right, y2: y, stroke: '#d5d9df', 'stroke-width': 1 }),
      s('text', { x: PAD.left - 6, y: y + 4, 'text-anchor': 'end' }, format(value)));
  }
  parts.push(s('line', { class: 'axis', x1: PAD.left, y1: HEIGHT - PAD.bottom, x2: width - PAD.right, y2: HEIGHT - PAD.bottom }));
  if (yLabel) parts.push(s('text', { x: 4, y: 14 }, yLabel));
  return parts;
}

function legend(series, ids, extra = []) {
  return h('ul', { class: 'legend' },
    series.map((item, index) => {
      const style = STYLES[index % STYLES.length];
      const own = { hatch: uid('hatch'), dots: uid('dots'), cross: uid('cross') };
      return h('li', {}, s('svg', { width: 36, height: 16, 'aria-hidden': 'true' }, defs(own),
        s('rect', { x: 1, y: 1, width: 16, height: 14, fill: fillFor(style, own), stroke: style.fill }),
        s('line', { x1: 19, y1: 8, x2: 35, y2: 8, stroke: style.fill, 'stroke-width': 2, 'stroke-dasharray': style.dash || null })),
      ` ${item.name} (${style.name})`);
    }),
    extra.map((text) => h('li', {}, s('svg', { width: 36, height: 16, 'aria-hidden': 'true' },
      s('line', { x1: 1, y1: 8, x2: 35, y2: 8, class: 'target', stroke: '#a4161a', 'stroke-width': 2, 'stroke-dasharray': '6 4' })), ` ${text}`)));
}

function table(caption, categories, series, extraColumns = []) {
  return h('details', {}, h('summary', {}, 'The numbers'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), series.map((item) => h('th', { scope: 'col' }, item.name)),
        extraColumns.map((column) => h('th', { scope: 'col' }, column.name)))),
      h('tbody', {}, categories.map((category, index) => h('tr', {},
        h('th', { scope: 'row' }, category),
        series.map((item) => h('td', {}, item.values[index] === null || item.values[index] === undefined ? '–' : item.format ? item.format(item.values[index]) : String(item.values[index]))),
        extraColumns.map((column) => h('td', {}, String(column.values[index])))))))));
}

/**
 * Bars per category, one per series, with an optional target per category drawn as a dashed line.
 * `{title, description, categories, series: [{name, values}], target: {name, values}, yLabel}`
 */
export function barChart({ title, description, categories, series, target, yLabel, format = (v) => String(Math.round(v)) }) {
  const ids = { hatch: uid('hatch'), dots: uid('dots'), cross: uid('cross') };
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const all = [...series.flatMap((item) => item.values), ...(target ? target.values : [])].filter((v) => v !== null);
  const yMax = niceMax(Math.max(1, ...all));
  const width = drawingWidth();
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const band = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(36, (band * 0.8) / series.length);
  const y = (value) => HEIGHT - PAD.bottom - (plotHeight * value) / yMax;
  const parts = [s('title', { id: titleId }, title), s('desc', { id: descId }, description), defs(ids), ...axes(width, yMax, format, yLabel)];
  categories.forEach((category, index) => {
    const center = PAD.left + band * index + band / 2;
    series.forEach((item, seriesIndex) => {
      const value = item.values[index] || 0;
      const style = STYLES[seriesIndex % STYLES.length];
      const x = center - (barWidth * series.length) / 2 + barWidth * seriesIndex;
      parts.push(s('rect', { x, y: y(value), width: barWidth - 2, height: Math.max(0, y(0) - y(value)), fill: fillFor(style, ids), stroke: style.fill, 'stroke-width': 1 }));
      // A value over its bar where it fits (the numbers are in the table below either way).
      if (barWidth >= 12) parts.push(s('text', { x: x + (barWidth - 2) / 2, y: y(value) - 4, 'text-anchor': 'middle' }, format(value)));
    });
    if (target && target.values[index] !== null && target.values[index] !== undefined) {
      const ty = y(target.values[index]);
      parts.push(s('line', { class: 'target', x1: center - band * 0.45, y1: ty, x2: center + band * 0.45, y2: ty }));
    }
    if (index % labelEvery(categories.length, plotWidth, 8) === 0) parts.push(s('text', { x: center, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' }, category));
  });
  return h('figure', {},
    s('svg', { class: 'chart', viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` }, parts),
    h('figcaption', {}, legend(series, ids, target ? [target.name] : [])),
    table(title, categories, series, target ? [target] : []));
}

/** Lines over categories (dates), one per series, with marker shapes and the last value written. */
export function lineChart({ title, description, categories, series, yLabel, format = (v) => String(v), yMax: fixedMax }) {
  const ids = { hatch: uid('hatch'), dots: uid('dots'), cross: uid('cross') };
  const titleId = uid('chart-title');
  const descId = uid('chart-desc');
  const all = series.flatMap((item) => item.values).filter((v) => v !== null && v !== undefined);
  const yMax = fixedMax || niceMax(Math.max(1, ...all));
  const width = drawingWidth();
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index) => PAD.left + (categories.length === 1 ? plotWidth / 2 : (plotWidth * index) / (categories.length - 1));
  const y = (value) => HEIGHT - PAD.bottom - (plotHeight * value) / yMax;
  const parts = [s('title', { id: titleId }, title), s('desc', { id: descId }, description), defs(ids), ...axes(width, yMax, format, yLabel)];
  series.forEach((item, seriesIndex) => {
    const style = STYLES[seriesIndex % STYLES.length];
    const points = item.values.map((value, index) => (value === null || value === undefined ? null : [x(index), y(value), value])).filter(Boolean);
    if (points.length > 1) {
      parts.push(s('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), fill: 'none', stroke: style.fill, 'stroke-width': 2.5, 'stroke-dasharray': style.dash || null }));
    }
    points.forEach(([px, py, value]) => {
      parts.push(marker(style, px, py), s('text', { x: px + 7, y: py - 7 - seriesIndex * 12 }, `${item.short || ''}${format(value)}`));
    });
  });
  categories.forEach((category, index) => {
    if (index % labelEvery(categories.length, plotWidth, 6) === 0) parts.push(s('text', { x: x(index), y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle' }, category));
  });
  return h('figure', {},
    s('svg', { class: 'chart', viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` }, parts),
    h('figcaption', {}, legend(series, ids)),
    table(title, categories, series.map((item) => ({ ...item, format }))));
}
