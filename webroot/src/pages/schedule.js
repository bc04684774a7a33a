// A member's own schedule: the sessions of their groups (never notes).
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get } from '../api.js';
import { h, showError, formatTime } from '../dom.js';

async function draw() {
  try {
    const sessions = await get('/api/my/schedule');
    document.getElementById('sessions').replaceChildren(...sessions.map((s) => h('li', { class: 'card', dataset: { status: s.status } },
      h('strong', {}, formatTime(s.start, i18n.lang())), s.topic ? ` — ${s.topic}` : '',
      s.status === 'scheduled' ? null : ` (${i18n.t(`schedule.${s.status}`)})`)));
    document.getElementById('none').classList.toggle('hidden', sessions.length > 0);
  } catch (e) {
    showError(null, document.getElementById('alert'), e);
  }
}

start().then(async (user) => {
  if (!user) {
    location.href = '/signin.html?next=/schedule.html';
    return;
  }
  i18n.onChange(draw);
  await draw();
});
