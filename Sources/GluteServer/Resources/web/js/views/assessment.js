// The first visit's flow: the safety screen, then one self-test per step with plain instructions
// and a drawing, answers kept in localStorage on every change, and the interchange document
// (docs/assessment-format.md) sent to submitAssessment at the end.

import { h, fill } from '../dom.js';
import { get, post, explainError } from '../api.js';
import { choices, field, formError, stopPage, DAYS, answersInForce } from '../ui.js';
import { drawing } from '../drawings.js';
import * as store from '../store.js';

const YES_NO = [['yes', 'Yes'], ['no', 'No']];
const SIDES = [['left', 'Left side'], ['right', 'Right side']];

const RED_FLAGS = [
  ['saddleNumbness', 'Numbness or tingling around the groin, buttocks or inner thighs (the "saddle" area)?'],
  ['bladderOrBowelChange', 'A new change in bladder or bowel control (leaking, or not being able to go)?'],
  ['progressiveLegWeakness', 'Leg weakness that is getting worse?'],
  ['unexplainedWeightLoss', 'Weight loss you cannot explain?'],
  ['constantNightPain', 'Constant back pain at night that rest does not ease?'],
  ['recentTrauma', 'A recent fall, accident or blow to the back or hips?'],
];
const PARQ = [
  ['heartCondition', 'Has a doctor ever said you have a heart condition or high blood pressure?'],
  ['chestPain', 'Do you feel pain in your chest at rest, in daily activities or when you exercise?'],
  ['dizziness', 'Do you lose balance from dizziness, or have you lost consciousness in the last 12 months?'],
  ['chronicCondition', 'Do you have another chronic medical condition (other than heart disease or high blood pressure)?'],
  ['medication', 'Do you take prescribed medication for a chronic condition?'],
  ['boneOrJointProblem', 'Do you have a bone, joint or soft-tissue problem that more activity could make worse?'],
  ['supervisedOnly', 'Has a doctor said you should only exercise under medical supervision?'],
];

