// Building blocks every view uses: labelled fields, choice groups, badges, explain links.

import { h, uid } from './dom.js';
import { get } from './api.js';
import { openExplain } from './explain.js';

export const DAYS = [['mon', 'Mon'], ['tue', 'Tue'], ['wed', 'Wed'], ['thu', 'Thu'], ['fri', 'Fri'], ['sat', 'Sat'], ['sun', 'Sun']];
export const DAY_NAMES = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
export const FELT = [['glutes', 'Glutes'], ['hamstrings', 'Hamstrings'], ['lowerBack', 'Lower back'], ['quads', 'Front of thighs'], ['nowhere', 'Nowhere']];
export const BALANCE = [['steady', 'Steady'], ['wobble', 'Wobbled'], ['lost', 'Lost it']];

/** A logged set in words, from its export form (listHistory's and getClient's entries). */
export function setWords(set, catalogue) {
  const felt = (FELT.find(([value]) => value === set.felt) || [null, set.felt])[1].toLowerCase();
  const balance = (BALANCE.find(([value]) => value === set.balance) || [null, set.balance])[1].toLowerCase();
  const side = set.side === 'left' || set.side === 'right' ? `, ${set.side} side` : '';
  const amount = set.reps && set.reps.length ? `${set.reps.join(', ')} reps` : `${set.setCount} × ${set.durationSeconds} s`;
  const load = set.load ? ` with ${set.load.value} ${set.load.unit}` : '';
  return `${exerciseName(catalogue, set.exerciseId)}${side}: ${amount}${load}; felt in the ${felt}, ${balance}, pain ${set.pain}/10${set.numbness ? ', new numbness' : ''}`;
}

/** A text, number, time or other input with its label and hint. */
export function field({ label, name, type = 'text', value, hint, required = false, min, max, step, autocomplete, inputmode }) {
  const id = uid(name || 'f');
  const hintId = hint ? `${id}-hint` : undefined;
  const input = h('input', {
    id, name, type, required, min, max, step, autocomplete, inputmode,
    value: value === undefined || value === null ? '' : String(value),
    'aria-describedby': hintId,
  });
  return {
    input,
    node: h('div', { class: 'question' },
      h('label', { for: id }, label),
      hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
      input),
  };
}

/** A group of radio buttons or checkboxes in a fieldset with a legend. */
export function choices({ legend, name, options, value, multiple = false, required = false, hint, onChange }) {
  const selected = multiple ? new Set(value || []) : value;
  const hintId = hint ? uid('hint') : undefined;
  const inputs = [];
  const group = h('div', { class: 'choices' }, options.map(([optionValue, optionLabel]) => {
    const input = h('input', {
      type: multiple ? 'checkbox' : 'radio', name, value: optionValue,
      checked: multiple ? selected.has(optionValue) : selected === optionValue,
      required: required && !multiple,
    });
    if (onChange) input.addEventListener('change', onChange);
    inputs.push(input);
    return h('label', {}, input, optionLabel);
  }));
  const node = h('fieldset', { class: 'question', 'aria-describedby': hintId },
    h('legend', {}, legend), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, group);
  const read = () => multiple
    ? inputs.filter((input) => input.checked).map((input) => input.value)
    : (inputs.find((input) => input.checked) || {}).value;
  return { node, inputs, read };
}

/** A yes/no question. */
export function yesNo({ legend, name, value, required = true, hint }) {
  const group = choices({
    legend, name, hint, required,
    options: [['yes', 'Yes'], ['no', 'No']],
    value: value === true ? 'yes' : value === false ? 'no' : undefined,
  });
  return { ...group, read: () => { const v = group.read(); return v === undefined ? undefined : v === 'yes'; } };
}

/** A button that opens the explanation of a topic (explainTopic). */
export function explainLink(topic, text) {
  return h('button', {
    type: 'button', class: 'link', onclick: () => openExplain(topic),
    'aria-haspopup': 'dialog',
  }, text || topic.replace(/-/g, ' '));
}

const SEVERITY_WORDS = { info: 'For information', mild: 'Mild', moderate: 'Moderate', severe: 'Severe', stop: 'Stop' };
export function severityBadge(severity) {
  return h('span', { class: `badge sev-${severity}` }, SEVERITY_WORDS[severity] || severity);
}

export function sidesText(sides) {
  if (!sides || sides.length === 0) return '';
  if (sides.length === 2) return 'both sides';
  return `${sides[0]} side`;
}

export const SIDE_PLAN = {
  both: 'both legs together', left: 'left only', right: 'right only',
  'left-first': 'each side, left first', 'right-first': 'each side, right first',
};

let catalogue = null;
/** The exercise catalogue (listExercises), fetched once. */
export async function exercises() {
  if (!catalogue) {
    try {
      const list = await get('/api/exercises');
      catalogue = new Map(list.map((exercise) => [exercise.id, exercise]));
    } catch {
      return new Map();
    }
  }
  return catalogue;
}

export function exerciseName(map, id) {
  const exercise = map.get(id);
  return exercise ? exercise.name : id.replace(/-/g, ' ');
}

/** An element that shows a form's error. */
export function formError() {
  return h('p', { class: 'form-error', role: 'alert' });
}

export function loadText(load) {
  return load ? `${load.value} ${load.unit}` : '';
}

export function formatDate(text) {
  if (!text) return '';
  const date = new Date(text.length === 10 ? `${text}T12:00:00` : text);
  if (Number.isNaN(date.getTime())) return text;
  return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDateTime(text) {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return text;
  return date.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The page that replaces everything when the plan says stop. */
export function stopPage(stop, { onReassess, findings = [] } = {}) {
  const urgent = findings.filter((finding) => finding.severity === 'stop');
  return h('section', { class: 'stop-page', 'aria-labelledby': 'stop-title' },
    h('h1', { id: 'stop-title' }, 'See a clinician now'),
    urgent.map((finding) => h('p', {}, h('strong', {}, finding.explanation))),
    h('p', {}, stop && stop.advice ? stop.advice
      : 'One of your answers needs a doctor or physiotherapist before any exercise. GluteCoach gives you no plan until a clinician has seen you.'),
    stop && stop.reason ? h('p', { class: 'muted' }, `Why: ${stop.reason}`) : null,
    h('p', {}, 'If you have numbness in the saddle area, a new problem controlling your bladder or bowel, or leg weakness that is getting worse, go to an emergency department or call your emergency number today.'),
    onReassess ? h('p', {}, h('button', { type: 'button', class: 'secondary', onclick: onReassess },
      'A clinician has seen me: take the assessment again')) : null);
}

/**
 * The answers (an interchange document) behind the plan in force, from an export document: the
 * assessment the newest plan version names, else the last assessment. Not simply the last in the
 * list: assessments kept in the same instant (a retest and a settings change under one clock
 * reading) have no order among themselves, plan versions do.
 */
export function answersInForce(exported) {
  const assessments = (exported && exported.assessments) || [];
  const plans = [...((exported && exported.plans) || [])].sort((a, b) => b.version - a.version);
  for (const version of plans) {
    const found = version.assessmentId && assessments.find((assessment) => assessment.id === version.assessmentId);
    if (found) return found.input;
  }
  return assessments.length ? assessments[assessments.length - 1].input : null;
}
