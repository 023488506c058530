// Small DOM helpers: elements are built with createElement and textContent only, never from HTML
// strings, so text from the API can never become markup (and the CSP forbids inline code anyway).

const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'hidden', 'open', 'indeterminate']);

function setProps(el, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (PROPERTIES.has(key) && !(el instanceof SVGElement)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, kids) {
  for (const kid of kids.flat(Infinity)) {
    if (kid === undefined || kid === null || kid === false) continue;
    el.append(kid instanceof Node ? kid : String(kid));
  }
}

function isProps(value) {
  return value && typeof value === 'object' && !(value instanceof Node) && !Array.isArray(value);
}

/** An HTML element: h('p', {class: 'hint'}, 'text', child). */
export function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  if (isProps(props)) setProps(el, props); else kids.unshift(props);
  append(el, kids);
  return el;
}

/** An SVG element. */
export function s(tag, props, ...kids) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  if (isProps(props)) setProps(el, props); else kids.unshift(props);
  append(el, kids);
  return el;
}

/** Replaces the children of `el`. */
export function fill(el, ...kids) {
  el.replaceChildren();
  append(el, kids);
  return el;
}

let counter = 0;
/** A unique id for label/field pairs. */
export function uid(prefix = 'f') {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Says `text` to screen readers (and shows it in the status line). */
export function announce(text) {
  const banner = document.getElementById('banner');
  if (banner) banner.textContent = text;
}