const STEPS = [
  {
    id: 'redFlags', title: 'Safety first',
    intro: 'Before any exercise: do you have any of these right now? If any is a yes, stop here and see a clinician.',
    questions: RED_FLAGS.map(([key, label]) => ({ path: `screening.redFlags.${key}`, kind: 'yesno', label, required: true })),
  },
  {
    id: 'parq', title: 'Health questions',
    intro: 'From the PAR-Q+ questionnaire. A yes does not stop you: the plan stays unloaded until a clinician clears loaded work.',
    questions: [
      ...PARQ.map(([key, label]) => ({ path: `screening.parq.${key}`, kind: 'yesno', label, required: true })),
      { path: 'screening.medicalClearance', kind: 'check', label: 'A clinician has cleared me for exercise with weights (only if you answered yes above).' },
    ],
  },
  {
    id: 'symptoms', title: 'How you feel',
    questions: [
      { path: 'screening.symptoms.backAcheAfterWalking', kind: 'yesno', label: 'Does your lower back ache after a short walk?', required: true },
      { path: 'screening.symptoms.kneePain', kind: 'yesno', label: 'Do your knees hurt on stairs, in squats or when you run?', required: true },
      { path: 'screening.symptoms.hipPain', kind: 'yesno', label: 'Does one hip hurt or "act up"?', required: true },
      { path: 'screening.symptoms.legNumbnessOrTingling', kind: 'yesno', label: 'Numbness or tingling down a leg?', required: true },
      { path: 'screening.symptoms.painNow', kind: 'int', label: 'Pain right now, from 0 (none) to 10 (the worst imaginable)', min: 0, max: 10, required: true },
    ],
  },
  {
    id: 'about', title: 'About you',
    questions: [
      { path: 'profile.age', kind: 'int', label: 'Age', min: 14, max: 100, required: true },
      { path: 'profile.sex', kind: 'choice', label: 'Sex (optional)', options: [['female', 'Female'], ['male', 'Male'], ['other', 'Other'], ['', 'Rather not say']] },
      { path: 'profile.units', kind: 'choice', label: 'Weights in', options: [['kg', 'Kilograms'], ['lb', 'Pounds']], required: true },
      { path: 'profile.femurLength', kind: 'choice', label: 'Your thighs compared with your body (optional)', options: [['long', 'Long'], ['average', 'Average'], ['short', 'Short'], ['', 'Not sure']] },
    ],
  },
  {
    id: 'work', title: 'Your working day',
    intro: 'Wake-up calls come during these hours only.',
    questions: [
      { path: 'profile.workHours.start', kind: 'time', label: 'Work starts at', required: true },
      { path: 'profile.workHours.end', kind: 'time', label: 'Work ends at', hint: 'An end before the start is a night shift.', required: true },
      { path: 'profile.workHours.days', kind: 'multi', label: 'Working days', options: DAYS },
      { path: 'profile.sittingHoursPerDay', kind: 'number', label: 'Hours you sit on a usual day', min: 0, max: 24, step: 0.5, required: true },
      { path: 'profile.longestSittingMinutes', kind: 'int', label: 'Longest stretch without standing up, in minutes', min: 0, max: 1440, required: true },
      { path: 'profile.wakeUpEveryMinutes', kind: 'int', label: 'Minutes of sitting between wake-up calls (30 to 90)', min: 30, max: 90, step: 5, required: true },
    ],
  },
  {
    id: 'training', title: 'Training',
    questions: [
      { path: 'profile.goal', kind: 'choice', label: 'Your main goal', required: true, options: [['stability', 'Stability: steadier hips and knees'], ['strength', 'Strength'], ['hypertrophy', 'Bigger glutes']] },
      { path: 'profile.experience', kind: 'choice', label: 'Training experience', required: true, options: [['novice', 'New to it'], ['intermediate', 'Some'], ['advanced', 'A lot']] },
      { path: 'profile.equipment', kind: 'multi', label: 'Equipment you have (none is fine)', options: [['band', 'Resistance band'], ['dumbbells', 'Dumbbells'], ['kettlebell', 'Kettlebell'], ['barbell', 'Barbell'], ['bench', 'Bench'], ['box', 'Box or step']] },
      { path: 'profile.trainingDays', kind: 'multi', label: 'Days you can train', options: DAYS },
      { path: 'profile.minutesPerSession', kind: 'int', label: 'Minutes per session', min: 5, max: 180, required: true },
    ],
  },
  {
    id: 'singleLegBridge', test: 'singleLegBridge', title: 'Single-leg glute bridge', pose: 'bridge',
    instructions: [
      'Lie on your back, knees bent, feet flat on the floor.',
      'Lift one foot and straighten that leg in line with the other thigh.',
      'Push through the heel on the floor and lift your hips until they line up with the knee, then lower.',
      'Count the reps you do with good form, stop when the hips sag or twist. Note where you feel it most. Then the other side.',
    ],
    side: [
      { key: 'reps', kind: 'int', label: 'Reps with good form', min: 0, max: 200, required: true },
      { key: 'feltIn', kind: 'choice', label: 'Felt it mostly in', required: true, options: [['glutes', 'Glutes'], ['hamstrings', 'Hamstrings'], ['lowerBack', 'Lower back'], ['nowhere', 'Nowhere']] },
      { key: 'pelvisLevel', kind: 'yesno', label: 'Did the hips stay level?', required: true },
    ],
  },
  {
    id: 'gluteSqueeze', test: 'gluteSqueeze', title: 'Glute squeeze', pose: 'squeeze',
    instructions: [
      'Stand tall, feet hip-width apart.',
      'Squeeze only the left buttock, without the right side or the legs joining in. Hold for 5 seconds.',
      'Then the right. A hand on each buttock helps you feel it.',
    ],
    side: [
      { key: 'isolated', kind: 'choice', label: 'Could it squeeze on its own?', required: true, options: [['yes', 'Yes'], ['partly', 'Partly'], ['no', 'No']] },
      { key: 'strength', kind: 'int', label: 'How strong, from 0 (nothing) to 10', min: 0, max: 10, required: true },
    ],
  },
  {
    id: 'singleLegStance', test: 'singleLegStance', title: 'Standing on one leg', pose: 'stance',
    instructions: [
      'Stand in front of a mirror, hands on your hips.',
      'Lift one knee to hip height and hold for up to 30 seconds.',
      'Watch the hip of the lifted leg: does it drop lower than the other?',
    ],
    side: [
      { key: 'hipDrop', kind: 'yesno', label: 'Did the hip of the lifted leg drop?', required: true },
      { key: 'seconds', kind: 'int', label: 'Seconds you held (optional)', min: 0, max: 600 },
    ],
  },
  {
    id: 'singleLegSquat', test: 'singleLegSquat', title: 'Single-leg squat', pose: 'squat',
    instructions: [
      'Stand on one leg in front of a mirror, arms forward, near a wall for safety.',
      'Bend the standing knee slowly into a quarter to half squat and come up. Do five.',
      'Watch the knee: does it stay over the toes or cave inward?',
    ],
    side: [
      { key: 'kneeValgus', kind: 'choice', label: 'The knee caved in', required: true, options: [['none', 'Not at all'], ['slight', 'A little'], ['marked', 'Clearly']] },
    ],
  },
  {
    id: 'singleLegDeadlift', test: 'singleLegDeadlift', title: 'Single-leg deadlift reach', pose: 'deadlift',
    instructions: [
      'Stand on one leg, knee soft.',
      'Hinge forward at the hip, reaching one hand towards the floor while the free leg reaches back, then stand up again.',
      'Do five slowly on each side.',
    ],
    side: [
      { key: 'balance', kind: 'choice', label: 'Your balance', required: true, options: [['steady', 'Steady'], ['wobble', 'Wobbled'], ['lost', 'Lost it']] },
    ],
  },
  {
    id: 'hipHinge', test: 'hipHinge', title: 'Hip-hinge wall test', pose: 'hinge',
    instructions: [
      'Stand with your back to a wall, heels about a foot (30 cm) away from it.',
      'Push your hips back to touch the wall, keeping your back flat and your shins almost vertical.',
    ],
    questions: [{ path: 'tests.hipHinge.pass', kind: 'yesno', label: 'Did you touch the wall with a flat back and knees only slightly bent?', required: true }],
  },
  {
    id: 'pelvicTilt', test: 'pelvicTilt', title: 'Pelvic posture', pose: 'tilt',
    instructions: [
      'Stand side-on to a mirror in your usual posture.',
      'Look at your belt line and lower back.',
    ],
    questions: [{ path: 'tests.pelvicTilt', kind: 'choice', label: 'Your pelvis', required: true, options: [['anterior', 'Tips forward, lower back arched'], ['neutral', 'Level'], ['posterior', 'Tucked under, lower back flat']] }],
  },
  {
    id: 'bodyweightSquat', test: 'bodyweightSquat', title: 'Bodyweight squat', pose: 'bodyweightSquat',
    instructions: ['Do ten squats on both legs to a depth that is comfortable.'],
    questions: [{ path: 'tests.bodyweightSquatFeltIn', kind: 'choice', label: 'Where did you feel it most?', required: true, options: [['quads', 'Front of the thighs'], ['glutes', 'Glutes'], ['both', 'Both'], ['lowerBack', 'Lower back']] }],
  },
  { id: 'review', title: 'Check and send' },
];

