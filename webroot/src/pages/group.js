// One group's page: its phase and gate, members, records per phase, sessions and attendance,
// and the stage timeline. It reloads live when anyone changes the group.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get, post, patch, api } from '../api.js';
import { subscribe } from '../bus.js';
import { h, showError, lines, formatTime } from '../dom.js';
import { timeline, stageForm } from '../stages.js';
import { sessionsSection, recordsSection } from '../group-parts.js';

const PHASES = ['intake', 'assessment-planning', 'selection', 'development', 'evaluation-termination', 'closed'];
const NEXT_STATUS = {
  referred: ['assessed', 'not-selected'], assessed: ['selected', 'not-selected'],
  selected: ['active', 'not-selected'], 'not-selected': ['assessed'],
  active: ['completed', 'dropped-out', 'referred-elsewhere'],
};
const id = new URLSearchParams(location.search).get('id');
const t = i18n.t;
let state = null;
let role = null;

function say(text) {
  document.getElementById('status').textContent = text;
}

/** Runs an API call from a form, shows its errors there, and reloads on success. */
async function act(form, call, done) {
  const alert = form.querySelector('.form-alert') || document.getElementById('alert');
  try {
    await call();
    await reload();
    say(t(done || 'group.saved'));
  } catch (e) {
    if (e.status === 409) {
      say(t('group.conflict'));
      await reload();
      document.getElementById('alert').textContent = `${t('group.conflict')} ${e.detail}`;
      document.getElementById('alert').classList.remove('hidden');
      return;
    }
    showError(form, alert, e);
  }
}

function field(label, input) {
  input.id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  return [h('label', { for: input.id }, label), input];
}

function form(onsubmit, ...children) {
  const el = h('form', { class: 'stack' }, h('div', { class: 'form-alert error hidden', role: 'alert' }), ...children);
  el.addEventListener('submit', (e) => { e.preventDefault(); onsubmit(el); });
  return el;
}

function select(name, codes, prefix, chosen) {
  return h('select', { name }, codes.map((c) => h('option', { value: c, selected: c === chosen }, t(`${prefix}.${c}`))));
}

function phaseSection(g) {
  const current = PHASES.indexOf(g.phase);
  const steps = h('ol', { class: 'phases', 'aria-label': t('group.phases') }, PHASES.map((p, i) =>
    h('li', { class: i < current ? 'done' : '', 'aria-current': i === current ? 'step' : null }, t(`phase.${p}`))));
  const history = g.phaseHistory.length === 0 ? h('p', {}, t('group.historyEmpty'))
    : h('ul', { id: 'phase-history' }, g.phaseHistory.map((m) => h('li', {},
      `${formatTime(m.at, i18n.lang())}: ${t(`phase.${m.from}`)} → ${t(`phase.${m.to}`)} (${m.by.name})${m.reason ? ` — ${m.reason}` : ''}`)));
  const parts = [h('h2', {}, t('group.phases')), steps];
  if (g.next) {
    const missing = g.next.missing;
    parts.push(h('h3', {}, t('group.next')),
      missing.length === 0 ? h('p', { id: 'gate-ready' }, t('group.ready'))
        : h('div', {}, h('p', {}, t('group.missingIntro')), h('ul', { id: 'gate-missing', class: 'missing' },
          missing.map((m) => h('li', { dataset: { code: m.code } }, t(`gate.${m.code}`, m.params))))),
      form((f) => act(f, () => post(`/api/groups/${id}/phase`, { to: g.next.phase, version: state.group.version }),
        'group.saved'), h('button', { class: 'primary', type: 'submit', id: 'move-next' },
        t('group.moveTo', { phase: t(`phase.${g.next.phase}`) }))));
    if (g.phase === 'development' && g.membership === 'open') {
      parts.push(h('details', {}, h('summary', {}, t('group.back')), form((f) => act(f, () =>
        post(`/api/groups/${id}/phase`, { to: 'selection', reason: f.elements.reason.value, version: state.group.version })),
      ...field(t('group.backReason'), h('input', { name: 'reason' })), h('button', { type: 'submit' }, t('group.backButton')))));
    }
  } else {
    parts.push(h('p', { id: 'closed-note' }, t('group.closedNote')));
  }
  parts.push(h('h3', {}, t('group.history')), history);
  if (role === 'coordinator') {
    parts.push(form((f) => act(f, () => post(`/api/groups/${id}/archive`, { version: state.group.version, archived: !g.archived })),
      g.archived ? h('p', {}, t('group.archived')) : null,
      h('button', { type: 'submit', id: 'archive' }, t(g.archived ? 'group.unarchive' : 'group.archive'))));
  }
  if (g.warnings.length) {
    parts.push(h('div', { class: 'notice', role: 'note' }, h('strong', {}, t('group.warnings')),
      h('ul', {}, g.warnings.map((w) => h('li', {}, t(w.code, w))))));
  }
  return h('section', { class: 'card', 'aria-label': t('group.phases') }, ...parts);
}

