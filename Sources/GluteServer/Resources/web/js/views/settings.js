// Profile settings: working hours and days, the wake-up interval, training days and minutes, the
// time zone. The time zone goes through updateProfile; the rest shapes the plan, so saving it
// takes the latest assessment's answers with the new settings as a new assessment (a new plan
// version whose reason says so), because updateProfile takes only the time zone.

import { h, fill } from '../dom.js';
import { get, patch, post, explainError } from '../api.js';
import { field, choices, formError, DAYS } from '../ui.js';

export async function render(context) {
  const [me, exported] = await Promise.all([get('/api/me'), get('/api/me/export.json')]);
  const assessments = exported.assessments || [];
  const latest = assessments.length ? assessments[assessments.length - 1].input : null;
  const profile = latest && latest.profile;
  const zoneField = field({ label: 'Time zone', name: 'timeZone', value: me.person.timeZone || '', hint: 'An IANA name such as Europe/Berlin. This browser says: ' + Intl.DateTimeFormat().resolvedOptions().timeZone });
  const error = formError();
  const status = h('p', { role: 'status' });
  if (!profile) {
    const form = h('form', {}, zoneField.node, error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save')), status);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try { await patch('/api/me', { timeZone: zoneField.input.value.trim() }); status.textContent = 'Saved.'; } catch (e) { error.textContent = explainError(e); }
    });
    fill(context.main, h('h1', {}, 'Profile settings'), h('p', {}, 'Take the assessment first: its answers hold your hours and days.'), form);
    return;
  }
  const start = field({ label: 'Work starts at', name: 'start', type: 'time', value: profile.workHours.start, required: true });
  const end = field({ label: 'Work ends at', name: 'end', type: 'time', value: profile.workHours.end, required: true, hint: 'An end before the start is a night shift.' });
  const workDays = choices({ legend: 'Working days', name: 'workDays', options: DAYS, value: profile.workHours.days, multiple: true });
  const every = field({ label: 'Minutes of sitting between wake-up calls (30 to 90)', name: 'every', type: 'number', min: 30, max: 90, step: 5, value: profile.wakeUpEveryMinutes || 60, required: true });
  const trainingDays = choices({ legend: 'Training days', name: 'trainingDays', options: DAYS, value: profile.trainingDays, multiple: true });
  const minutes = field({ label: 'Minutes per session', name: 'minutes', type: 'number', min: 5, max: 180, value: profile.minutesPerSession, required: true });
  const form = h('form', {}, start.node, end.node, workDays.node, every.node, trainingDays.node, minutes.node, zoneField.node, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save settings')), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    error.textContent = '';
    const zone = zoneField.input.value.trim();
    const changed = {
      workHours: { start: start.input.value, end: end.input.value, days: workDays.read() },
      wakeUpEveryMinutes: Number.parseInt(every.input.value, 10),
      trainingDays: trainingDays.read(),
      minutesPerSession: Number.parseInt(minutes.input.value, 10),
    };
    const planChanged = JSON.stringify(changed) !== JSON.stringify({
      workHours: profile.workHours, wakeUpEveryMinutes: profile.wakeUpEveryMinutes || 60,
      trainingDays: profile.trainingDays, minutesPerSession: profile.minutesPerSession,
    });
    try {
      if (zone && zone !== me.person.timeZone) await patch('/api/me', { timeZone: zone });
      if (planChanged) {
        const document = { ...latest, profile: { ...profile, ...changed, timeZone: zone || profile.timeZone } };
        await post('/api/me/assessments', document);
        status.textContent = 'Saved: your plan has a new version with these settings.';
      } else {
        status.textContent = 'Saved.';
      }
      await context.refreshSession();
    } catch (problem) { error.textContent = explainError(problem); }
  });
  fill(context.main, h('h1', {}, 'Profile settings'),
    h('p', {}, 'Changing hours, days, minutes or the interval makes a new plan version from your latest assessment answers with the new settings.'),
    form);
}