const DEFAULTS = {
  'profile.units': 'kg', 'profile.workHours.start': '09:00', 'profile.workHours.end': '17:00',
  'profile.workHours.days': ['mon', 'tue', 'wed', 'thu', 'fri'], 'profile.wakeUpEveryMinutes': '60',
  'profile.goal': 'stability', 'profile.experience': 'novice', 'profile.equipment': [],
  'profile.trainingDays': ['mon', 'wed', 'fri'], 'profile.minutesPerSession': '30', 'screening.symptoms.painNow': '0',
};

/** Every question of a step, with per-side questions expanded to their paths. */
function questionsOf(step) {
  if (step.side) {
    return SIDES.flatMap(([side]) => step.side.map((q) => ({ ...q, path: `tests.${step.test}.${side}.${q.key}`, side })));
  }
  return step.questions || [];
}
const ALL_QUESTIONS = STEPS.flatMap(questionsOf);

function draftKey(session) { return `draft.${session.me.account.id}`; }

/** The raw answers of an earlier interchange document, to start a reassessment from. */
function answersFrom(document) {
  const answers = {};
  for (const question of ALL_QUESTIONS) {
    let value = document;
    for (const key of question.path.split('.')) value = value && typeof value === 'object' ? value[key] : undefined;
    if (value === undefined || value === null) continue;
    if (question.kind === 'yesno') answers[question.path] = value ? 'yes' : 'no';
    else if (question.kind === 'check') answers[question.path] = value === true;
    else if (Array.isArray(value)) answers[question.path] = value;
    else answers[question.path] = String(value);
  }
  return answers;
}

