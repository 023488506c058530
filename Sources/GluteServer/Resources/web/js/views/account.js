// The account: password change, coaches (accept an invitation code, leave a coach), deletion.

import { h, fill } from '../dom.js';
import { get, post, del, explainError } from '../api.js';
import { field, formError } from '../ui.js';
import { clear } from '../queue.js';
import * as store from '../store.js';

export async function render(context) {
  const me = await get('/api/me');
  const isClient = me.account.role === 'client';
  const sections = [h('h1', {}, 'Account'), h('p', {}, `Signed in as ${me.account.email} (${me.account.role}).`)];

  if (isClient) {
    const coaches = h('ul', {}, me.coaches.length ? me.coaches.map((coach) => {
      const leave = h('button', { type: 'button', class: 'secondary' }, `Leave ${coach.email}`);
      leave.addEventListener('click', async () => {
        try { await del(`/api/me/coaches/${encodeURIComponent(coach.id)}`); await render(context); } catch (e) { leave.after(h('span', { class: 'error' }, ` ${explainError(e)}`)); }
      });
      return h('li', {}, `${coach.email} sees your plan and logs. `, leave);
    }) : h('li', {}, 'No coach.'));
    const code = field({ label: 'Invitation code from your coach', name: 'code', required: true, autocomplete: 'off' });
    const codeError = formError();
    const codeForm = h('form', {}, code.node, codeError, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Join the coach')));
    codeForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      try { await post('/api/me/coaches', { code: code.input.value.trim() }); await render(context); } catch (e) { codeError.textContent = explainError(e); }
    });
    sections.push(h('h2', {}, 'Coaches'), coaches, codeForm);
  }

  const current = field({ label: 'Current password', name: 'current', type: 'password', required: true, autocomplete: 'current-password' });
  const next = field({ label: 'New password', name: 'new', type: 'password', required: true, autocomplete: 'new-password', hint: 'At least 12 characters.' });
  const passwordError = formError();
  const passwordStatus = h('p', { role: 'status' });
  const passwordForm = h('form', {}, current.node, next.node, passwordError, h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Change password')), passwordStatus);
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    passwordError.textContent = '';
    passwordStatus.textContent = 'Changing the password…';
    try {
      await post('/api/me/password', { currentPassword: current.input.value, newPassword: next.input.value });
      passwordStatus.textContent = 'Changed. Other devices are signed out.';
      passwordForm.reset();
    } catch (e) { passwordStatus.textContent = ''; passwordError.textContent = explainError(e); }
  });
  sections.push(h('h2', {}, 'Password'), passwordForm);

  const confirm = field({ label: 'Your password, to confirm', name: 'confirm', type: 'password', required: true, autocomplete: 'current-password' });
  const deleteError = formError();
  const deleteForm = h('form', {}, h('p', {}, 'Deleting the account signs you out everywhere. Export your data first if you want to keep it.'),
    confirm.node, deleteError, h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Delete my account')));
  deleteForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await del('/api/me', { password: confirm.input.value });
      await clear(me.account.id);
      for (const key of ['draft', 'answers', 'wakeup', 'ergonomics', 'invitations']) store.remove(`${key}.${me.account.id}`);
      if ('caches' in window) await caches.delete('glute-data');
      await context.refreshSession();
      context.go('/signin');
    } catch (e) { deleteError.textContent = explainError(e); }
  });
  sections.push(h('h2', {}, 'Delete the account'), deleteForm);
  fill(context.main, sections);
}
