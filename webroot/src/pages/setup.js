// The one-time creation of the first coordinator; once one exists the page says so.
import { start } from '../layout.js';
import { get, post } from '../api.js';
import { showError, clearError } from '../dom.js';

start().then(async () => {
  const form = document.getElementById('setup');
  const alert = document.getElementById('alert');
  if (!(await get('/api/setup')).needed) {
    form.classList.add('hidden');
    document.getElementById('done').classList.remove('hidden');
    return;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, alert);
    try {
      await post('/api/setup', { name: form.elements.name.value, login: form.elements.login.value,
        password: form.elements.password.value });
      location.href = '/';
    } catch (e) {
      showError(form, alert, e);
    }
  });
});
