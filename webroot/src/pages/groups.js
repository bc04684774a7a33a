// The list of groups, with search and filters; coordinators also create groups here.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get, post } from '../api.js';
import { h, showError, clearError } from '../dom.js';

const PHASES = ['intake', 'assessment-planning', 'selection', 'development', 'evaluation-termination', 'closed'];
const STAGES = ['pre-affiliation', 'power-control', 'intimacy', 'differentiation', 'separation'];
const TYPES = ['support', 'therapy', 'educational', 'recreational', 'self-help', 'task'];

function options(select, prefix, codes, any) {
  const chosen = select.value;
  select.replaceChildren(...(any ? [h('option', { value: '' }, i18n.t('groups.any'))] : []),
    ...codes.map((c) => h('option', { value: c }, i18n.t(`${prefix}.${c}`))));
  select.value = chosen;
}

async function load() {
  const form = document.getElementById('filter');
  const params = new URLSearchParams();
  for (const name of ['q', 'phase', 'stage']) {
    const value = form.elements[name].value;
    if (value) params.set(name, value);
  }
  const alert = document.getElementById('alert');
  try {
    const groups = await get(`/api/groups?${params}`);
    clearError(form, alert);
    document.getElementById('group-rows').replaceChildren(...groups.map((g) => h('tr', {},
      h('td', {}, h('a', { href: `/group.html?id=${encodeURIComponent(g.id)}` }, g.name)),
      h('td', {}, i18n.t(`type.${g.type}`)),
      h('td', {}, i18n.t(`phase.${g.phase}`)),
      h('td', {}, g.stage ? i18n.t(`stage.${g.stage}`) : i18n.t('stage.none')))));
    document.getElementById('no-groups').classList.toggle('hidden', groups.length > 0);
  } catch (e) {
    showError(form, alert, e);
  }
}

async function setUpCreate() {
  document.getElementById('create-section').classList.remove('hidden');
  const accounts = await get('/api/accounts');
  const staff = accounts.accounts.filter((a) => a.active && a.role !== 'member');
  document.getElementById('g-facilitators').replaceChildren(...staff.map((a) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'facilitatorIds', value: a.id }), ` ${a.name} (${a.login})`)));
  const form = document.getElementById('create');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const alert = document.getElementById('create-alert');
    const v = (n) => form.elements[n].value;
    try {
      const group = await post('/api/groups', {
        name: v('name'), type: v('type'), purpose: v('purpose'), problem: v('problem'), setting: v('setting'),
        plannedSize: { min: Number(v('plannedSize.min')), max: Number(v('plannedSize.max')) },
        membership: v('membership'),
        plannedSessions: { count: Number(v('plannedSessions.count')), rhythm: v('plannedSessions.rhythm') },
        facilitatorIds: [...form.querySelectorAll('input[name=facilitatorIds]:checked')].map((i) => i.value),
      });
      location.href = `/group.html?id=${encodeURIComponent(group.id)}`;
    } catch (e) {
      showError(form, alert, e);
    }
  });
}

function drawOptions() {
  options(document.getElementById('f-phase'), 'phase', PHASES, true);
  options(document.getElementById('f-stage'), 'stage', STAGES, true);
  options(document.getElementById('g-type'), 'type', TYPES, false);
}

start().then(async (user) => {
  if (!user) {
    location.href = '/signin.html?next=/groups.html';
    return;
  }
  drawOptions();
  i18n.onChange(() => { drawOptions(); load(); });
  document.getElementById('filter').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  await load();
  if (user.role === 'coordinator') await setUpCreate();
});
