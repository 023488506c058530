// Profile settings: working hours and days, the wake-up interval, training days and minutes, and
// the time zone, through updateProfile; a change that shapes the plan makes a new plan version
// (the server keeps progress, the reassessment date and any stop).

import { h, fill } from '../dom.js';
import { get, patch, explainError } from '../api.js';
import { field, choices, formError, DAYS, answersInForce } from '../ui.js';

export async function render(context) {
  const [me, exported] = await Promise.all([get('/api/me'), get('/api/me/export.json')]);
  const latest = answersInForce(exported);
  const profile = latest && latest.profile;
  const zoneField = field({
    label: 'Time zone', name: 'timeZone', value: me.account.timeZone || '',
    hint: `An IANA name such as Europe/Berlin. This browser says: ${Intl.DateTimeFormat().resolvedOptions().timeZone}`,
  });
  const error = formError();
  const status = h('p', { role: 'status' });
  const controls = [];
  let read = () => ({});
  if (profile) {
    const start = field({ label: 'Work starts at', name: 'start', type: 'time', value: profile.workHours.start, required: true });
    const end = field({ label: 'Work ends at', name: 'end', type: 'time', value: profile.workHours.end, required: true, hint: 'An end before the start is a night shift.' });
    const workDays = choices({ legend: 'Working days', name: 'workDays', options: DAYS, value: profile.workHours.days, multiple: true });
    const every = field({ label: 'Minutes of sitting between wake-up calls (30 to 90)', name: 'every', type: 'number', min: 30, max: 90, step: 5, value: profile.wakeUpEveryMinutes || 60, required: true });
    const trainingDays = choices({ legend: 'Training days', name: 'trainingDays', options: DAYS, value: profile.trainingDays, multiple: true });
    const minutes = field({ label: 'Minutes per session', name: 'minutes', type: 'number', min: 5, max: 180, value: profile.minutesPerSession, required: true });
    controls.push(start.node, end.node, workDays.node, every.node, trainingDays.node, minutes.node);
    read = () => {
      const wanted = {
        workHours: { start: start.input.value, end: end.input.value, days: workDays.read() },
        wakeUpEveryMinutes: Number.parseInt(every.input.value, 10),
        trainingDays: trainingDays.read(),
        minutesPerSession: Number.parseInt(minutes.input.value, 10),
      };
      const before = {
        workHours: profile.workHours, wakeUpEveryMinutes: profile.wakeUpEveryMinutes || 60,
        trainingDays: profile.trainingDays, minutesPerSession: profile.minutesPerSession,
      };
      const changed = {};
      for (const key of Object.keys(wanted)) if (JSON.stringify(wanted[key]) !== JSON.stringify(before[key])) changed[key] = wanted[key];
      return changed;
    };
  }
  const form = h('form', {}, controls, zoneField.node, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save settings')), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    error.textContent = '';
    const body = read();
    const zone = zoneField.input.value.trim();
    if (zone && zone !== me.account.timeZone) body.timeZone = zone;
    if (!Object.keys(body).length) { status.textContent = 'Nothing changed.'; return; }
    try {
      const answer = await patch('/api/me', body);
      const version = answer.profile && answer.profile.plan;
      status.textContent = version ? `Saved: your plan is now version ${version.version} (${version.reason}).` : 'Saved.';
      await context.refreshSession();
    } catch (problem) { error.textContent = explainError(problem); }
  });
  fill(context.main, h('h1', {}, 'Profile settings'),
    profile ? h('p', {}, 'Changing hours, days, minutes or the interval makes a new plan version; your progress carries over.')
      : h('p', {}, 'Take the assessment first: its answers hold your hours and days.'),
    form);
}
