// Today: what to do now at its current prescription, with hold timers, a rep counter per side
// (the weaker side first), logging in one or two taps, and the day's wake-up calls. A stop in the
// plan replaces all of it.

import { h, fill, announce } from '../dom.js';
import { get } from '../api.js';
import { enqueue } from '../queue.js';
import {
  explainLink, exercises, exerciseName, choices, stopPage, FELT, BALANCE, loadText, formatDate,
} from '../ui.js';
import * as wakeup from '../wakeup.js';

const SIDE_WORDS = { left: 'Left side', right: 'Right side' };

function target(p) {
  const unit = p.measure === 'seconds' ? 's' : 'reps';
  const range = p.range ? ` (range ${p.range.low}–${p.range.high})` : '';
  return `${p.sets} × ${p.target} ${unit}${range}${p.load ? ` with ${loadText(p.load)}` : ''}`;
}

let beepContext = null;
function endBeep() {
  try {
    beepContext = beepContext || new AudioContext();
    const oscillator = beepContext.createOscillator();
    const gain = beepContext.createGain();
    oscillator.frequency.value = 990;
    gain.gain.value = 0.2;
    oscillator.connect(gain).connect(beepContext.destination);
    oscillator.start();
    oscillator.stop(beepContext.currentTime + 0.3);
  } catch { /* silent */ }
}

/** The log form of one side (or both) of one item. */
function sideRow(item, p, session, context, catalogue, firstOfSeveral) {
  const isHold = p.measure === 'seconds';
  const sets = [];
  let count = 0;
  const status = h('p', { class: 'hint', role: 'status' });
  const setsLine = h('p', { class: 'hint' });
  const counterValue = h('output', { 'aria-live': 'polite' }, '0');
  const exercise = catalogue.get(item.exercise) || {};

  // One name per session, exercise and side: an exercise in two sessions of a day stays two forms.
  const key = `${item.session}-${p.exercise}-${p.side || 'both'}`;
  const felt = choices({ legend: 'Felt it in', name: `felt-${key}`, options: FELT, value: 'glutes' });
  const balance = choices({ legend: 'Balance', name: `balance-${key}`, options: BALANCE, value: 'steady' });
  const painInput = h('input', { type: 'number', min: 0, max: 10, value: '0', inputmode: 'numeric', id: `pain-${key}` });
  const rpeInput = h('input', { type: 'number', min: 1, max: 10, inputmode: 'numeric', id: `rpe-${key}` });
  const loadInput = exercise.loadable || p.load
    ? h('input', { type: 'number', min: 0, max: 2000, step: 0.5, value: p.load ? String(p.load.value) : '', id: `load-${key}` })
    : null;

  const showSets = () => {
    setsLine.textContent = sets.length ? `Done so far: ${sets.map((n, i) => `set ${i + 1}: ${n}${isHold ? ' s' : ''}`).join(', ')}.` : '';
  };

  const send = async (values) => {
    const body = { exercise: p.exercise, session: item.session };
    if (p.side) body.side = p.side;
    if (isHold) body.seconds = values; else body.reps = values;
    body.felt = felt.read() || 'glutes';
    body.balance = balance.read() || 'steady';
    const pain = Number.parseInt(painInput.value, 10);
    body.pain = Number.isFinite(pain) ? Math.max(0, Math.min(10, pain)) : 0;
    const rpe = Number.parseInt(rpeInput.value, 10);
    if (Number.isFinite(rpe)) body.rpe = Math.max(1, Math.min(10, rpe));
    if (loadInput && loadInput.value !== '' && Number(loadInput.value) > 0) {
      body.load = { value: Number(loadInput.value), unit: p.load ? p.load.unit : (context.session.units || 'kg') };
    }
    body.at = new Date().toISOString();
    status.textContent = 'Saving…';
    try {
      const answer = await enqueue('/api/me/sets', body, session.me.account.id);
      row.classList.add('done');
      if (!answer) {
        status.textContent = 'Saved on this device: it is sent when the connection returns.';
      } else {
        const reason = answer.next && answer.next.reason ? ` Next time: ${answer.next.reason.text}` : '';
        status.textContent = `Logged.${reason}`;
        if (answer.safety) {
          // Pain or numbness stopped the plan: the stop replaces everything.
          await context.refreshSession();
          context.go('/today');
        } else if (answer.planVersion && answer.recomputed) {
          announce('Your plan changed after this set.');
          setTimeout(() => context.go('/today'), 50);
        }
      }
      sets.length = 0;
      showSets();
    } catch (error) {
      status.textContent = `Not saved: ${error.message}`;
    }
  };

  const counter = isHold
    ? holdTimer(p.target, () => { sets.push(p.target); showSets(); })
    : h('div', { class: 'counter' },
      h('button', { type: 'button', class: 'secondary', 'aria-label': `One rep fewer, ${SIDE_WORDS[p.side] || 'both sides'}`, onclick: () => { count = Math.max(0, count - 1); counterValue.textContent = String(count); } }, '−'),
      counterValue,
      h('button', { type: 'button', 'aria-label': `One rep more, ${SIDE_WORDS[p.side] || 'both sides'}`, onclick: () => { count += 1; counterValue.textContent = String(count); } }, '+'),
      h('button', {
        type: 'button', class: 'secondary',
        onclick: () => { if (count > 0) { sets.push(count); count = 0; counterValue.textContent = '0'; showSets(); } },
      }, 'Set done'));

  const sideLabel = p.side ? SIDE_WORDS[p.side] : 'Both sides';
  const heading = `${sideLabel}${p.side && firstOfSeveral ? ' first' : ''}`;
  const row = h('div', { class: 'side-row' },
    h('h4', {}, `${heading}: ${target(p)}`),
    counter, setsLine,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => send(Array(p.sets).fill(p.target)) },
        `Log ${p.sets} × ${p.target}${isHold ? ' s' : ''} as prescribed`),
      h('button', { type: 'button', class: 'secondary', onclick: () => { if (sets.length) send([...sets]); else status.textContent = 'Count a set first, or log as prescribed.'; } },
        'Log the sets counted')),
    h('details', {}, h('summary', {}, 'How it felt (glutes, steady, no pain unless you change it)'),
      felt.node, balance.node,
      h('label', { for: painInput.id }, 'Pain, 0 to 10'), painInput,
      h('label', { for: rpeInput.id }, 'Effort (RPE 1 to 10, optional)'), rpeInput,
      loadInput ? [h('label', { for: loadInput.id }, `Load (${p.load ? p.load.unit : 'kg'})`), loadInput] : null),
    status);
  return row;
}

