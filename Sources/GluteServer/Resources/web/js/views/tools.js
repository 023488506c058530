// The rest of the loop: the More page, retests, form analysis from a landmark file, import and
// export of everything, and the ergonomics checklist.

import { h, fill } from '../dom.js';
import { get, post, request, explainError } from '../api.js';
import { choices, formError, explainLink } from '../ui.js';
import { drawing } from '../drawings.js';
import { testStep } from './assessment.js';
import * as store from '../store.js';

export async function more(context) {
  const links = [
    ['#/retest', 'Retest a self-test', 'Passed retests unlock the work a gate holds back.'],
    ['#/assess', 'Take the assessment again', 'Every four weeks, or sooner when the plan asks.'],
    ['#/form', 'Form analysis from a video\'s landmarks', 'Measures knee angle, pelvic drop and reps from a pose estimator\'s file.'],
    ['#/ergonomics', 'Ergonomics checklist', 'Your desk and the break habit.'],
    ['#/settings', 'Working hours and training days', 'Hours, days, minutes per session, the wake-up interval, time zone.'],
    ['#/import', 'Import and export', 'Bring in an export of the glute command, or take everything with you.'],
    ['#/progress', 'Exports and the calendar feed', 'Calendar, CSV and JSON, one click away.'],
    ['#/account', 'Account', 'Password, coaches, deleting the account.'],
  ];
  fill(context.main, h('h1', {}, 'More'),
    h('ul', { class: 'plain' }, links.map(([href, title, text]) => h('li', { class: 'card' }, h('a', { href }, h('strong', {}, title)), h('p', { class: 'hint' }, text)))),
    h('h2', {}, 'Learn'),
    h('p', {}, ['gluteal-amnesia', 'reciprocal-inhibition', 'hinge-vs-squat', 'stability-vs-size', 'squat-myth', 'spot-reduction', 'mind-muscle-connection']
      .flatMap((topic, index) => [index ? ' · ' : '', explainLink(topic)])));
}

const RETESTS = [
  ['single-leg-bridge', 'singleLegBridge', 'Single-leg bridge'],
  ['glute-squeeze', 'gluteSqueeze', 'Glute squeeze'],
  ['single-leg-stance', 'singleLegStance', 'Standing on one leg'],
  ['single-leg-squat', 'singleLegSquat', 'Single-leg squat'],
  ['single-leg-deadlift', 'singleLegDeadlift', 'Single-leg deadlift reach'],
  ['hip-hinge', 'hipHinge', 'Hip-hinge wall test'],
];

export async function retest(context) {
  const area = h('div');
  const picker = choices({
    legend: 'Which test?', name: 'retest', options: RETESTS.map(([kind, , title]) => [kind, title]),
    value: RETESTS.some(([kind]) => kind === (context.params && context.params.test)) ? context.params.test : 'single-leg-bridge',
    onChange: () => paint(picker.read()),
  });
  const paint = (kind) => {
    const [, key, title] = RETESTS.find(([k]) => k === kind);
    const step = testStep(key);
    const readers = step.questions.map((question) => [question, step.control(question, undefined)]);
    const error = formError();
    const result = h('div', { role: 'status' });
    const sides = ['left', 'right'].map((side) => h('fieldset', {}, h('legend', {}, side === 'left' ? 'Left side' : 'Right side'),
      readers.filter(([q]) => q.side === side).map(([, made]) => made.node)));
    const form = h('form', {}, step.pose ? drawing(step.pose) : null,
      h('ol', {}, step.instructions.map((line) => h('li', {}, line))),
      step.side ? h('div', { class: 'sides' }, sides) : readers.map(([, made]) => made.node),
      error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, `Save the ${title.toLowerCase()} retest`)), result);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!form.reportValidity()) return;
      error.textContent = '';
      const answers = {};
      for (const [question, made] of readers) {
        const value = step.convert(question, made.read());
        if (value === undefined) continue;
        const [, , second, third] = question.path.split('.');
        if (step.side) { answers[second] = answers[second] || {}; answers[second][third] = value; } else answers[second || key] = value;
      }
      try {
        const answer = await post('/api/me/retests', { test: kind, result: answers });
        fill(result, h('h2', {}, 'Saved'),
          answer.resolved && answer.resolved.length ? h('p', {}, `Resolved: ${answer.resolved.join(', ')}.`) : null,
          answer.raised && answer.raised.length ? h('p', {}, `New findings: ${answer.raised.join(', ')}.`) : null,
          answer.unlocked && answer.unlocked.length ? h('p', { class: 'ok' }, `Unlocked: ${answer.unlocked.map((g) => g.replace(/-/g, ' ')).join(', ')}.`) : h('p', {}, 'Nothing new unlocked yet.'),
          answer.planVersion ? h('p', {}, `Your plan is now version ${answer.planVersion}. `, h('a', { href: '#/plan' }, 'See the plan')) : null);
        if (answer.stopped) await context.refreshSession();
      } catch (problem) { error.textContent = explainError(problem); }
    });
    fill(area, h('h2', {}, title), form);
  };
  fill(context.main, h('h1', {}, 'Retest'),
    h('p', {}, 'Do the test as in the assessment. A passed retest unlocks what its gate held back; repeated problems ask for one.'),
    picker.node, area);
  paint(picker.read());
}

