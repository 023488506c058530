// Coaches: the dashboard sorted by what needs attention, a client's page (plan, logs, notes) with
// the plan edit and its reason, and invitations.

import { h, fill } from '../dom.js';
import { get, post, del, explainError } from '../api.js';
import { exercises, exerciseName, formError, formatDateTime, formatDate, setWords } from '../ui.js';
import { weekView, gatesView, findingCard } from './plan.js';
import { charts } from './progress.js';
import * as store from '../store.js';

export async function dashboard(context) {
  const board = await get('/api/coach/dashboard');
  const attention = board.clients.filter((row) => row.reasons.length);
  fill(context.main,
    h('h1', {}, 'Clients'),
    h('p', {}, board.clients.length
      ? `${board.clients.length} ${board.clients.length === 1 ? 'client' : 'clients'}, ${attention.length} needing attention, most urgent first.`
      : 'No clients yet. '),
    board.clients.length ? null : h('p', {}, h('a', { href: '#/coach/invitations' }, 'Invite your first client')),
    h('ol', { class: 'plain' }, board.clients.map((row) => {
      const account = row.client.account;
      return h('li', { class: 'card' },
        h('h2', {}, h('a', { href: `#/coach/client/${encodeURIComponent(account.person)}` }, account.name || account.email)),
        row.reasons.length
          ? h('ul', {}, row.reasons.map(reasonItem))
          : h('p', { class: 'ok' }, 'On track.'),
        h('p', { class: 'hint' }, `${account.name ? `${account.email}; ` : ''}last log ${row.lastLogAt ? formatDateTime(row.lastLogAt) : 'never'}; client since ${formatDate(row.client.since)}.`));
    })));
}

// The dashboard's kinds of reason (GluteApp's AttentionReason.Kind), most urgent first.
const REASONS = {
  stopped: 'Stopped', pain: 'Pain', missedActivation: 'Missed sessions', stalledOrRegressed: 'Progress',
  retestDue: 'Retest due', noRecentLog: 'Quiet', deletedEntries: 'Deleted entries',
};

/** One reason in words: its kind, then the server's message (a stop's reason says "stopped" itself). */
function reasonItem(reason) {
  const message = reason.kind === 'stopped' ? reason.message.replace(/^stopped:\s*/i, '') : reason.message;
  return h('li', {}, h('strong', {}, `${REASONS[reason.kind] || reason.kind}: `), message);
}

/** The plan edit: take exercises out, change their sets, change the wake-up interval, with a reason. */
function editForm(context, id, plan, catalogue) {
  const inPlan = [...new Set(plan.week.flatMap((day) => day.sessions.flatMap((s) => s.items.map((item) => item.exercise))))];
  const rows = inPlan.map((exercise) => {
    const sets = plan.week.flatMap((day) => day.sessions.flatMap((s) => s.items)).find((item) => item.exercise === exercise).sets;
    const remove = h('input', { type: 'checkbox', name: 'remove', value: exercise, id: `remove-${exercise}` });
    const count = h('input', { type: 'number', min: 1, max: 10, value: String(sets), id: `sets-${exercise}`, 'aria-label': `Sets of ${exerciseName(catalogue, exercise)}` });
    return { exercise, sets, remove, count, node: h('tr', {},
      h('th', { scope: 'row' }, h('label', { for: remove.id }, exerciseName(catalogue, exercise))),
      h('td', {}, remove), h('td', {}, count)) };
  });
  const every = h('input', { type: 'number', id: 'edit-every', min: 30, max: 90, step: 5, value: String(plan.wakeUpCalls.everyMinutes) });
  const reason = h('textarea', { id: 'edit-reason', required: true, maxlength: 400 });
  const error = formError();
  const form = h('form', {},
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', { class: 'visually-hidden' }, 'Exercises in the plan'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Exercise'), h('th', { scope: 'col' }, 'Take out'), h('th', { scope: 'col' }, 'Sets'))),
      h('tbody', {}, rows.map((row) => row.node)))),
    h('label', { for: 'edit-every' }, 'Minutes between wake-up calls'), every,
    h('label', { for: 'edit-reason' }, 'Reason (the client sees it with the new version)'), reason,
    error, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save the new plan version')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const removed = new Set(rows.filter((row) => row.remove.checked).map((row) => row.exercise));
    const sets = new Map(rows.map((row) => [row.exercise, Number.parseInt(row.count.value, 10) || row.sets]));
    const edited = JSON.parse(JSON.stringify(plan));
    for (const day of edited.week) {
      for (const session of day.sessions) {
        session.items = session.items.filter((item) => !removed.has(item.exercise));
        for (const item of session.items) item.sets = sets.get(item.exercise);
      }
      day.sessions = day.sessions.filter((session) => session.items.length);
    }
    edited.wakeUpCalls.everyMinutes = Number.parseInt(every.value, 10) || plan.wakeUpCalls.everyMinutes;
    try {
      await post(`/api/coach/clients/${encodeURIComponent(id)}/plan`, { plan: edited, reason: reason.value.trim() });
      await client(context, 'Saved: the client now has the new plan version.');
    } catch (problem) { error.textContent = explainError(problem); }
  });
  return form;
}

