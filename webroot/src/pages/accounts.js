// Coordinators manage accounts: invitations, roles, deactivation, sign-in locks.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get, post, patch, del } from '../api.js';
import { h, showError, clearError, formatTime } from '../dom.js';

const t = i18n.t;
const alert = () => document.getElementById('alert');

async function run(call) {
  clearError(null, alert());
  try {
    await call();
    await load();
  } catch (e) {
    showError(null, alert(), e);
    await load();
  }
}

function showLink(invitation) {
  document.getElementById('invite-result').classList.remove('hidden');
  document.getElementById('invite-link').value = location.origin + invitation.link;
}

async function load() {
  const [overview, invitations] = await Promise.all([get('/api/accounts'), get('/api/invitations')]);
  document.getElementById('account-rows').replaceChildren(...overview.accounts.map((a) => {
    const role = h('select', { 'aria-label': `${t('accounts.changeRole')}: ${a.name}` },
      ['coordinator', 'facilitator', 'member'].map((r) => h('option', { value: r, selected: r === a.role }, t(`role.${r}`))));
    role.addEventListener('change', () => run(() => patch(`/api/accounts/${a.id}`, { role: role.value, version: a.version })));
    return h('tr', { dataset: { login: a.login } }, h('td', {}, a.name), h('td', {}, a.login), h('td', {}, role),
      h('td', { class: 'account-status' }, t(a.active ? 'accounts.active' : 'accounts.inactive')),
      h('td', {}, h('button', { type: 'button', class: 'toggle-active', onclick: () => run(() =>
        patch(`/api/accounts/${a.id}`, { active: !a.active, version: a.version })) },
      t(a.active ? 'accounts.deactivate' : 'accounts.activate'))));
  }));
  document.getElementById('locks').replaceChildren(...(overview.locks.length ? overview.locks.map((l) => h('li', {},
    t('accounts.lockedUntil', { key: l.key, until: formatTime(l.lockedUntil, i18n.lang()) }), ' ',
    h('button', { type: 'button', onclick: () => run(() => del(`/api/locks/${encodeURIComponent(l.key)}`)) },
      t('accounts.unlock')))) : [h('li', {}, t('accounts.noLocks'))]));
  document.getElementById('invitations').replaceChildren(...invitations.map((inv) => h('li', {},
    `${inv.name} (${t(`role.${inv.role}`)}) — ${formatTime(inv.expiresAt, i18n.lang())} `,
    h('button', { type: 'button', onclick: () => run(() => del(`/api/invitations/${inv.id}`)) }, t('accounts.revoke')), ' ',
    h('button', { type: 'button', onclick: () => run(async () => showLink(await post(`/api/invitations/${inv.id}/reissue`))) },
      t('accounts.reissue')))));
}

start().then(async (user) => {
  if (!user || user.role !== 'coordinator') {
    document.getElementById('main').replaceChildren(h('p', {}, t('accounts.notAllowed')));
    return;
  }
  const form = document.getElementById('invite');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, alert());
    try {
      showLink(await post('/api/invitations', { role: form.elements.role.value, name: form.elements.name.value,
        login: form.elements.login.value || undefined }));
      form.reset();
      await load();
    } catch (e) {
      showError(form, alert(), e);
    }
  });
  i18n.onChange(load);
  await load();
});
