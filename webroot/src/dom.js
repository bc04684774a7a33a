// A tiny helper to build DOM without innerHTML: h('button', { type: 'button', onclick }, 'Text').
export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'line', 'circle', 'text', 'rect', 'polyline', 'g', 'title'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'class') el.setAttribute('class', value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Shows an API error: field messages under their inputs (by name) and a summary in the alert. */
export function showError(form, alert, error) {
  form?.querySelectorAll('.field-error').forEach((e) => e.remove());
  form?.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const messages = [];
  (error.errors || []).forEach((problem) => {
    const input = form?.querySelector(`[name="${CSS.escape(problem.field)}"]`);
    if (input) {
      const id = `${input.id || input.name}-error`;
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
      input.after(h('p', { class: 'field-error error', id }, problem.message));
    }
    messages.push(problem.message);
  });
  if (alert) {
    alert.textContent = messages.length ? `${error.detail || ''}` : (error.detail || error.message);
    alert.classList.remove('hidden');
  }
}

export function clearError(form, alert) {
  form?.querySelectorAll('.field-error').forEach((e) => e.remove());
  if (alert) {
    alert.textContent = '';
    alert.classList.add('hidden');
  }
}

/** Lines of a textarea as a list of non-empty strings. */
export function lines(text) {
  return text.split('\n').map((l) => l.trim()).filter(Boolean);
}

export function formatTime(iso, lang) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB',
    { dateStyle: 'medium', timeStyle: 'short' });
}
