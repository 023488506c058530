// The explanations behind every term: findings, principles, muscles, exercises and education
// cards, from explainTopic, in one dialog.

import { h, fill } from './dom.js';
import { get, explainError } from './api.js';

function topicBody(topic) {
  switch (topic.kind) {
    case 'card':
      return [
        h('p', {}, h('strong', {}, topic.summary)),
        ...(topic.body || []).map((paragraph) => h('p', {}, paragraph)),
        h('p', {}, `How strong the evidence is: ${topic.evidenceGrade}.`),
        topic.evidence && topic.evidence.length ? h('details', {}, h('summary', {}, 'Sources'),
          h('ul', {}, topic.evidence.map((source) => h('li', {}, source)))) : null,
      ];
    case 'muscle':
      return [
        h('p', {}, `Layer: ${topic.layer}. Group: ${String(topic.group || '').replace(/-/g, ' ')}.`),
        h('h3', {}, 'What it does'), h('ul', {}, (topic.actions || []).map((a) => h('li', {}, a))),
        h('h3', {}, 'Signs that it is not doing its job'), h('ul', {}, (topic.failureSigns || []).map((a) => h('li', {}, a))),
        h('h3', {}, 'Exercises that train it'), h('p', {}, (topic.exercises || []).map((e) => e.replace(/-/g, ' ')).join(', ')),
      ];
    case 'exercise': {
      const exercise = topic.exercise || {};
      return [
        h('p', {}, `Pattern: ${exercise.pattern}; ${exercise.laterality === 'unilateral' ? 'one side at a time' : 'both sides together'}; equipment: ${(exercise.equipment || []).join(', ') || 'none'}.`),
        h('h3', {}, 'How to do it'), h('ol', {}, (exercise.cues || []).map((cue) => h('li', {}, cue))),
        exercise.easier && exercise.easier.length ? h('p', {}, `Easier: ${exercise.easier.map((e) => e.replace(/-/g, ' ')).join(', ')}.`) : null,
        exercise.harder && exercise.harder.length ? h('p', {}, `Harder: ${exercise.harder.map((e) => e.replace(/-/g, ' ')).join(', ')}.`) : null,
      ];
    }
    default:
      return [h('p', {}, topic.text || topic.summary || '')];
  }
}

function title(topic, id) {
  if (topic.title) return topic.title;
  if (topic.name) return topic.name;
  if (topic.exercise && topic.exercise.name) return topic.exercise.name;
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Opens the explanation of `id` in the dialog, returning focus to the opener on close. */
export async function openExplain(id) {
  const dialog = document.getElementById('explain');
  const opener = document.activeElement;
  const close = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Close');
  fill(dialog, h('h2', { id: 'explain-title' }, 'Loading…'));
  if (!dialog.open) dialog.showModal();
  try {
    const topic = await get(`/api/explain/${encodeURIComponent(id)}`);
    fill(dialog, h('h2', { id: 'explain-title' }, title(topic, id)), ...topicBody(topic), h('div', { class: 'actions' }, close));
  } catch (error) {
    fill(dialog, h('h2', { id: 'explain-title' }, 'Not available'), h('p', {}, explainError(error)), h('div', { class: 'actions' }, close));
  }
  close.focus();
  dialog.addEventListener('close', () => { if (opener && opener.focus) opener.focus(); }, { once: true });
}
