// Accepting an invitation: the token comes in the link's fragment, never sent to other sites.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { post } from '../api.js';
import { showError, clearError } from '../dom.js';

start().then(async () => {
  const token = location.hash.slice(1);
  const form = document.getElementById('accept');
  const alert = document.getElementById('alert');
  let invitation;
  try {
    invitation = await post('/api/invitations/lookup', { token });
  } catch (e) {
    showError(null, alert, e);
    return;
  }
  const who = () => {
    document.getElementById('who').textContent = i18n.t('accept.for',
      { name: invitation.name, role: i18n.t(`role.${invitation.role}`) });
  };
  who();
  i18n.onChange(who);
  form.classList.remove('hidden');
  if (!invitation.login) document.getElementById('login-field').classList.remove('hidden');
  if (invitation.role === 'member') document.getElementById('pin-hint').classList.remove('hidden');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearError(form, alert);
    try {
      await post('/api/invitations/accept', { token, password: form.elements.password.value,
        login: invitation.login ? undefined : form.elements.login.value });
      location.href = '/';
    } catch (e) {
      showError(form, alert, e);
    }
  });
});
