// What the app keeps in localStorage: the assessment draft, the sitting timer's state and small
// preferences, each under the account's id so that two people on one device stay apart.

const PREFIX = 'glute.';

export function load(key, fallback = null) {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch { /* storage full or refused: the app still works, it only forgets */ }
}

export function remove(key) {
  try { localStorage.removeItem(PREFIX + key); } catch { /* ignore */ }
}