function memberRow(g, m) {
  const intake = m.intake || {};
  const sel = m.selection || {};
  const base = `/api/groups/${id}/members/${m.id}`;
  const next = NEXT_STATUS[m.status] || [];
  return h('li', { class: 'card', dataset: { member: m.name } },
    h('strong', {}, m.name), ' ', h('span', { class: 'badge' }, t(`status.${m.status}`)),
    h('details', {}, h('summary', {}, t('group.intake')), form((f) => act(f, () => patch(base, {
      version: m.version,
      intake: { problemSource: f.elements.problemSource.value, problemStory: f.elements.problemStory.value,
        contractAgreed: f.elements.contractAgreed.checked, confidentialityConsent: f.elements.confidentialityConsent.checked },
    })), ...field(t('group.problemSource'), h('select', { name: 'problemSource' },
      h('option', { value: 'self-told', selected: intake.problemSource === 'self-told' }, t('group.selfTold')),
      h('option', { value: 'worker-observed', selected: intake.problemSource === 'worker-observed' }, t('group.workerObserved')))),
    ...field(t('group.problemStory'), h('textarea', { name: 'problemStory', rows: 2 }, intake.problemStory || '')),
    h('label', { class: 'checks' }, h('input', { type: 'checkbox', name: 'contractAgreed', checked: !!intake.contractAgreed }), t('group.contract')),
    h('label', { class: 'checks' }, h('input', { type: 'checkbox', name: 'confidentialityConsent', checked: !!intake.confidentialityConsent }), t('group.consent')),
    h('button', { type: 'submit' }, t('group.saveIntake')))),
    h('details', {}, h('summary', {}, t('group.selection')), form((f) => act(f, () => patch(base, {
      version: m.version, selection: { ageBand: f.elements.ageBand.value, gender: f.elements.gender.value,
        socialStatus: f.elements.socialStatus.value, contribution: f.elements.contribution.value },
    })), ...field(t('group.ageBand'), h('select', { name: 'ageBand' }, ['', 'under-18', '18-25', '26-40', '41-60', 'over-60']
      .map((a) => h('option', { value: a, selected: sel.ageBand === a }, a)))),
    ...field(t('group.gender'), h('input', { name: 'gender', value: sel.gender || '' })),
    ...field(t('group.socialStatus'), h('input', { name: 'socialStatus', value: sel.socialStatus || '' })),
    ...field(t('group.contribution'), h('textarea', { name: 'contribution', rows: 2 }, sel.contribution || '')),
    h('button', { type: 'submit' }, t('group.saveSelection')))),
    next.length === 0 ? null : form((f) => act(f, () => patch(base, { version: m.version, status: f.elements.status.value,
      reason: f.elements.reason.value || undefined, followUp: f.elements.followUp.value || undefined })),
    ...field(t('group.changeStatus'), select('status', next, 'status')),
    ...field(t('group.reason'), h('input', { name: 'reason' })),
    ...field(t('group.followUp'), h('input', { name: 'followUp' })),
    h('button', { type: 'submit' }, t('group.saveStatus'))));
}

