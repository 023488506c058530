// GluteCoach in the browser: boot, the signed-in person, the hash router, the navigation and
// the status line. Every view lives in views/ and talks only to the JSON API.

import { h, fill, announce } from './dom.js';
import { get, post, hasSession, cachedAt, explainError } from './api.js';
import { flush, onOutbox, pending } from './queue.js';
import * as wakeup from './wakeup.js';
import * as auth from './views/auth.js';
import * as assessment from './views/assessment.js';
import * as plan from './views/plan.js';
import * as today from './views/today.js';
import * as progress from './views/progress.js';
import * as history from './views/history.js';
import * as tools from './views/tools.js';
import * as settings from './views/settings.js';
import * as account from './views/account.js';
import * as coach from './views/coach.js';
import { stopPage } from './ui.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

/** Who is signed in: getMe's document, the client's plan status ('none', 'active', 'stopped'). */
export const session = { me: null, status: null };

const routes = [
  { path: '/signin', anonymous: true, title: 'Sign in', view: auth.signIn },
  { path: '/signup', anonymous: true, title: 'Create your account', view: auth.signUp },
  { path: '/assess', role: 'client', title: 'Assessment', view: assessment.render, allowStopped: true },
  { path: '/plan', role: 'client', title: 'Findings and plan', view: plan.render },
  { path: '/today', role: 'client', title: 'Today', view: today.render },
  { path: '/progress', role: 'client', title: 'Progress', view: progress.render },
  { path: '/history', role: 'client', title: 'History', view: history.render },
  { path: '/more', role: 'client', title: 'More', view: tools.more },
  { path: '/retest', role: 'client', title: 'Retest', view: tools.retest },
  { path: '/retest/:test', role: 'client', title: 'Retest', view: tools.retest },
  { path: '/form', role: 'client', title: 'Form analysis', view: tools.form },
  { path: '/import', role: 'client', title: 'Import', view: tools.importExport, allowStopped: true },
  { path: '/ergonomics', role: 'client', title: 'Ergonomics', view: tools.ergonomics },
  { path: '/settings', role: 'client', title: 'Profile settings', view: settings.render },
  { path: '/account', title: 'Account', view: account.render, allowStopped: true },
  { path: '/coach', role: 'coach', title: 'Clients', view: coach.dashboard },
  { path: '/coach/invitations', role: 'coach', title: 'Invitations', view: coach.invitations },
  { path: '/coach/client/:id', role: 'coach', title: 'Client', view: coach.client },
];

function match(path) {
  for (const route of routes) {
    const pattern = route.path.split('/');
    const parts = path.split('/');
    if (pattern.length !== parts.length) continue;
    const params = {};
    if (pattern.every((piece, index) => {
      if (piece.startsWith(':')) { params[piece.slice(1)] = decodeURIComponent(parts[index]); return parts[index] !== ''; }
      return piece === parts[index];
    })) return { route, params };
  }
  return null;
}

function currentPath() {
  const hash = location.hash || '';
  return hash.startsWith('#/') ? hash.slice(1) || '/' : '/';
}

export function go(path) {
  if (currentPath() === path) route();
  else location.hash = `#${path}`;
}

/** Reloads who is signed in and the client's plan status. */
export async function refreshSession() {
  if (!hasSession()) {
    forgetSession();
    return;
  }
  try {
    session.me = await get('/api/me');
  } catch (error) {
    if (error.status === 401) {
      // The session ended (idle for a week, or signed out elsewhere): forget its CSRF cookie too,
      // so the next visit does not ask the server again.
      document.cookie = 'glute_csrf=; Path=/; Max-Age=0; SameSite=Strict';
      forgetSession();
      return;
    }
    throw error;
  }
  if (session.me.account.role === 'client') {
    const versions = await get('/api/me/plan/history');
    const last = versions.length ? versions[versions.length - 1] : null;
    session.status = !last ? 'none' : last.status === 'stopped' ? 'stopped' : 'active';
    await startWakeUps();
  } else {
    session.status = null;
    wakeup.configure(null);
  }
}

/** Nobody is signed in (signed out, deleted, or the session ended): the sitting timer stops too. */
function forgetSession() {
  session.me = null;
  session.status = null;
  wakeup.configure(null);
}

