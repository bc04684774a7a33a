// Message bundles (webroot/i18n/*.json) applied to elements marked data-i18n="key" and
// data-i18n-attr="attr:key[,attr:key]". The choice is remembered in localStorage.
const LANGS = ['en', 'id'];
const KEY = 'kelompok.lang';
let messages = {};
let current = 'en';
const listeners = [];

function initial() {
  const saved = localStorage.getItem(KEY);
  if (LANGS.includes(saved)) return saved;
  return (navigator.language || 'en').toLowerCase().startsWith('id') ? 'id' : 'en';
}

/** The message for key in the current language, with {name} placeholders filled. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function lang() {
  return current;
}

/** Applies the bundle to root (the whole document by default). */
export function apply(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-attr]').forEach((el) => {
    el.dataset.i18nAttr.split(',').forEach((pair) => {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(key.trim()));
    });
  });
}

/** The page's extra bundles: <meta name="i18n-bundles" content="accounts groups">. */
function pageBundles() {
  const meta = document.querySelector('meta[name="i18n-bundles"]');
  return meta ? meta.content.split(/\s+/).filter(Boolean) : [];
}

async function load(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  return response.ok ? response.json() : {};
}

/** Loads and applies a language; calls the listeners so dynamic text is redrawn. */
export async function use(next) {
  const chosen = LANGS.includes(next) ? next : 'en';
  const bundles = await Promise.all([`/i18n/${chosen}.json`,
    ...pageBundles().map((b) => `/i18n/${b}/${chosen}.json`)].map(load));
  messages = Object.assign({}, ...bundles);
  current = chosen;
  localStorage.setItem(KEY, chosen);
  document.documentElement.lang = chosen;
  apply();
  listeners.forEach((fn) => fn(chosen));
}

export function onChange(fn) {
  listeners.push(fn);
}

/** Loads the remembered or browser language and wires the language picker. */
export async function init() {
  await use(initial());
  const select = document.getElementById('lang-select');
  if (select) {
    select.value = current;
    select.addEventListener('change', () => use(select.value));
  }
}
