// Findings and plan: each finding in plain words with its evidence, the week with the reason for
// every item, the gates as what unlocks them, and every term a way into its explanation.

import { h, fill } from '../dom.js';
import { get } from '../api.js';
import {
  explainLink, severityBadge, sidesText, exercises, exerciseName, SIDE_PLAN, DAY_NAMES, loadText, formatDate,
} from '../ui.js';

const TOPIC_WORDS = {
  'wake-up-call': 'wake-up calls', 'activation-first': 'activation first', 'hinge-first': 'hinge first',
  'single-leg-work': 'single-leg work', 'weaker-side-first': 'weaker side first', 'pelvic-stability': 'pelvic stability',
  'squat-secondary': 'squats second', 'goal-hypertrophy': 'your goal: size', 'goal-stability': 'your goal: stability',
  'pain-swap': 'pain swap', 'activation-baseline': 'activation baseline',
};

export function whyLinks(codes) {
  return (codes || []).map((code) => h('span', { class: 'tag' }, explainLink(code, TOPIC_WORDS[code] || code.replace(/-/g, ' '))));
}

function capitalised(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

export function findingCard(finding) {
  return h('article', { class: 'card', 'aria-labelledby': `finding-${finding.code}` },
    h('h3', { id: `finding-${finding.code}` }, explainLink(finding.code, capitalised(finding.code.replace(/-/g, ' '))), ' ',
      severityBadge(finding.severity), finding.sides && finding.sides.length ? ` ${sidesText(finding.sides)}` : ''),
    h('p', {}, finding.explanation),
    finding.evidence && finding.evidence.length ? h('details', {}, h('summary', {}, 'The evidence'),
      h('ul', {}, finding.evidence.map((line) => h('li', {}, line)))) : null);
}

function prescription(item) {
  const amount = item.seconds ? `${item.sets} × ${item.seconds} s hold` : `${item.sets} × ${item.reps} reps`;
  const load = item.load ? ` with ${loadText(item.load)}` : '';
  return `${amount}${load}, ${SIDE_PLAN[item.side] || item.side}`;
}

export function weekView(plan, catalogue) {
  return h('div', {}, plan.week.map((day) => h('section', { class: 'card', 'aria-labelledby': `day-${day.day}` },
    h('h3', { id: `day-${day.day}` }, DAY_NAMES[day.day] || day.day),
    day.sessions.length === 0 ? h('p', { class: 'muted' }, 'Rest day (wake-up calls only).') : null,
    day.sessions.map((session) => h('div', {},
      h('h4', {}, `${session.kind.charAt(0).toUpperCase()}${session.kind.slice(1)}, ${session.minutes} min`,
        session.focus ? h('span', { class: 'muted' }, ` — ${session.focus}`) : null),
      h('ul', {}, session.items.map((item) => h('li', {},
        explainLink(item.exercise, exerciseName(catalogue, item.exercise)), `: ${prescription(item)}. `,
        h('span', { class: 'muted' }, 'Why: '), whyLinks(item.why),
        item.note ? h('p', { class: 'hint' }, item.note) : null))))))));
}

export function gatesView(gates, { retest = true } = {}) {
  if (!gates || gates.length === 0) return h('p', {}, 'Nothing is locked.');
  return h('ul', {}, gates.map((gate) => h('li', {},
    h('strong', {}, `Locked: ${gate.blocks || gate.code.replace(/-/g, ' ')}. `),
    `Unlocks when: ${gate.until}. `,
    gate.why && gate.why.length ? h('span', {}, 'Because of ', whyLinks(gate.why), '. ') : null,
    retest ? h('a', { href: '#/retest' }, 'Retest') : null)));
}

export async function render(context) {
  const [current, findings, catalogue] = await Promise.all([
    get('/api/me/plan'), get('/api/me/findings').catch(() => null), exercises(),
  ]);
  const plan = current.plan;
  const calls = plan && plan.wakeUpCalls;
  fill(context.main,
    h('h1', {}, 'Your findings and plan'),
    h('p', {}, `Plan version ${current.version}: ${current.reason}. `,
      plan && plan.reassessOn ? `Reassessment on ${formatDate(plan.reassessOn)}.` : ''),
    h('p', {}, 'Tap any underlined term for what it means and how good the evidence is; for example ',
      explainLink('gluteal-amnesia', 'gluteal amnesia'), ' or ', explainLink('hinge-vs-squat', 'hinge versus squat'), '.'),
    h('h2', {}, 'What the assessment found'),
    findings && findings.findings.length ? findings.findings.map(findingCard) : h('p', {}, 'No findings: everything tested within the normal range.'),
    plan ? [
      h('h2', {}, 'Wake-up calls'),
      h('p', {}, `Every ${calls.everyMinutes} minutes of sitting from ${calls.during.start} to ${calls.during.end} on ${calls.during.days.map((d) => DAY_NAMES[d]).join(', ')}: `),
      h('ul', {}, calls.options.map((option) => h('li', {}, option))),
      h('p', {}, 'Why: ', whyLinks(calls.why)),
      h('h2', {}, 'Locked until you are ready'),
      gatesView(plan.gates),
      h('h2', {}, 'Your week'),
      weekView(plan, catalogue),
      plan.notes && plan.notes.length ? [h('h2', {}, 'Notes'), h('ul', {}, plan.notes.map((note) => h('li', {}, typeof note === 'string' ? note : note.text || JSON.stringify(note))))] : null,
      h('p', {}, h('a', { class: 'button', href: '#/today' }, 'Start today'), ' ', h('a', { href: '#/ergonomics' }, 'Your desk: the ergonomics checklist')),
    ] : null);
}
