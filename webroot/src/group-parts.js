// Sessions, attendance and the evaluation/termination records of a group's page.
import { api, post, patch } from './api.js';
import { h, formatTime } from './dom.js';

const ATTENDANCE = ['attended', 'late', 'excused', 'no-show', 'cancelled'];
const REASONS = ['goals-reached', 'time-ended', 'budget-ended', 'other'];

function attendanceForm(session, members, x) {
  const active = members.filter((m) => ['active', 'selected', 'completed', 'dropped-out', 'referred-elsewhere'].includes(m.status));
  if (active.length === 0) return null;
  return h('details', {}, h('summary', {}, x.t('group.attendance')), x.form((f) => x.act(f, () =>
    api('PUT', `/api/groups/${x.id}/sessions/${session.id}/attendance`, {
      version: session.version,
      entries: active.map((m) => ({ memberId: m.id, status: f.elements[`att-${m.id}`].value,
        minutes: f.elements[`min-${m.id}`].value === '' ? undefined : Number(f.elements[`min-${m.id}`].value) })),
    })), ...active.flatMap((m) => {
    const current = (session.attendance || {})[m.id] || {};
    return [h('div', { class: 'row-form' },
      ...x.field(m.name, x.select(`att-${m.id}`, ATTENDANCE, 'att', current.status || 'attended')),
      ...x.field(x.t('group.minutes'), h('input', { name: `min-${m.id}`, type: 'number', min: 0, value: current.minutes ?? '' })))];
  }), h('button', { type: 'submit' }, x.t('group.saveAttendance'))));
}

function noteLink(session, x) {
  const noteId = (x.notes || {})[session.id];
  if (noteId) return h('p', {}, h('a', { href: `/note.html?id=${encodeURIComponent(noteId)}`, class: 'note-link' }, x.t('note.open')));
  return x.form((f) => x.act(f, async () => {
    const note = await post(`/api/groups/${x.id}/sessions/${session.id}/note`, { lang: x.lang });
    location.href = `/note.html?id=${encodeURIComponent(note.id)}`;
  }), h('button', { type: 'submit', class: 'write-note' }, x.t('note.write')));
}

function sessionItem(session, members, x) {
  const when = `${formatTime(session.start, x.lang)} – ${formatTime(session.end, x.lang)}`;
  const base = `/api/groups/${x.id}/sessions/${session.id}`;
  return h('li', { class: 'card', dataset: { session: session.id, status: session.status } },
    h('strong', {}, when), ' ', h('span', { class: 'badge' }, session.status),
    session.topic ? h('p', {}, session.topic) : null,
    session.status !== 'cancelled' ? noteLink(session, x) : null,
    session.cancelReason ? h('p', {}, session.cancelReason) : null,
    session.status === 'scheduled' ? h('div', { class: 'row-form' },
      x.form((f) => x.act(f, () => patch(base, { version: session.version, status: 'held' })),
        h('button', { type: 'submit', class: 'mark-held' }, x.t('group.markHeld'))),
      x.form((f) => x.act(f, () => patch(base, { version: session.version, status: 'cancelled', reason: f.elements.reason.value })),
        ...x.field(x.t('group.cancelReason'), h('input', { name: 'reason' })),
        h('button', { type: 'submit' }, x.t('group.cancel'))),
      x.form((f) => {
        const start = new Date(f.elements.start.value);
        const length = Date.parse(session.end) - Date.parse(session.start);
        const valid = !Number.isNaN(start.getTime());
        return x.act(f, () => patch(base, { version: session.version, start: valid ? start.toISOString() : f.elements.start.value,
          end: valid ? new Date(start.getTime() + length).toISOString() : f.elements.start.value }));
      }, ...x.field(x.t('group.newStart'), h('input', { name: 'start', type: 'datetime-local' })),
      h('button', { type: 'submit' }, x.t('group.move')))) : null,
    session.status !== 'cancelled' ? attendanceForm(session, members, x) : null);
}

