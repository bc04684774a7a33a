// The page frame every page shares: navigation by role, the menu button on phones, the language
// switch, the live connection state and the server clock.
import * as i18n from './i18n.js';
import { me, del } from './api.js';
import { onState, subscribe } from './bus.js';
import { h } from './dom.js';

const NAV = {
  coordinator: [['/groups.html', 'nav.groups'], ['/accounts.html', 'nav.accounts'], ['/audit.html', 'nav.audit']],
  facilitator: [['/groups.html', 'nav.myGroups']],
  member: [['/schedule.html', 'nav.schedule']],
  none: [['/signin.html', 'nav.signIn']],
};

function link(href, key) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.dataset.i18n = key;
  a.textContent = i18n.t(key);
  if (location.pathname === href) a.setAttribute('aria-current', 'page');
  li.append(a);
  return li;
}

function drawNav(user) {
  const list = document.getElementById('nav-list');
  if (!list) return;
  list.replaceChildren(link('/', 'nav.home'), ...NAV[user ? user.role : 'none'].map(([h, k]) => link(h, k)));
  if (user) {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'sign-out';
    button.className = 'link-button';
    button.dataset.i18n = 'nav.signOut';
    button.textContent = i18n.t('nav.signOut');
    button.addEventListener('click', async () => {
      await del('/api/session').catch(() => {});
      location.href = '/';
    });
    li.append(button);
    list.append(li);
  }
}

function wireMenu() {
  const button = document.getElementById('menu-button');
  const nav = document.getElementById('nav');
  if (!button || !nav) return;
  button.addEventListener('click', () => {
    const open = nav.classList.toggle('open');
    button.setAttribute('aria-expanded', String(open));
  });
}

function wireBus() {
  const state = document.getElementById('bus-state');
  const time = document.getElementById('server-time');
  onState((open) => {
    if (!state) return;
    state.dataset.state = open ? 'open' : 'closed';
    state.dataset.i18n = open ? 'bus.online' : 'bus.offline';
    state.textContent = i18n.t(state.dataset.i18n);
  });
  subscribe('server.time', (body) => {
    if (!time) return;
    time.dataset.time = body.time;
    time.dateTime = body.time;
    time.textContent = new Date(body.time).toLocaleTimeString(i18n.lang() === 'id' ? 'id-ID' : 'en-GB');
  });
}

/** The frame every page shares: skip link, header with navigation and language, footer. */
function frame() {
  const main = document.getElementById('main');
  const select = h('select', { id: 'lang-select' }, h('option', { value: 'en' }, 'English'),
    h('option', { value: 'id' }, 'Bahasa Indonesia'));
  document.body.prepend(
    h('a', { class: 'skip', href: '#main', dataset: { i18n: 'layout.skip' } }),
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '/' }, 'Kelompok'),
      h('button', { id: 'menu-button', class: 'menu-button', type: 'button', 'aria-controls': 'nav',
        'aria-expanded': 'false', dataset: { i18n: 'layout.menu' } }),
      h('nav', { id: 'nav', dataset: { i18nAttr: 'aria-label:layout.nav' } }, h('ul', { id: 'nav-list' })),
      h('div', { class: 'lang' }, h('label', { for: 'lang-select', dataset: { i18n: 'layout.language' } }), select)));
  main.after(h('footer', { class: 'bottom' },
    h('span', { id: 'bus-state', dataset: { state: 'closed', i18n: 'bus.offline' }, 'aria-live': 'polite' }),
    h('span', {}, h('span', { dataset: { i18n: 'bus.serverTime' } }), ': ', h('time', { id: 'server-time' }))));
}

/** Sets up the frame; answers the signed-in person (or null). */
export async function start() {
  frame();
  await i18n.init();
  wireMenu();
  const user = await me();
  drawNav(user);
  wireBus();
  return user;
}