export async function form(context) {
  const file = h('input', { type: 'file', id: 'landmarks', accept: '.json,.csv,application/json,text/csv', required: true });
  const test = choices({ legend: 'The recorded test', name: 'form-test', value: '', options: [
    ['', 'Find it out'], ['single-leg-squat', 'Single-leg squat'], ['single-leg-stance', 'Standing on one leg'],
    ['single-leg-bridge', 'Single-leg bridge'], ['hip-hinge', 'Hip hinge'], ['bodyweight-squat', 'Bodyweight squat']] });
  const side = choices({ legend: 'The side tested', name: 'form-side', value: '', options: [['', 'Both or not sure'], ['left', 'Left'], ['right', 'Right']] });
  const view = choices({ legend: 'The camera was', name: 'form-view', value: '', options: [['', 'Not sure'], ['front', 'In front'], ['side', 'To the side']] });
  const saveBox = h('input', { type: 'checkbox', id: 'form-save' });
  const error = formError();
  const result = h('div', { role: 'status' });
  const formNode = h('form', {},
    h('label', { for: 'landmarks' }, 'Landmark file (MediaPipe Pose, COCO 17 or Apple Vision joints; JSON or MediaPipe CSV)'), file,
    test.node, side.node, view.node,
    h('div', { class: 'choices question' }, h('label', {}, saveBox, 'Keep the answers as a retest')),
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Analyse')), result);
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = file.files && file.files[0];
    if (!chosen) { error.textContent = 'Choose a landmark file first.'; return; }
    const query = new URLSearchParams();
    if (test.read()) query.set('test', test.read());
    if (side.read()) query.set('side', side.read());
    if (view.read()) query.set('view', view.read());
    if (saveBox.checked) query.set('save', 'true');
    fill(result, h('p', {}, 'Analysing…'));
    try {
      const answer = await request('POST', `/api/me/analyses?${query}`, { body: await chosen.arrayBuffer(), type: 'application/octet-stream' });
      fill(result, h('h2', {}, 'Results'), analysisView(answer));
    } catch (problem) { fill(result); error.textContent = explainError(problem); }
  });
  fill(context.main, h('h1', {}, 'Form analysis'),
    h('p', {}, 'Record the test on video, run a pose estimator over it (scripts/video-to-landmarks.py does that on a computer), and upload its landmark file here. The video itself never leaves your computer.'),
    formNode);
}