async function startWakeUps() {
  if (session.status !== 'active') { wakeup.configure(null); return; }
  try {
    const current = await get('/api/me/plan');
    const calls = current.plan && current.plan.wakeUpCalls;
    if (!calls) { wakeup.configure(null); return; }
    wakeup.configure({
      account: session.me.account.id, everyMinutes: calls.everyMinutes, start: calls.during.start,
      end: calls.during.end, days: calls.during.days, options: calls.options,
      timeZone: session.me.account.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  } catch { wakeup.configure(null); }
}

export async function signOut() {
  try { await post('/api/signout'); } catch { /* the cookies go anyway when the session ended */ }
  await forgetCachedData();
  forgetSession();
  go('/signin');
}

export async function forgetCachedData() {
  if ('caches' in window) { try { await caches.delete('glute-data'); } catch { /* none */ } }
}

function link(path, text, current) {
  return h('li', {}, h('a', { href: `#${path}`, 'aria-current': current === path || current.startsWith(`${path}/`) ? 'page' : null }, text));
}

function renderNav(path) {
  const items = [];
  const me = session.me;
  if (!me) {
    items.push(link('/signin', 'Sign in', path), link('/signup', 'Create account', path));
  } else if (me.account.role === 'coach') {
    items.push(link('/coach', 'Clients', path), link('/coach/invitations', 'Invitations', path), link('/account', 'Account', path));
  } else if (session.status === 'active') {
    items.push(link('/today', 'Today', path), link('/plan', 'Plan', path), link('/progress', 'Progress', path),
      link('/history', 'History', path), link('/more', 'More', path));
  } else if (session.status === 'none') {
    items.push(link('/assess', 'Assessment', path), link('/account', 'Account', path));
  }
  if (me) items.push(h('li', {}, h('button', { type: 'button', onclick: signOut }, 'Sign out')));
  fill(nav, h('ul', {}, items));
}

function home() {
  const me = session.me;
  if (!me) return '/signin';
  if (me.account.role === 'coach') return '/coach';
  if (session.status === 'none') return '/assess';
  return '/today';
}

let routing = 0;
export async function route() {
  const ticket = ++routing;
  const path = currentPath();
  const found = path === '/' ? null : match(path);
  if (!found) {
    if (path !== '/' && !session.me) { go('/signin'); return; }
    go(home());
    return;
  }
  const { route: target, params } = found;
  if (target.anonymous && session.me) { go(home()); return; }
  if (!target.anonymous && !session.me) { go('/signin'); return; }
  if (target.role && session.me.account.role !== target.role) { go(home()); return; }
  renderNav(path);
  document.title = `${target.title} · GluteCoach`;
  // Each visit renders into a stage of its own, shown only if no later visit started meanwhile:
  // a slow answer for a page left behind never paints over the page now shown.
  const stage = h('div', { class: 'view' });
  const context = { main: stage, params, session, go, refreshSession, signOut };
  try {
    if (session.status === 'stopped' && !target.allowStopped) {
      await renderStopped(stage);
    } else {
      await target.view(context);
    }
  } catch (error) {
    if (ticket !== routing) return;
    if (error.status === 401) { await refreshSession(); go('/signin'); return; }
    fill(stage, h('h1', { tabindex: '-1' }, target.title), h('p', { class: 'form-error', role: 'alert' }, explainError(error)));
  }
  if (ticket !== routing) return;
  main.replaceChildren(stage);
  const heading = main.querySelector('h1');
  if (heading && moved) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: false }); }
  moved = true;
  await updateBanner();
}
let moved = false;

/** The stop replaces everything: no plan, only the referral (and a way out after a clinician). */
async function renderStopped(stage) {
  let stop = null;
  let findings = [];
  try { stop = (await get('/api/me/plan')).stop; } catch { /* the generic referral */ }
  try { findings = (await get('/api/me/findings')).findings; } catch { /* none to show */ }
  document.title = 'See a clinician now · GluteCoach';
  fill(stage, stopPage(stop, { onReassess: () => go('/assess'), findings }));
}

export async function updateBanner(message) {
  const parts = [];
  if (message) parts.push(message);
  const cached = cachedAt();
  if (cached) parts.push(`Offline: showing what was fetched at ${cached.toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' })}.`);
  if (session.me) {
    try {
      const waiting = (await pending()).filter((item) => item.account === session.me.account.id).length;
      if (waiting) parts.push(`${waiting} ${waiting === 1 ? 'entry waits' : 'entries wait'} to be sent when the connection returns.`);
    } catch { /* no IndexedDB */ }
  }
  announce(parts.join(' '));
}

function sendOutbox() {
  if (session.me) flush(session.me.account.id).then(() => updateBanner()).catch(() => {});
}

onOutbox((event) => {
  if (event.kind === 'sent' && event.response && event.response.safety && event.item.path === '/api/me/sets') {
    // A set sent later (it waited offline) stopped the plan: show the stop now.
    refreshSession().then(() => route()).catch(() => {});
  }
  if (event.kind === 'refused') {
    updateBanner(`The server refused an entry logged earlier: ${event.error.message}`);
  } else {
    updateBanner();
  }
});

// The skip link moves focus to the content without touching the hash (the hash is the route).
document.getElementById('skip').addEventListener('click', (event) => {
  event.preventDefault();
  const heading = main.querySelector('h1');
  (heading || main).setAttribute('tabindex', '-1');
  (heading || main).focus();
});

async function boot() {
  if ('serviceWorker' in navigator) {
    try { await navigator.serviceWorker.register('/sw.js', { scope: '/' }); } catch { /* the app works without it */ }
  }
  try {
    await refreshSession();
  } catch (error) {
    fill(main, h('h1', {}, 'GluteCoach'), h('p', { class: 'form-error', role: 'alert' }, explainError(error)));
    return;
  }
  window.addEventListener('hashchange', route);
  window.addEventListener('online', sendOutbox);
  setInterval(sendOutbox, 30000);
  sendOutbox();
  await route();
}

boot();
