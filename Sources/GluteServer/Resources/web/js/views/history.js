// History: the latest entries with correction (log the corrected set, then delete the old one)
// and deletion (deleteEntry).

import { h, fill } from '../dom.js';
import { get, post, del, explainError } from '../api.js';
import { exercises, formatDateTime, choices, FELT, setWords } from '../ui.js';

function describe(entry, catalogue) {
  const e = entry.entry || {};
  if (entry.kind === 'set') return setWords(e, catalogue);
  if (entry.kind === 'wakeUpCall') return `Wake-up call ${e.outcome === 'done' ? 'done' : 'skipped'}`;
  if (entry.kind === 'retest') return `Retest: ${String(e.testName || e.test || '').replace(/-/g, ' ')}`;
  return entry.kind;
}

function correction(entry, refresh, context) {
  const e = entry.entry;
  const isHold = !(e.reps && e.reps.length);
  const values = h('input', { type: 'text', id: `fix-${entry.id}`, value: isHold ? Array(e.setCount).fill(e.durationSeconds).join(', ') : e.reps.join(', '), inputmode: 'numeric' });
  const felt = choices({ legend: 'Felt it in', name: `fix-felt-${entry.id}`, options: FELT, value: e.felt });
  const pain = h('input', { type: 'number', min: 0, max: 10, id: `fix-pain-${entry.id}`, value: String(e.pain) });
  const load = h('input', { type: 'number', min: 0, step: 0.5, id: `fix-load-${entry.id}`, value: e.load ? String(e.load.value) : '' });
  const status = h('p', { role: 'status', class: 'hint' });
  const form = h('form', {},
    h('label', { for: values.id }, isHold ? 'Seconds per hold, separated by commas' : 'Reps per set, separated by commas'), values,
    felt.node,
    h('label', { for: pain.id }, 'Pain, 0 to 10'), pain,
    h('label', { for: load.id }, `Load${e.load ? ` (${e.load.unit})` : ' (kg, leave empty for none)'}`), load,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the correction')), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const numbers = values.value.split(/[,\s]+/).filter(Boolean).map((n) => Number.parseInt(n, 10));
    if (!numbers.length || numbers.some((n) => !Number.isFinite(n) || n < 1)) { status.textContent = 'Give whole numbers, like 12, 12.'; return; }
    const body = {
      exercise: e.exerciseId, felt: felt.read() || e.felt, balance: e.balance, pain: Number.parseInt(pain.value, 10) || 0,
      at: e.performedAt,
    };
    if (e.side === 'left' || e.side === 'right') body.side = e.side;
    if (e.session) body.session = e.session;
    if (e.rpe) body.rpe = e.rpe;
    if (isHold) body.seconds = numbers; else body.reps = numbers;
    if (load.value !== '' && Number(load.value) > 0) body.load = { value: Number(load.value), unit: e.load ? e.load.unit : 'kg' };
    try {
      const logged = await post('/api/me/sets', body, { headers: { 'Idempotency-Key': `fix-${entry.id}` } });
      const answer = await del(`/api/me/history/${encodeURIComponent(entry.id)}`);
      if ((answer && answer.lifted) || (logged && logged.safety)) await context.refreshSession();
      // The corrected set stopped the plan (pain or numbness): the stop replaces everything.
      if (logged && logged.safety && logged.safety.action !== 'swapped') { context.go('/today'); return; }
      await refresh('Corrected.');
    } catch (error) { status.textContent = explainError(error); }
  });
  return form;
}

export async function render(context) {
  const catalogue = await exercises();
  const status = h('p', { role: 'status' });
  const list = h('ul', { class: 'plain' });
  const refresh = async (message) => {
    const entries = await get('/api/me/history?limit=50');
    fill(list, entries.length ? entries.map((entry) => {
      const item = h('li', { class: 'card' });
      const remove = h('button', { type: 'button', class: 'secondary' }, 'Delete');
      remove.addEventListener('click', () => {
        const sure = h('button', { type: 'button', class: 'danger' }, 'Yes, delete it');
        sure.addEventListener('click', async () => {
          try {
            const answer = await del(`/api/me/history/${encodeURIComponent(entry.id)}`);
            // A pain swap this entry alone caused is lifted: a new plan version (and wake-up calls).
            if (answer && answer.lifted) await context.refreshSession();
            await refresh(answer && answer.lifted ? `Deleted. Your plan is now version ${answer.lifted.version} (${answer.lifted.reason}).` : 'Deleted.');
          } catch (error) { status.textContent = explainError(error); }
        });
        remove.replaceWith(sure);
        sure.focus();
      });
      const actions = h('div', { class: 'actions' }, remove);
      if (entry.kind === 'set') {
        const fix = h('button', { type: 'button', class: 'secondary' }, 'Correct');
        fix.addEventListener('click', () => { const form = correction(entry, refresh, context); item.append(form); fix.remove(); form.querySelector('input').focus(); });
        actions.prepend(fix);
      }
      item.append(h('p', {}, h('strong', {}, formatDateTime(entry.at)), ' — ', describe(entry, catalogue)), actions);
      return item;
    }) : h('li', {}, 'Nothing logged yet.'));
    status.textContent = message || '';
  };
  fill(context.main, h('h1', {}, 'History'),
    h('p', {}, 'Your latest entries, newest first. A correction logs the set again as it really was and deletes the old one.'),
    status, list);
  await refresh();
}
