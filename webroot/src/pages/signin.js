// Sign in; then go where the person was heading (a path on this site only).
import { start } from '../layout.js';
import { get, post } from '../api.js';
import { showError, clearError } from '../dom.js';

start().then(async () => {
  const form = document.getElementById('signin');
  const alert = document.getElementById('alert');
  if ((await get('/api/setup')).needed) document.getElementById('setup-link').classList.remove('hidden');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, alert);
    try {
      await post('/api/session', { login: form.elements.login.value, password: form.elements.password.value });
      const next = new URLSearchParams(location.search).get('next');
      location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
    } catch (e) {
      form.elements.password.value = '';
      showError(form, alert, e);
    }
  });
});