function analysisView(answer) {
  const sides = Object.entries(answer.sides || {});
  const fmt = (value) => (typeof value === 'number' ? String(Math.round(value * 10) / 10) : String(value));
  const summaryRows = (summary) => Object.entries(summary || {})
    .filter(([key]) => key !== 'interpretation')
    .map(([key, value]) => h('tr', {}, h('th', { scope: 'row' }, key),
      h('td', {}, value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => `${k} ${fmt(v)}`).join(', ') : fmt(value))));
  return h('div', {},
    h('p', {}, `Test: ${String(answer.test || 'not recognised').replace(/-/g, ' ')}; camera: ${answer.view || 'unknown'}; ${answer.framesUsed ?? 0} of ${answer.frames ?? 0} frames used.`),
    sides.length ? sides.map(([side, result]) => h('section', { class: 'card', 'aria-label': `${side} side` },
      h('h3', {}, `${side.charAt(0).toUpperCase()}${side.slice(1)} side: ${(result.reps || []).length} reps`),
      result.summary && result.summary.interpretation ? h('p', {}, result.summary.interpretation) : null,
      h('div', { class: 'table-wrap' }, h('table', {}, h('tbody', {}, summaryRows(result.summary)))))) : h('p', {}, 'No repetitions were measured.'),
    answer.warnings && answer.warnings.length ? h('ul', {}, answer.warnings.map((warning) => h('li', {}, warning))) : null,
    answer.saved ? h('p', { class: 'ok' }, 'Kept as a retest.') : null);
}

export async function importExport(context) {
  const file = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json' });
  const error = formError();
  const result = h('p', { role: 'status' });
  const formNode = h('form', {},
    h('label', { for: 'import-file' }, 'An export of GluteCoach (glute export json)'), file, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Import')), result);
  formNode.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = file.files && file.files[0];
    if (!chosen) { error.textContent = 'Choose an export file first.'; return; }
    try {
      const answer = await request('POST', '/api/me/import', { body: await chosen.text(), type: 'application/json' });
      const counts = answer.imported;
      result.textContent = `Imported ${counts.assessments} assessments, ${counts.plans} plan versions, ${counts.loggedSets} sets, ${counts.wakeUpCalls} wake-up calls and ${counts.retests} retests.`;
      await context.refreshSession();
    } catch (problem) { error.textContent = explainError(problem); }
  });
  fill(context.main, h('h1', {}, 'Import and export'),
    h('h2', {}, 'Import from the command line'),
    h('p', {}, 'Moving from the terminal app? Run "glute export json -o me.json" there and import the file into this account (it must not have an assessment yet). It is all or nothing.'),
    formNode,
    h('h2', {}, 'Export'),
    h('div', { class: 'actions' },
      h('a', { class: 'button secondary', href: '/api/me/export.json', download: 'glutecoach-export.json' }, 'Everything (JSON)'),
      h('a', { class: 'button secondary', href: '/api/me/export/sets.csv', download: 'glute-sets.csv' }, 'Logged sets (CSV)'),
      h('a', { class: 'button secondary', href: '/api/me/export/calendar.ics', download: 'glutecoach.ics' }, 'Calendar (.ics)')));
}

export async function ergonomics(context) {
  const current = await get('/api/me/plan');
  const items = (current.plan && current.plan.ergonomics) || [];
  const key = `ergonomics.${context.session.me.account.id}`;
  const ticked = new Set(store.load(key, []));
  fill(context.main, h('h1', {}, 'Ergonomics checklist'),
    h('p', {}, 'For the hours you sit. Tick what you have done; the ticks stay on this device.'),
    items.length ? h('fieldset', {}, h('legend', {}, 'Your desk and your breaks'),
      h('div', { class: 'choices', style: null }, items.map((item) => {
        const box = h('input', { type: 'checkbox', name: 'ergonomics', value: item.id, checked: ticked.has(item.id) });
        box.addEventListener('change', () => {
          if (box.checked) ticked.add(item.id); else ticked.delete(item.id);
          store.save(key, [...ticked]);
        });
        return h('label', {}, box, item.text);
      }))) : h('p', {}, 'Your plan has no ergonomics items (you do not sit for long).'),
    h('p', {}, 'Why breaks matter, and how weak the "amnesia" idea is: ', explainLink('gluteal-amnesia', 'gluteal amnesia'), '.'));
}
