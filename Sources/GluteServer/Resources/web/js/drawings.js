// Simple drawings of each test position: stick figures in inline SVG, drawn from a few joints.
// The working leg is drawn solid and thick, the free leg dashed, so the picture reads without colour.

import { s } from './dom.js';

const POSES = {
  bridge: {
    label: 'Lying on your back, one foot on the floor, hips lifted, the other leg straight in the air in line with the thigh.',
    head: [40, 108], neck: [52, 112], hip: [122, 84], arms: [[52, 112, 96, 122]],
    working: [[122, 84, 160, 74, 170, 123]], free: [[122, 84, 172, 66, 212, 54]],
  },
  squeeze: {
    label: 'Standing tall, feet hip-width apart; squeeze one buttock at a time, then both.',
    head: [120, 22], neck: [120, 36], hip: [120, 80], arms: [[120, 42, 100, 80], [120, 42, 140, 80]],
    working: [[120, 80, 108, 103, 106, 124], [120, 80, 132, 103, 134, 124]], free: [],
    marks: [['M 108 86 q -6 8 0 16', 'M 132 86 q 6 8 0 16']],
  },
  stance: {
    label: 'Standing on one leg, the other knee lifted, hands on the hips; the pelvis should stay level.',
    head: [120, 22], neck: [120, 36], hip: [120, 80], arms: [[120, 42, 104, 66, 108, 80], [120, 42, 136, 66, 132, 80]],
    working: [[112, 80, 111, 103, 110, 124]], free: [[128, 80, 142, 94, 136, 112]],
    level: [96, 80, 146, 80],
  },
  squat: {
    label: 'Standing on one leg and bending the knee into a shallow squat, arms forward; the knee should stay over the toes.',
    head: [118, 30], neck: [118, 44], hip: [118, 86], arms: [[118, 50, 92, 60], [118, 50, 144, 60]],
    working: [[114, 86, 110, 106, 114, 124]], free: [[124, 86, 142, 96, 152, 106]],
    arrow: [110, 106, 114, 124],
  },
  deadlift: {
    label: 'Standing on one leg and hinging forward, the other leg reaching back, one hand reaching towards the floor.',
    head: [56, 64], neck: [70, 70], hip: [122, 72], arms: [[76, 72, 82, 110]],
    working: [[122, 72, 120, 98, 120, 124]], free: [[122, 72, 152, 70, 184, 66]],
  },
  hinge: {
    label: 'Standing a foot away from a wall, pushing the hips back to touch it with the back flat and the knees soft.',
    head: [118, 40], neck: [130, 48], hip: [182, 74], arms: [[134, 52, 138, 92]],
    working: [[182, 74, 160, 100, 164, 124]], free: [], wall: true,
  },
  tilt: {
    label: 'Standing side-on; an anterior tilt tips the pelvis forward and arches the lower back.',
    head: [120, 22], neck: [120, 36], hip: [124, 80], arms: [[120, 42, 122, 80]],
    working: [[124, 80, 122, 103, 122, 124]], free: [], pelvis: true,
  },
  bodyweightSquat: {
    label: 'A squat on both legs, thighs near level, arms forward, seen from the side.',
    head: [94, 44], neck: [102, 56], hip: [112, 96], arms: [[104, 60, 148, 64]],
    working: [[112, 96, 142, 94, 136, 124]], free: [],
  },
};

function polyline(points, props) {
  const pairs = [];
  for (let i = 0; i < points.length; i += 2) pairs.push(`${points[i]},${points[i + 1]}`);
  return s('polyline', { points: pairs.join(' '), fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round', ...props });
}

/** The drawing of a pose, with its description for screen readers. */
export function drawing(name) {
  const pose = POSES[name];
  if (!pose) return null;
  const ink = '#1a1a1a';
  const brand = '#1d4e89';
  const parts = [
    s('title', {}, pose.label),
    s('line', { x1: 10, y1: 126, x2: 230, y2: 126, stroke: '#767676', 'stroke-width': 2 }),
    s('circle', { cx: pose.head[0], cy: pose.head[1], r: 9, fill: 'none', stroke: ink, 'stroke-width': 3 }),
    polyline([...pose.neck, ...pose.hip], { stroke: ink, 'stroke-width': 4 }),
    ...pose.arms.map((arm) => polyline(arm, { stroke: ink, 'stroke-width': 3 })),
    ...pose.working.map((leg) => polyline(leg, { stroke: brand, 'stroke-width': 5 })),
    ...pose.free.map((leg) => polyline(leg, { stroke: ink, 'stroke-width': 3, 'stroke-dasharray': '5 4' })),
  ];
  if (pose.marks) for (const d of pose.marks.flat()) parts.push(s('path', { d, fill: 'none', stroke: brand, 'stroke-width': 2 }));
  if (pose.level) {
    const [x1, y1, x2, y2] = pose.level;
    parts.push(s('line', { x1, y1, x2, y2, stroke: brand, 'stroke-width': 2, 'stroke-dasharray': '3 3' }),
      s('text', { x: x2 + 4, y: y2 + 4, 'font-size': 11, fill: ink }, 'level'));
  }
  if (pose.arrow) {
    parts.push(s('text', { x: 150, y: 122, 'font-size': 11, fill: ink }, 'knee over toes'));
  }
  if (pose.wall) parts.push(s('line', { x1: 190, y1: 10, x2: 190, y2: 126, stroke: '#767676', 'stroke-width': 6 }),
    s('text', { x: 196, y: 40, 'font-size': 11, fill: ink }, 'wall'));
  if (pose.pelvis) parts.push(s('rect', { x: 110, y: 72, width: 28, height: 16, rx: 4, fill: 'none', stroke: brand, 'stroke-width': 2, transform: 'rotate(15 124 80)' }),
    s('text', { x: 146, y: 84, 'font-size': 11, fill: ink }, 'pelvis'));
  return s('svg', { class: 'drawing', viewBox: '0 0 240 136', role: 'img', 'aria-label': pose.label }, parts);
}
