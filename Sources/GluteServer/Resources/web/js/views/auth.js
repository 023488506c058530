// Sign-in and sign-up (signIn, signUp).

import { h, fill } from '../dom.js';
import { post, explainError } from '../api.js';
import { field, formError } from '../ui.js';

async function afterSignIn(context) {
  // Another person may have used this browser: nothing of theirs is shown from the cache.
  if ('caches' in window) { try { await caches.delete('glute-data'); } catch { /* none */ } }
  await context.refreshSession();
  context.go('/');
}

export async function signIn(context) {
  const email = field({ label: 'Email', name: 'email', type: 'email', required: true, autocomplete: 'username' });
  const password = field({ label: 'Password', name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  const error = formError();
  const form = h('form', { novalidate: false }, email.node, password.node, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Sign in')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await post('/api/signin', { email: email.input.value.trim(), password: password.input.value });
      await afterSignIn(context);
    } catch (problem) {
      error.textContent = explainError(problem);
    }
  });
  fill(context.main,
    h('h1', {}, 'Sign in'),
    h('p', {}, 'GluteCoach: a safety screen, a short self-assessment, then ten minutes of the right glute work a day and wake-up calls while you sit.'),
    form,
    h('p', {}, 'New here? ', h('a', { href: '#/signup' }, 'Create an account'), '. Coaches get their account from the clinic (glute account create).'));
}

export async function signUp(context) {
  const name = field({ label: 'Your name (optional)', name: 'name', autocomplete: 'name' });
  const email = field({ label: 'Email', name: 'email', type: 'email', required: true, autocomplete: 'username' });
  const password = field({
    label: 'Password', name: 'password', type: 'password', required: true, autocomplete: 'new-password',
    hint: 'At least 12 characters. A few unrelated words work well.',
  });
  password.input.minLength = 12;
  const error = formError();
  const form = h('form', {}, name.node, email.node, password.node, error,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Create account')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const body = {
      email: email.input.value.trim(), password: password.input.value,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    };
    if (name.input.value.trim()) body.name = name.input.value.trim();
    try {
      await post('/api/signup', body);
      await afterSignIn(context);
    } catch (problem) {
      error.textContent = explainError(problem);
    }
  });
  fill(context.main,
    h('h1', {}, 'Create your account'),
    h('p', {}, 'Next comes a safety screen, then a few self-tests that take about 15 minutes. Your answers stay on this device until you send them.'),
    form,
    h('p', {}, 'Have an account? ', h('a', { href: '#/signin' }, 'Sign in'), '.'));
}