export async function client(context, message) {
  const id = context.params.id;
  const [data, catalogue] = await Promise.all([get(`/api/coach/clients/${encodeURIComponent(id)}`), exercises()]);
  const account = data.client.account;
  const current = data.plan;
  const plan = current && current.plan;
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
  const describe = (entry) => {
    const e = entry.entry || {};
    if (entry.kind === 'set') return setWords(e, catalogue);
    return entry.kind === 'wakeUpCall' ? `Wake-up call ${e.outcome === 'done' ? 'done' : 'skipped'}` : `Retest ${e.testName || ''}`;
  };
  fill(context.main,
    h('h1', {}, account.name || account.email),
    account.name ? h('p', {}, account.email) : null,
    // A stop comes first: the client is told to see a clinician and has no plan.
    current && current.stop ? h('p', { class: 'form-error' }, h('strong', {}, 'Plan stopped: '), current.stop.reason.replace(/^stopped:\s*/i, '')) : null,
    message ? h('p', { role: 'status', class: 'ok' }, message) : null,
    h('h2', {}, 'Findings'),
    data.findings && data.findings.findings
      ? [h('p', { class: 'hint' }, `Latest assessment ${formatDate(data.findings.takenAt)}.`), data.findings.findings.map(findingCard)]
      : h('p', {}, 'No assessment yet.'),
    h('h2', {}, 'Plan'),
    current ? h('p', {}, `Version ${current.version} (${current.status}): ${current.reason}.`) : h('p', {}, 'No plan yet.'),
    plan ? [
      h('h3', {}, 'Locked'), gatesView(plan.gates, { retest: false }),
      h('details', {}, h('summary', {}, 'The week'), weekView(plan, catalogue)),
      h('h2', {}, 'Edit the plan'), editForm(context, id, plan, catalogue),
    ] : null,
    data.progress ? h('details', {}, h('summary', {}, 'Progress over the last weeks'), charts(data.progress, catalogue)) : null,
    h('h2', {}, 'Latest logs'),
    data.recent.length ? h('ul', {}, data.recent.map((entry) => h('li', {}, `${formatDateTime(entry.at)}: ${describe(entry)}`))) : h('p', {}, 'Nothing logged yet.'),
    data.deletions && data.deletions.length ? [h('h3', {}, 'Deleted by the client'),
      h('ul', {}, data.deletions.map((entry) => h('li', {}, `${formatDateTime(entry.at)}: ${entry.kind} deleted`)))] : null,
    h('h2', {}, 'Notes'),
    data.notes.length ? h('ul', {}, data.notes.map((note) => h('li', {}, `${formatDate(note.createdAt)}: ${note.text}`))) : h('p', {}, 'No notes yet.'),
    noteForm,
    h('div', { class: 'actions' }, remove));
}

export async function invitations(context, message) {
  const data = await get('/api/coach/clients');
  const open = data.invitations.filter((invitation) => invitation.status === 'open');
  const codesKey = `invitations.${context.session.me.account.id}`;
  // Codes of invitations no longer open (accepted, revoked, expired) are forgotten.
  const codes = Object.fromEntries(Object.entries(store.load(codesKey, {}))
    .filter(([id]) => open.some((invitation) => invitation.id === id)));
  store.save(codesKey, codes);
  const create = h('button', { type: 'button' }, 'Make an invitation code');
  const status = h('p', { role: 'status' }, message || '');
  create.addEventListener('click', async () => {
    try {
      const made = await post('/api/coach/invitations', {});
      // The server shows a code only once: this browser remembers which code is which invitation.
      store.save(codesKey, { ...codes, [made.invitation.id]: made.code });
      await invitations(context, `New code: ${made.code} (valid until ${formatDate(made.invitation.expiresAt)}). Give it to your client: they enter it under Account. It is shown only now.`);
    } catch (e) { status.textContent = explainError(e); }
  });
  fill(context.main,
    h('h1', {}, 'Invitations'),
    status,
    h('div', { class: 'actions' }, create),
    h('h2', {}, 'Open invitations'),
    open.length ? h('ul', {}, open.map((invitation) => {
      const code = codes[invitation.id];
      const revoke = h('button', { type: 'button', class: 'secondary' }, code ? `Revoke ${code}` : `Revoke the invitation made ${formatDateTime(invitation.createdAt)}`);
      revoke.addEventListener('click', async () => {
        try { await del(`/api/coach/invitations/${encodeURIComponent(invitation.id)}`); await invitations(context, 'Revoked.'); } catch (e) { status.textContent = explainError(e); }
      });
      return h('li', {}, code ? [h('code', {}, code), ' '] : null,
        `open until ${formatDate(invitation.expiresAt)}${invitation.email ? ` for ${invitation.email}` : ''} `, revoke);
    })) : h('p', {}, 'None open.'),
    h('h2', {}, 'Clients'),
    data.clients.length ? h('ul', {}, data.clients.map((c) => h('li', {}, h('a', { href: `#/coach/client/${encodeURIComponent(c.account.person)}` }, c.account.email)))) : h('p', {}, 'None yet.'));
}