/** A countdown for a hold, with a sound at the end. */
function holdTimer(seconds, onDone) {
  const display = h('span', { class: 'timer', role: 'timer', 'aria-live': 'off' }, `${seconds} s`);
  const said = h('span', { class: 'visually-hidden', 'aria-live': 'polite' });
  let handle = null;
  const button = h('button', { type: 'button' }, `Start ${seconds} s hold`);
  button.addEventListener('click', () => {
    if (handle) { clearInterval(handle); handle = null; display.textContent = `${seconds} s`; button.textContent = `Start ${seconds} s hold`; return; }
    let left = seconds;
    display.textContent = `${left} s`;
    button.textContent = 'Stop';
    handle = setInterval(() => {
      left -= 1;
      display.textContent = `${left} s`;
      if (left <= 0) {
        clearInterval(handle);
        handle = null;
        button.textContent = `Start ${seconds} s hold`;
        display.textContent = 'Done';
        said.textContent = 'Hold done';
        endBeep();
        onDone();
      }
    }, 1000);
  });
  return h('div', { class: 'counter' }, button, display, said);
}

function wakeUpPanel(summary) {
  const line = h('p', { class: 'sitting' });
  const update = () => {
    const state = wakeup.status();
    if (!state) { line.textContent = ''; return; }
    if (!state.working) line.textContent = 'Resting: no wake-up calls outside working hours and on days off.';
    else if (state.next) line.textContent = `Next wake-up call at ${state.next.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.`;
    else line.textContent = 'No more wake-up calls today.';
  };
  update();
  const stopListening = wakeup.onChange(update);
  const observer = new MutationObserver(() => { if (!line.isConnected) { stopListening(); observer.disconnect(); } });
  observer.observe(document.getElementById('main'), { childList: true });

  let permission = null;
  if ('Notification' in window) {
    if (Notification.permission === 'default') {
      permission = h('button', { type: 'button', class: 'secondary' }, 'Allow wake-up notifications');
      permission.addEventListener('click', async () => {
        const answer = await wakeup.askForNotifications();
        permission.replaceWith(h('p', { class: 'hint' }, answer === 'granted'
          ? 'Notifications are on.' : 'No notifications: the call shows on this page, with a sound.'));
      });
    } else if (Notification.permission === 'denied') {
      permission = h('p', { class: 'hint' }, 'Notifications are blocked: each call shows on this page, with a sound once you have touched the page.');
    }
  }
  return h('section', { class: 'card', 'aria-labelledby': 'wakeups-title' },
    h('h2', { id: 'wakeups-title' }, 'Wake-up calls'),
    summary && summary.workDay
      ? h('p', {}, `Today ${summary.done} done, ${summary.skipped} skipped of ${summary.planned} planned (every ${summary.everyMinutes} minutes, ${summary.start}–${summary.end}).`)
      : h('p', {}, 'Not a working day: no wake-up calls today.'),
    line, permission);
}