async function loadDraft(session) {
  const saved = store.load(draftKey(session));
  if (saved) return saved;
  let previous = null;
  if (session.status !== 'none') {
    // A reassessment starts from the answers behind the plan in force, as the server keeps them
    // (settings changed since, or an assessment taken on another device, included).
    try {
      const exported = await get('/api/me/export.json');
      const latest = answersInForce(exported);
      if (latest && latest.profile) previous = answersFrom(latest);
    } catch { /* offline: this device's last answers, else the defaults */ }
  }
  if (!previous) previous = store.load(`answers.${session.me.account.id}`);
  return { step: 0, answers: { ...DEFAULTS, ...(previous || {}) }, skipped: {} };
}

function control(question, value) {
  switch (question.kind) {
    case 'yesno':
      return choices({ legend: question.label, name: question.path, options: YES_NO, value, required: question.required });
    case 'choice':
      return choices({ legend: question.label, name: question.path, options: question.options, value, required: question.required });
    case 'multi':
      return choices({ legend: question.label, name: question.path, options: question.options, value, multiple: true });
    case 'check': {
      const input = h('input', { type: 'checkbox', name: question.path, checked: value === true });
      return { node: h('div', { class: 'choices question' }, h('label', {}, input, question.label)), read: () => input.checked };
    }
    default: {
      const made = field({
        label: question.label, name: question.path, hint: question.hint, value,
        type: question.kind === 'time' ? 'time' : 'number', required: question.required,
        min: question.min, max: question.max, step: question.step || (question.kind === 'int' ? 1 : undefined),
        inputmode: question.kind === 'int' ? 'numeric' : undefined,
      });
      return { node: made.node, read: () => made.input.value, input: made.input };
    }
  }
}

function setPath(object, path, value) {
  const keys = path.split('.');
  let here = object;
  for (const key of keys.slice(0, -1)) here = here[key] = here[key] || {};
  here[keys[keys.length - 1]] = value;
}

function convert(question, raw) {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (question.kind) {
    case 'yesno': return raw === 'yes';
    case 'int': return Number.parseInt(raw, 10);
    case 'number': return Number.parseFloat(raw);
    case 'check': return raw === true ? true : undefined;
    default: return raw;
  }
}

/** The interchange document from the answers (skipped tests left out: "not tested"). */
export function documentFrom(answers, skipped, timeZone) {
  const document = { version: 1, profile: {}, screening: {}, tests: {} };
  for (const question of ALL_QUESTIONS) {
    const test = question.path.startsWith('tests.') ? STEPS.find((step) => questionsOf(step).includes(question)) : null;
    if (test && skipped[test.id]) continue;
    const value = convert(question, answers[question.path]);
    if (value !== undefined) setPath(document, question.path, value);
  }
  // The account's time zone (Profile settings can change it), else this browser's.
  document.profile.timeZone = timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return document;
}

function redFlagRaised(answers) {
  return RED_FLAGS.some(([key]) => answers[`screening.redFlags.${key}`] === 'yes');
}