/** Scheduling, the list of sessions with attendance, and the attendance rates. */
export function sessionsSection(state, x) {
  const { group, sessions, rates } = state;
  const closed = group.phase === 'closed';
  return h('section', { class: 'card', id: 'sessions' }, h('h2', {}, x.t('group.sessions')),
    h('ul', { class: 'plain', id: 'session-list' }, sessions.map((s) => sessionItem(s, group.members, x))),
    closed ? null : x.form((f) => {
      const start = new Date(`${f.elements.date.value}T${f.elements.time.value || '09:00'}`);
      const valid = !Number.isNaN(start.getTime());
      const end = valid ? new Date(start.getTime() + Number(f.elements.minutes.value || 90) * 60000) : null;
      return x.act(f, () => post(`/api/groups/${x.id}/sessions`, {
        start: valid ? start.toISOString() : f.elements.date.value, end: end ? end.toISOString() : '',
        weeks: Number(f.elements.weeks.value || 1), topic: f.elements.topic.value,
      }));
    }, h('div', { class: 'row-form' },
      ...x.field(x.t('group.sessionDate'), h('input', { name: 'date', type: 'date', id: 'session-date' })),
      ...x.field(x.t('group.sessionTime'), h('input', { name: 'time', type: 'time', value: '09:00', id: 'session-time' })),
      ...x.field(x.t('group.sessionMinutes'), h('input', { name: 'minutes', type: 'number', value: 90, min: 10, max: 720 })),
      ...x.field(x.t('group.sessionWeeks'), h('input', { name: 'weeks', type: 'number', value: 1, min: 1, max: 52 }))),
    ...x.field(x.t('group.sessionTopic'), h('input', { name: 'topic' })),
    h('button', { type: 'submit', id: 'schedule' }, x.t('group.schedule'))),
    h('h3', {}, x.t('group.rates')),
    h('table', { id: 'rates' }, h('tbody', {}, rates.members.map((r) => h('tr', {},
      h('td', {}, r.name),
      h('td', {}, r.rate === null ? x.t('group.rateNone') : `${Math.round(r.rate * 1000) / 10}%`),
      h('td', { class: r.meetsMark ? '' : 'notice' }, r.rate === null ? '' : x.t(r.meetsMark ? 'group.meets' : 'group.below')))))));
}

/** Ongoing evaluation notes, the final evaluation and the termination record. */
export function recordsSection(state, x) {
  const g = state.group;
  const evaluation = g.evaluation || {};
  const final = evaluation.final || {};
  const termination = g.termination || {};
  const inEvaluation = g.phase === 'evaluation-termination';
  return h('section', { class: 'card', id: 'evaluation' }, h('h2', {}, x.t('group.evaluation')),
    h('ul', {}, (evaluation.ongoing || []).map((e) => h('li', {}, `${formatTime(e.at, x.lang)} (${e.by.name}): ${e.text}`))),
    g.phase === 'closed' ? null : x.form((f) => x.act(f, () => post(`/api/groups/${x.id}/evaluations`,
      { version: g.version, text: f.elements.text.value })),
    ...x.field(x.t('group.ongoing'), h('textarea', { name: 'text', rows: 2, id: 'ongoing-text' })),
    h('button', { type: 'submit', id: 'save-ongoing' }, x.t('group.saveOngoing'))),
    inEvaluation ? x.form((f) => x.act(f, () => api('PUT', `/api/groups/${x.id}/evaluation`,
      { version: g.version, process: f.elements.process.value, results: f.elements.results.value })),
    ...x.field(x.t('group.finalProcess'), h('textarea', { name: 'process', rows: 3 }, final.process || '')),
    ...x.field(x.t('group.finalResults'), h('textarea', { name: 'results', rows: 3 }, final.results || '')),
    h('button', { type: 'submit', id: 'save-final' }, x.t('group.saveFinal'))) : null,
    h('h2', {}, x.t('group.termination')),
    termination.summary ? h('p', {}, `${x.t(`term.${termination.reason}`)}: ${termination.summary}`) : null,
    inEvaluation ? x.form((f) => x.act(f, () => api('PUT', `/api/groups/${x.id}/termination`, {
      version: g.version, summary: f.elements.summary.value, reason: f.elements.reason.value,
      reasonOther: f.elements.reasonOther.value })),
    ...x.field(x.t('group.summary'), h('textarea', { name: 'summary', rows: 3 }, termination.summary || '')),
    ...x.field(x.t('group.terminationReason'), x.select('reason', REASONS, 'term', termination.reason)),
    ...x.field(x.t('group.reasonOther'), h('input', { name: 'reasonOther', value: termination.reasonOther || '' })),
    h('button', { type: 'submit', id: 'save-termination' }, x.t('group.saveTermination'))) : null);
}