function membersSection(g) {
  return h('section', { class: 'card', id: 'members' }, h('h2', {}, t('group.members')),
    h('ul', { class: 'plain' }, g.members.map((m) => memberRow(g, m))),
    g.phase === 'closed' ? null : form((f) => act(f, () => post(`/api/groups/${id}/members`, { name: f.elements.name.value })),
      ...field(t('group.memberName'), h('input', { name: 'name', id: 'new-member' })),
      h('button', { type: 'submit', id: 'add-member' }, t('group.memberAdd'))));
}

function assessmentSection(g) {
  const a = g.assessment || {};
  const area = (name, label) => field(t(label), h('textarea', { name, rows: 3 }, (a[name] || []).join('\n')));
  return h('section', { class: 'card', id: 'assessment' }, h('h2', {}, t('group.assessment')),
    form((f) => act(f, () => api('PUT', `/api/groups/${id}/assessment`, {
      version: state.group.version, problems: lines(f.elements.problems.value),
      shortTermGoals: lines(f.elements.shortTermGoals.value), longTermGoals: lines(f.elements.longTermGoals.value),
      plannedActions: lines(f.elements.plannedActions.value) })),
    ...area('problems', 'group.problems'), ...area('shortTermGoals', 'group.shortGoals'),
    ...area('longTermGoals', 'group.longGoals'), ...area('plannedActions', 'group.actions'),
    h('button', { type: 'submit', id: 'save-assessment' }, t('group.saveAssessment'))));
}

async function reload() {
  const [group, sessions, rates, notes] = await Promise.all([get(`/api/groups/${id}`),
    get(`/api/groups/${id}/sessions`), get(`/api/groups/${id}/attendance`), get(`/api/groups/${id}/notes`)]);
  state = { group, sessions, rates, notes: Object.fromEntries(notes.map((n) => [n.sessionId, n.id])) };
  draw();
}

function draw() {
  const g = state.group;
  document.getElementById('group').replaceChildren(
    h('h1', { id: 'group-name' }, g.name), h('p', {}, `${t(`type.${g.type}`)} · `,
      h('span', { class: 'badge', id: 'group-phase', dataset: { phase: g.phase } }, t(`phase.${g.phase}`)), ' · ',
      h('span', { class: 'badge', id: 'group-stage' }, g.stage ? t(`stage.${g.stage.stage}`) : t('stage.none'))),
    g.purpose ? h('p', {}, g.purpose) : null,
    phaseSection(g), membersSection(g), assessmentSection(g),
    sessionsSection(state, { act, form, field, select, id, t, lang: i18n.lang(), notes: state.notes }),
    h('section', { class: 'card timeline', id: 'timeline' }, h('h2', {}, t('group.timeline')),
      timeline(g, t, i18n.lang()), stageForm(g, state.sessions, { act, form, field, id, t, lang: i18n.lang() })),
    recordsSection(state, { act, form, field, select, id, t, lang: i18n.lang() }));
  document.getElementById('group').removeAttribute('data-i18n');
}

start().then(async (user) => {
  if (!user) {
    location.href = `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`;
    return;
  }
  role = user.role;
  try {
    await reload();
  } catch (e) {
    document.getElementById('group').textContent = e.detail || e.message;
    return;
  }
  i18n.onChange(draw);
  // others' changes are announced and shown; while this person is typing in a form the redraw
  // waits until they leave it, so their input is not lost
  let waiting = false;
  const typing = () => {
    const active = document.activeElement;
    return active && active.closest('#group form') && ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName);
  };
  document.getElementById('group').addEventListener('focusout', () => setTimeout(() => {
    if (waiting && !typing()) {
      waiting = false;
      reload();
    }
  }, 0));
  subscribe(`group.${id}`, (event) => {
    if (event.by && event.by.id === user.id) return;
    say(t('group.updated', { who: event.by ? event.by.name : '' }));
    if (typing()) waiting = true;
    else reload();
  });
});
