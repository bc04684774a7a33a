// The stage timeline: drawn as a step line over time (a fall-back shows as a drop), listed with
// the signs and rationale, and the form to record the stage observed.
import { post } from './api.js';
import { h, formatTime } from './dom.js';

const STAGES = ['pre-affiliation', 'power-control', 'intimacy', 'differentiation', 'separation'];

function signText(sign, lang) {
  return lang === 'id' ? sign.id : sign.en;
}

/** The drawn timeline and the list of observations. */
export function timeline(g, t, lang) {
  const entries = [...g.stages].sort((a, b) => a.observedAt.localeCompare(b.observedAt));
  if (entries.length === 0) return h('p', { id: 'timeline-empty' }, t('group.timelineEmpty'));
  const width = 600;
  const height = 40 + STAGES.length * 30;
  const times = entries.map((e) => Date.parse(e.observedAt));
  const first = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - first);
  const x = (time) => 150 + ((time - first) / span) * (width - 180);
  const y = (stage) => 20 + (STAGES.length - 1 - STAGES.indexOf(stage)) * 30;
  const points = entries.map((e) => `${x(Date.parse(e.observedAt))},${y(e.stage)}`).join(' ');
  const signs = Object.fromEntries(Object.entries(g.signs).map(([stage, list]) =>
    [stage, Object.fromEntries(list.map((s) => [s.code, signText(s, lang)]))]));
  return h('div', {},
    h('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'timeline-title' },
      h('title', { id: 'timeline-title' }, t('group.timeline')),
      ...STAGES.map((s) => h('g', {}, h('line', { class: 'axis', x1: 140, x2: width - 10, y1: y(s), y2: y(s) }),
        h('text', { x: 0, y: y(s) + 4 }, t(`stage.${s}`)))),
      h('polyline', { class: 'path', points }),
      ...entries.map((e) => h('circle', { class: e.fallBack ? 'dot fallback' : 'dot', cx: x(Date.parse(e.observedAt)), cy: y(e.stage), r: 5 },
        h('title', {}, `${t(`stage.${e.stage}`)} ${formatTime(e.observedAt, lang)}`)))),
    h('ol', { id: 'stage-list' }, entries.map((e) => h('li', { dataset: { stage: e.stage } },
      h('strong', {}, t(`stage.${e.stage}`)), ' ', formatTime(e.observedAt, lang), ` (${e.by.name})`,
      e.fallBack ? h('span', { class: 'fallback' }, ` — ${t('group.fallBack')}`) : null,
      e.signs.length ? h('ul', {}, e.signs.map((c) => h('li', {}, (signs[e.stage] || {})[c] || c))) : null,
      h('p', {}, e.rationale)))));
}

/** The form to record an observed stage, ticking the signs of the chosen stage. */
export function stageForm(g, sessions, x) {
  if (g.phase === 'closed') return null;
  const signsBox = h('fieldset', { class: 'checks', id: 'stage-signs' }, h('legend', {}, x.t('group.signs')));
  const stageSelect = h('select', { name: 'stage', id: 'stage-select' },
    STAGES.map((s) => h('option', { value: s, selected: g.stage && g.stage.stage === s }, x.t(`stage.${s}`))));
  const drawSigns = () => {
    const list = g.signs[stageSelect.value] || [];
    signsBox.replaceChildren(h('legend', {}, x.t('group.signs')), ...list.map((s) => h('label', {},
      h('input', { type: 'checkbox', name: 'signs', value: s.code }), signText(s, x.lang))));
  };
  stageSelect.addEventListener('change', drawSigns);
  drawSigns();
  const held = sessions.filter((s) => s.status !== 'cancelled');
  return h('div', {}, h('h3', {}, x.t('group.recordStage')), x.form((f) => x.act(f, () => post(`/api/groups/${x.id}/stages`, {
    version: g.version, stage: f.elements.stage.value,
    sessionId: f.elements.sessionId.value || undefined,
    signs: [...f.querySelectorAll('input[name=signs]:checked')].map((i) => i.value),
    rationale: f.elements.rationale.value,
  })), ...x.field(x.t('group.stage'), stageSelect), signsBox,
  ...x.field(x.t('group.sessions'), h('select', { name: 'sessionId' }, h('option', { value: '' }, '—'),
    held.map((s) => h('option', { value: s.id }, formatTime(s.start, x.lang))))),
  ...x.field(x.t('group.rationale'), h('textarea', { name: 'rationale', rows: 2, id: 'stage-rationale' })),
  h('button', { type: 'submit', id: 'save-stage' }, x.t('group.saveStage'))),
  h('details', {}, h('summary', {}, x.t('group.addSign')), x.form((f) => x.act(f, () => post(`/api/groups/${x.id}/signs`,
    { version: g.version, stage: stageSelect.value, text: f.elements.text.value })),
  ...x.field(x.t('group.signs'), h('input', { name: 'text' })), h('button', { type: 'submit' }, x.t('group.addSign')))));
}
