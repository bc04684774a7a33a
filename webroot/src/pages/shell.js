// The home page.
import { start } from '../layout.js';
import * as i18n from '../i18n.js';

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
  i18n.onChange(() => drawWho(user));
});
