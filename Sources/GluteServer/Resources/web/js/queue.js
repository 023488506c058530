// The outbox: every logged set and wake-up call goes into IndexedDB first, with its own
// Idempotency-Key, and is sent from there. A write whose answer was lost is sent again with the
// same key, so the server stores it once; a write made offline waits until the connection returns.

import { request } from './api.js';

const DB_NAME = 'glute';
const STORE = 'outbox';
const listeners = new Set();

function openDatabase() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = () => {
      const store = opening.result.createObjectStore(STORE, { keyPath: 'key' });
      store.createIndex('queuedAt', 'queuedAt');
    };
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function withStore(mode, work) {
  const db = await openDatabase();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result && 'result' in result ? result.result : result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/** Every write waiting to be sent, oldest first. */
export async function pending() {
  const items = await withStore('readonly', (store) => store.getAll());
  return items.sort((a, b) => a.queuedAt - b.queuedAt);
}

/** Tells `listener({kind, item, response|error})` about each write sent or refused. */
export function onOutbox(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event) {
  for (const listener of listeners) listener(event);
}

/**
 * Queues a POST of `body` to `path` for `account` and tries to send the outbox at once. Resolves
 * with the server's answer when it was sent now, or `null` when it waits for the connection.
 */
export async function enqueue(path, body, account) {
  const item = { key: crypto.randomUUID(), path, body, account, queuedAt: Date.now() };
  await withStore('readwrite', (store) => store.put(item));
  const results = await flush(account);
  emit({ kind: 'queued', item });
  const mine = results.find((result) => result.item.key === item.key);
  if (mine && mine.error) throw mine.error;
  return mine ? mine.response : null;
}

let flushing = null;

/** Sends the waiting writes of `account` in order; stops at the first that cannot reach the server. */
export function flush(account) {
  if (!account) return Promise.resolve([]);
  const run = () => send(account);
  // One sender at a time, across tabs too where the browser has Web Locks.
  const next = (flushing || Promise.resolve()).then(() =>
    navigator.locks ? navigator.locks.request('glute-outbox', run) : run());
  flushing = next.catch(() => []);
  return next;
}

async function send(account) {
  const results = [];
  for (const item of await pending()) {
    if (item.account !== account) continue;
    try {
      const response = await request('POST', item.path, {
        body: item.body, headers: { 'Idempotency-Key': item.key },
      });
      await withStore('readwrite', (store) => store.delete(item.key));
      const result = { kind: 'sent', item, response };
      results.push(result);
      emit(result);
    } catch (caught) {
      let error = caught;
      // No connection, a retry still in flight, a limit, a server fault or an ended session:
      // keep it (and what follows it) for later.
      if (error.status === 0 || error.status === 401 || error.status === 403 || error.status === 409
          || error.status === 429 || error.status >= 500) break;
      // A clock ahead of the server's: send it again as logged now, under a new key (the refused
      // request stored nothing).
      if (error.field === 'at' && item.body.at) {
        const retry = { ...item, key: crypto.randomUUID(), body: { ...item.body } };
        delete retry.body.at;
        await withStore('readwrite', (store) => { store.delete(item.key); store.put(retry); });
        try {
          const response = await request('POST', retry.path, { body: retry.body, headers: { 'Idempotency-Key': retry.key } });
          await withStore('readwrite', (store) => store.delete(retry.key));
          const result = { kind: 'sent', item, response };
          results.push(result);
          emit(result);
          continue;
        } catch (again) {
          if (again.status === 0 || again.status >= 500) break;
          error = again;
          item.key = retry.key;
        }
      }
      // The server refused this write for good (it names why): drop it and say so.
      await withStore('readwrite', (store) => store.delete(item.key));
      const result = { kind: 'refused', item, error };
      results.push(result);
      emit(result);
    }
  }
  return results;
}

/** Forgets every waiting write (used when an account is deleted). */
export async function clear(account) {
  for (const item of await pending()) {
    if (item.account === account) await withStore('readwrite', (store) => store.delete(item.key));
  }
}