export async function render(context) {
  const { main, session } = context;
  const [today, catalogue] = await Promise.all([get('/api/me/today'), exercises()]);
  if (today.stop) {
    const findings = await get('/api/me/findings').then((answer) => answer.findings, () => []);
    fill(main, stopPage(today.stop, { onReassess: () => context.go('/assess'), findings }));
    return;
  }
  const sessions = today.sessions || [];
  const notices = [];
  if (today.reassessDue) notices.push(h('p', { class: 'card' }, h('strong', {}, 'Your four-weekly reassessment is due. '), h('a', { href: '#/assess' }, 'Take it now')));
  if (today.retestsDue && today.retestsDue.length) {
    notices.push(h('p', { class: 'card' }, h('strong', {}, 'A retest is due: '), today.retestsDue.map((due) => due.test.replace(/-/g, ' ')).join(', '), '. ', h('a', { href: `#/retest/${today.retestsDue[0].test}` }, 'Retest now')));
  }
  fill(main,
    h('h1', {}, `Today, ${formatDate(today.date)}`),
    notices,
    sessions.length === 0 ? h('p', {}, 'No session today: a rest day. Keep to the wake-up calls.') : null,
    sessions.map((s) => h('section', { class: 'session', 'aria-labelledby': `session-${s.kind}` },
      h('h2', { id: `session-${s.kind}` }, `${s.kind.charAt(0).toUpperCase()}${s.kind.slice(1)} session, about ${s.minutes} minutes`),
      s.focus ? h('p', { class: 'muted' }, s.focus) : null,
      s.items.map((item) => h('article', { class: `card${item.loggedToday ? ' done' : ''}`, 'aria-label': exerciseName(catalogue, item.exercise) },
        h('h3', {}, explainLink(item.exercise, exerciseName(catalogue, item.exercise)),
          item.loggedToday ? h('span', { class: 'ok' }, ' ✓ logged today') : null),
        item.prescription.map((p, index) => sideRow({ ...item, session: s.kind }, p, session, context, catalogue,
          index === 0 && item.prescription.length > 1)))))),
    wakeUpPanel(today.wakeUpCalls),
    today.closedGates && today.closedGates.length ? h('section', { class: 'card' },
      h('h2', {}, 'Still locked'),
      h('ul', {}, today.closedGates.map((gate) => h('li', {}, `${gate.blocks}: unlocks when ${gate.until}.`)))) : null);
}