export async function render(context) {
  const { main, session } = context;
  const draft = await loadDraft(session);
  const saveDraft = () => store.save(draftKey(session), draft);

  const show = (index) => {
    draft.step = Math.max(0, Math.min(STEPS.length - 1, index));
    saveDraft();
    paint();
    const heading = main.querySelector('h1');
    if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
  };

  const referral = async () => {
    const partial = { version: 1, screening: { redFlags: {} } };
    for (const [key] of RED_FLAGS) partial.screening.redFlags[key] = draft.answers[`screening.redFlags.${key}`] === 'yes';
    let problem = null;
    try {
      await post('/api/me/assessments', partial);
    } catch (error) {
      problem = error;
    }
    store.remove(draftKey(session));
    if (!problem) {
      await context.refreshSession();
      context.go('/');
      return;
    }
    fill(main, stopPage(null), h('p', { class: 'form-error', role: 'alert' }, `Your answer could not be recorded yet: ${explainError(problem)}`));
  };

  const submit = async (error, button) => {
    button.disabled = true;
    error.textContent = '';
    const document = documentFrom(draft.answers, draft.skipped, session.me.account.timeZone);
    try {
      const result = await post('/api/me/assessments', document);
      store.save(`answers.${session.me.account.id}`, draft.answers);
      store.remove(draftKey(session));
      await context.refreshSession();
      context.go(result.plan ? '/plan' : '/');
    } catch (problem) {
      button.disabled = false;
      error.textContent = explainError(problem);
      if (problem.field) {
        const index = STEPS.findIndex((step) => questionsOf(step).some((q) => q.path === problem.field));
        if (index >= 0) error.append(' ', h('button', { type: 'button', class: 'link', onclick: () => show(index) }, `Go to “${STEPS[index].title}”`));
      }
    }
  };

  function paint() {
    const step = STEPS[draft.step];
    const number = draft.step + 1;
    const indicator = h('div', { class: 'steps' },
      h('p', { id: 'step-label' }, `Step ${number} of ${STEPS.length}`),
      h('progress', { max: STEPS.length, value: number, 'aria-labelledby': 'step-label' }));
    const error = formError();
    if (step.id === 'review') {
      const document = documentFrom(draft.answers, draft.skipped, session.me.account.timeZone);
      const tested = Object.keys(document.tests);
      const skippedTests = STEPS.filter((s) => s.test && !tested.includes(s.test)).map((s) => s.title);
      const send = h('button', { type: 'button' }, 'Send and see my plan');
      send.addEventListener('click', () => submit(error, send));
      fill(main, indicator, h('h1', {}, step.title),
        h('p', {}, `You answered the safety screen and ${tested.length} of 8 self-tests.`),
        skippedTests.length ? h('p', {}, `Not tested (you can retest later): ${skippedTests.join(', ')}.`) : null,
        h('p', {}, `Working hours ${document.profile.workHours ? `${document.profile.workHours.start}–${document.profile.workHours.end}` : '?'}, a wake-up call every ${document.profile.wakeUpEveryMinutes || 60} minutes; time zone ${document.profile.timeZone}.`),
        error,
        h('div', { class: 'actions' }, send, h('button', { type: 'button', class: 'secondary', onclick: () => show(draft.step - 1) }, 'Back')));
      return;
    }
    const readers = [];
    const body = [];
    if (step.pose) body.push(drawing(step.pose));
    if (step.intro) body.push(h('p', {}, step.intro));
    if (step.instructions) body.push(h('ol', {}, step.instructions.map((line) => h('li', {}, line))));
    if (step.side) {
      body.push(h('div', { class: 'sides' }, SIDES.map(([side, label]) => h('fieldset', {},
        h('legend', {}, label),
        questionsOf(step).filter((q) => q.side === side).map((question) => {
          const made = control(question, draft.answers[question.path]);
          readers.push([question.path, made.read]);
          return made.node;
        })))));
    } else {
      for (const question of questionsOf(step)) {
        const made = control(question, draft.answers[question.path]);
        readers.push([question.path, made.read]);
        body.push(made.node);
      }
    }
    const form = h('form', { 'aria-labelledby': 'step-title' }, body, error,
      h('div', { class: 'actions' },
        h('button', { type: 'submit' }, draft.step === 0 ? 'Next' : 'Next'),
        draft.step > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => show(draft.step - 1) }, 'Back') : null,
        step.test ? h('button', {
          type: 'button', class: 'secondary',
          onclick: () => { draft.skipped[step.id] = true; show(draft.step + 1); },
        }, 'Skip this test') : null));
    const remember = () => {
      for (const [path, read] of readers) draft.answers[path] = read();
      saveDraft();
    };
    form.addEventListener('input', remember);
    form.addEventListener('change', remember);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      remember();
      if (!form.reportValidity()) return;
      if (step.test) delete draft.skipped[step.id];
      if (step.id === 'redFlags' && redFlagRaised(draft.answers)) { referral(); return; }
      show(draft.step + 1);
    });
    fill(main, indicator, h('h1', { id: 'step-title' }, step.title), form);
  }

  saveDraft();
  paint();
}

/** The step of a self-test (for retests): its title, drawing, instructions and questions. */
export function testStep(test) {
  const step = STEPS.find((candidate) => candidate.test === test);
  return step ? { ...step, questions: questionsOf(step), control, convert } : null;
}
