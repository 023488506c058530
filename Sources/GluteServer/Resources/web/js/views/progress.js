// Progress: adherence, the asymmetry index, per-side bridge reps and loads as SVG charts, the
// findings resolved, and the exports and calendar feed one click away.

import { h, fill } from '../dom.js';
import { get, patch, explainError } from '../api.js';
import { barChart, lineChart } from '../charts.js';
import { exercises, exerciseName, explainLink, formatDate } from '../ui.js';

function short(date) {
  const value = new Date(`${date}T12:00:00`);
  return value.toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

const TESTS = { 'single-leg-bridge': 'Single-leg bridge reps', 'glute-squeeze': 'Glute squeeze strength' };

export function charts(report, catalogue) {
  const parts = [];
  const weeks = report.adherence.activation;
  parts.push(h('h2', {}, 'Activation sessions per week'));
  parts.push(weeks.length ? barChart({
    title: 'Activation sessions per week against the target',
    description: weeks.map((w) => `Week of ${w.weekOf}: ${w.sessions} of ${w.target}`).join('; '),
    categories: weeks.map((w) => short(w.weekOf)),
    series: [{ name: 'Sessions done', values: weeks.map((w) => w.sessions) }],
    target: { name: 'Target', values: weeks.map((w) => w.target) },
    yLabel: 'sessions',
  }) : h('p', {}, 'No weeks yet.'));

  const days = report.adherence.wakeUps.slice(-14);
  parts.push(h('h2', {}, 'Wake-up calls per day'));
  parts.push(days.length ? barChart({
    title: 'Wake-up calls per day: done and skipped against the plan',
    description: days.map((d) => `${d.date}: ${d.done} done, ${d.skipped} skipped of ${d.planned} planned`).join('; '),
    categories: days.map((d) => short(d.date)),
    series: [{ name: 'Done', values: days.map((d) => d.done) }, { name: 'Skipped', values: days.map((d) => d.skipped) }],
    target: { name: 'Planned', values: days.map((d) => d.planned) },
    yLabel: 'calls',
  }) : h('p', {}, 'No working days yet.'));

  parts.push(h('h2', {}, 'Side-to-side difference'),
    h('p', { class: 'hint' }, 'The ', explainLink('asymmetry', 'asymmetry index'), ': 0 % is even; under 20 % is the aim.'));
  const dates = [...new Set(report.asymmetry.flatMap((series) => series.points.map((p) => p.date)))].sort();
  parts.push(dates.length ? lineChart({
    title: 'Asymmetry index over time (0 % is even; under 20 % is the aim)',
    description: report.asymmetry.map((series) => `${TESTS[series.test] || series.test}: ${series.points.map((p) => `${p.date} ${Math.round(p.index * 100)} %`).join(', ')}`).join('; '),
    categories: dates.map(short),
    series: report.asymmetry.map((series) => ({
      name: TESTS[series.test] || series.test,
      values: dates.map((date) => { const point = series.points.filter((p) => p.date === date).pop(); return point ? Math.round(point.index * 100) : null; }),
    })),
    format: (v) => `${Math.round(v)} %`, yLabel: 'difference, %', yMax: 100,
  }) : h('p', {}, 'No side-to-side tests yet.'));

  parts.push(h('h2', {}, 'Single-leg bridge reps per side'));
  const bridge = report.bridgeReps;
  parts.push(bridge.length ? lineChart({
    title: 'Single-leg bridge reps, left and right',
    description: bridge.map((p) => `${p.date}: left ${p.left ?? 'not tested'}, right ${p.right ?? 'not tested'}`).join('; '),
    categories: bridge.map((p) => short(p.date)),
    series: [{ name: 'Left', short: 'L ', values: bridge.map((p) => p.left) }, { name: 'Right', short: 'R ', values: bridge.map((p) => p.right) }],
    yLabel: 'reps',
  }) : h('p', {}, 'No bridge tests yet.'));

  parts.push(h('h2', {}, 'Load per exercise'));
  if (!report.loads.length) parts.push(h('p', {}, 'No loaded sets yet: loads appear once an exercise carries weight.'));
  for (const series of report.loads) {
    const unit = series.points.length ? series.points[0].unit : 'kg';
    parts.push(h('h3', {}, exerciseName(catalogue, series.exercise)), lineChart({
      title: `${exerciseName(catalogue, series.exercise)}: load over time`,
      description: series.points.map((p) => `${p.date} ${p.value} ${p.unit}`).join('; '),
      categories: series.points.map((p) => short(p.date)),
      series: [{ name: `Load (${unit})`, values: series.points.map((p) => p.value) }],
      format: (v) => `${v}`, yLabel: unit,
    }));
  }

  const findings = report.findings;
  parts.push(h('h2', {}, 'Findings since the first assessment'));
  parts.push(findings.firstOn ? h('ul', {},
    h('li', {}, `First assessment ${formatDate(findings.firstOn)}: ${findings.first.join(', ') || 'nothing found'}.`),
    h('li', {}, `Latest ${formatDate(findings.latestOn)}: ${findings.latest.join(', ') || 'nothing found'}.`),
    h('li', {}, `Resolved: ${findings.resolved.join(', ') || 'none yet'}.`),
    findings.new.length ? h('li', {}, `New: ${findings.new.join(', ')}.`) : null) : h('p', {}, 'No assessment yet.'));
  return parts;
}

function exportsSection(me) {
  // The feed's secret URL is shown once, when it is made; making a new one ends the old one.
  const feedInput = h('input', { type: 'text', readonly: true, value: '', id: 'feed-url', placeholder: 'Make the feed URL first' });
  const status = h('p', { role: 'status', class: 'hint' },
    me.calendarFeed ? 'You have a calendar feed. Its address was shown when it was made; a new one replaces it.' : '');
  const copy = h('button', { type: 'button', class: 'secondary' }, 'Copy the feed URL');
  copy.addEventListener('click', async () => {
    feedInput.select();
    try { await navigator.clipboard.writeText(feedInput.value); status.textContent = 'Copied.'; } catch { status.textContent = 'Select the address and copy it.'; }
  });
  const renew = h('button', { type: 'button', class: me.calendarFeed ? 'secondary' : '' }, me.calendarFeed ? 'Make a new feed URL' : 'Make the feed URL');
  renew.addEventListener('click', async () => {
    try {
      const answer = await patch('/api/me', { renewCalendarFeed: true });
      feedInput.value = new URL(answer.calendarFeed, location.origin).href;
      status.textContent = me.calendarFeed
        ? 'The old feed URL no longer works; subscribe with this one. It is shown only now.'
        : 'Subscribe to this address in your calendar app. It is shown only now.';
      me.calendarFeed = true;
    } catch (error) { status.textContent = explainError(error); }
  });
  return h('section', { 'aria-labelledby': 'exports-title' },
    h('h2', { id: 'exports-title' }, 'Take it with you'),
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: '/api/me/export/calendar.ics', download: 'glutecoach.ics' }, 'Calendar (.ics)'),
      h('a', { class: 'button secondary', href: '/api/me/export/sets.csv', download: 'glute-sets.csv' }, 'Logged sets (CSV)'),
      h('a', { class: 'button secondary', href: '/api/me/export.json', download: 'glutecoach-export.json' }, 'Everything (JSON)')),
    h('label', { for: 'feed-url' }, 'Calendar feed to subscribe to (your phone\'s calendar then reminds you too)'),
    feedInput, h('div', { class: 'actions' }, renew, copy), status);
}

export async function render(context) {
  const [report, catalogue, me] = await Promise.all([get('/api/me/progress?weeks=8'), exercises(), get('/api/me')]);
  fill(context.main,
    h('h1', {}, 'Progress'),
    h('p', {}, `From ${formatDate(report.from)} to ${formatDate(report.to)}.`),
    charts(report, catalogue),
    exportsSection(me));
}
