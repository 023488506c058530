// Coaches: the dashboard sorted by what needs attention, a client's page (plan, logs, notes) with
// the plan edit and its reason, and invitations.

import { h, fill } from '../dom.js';
import { get, post, del, explainError } from '../api.js';
import { exercises, exerciseName, formError, formatDateTime, formatDate } from '../ui.js';
import { weekView, gatesView, findingCard } from './plan.js';
import { charts } from './progress.js';

function daysSince(text) {
  if (!text) return null;
  return Math.floor((Date.now() - new Date(text).getTime()) / 86400000);
}

function reasons(row) {
  return row.attention.map((flag) => {
    switch (flag) {
      case 'redFlag': return 'Red flag: told to see a clinician, no plan';
      case 'pain': return `Pain reported (${row.painReports} ${row.painReports === 1 ? 'set' : 'sets'} in two weeks)`;
      case 'missedSessions': {
        const days = daysSince(row.lastActivity);
        return days === null ? 'Nothing logged yet' : `Nothing logged for ${days} days`;
      }
      case 'retestDue': return `Retest due: ${row.retestsDue.map((t) => t.replace(/-/g, ' ')).join(', ')}`;
      case 'noAssessment': return 'Has not taken the assessment';
      default: return flag;
    }
  });
}

export async function dashboard(context) {
  const board = await get('/api/coach/dashboard');
  const attention = board.clients.filter((row) => row.attention.length);
  fill(context.main,
    h('h1', {}, 'Clients'),
    h('p', {}, board.clients.length
      ? `${board.clients.length} ${board.clients.length === 1 ? 'client' : 'clients'}, ${attention.length} needing attention, most urgent first.`
      : 'No clients yet. '),
    board.clients.length ? null : h('p', {}, h('a', { href: '#/coach/invitations' }, 'Invite your first client')),
    h('ol', { class: 'plain' }, board.clients.map((row) => h('li', { class: 'card' },
      h('h2', {}, h('a', { href: `#/coach/client/${encodeURIComponent(row.account.id)}` }, row.account.email)),
      row.attention.length
        ? h('ul', {}, reasons(row).map((text) => h('li', {}, h('strong', {}, text))))
        : h('p', { class: 'ok' }, 'On track.'),
      h('p', { class: 'hint' }, `Plan version ${row.planVersion ?? '–'}; last activity ${row.lastActivity ? formatDateTime(row.lastActivity) : 'never'}.`)))));
}

function editForm(context, id, plan, catalogue) {
  const inPlan = [...new Set(plan.week.flatMap((day) => day.sessions.flatMap((s) => s.items.map((item) => item.exercise))))];
  const boxes = inPlan.map((exercise) => h('input', { type: 'checkbox', name: 'remove', value: exercise }));
  const reason = h('textarea', { id: 'edit-reason', required: true, maxlength: 400 });
  const error = formError();
  const form = h('form', {},
    h('fieldset', {}, h('legend', {}, 'Take these exercises out of the plan'),
      h('div', { class: 'choices' }, boxes.map((box, index) => h('label', {}, box, exerciseName(catalogue, inPlan[index]))))),
    h('label', { for: 'edit-reason' }, 'Reason (the client sees it with the new version)'), reason,
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the new plan version')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const remove = boxes.filter((box) => box.checked).map((box) => box.value);
    if (!remove.length) { error.textContent = 'Choose at least one exercise to take out.'; return; }
    if (!form.reportValidity()) return;
    try {
      await post(`/api/coach/clients/${encodeURIComponent(id)}/plan`, { remove, reason: reason.value.trim() });
      await client(context, 'Saved: the client now has the new plan version.');
    } catch (problem) { error.textContent = explainError(problem); }
  });
  return form;
}

