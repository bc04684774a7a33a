// The home page.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { post } from '../api.js';
import { showError, clearError } from '../dom.js';

function wirePassword() {
  document.getElementById('password-section').classList.remove('hidden');
  const form = document.getElementById('password-form');
  const alert = document.getElementById('password-alert');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, alert);
    try {
      await post('/api/me/password', { current: form.elements.current.value, password: form.elements.password.value });
      form.reset();
      document.getElementById('password-done').classList.remove('hidden');
    } catch (e) {
      showError(form, alert, e);
    }
  });
}

function drawWho(user) {
  const who = document.getElementById('who');
  if (!who) return;
  if (!user) {
    who.dataset.i18n = 'home.signedOut';
    who.textContent = i18n.t('home.signedOut');
    return;
  }
  delete who.dataset.i18n;
  who.textContent = i18n.t('home.signedIn', { name: user.name, role: i18n.t(`role.${user.role}`) });
}

start().then((user) => {
  drawWho(user);
  if (user) wirePassword();
  i18n.onChange(() => drawWho(user));
});
