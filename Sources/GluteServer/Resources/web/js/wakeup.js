// The sitting timer. While the page is open during working hours it calls for a wake-up after
// each interval since the start of the working day (09:00 + 60 min: 10:00, 11:00, ...), as a
// notification through the service worker where the person allowed it, and always as a visible
// prompt with a short beep once the page has been touched. Done or skipped goes to the outbox.
// It rests outside working hours and on days off. Times are the person's time zone.

import { h, fill } from './dom.js';
import { enqueue } from './queue.js';
import * as store from './store.js';

const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
let config = null;
let timer = null;
let audio = null;
let pendingSlot = null;
const listeners = new Set();

function unlockAudio() {
  if (audio) return;
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (Context) audio = new Context();
  } catch { audio = null; }
}
document.addEventListener('pointerdown', unlockAudio, { once: true });
document.addEventListener('keydown', unlockAudio, { once: true });

function beep() {
  if (!audio) return; // browsers allow sound only after the person touched the page
  try {
    if (audio.state === 'suspended') audio.resume();
    const start = audio.currentTime;
    for (const [offset, pitch] of [[0, 880], [0.25, 660]]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = pitch;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.2);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(start + offset);
      oscillator.stop(start + offset + 0.22);
    }
  } catch { /* no sound: the prompt still shows */ }
}

function minutesOf(text) {
  const [hours, minutes] = text.split(':').map(Number);
  return hours * 60 + minutes;
}

/** The local weekday, minute of the day and date of `date` in `timeZone`. */
export function localParts(date, timeZone) {
  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date)) parts[part.type] = part.value;
  return {
    day: parts.weekday.slice(0, 3).toLowerCase(),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/**
 * Where `now` falls in the working hours: `{working, shift, slot, minutesIn, length}`. A shift
 * whose end is before its start runs past midnight and belongs to the day it started.
 */
export function position(now, settings) {
  const start = minutesOf(settings.start);
  const end = minutesOf(settings.end);
  const length = (end - start + 1440) % 1440 || 1440;
  const here = localParts(now, settings.timeZone);
  const minutesIn = (here.minutes - start + 1440) % 1440;
  const shiftStart = new Date(now.getTime() - minutesIn * 60000);
  const shift = localParts(shiftStart, settings.timeZone);
  const working = minutesIn < length && settings.days.includes(shift.day);
  const slot = Math.floor(minutesIn / settings.everyMinutes);
  return { working, shift: shift.date, slot, minutesIn, length, shiftStart };
}

function stateKey() { return `wakeup.${config.account}`; }
function state() { return store.load(stateKey(), { answered: {}, fired: null }); }
function keep(value) {
  // Only the last two weeks of answers matter.
  const keys = Object.keys(value.answered).sort();
  for (const key of keys.slice(0, Math.max(0, keys.length - 200))) delete value.answered[key];
  store.save(stateKey(), value);
}

/** The timer's status for the Today page: working, the next call's time, a waiting call. */
export function status() {
  if (!config) return null;
  const now = new Date();
  const where = position(now, config);
  let next = null;
  if (where.working) {
    const minutes = (where.slot + 1) * config.everyMinutes;
    if (minutes < where.length) next = new Date(where.shiftStart.getTime() + minutes * 60000);
  }
  return { working: where.working, next, pending: pendingSlot, everyMinutes: config.everyMinutes };
}

export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed() { for (const listener of listeners) listener(status()); }

function option(slot) {
  const options = config.options && config.options.length ? config.options : ['Stand up and squeeze your glutes for 30 seconds.'];
  return options[(slot.index - 1) % options.length];
}

function tick() {
  if (!config) return;
  const now = new Date();
  const where = position(now, config);
  const remembered = state();
  if (!where.working) {
    if (pendingSlot) { pendingSlot = null; render(); }
    changed();
    return;
  }
  if (where.slot >= 1 && where.slot * config.everyMinutes < where.length) {
    const id = `${where.shift}#${where.slot}`;
    if (!remembered.answered[id] && remembered.fired !== id) {
      remembered.fired = id;
      keep(remembered);
      pendingSlot = { id, index: where.slot, at: new Date(where.shiftStart.getTime() + where.slot * config.everyMinutes * 60000) };
      call(pendingSlot);
    } else if (!remembered.answered[id] && !pendingSlot && remembered.fired === id) {
      // The page was reloaded while a call waited: show it again, quietly.
      pendingSlot = { id, index: where.slot, at: new Date(where.shiftStart.getTime() + where.slot * config.everyMinutes * 60000) };
      render();
    }
  }
  changed();
}

async function call(slot) {
  render(true);
  beep();
  const text = option(slot);
  if ('Notification' in window && Notification.permission === 'granted' && navigator.serviceWorker) {
    try {
      const registration = await navigator.serviceWorker.ready;
      await registration.showNotification('Wake-up call', {
        body: text, tag: 'glute-wakeup', renotify: true, requireInteraction: true, data: { slot: slot.id },
        icon: '/icons/icon-192.png', actions: [{ action: 'done', title: 'Done' }, { action: 'skip', title: 'Skip' }],
      });
    } catch { /* the visible prompt is there anyway */ }
  }
}

function render(fresh = false) {
  const section = document.getElementById('wakeup');
  if (!section) return;
  if (!pendingSlot) {
    section.hidden = true;
    fill(section);
    document.title = document.title.replace(/^⏰ /, '');
    return;
  }
  const time = pendingSlot.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', timeZone: config.timeZone });
  fill(section,
    h('h2', { id: 'wakeup-title' }, `Wake-up call (${time})`),
    h('p', { role: fresh ? 'alert' : null }, option(pendingSlot)),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => answer(pendingSlot && pendingSlot.id, 'done') }, 'Done'),
      h('button', { type: 'button', class: 'secondary', onclick: () => answer(pendingSlot && pendingSlot.id, 'skip') }, 'Skip this one')));
  section.hidden = false;
  if (!document.title.startsWith('⏰')) document.title = `⏰ ${document.title}`;
}