export async function client(context, message) {
  const id = context.params.id;
  const [data, notes, catalogue] = await Promise.all([
    get(`/api/coach/clients/${encodeURIComponent(id)}`), get(`/api/coach/clients/${encodeURIComponent(id)}/notes`), exercises(),
  ]);
  const plan = data.plan && data.plan.plan;
  const noteText = h('textarea', { id: 'note-text', required: true, maxlength: 4000 });
  const noteError = formError();
  const noteForm = h('form', {}, h('label', { for: 'note-text' }, 'A note (only you see it)'), noteText, noteError,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add the note')));
  noteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try { await post(`/api/coach/clients/${encodeURIComponent(id)}/notes`, { text: noteText.value.trim() }); await client(context, 'Note added.'); } catch (e) { noteError.textContent = explainError(e); }
  });
  const remove = h('button', { type: 'button', class: 'secondary' }, 'Stop coaching this client');
  remove.addEventListener('click', async () => {
    try { await del(`/api/coach/clients/${encodeURIComponent(id)}`); context.go('/coach'); } catch (e) { remove.after(h('span', { class: 'error' }, explainError(e))); }
  });
  fill(context.main,
    h('h1', {}, data.account.email),
    message ? h('p', { role: 'status', class: 'ok' }, message) : null,
    h('h2', {}, 'Plan'),
    data.plan ? h('p', {}, `Version ${data.plan.version} (${data.plan.status}): ${data.plan.reason}.`) : h('p', {}, 'No assessment yet.'),
    data.plan && data.plan.stop ? h('p', { class: 'error' }, `Stopped: ${data.plan.stop.reason}`) : null,
    plan ? [
      h('h3', {}, 'Locked'), gatesView(plan.gates, { retest: false }),
      h('details', {}, h('summary', {}, 'The week'), weekView(plan, catalogue)),
      h('h2', {}, 'Edit the plan'), editForm(context, id, plan, catalogue),
    ] : null,
    h('h2', {}, 'Findings'),
    data.findings && data.findings.findings
      ? [h('p', { class: 'hint' }, `Latest assessment ${formatDate(data.findings.takenAt)}.`), data.findings.findings.map(findingCard)]
      : h('p', {}, 'No assessment yet.'),
    data.progress ? h('details', {}, h('summary', {}, 'Progress over eight weeks'), charts(data.progress, catalogue)) : null,
    h('h2', {}, 'Latest logs'),
    data.history.length ? h('ul', {}, data.history.map((entry) => {
      const e = entry.entry || {};
      const what = entry.kind === 'set'
        ? `${exerciseName(catalogue, e.exerciseId)}${e.side ? ` (${e.side})` : ''}: ${e.reps && e.reps.length ? e.reps.join(', ') + ' reps' : `${e.setCount} × ${e.durationSeconds} s`}, felt in ${e.felt}, pain ${e.pain}`
        : entry.kind === 'wakeUpCall' ? `Wake-up call ${e.outcome}` : `Retest ${e.testName || ''}`;
      return h('li', {}, `${formatDateTime(entry.at)}: ${what}`);
    })) : h('p', {}, 'Nothing logged yet.'),
    h('h2', {}, 'Notes'),
    notes.length ? h('ul', {}, notes.map((note) => h('li', {}, `${formatDate(note.createdAt)}: ${note.text}`))) : h('p', {}, 'No notes yet.'),
    noteForm,
    h('div', { class: 'actions' }, remove));
}

export async function invitations(context, message) {
  const data = await get('/api/coach/clients');
  const create = h('button', { type: 'button' }, 'Make an invitation code');
  const status = h('p', { role: 'status' }, message || '');
  create.addEventListener('click', async () => {
    try {
      const made = await post('/api/coach/invitations', {});
      await invitations(context, `New code: ${made.code} (valid until ${formatDate(made.expiresAt)}). Give it to your client: they enter it under Account.`);
    } catch (e) { status.textContent = explainError(e); }
  });
  fill(context.main,
    h('h1', {}, 'Invitations'),
    status,
    h('div', { class: 'actions' }, create),
    h('h2', {}, 'Open invitations'),
    data.invitations.length ? h('ul', {}, data.invitations.map((invitation) => {
      const revoke = h('button', { type: 'button', class: 'secondary' }, `Revoke ${invitation.code}`);
      revoke.addEventListener('click', async () => {
        try { await del(`/api/coach/invitations/${encodeURIComponent(invitation.id)}`); await invitations(context, 'Revoked.'); } catch (e) { status.textContent = explainError(e); }
      });
      return h('li', {}, h('code', {}, invitation.code), ` until ${formatDate(invitation.expiresAt)} `, revoke);
    })) : h('p', {}, 'None open.'),
    h('h2', {}, 'Clients'),
    data.clients.length ? h('ul', {}, data.clients.map((c) => h('li', {}, h('a', { href: `#/coach/client/${encodeURIComponent(c.id)}` }, c.email)))) : h('p', {}, 'None yet.'));
}
