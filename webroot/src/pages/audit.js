// The audit log for coordinators: newest first, paged, filtered.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get } from '../api.js';
import { h, showError, clearError, formatTime } from '../dom.js';

const t = i18n.t;
const SIZE = 50;
let page = 0;

async function load() {
  const form = document.getElementById('filter');
  const alert = document.getElementById('alert');
  const params = new URLSearchParams({ page, size: SIZE });
  for (const name of ['action', 'actor']) if (form.elements[name].value) params.set(name, form.elements[name].value);
  for (const name of ['from', 'to']) {
    const value = form.elements[name].value;
    if (value) params.set(name, new Date(value).toISOString());
  }
  try {
    const result = await get(`/api/audit?${params}`);
    clearError(form, alert);
    document.getElementById('entries').replaceChildren(...result.entries.map((e) => h('tr', { dataset: { action: e.action } },
      h('td', {}, formatTime(e.at, i18n.lang())),
      h('td', {}, e.actor ? `${e.actor.name} (${t(`role.${e.actor.role}`)})` : '—'),
      h('td', {}, e.action),
      h('td', {}, e.target ? `${e.target.type} ${e.target.id}` : ''),
      h('td', {}, h('code', {}, JSON.stringify(e.details))))));
    const last = Math.min(result.total, (page + 1) * SIZE);
    document.getElementById('page-info').textContent = t('audit.page', { from: result.total ? page * SIZE + 1 : 0, to: last, total: result.total });
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = last >= result.total;
  } catch (e) {
    showError(form, alert, e);
  }
}

start().then(async (user) => {
  if (!user || user.role !== 'coordinator') return;
  document.getElementById('filter').addEventListener('submit', (e) => { e.preventDefault(); page = 0; load(); });
  document.getElementById('prev').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
  document.getElementById('next').addEventListener('click', () => { page += 1; load(); });
  i18n.onChange(load);
  await load();
});