/** Records the answer to a call (from the prompt or the notification's buttons). */
export async function answer(slotId, outcome) {
  if (!config || !slotId) return;
  const remembered = state();
  if (remembered.answered[slotId]) return;
  remembered.answered[slotId] = outcome;
  keep(remembered);
  if (pendingSlot && pendingSlot.id === slotId) pendingSlot = null;
  render();
  changed();
  try {
    await enqueue('/api/me/wakeups', { outcome, at: new Date().toISOString() }, config.account);
  } catch { /* refused: the banner of the outbox says so */ }
  const banner = document.getElementById('banner');
  if (banner) banner.textContent = outcome === 'done' ? 'Wake-up call done.' : 'Wake-up call skipped.';
}

/** Starts (or re-sets) the timer for a plan's wake-up calls; `null` stops it. */
export function configure(settings) {
  config = settings;
  if (!settings) {
    if (timer) clearInterval(timer);
    timer = null;
    pendingSlot = null;
    render();
    return;
  }
  if (!timer) timer = setInterval(tick, 10000);
  tick();
}

if (navigator.serviceWorker) {
  navigator.serviceWorker.addEventListener('message', (event) => {
    const message = event.data || {};
    if (message.type === 'wakeup-answer' && (message.answer === 'done' || message.answer === 'skip')) {
      answer(message.slot, message.answer);
    }
  });
}
document.addEventListener('visibilitychange', () => { if (!document.hidden) tick(); });

/** Asks for notifications (only from a click: browsers ignore it otherwise). */
export async function askForNotifications() {
  if (!('Notification' in window)) return 'unsupported';
  try { return await Notification.requestPermission(); } catch { return Notification.permission; }
}
