// The live session note: CodeMirror 6 with @codemirror/collab over the event bus, presence,
// connection and save state, signing, addenda and export.
import { EditorState, Transaction } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { collab, getSyncedVersion, getClientID } from '@codemirror/collab';
import { start } from '../layout.js';
import * as i18n from '../i18n.js';
import { get, post } from '../api.js';
import { request, subscribe, onState } from '../bus.js';
import { createSync } from '../collab-sync.js';
import { createPresence, peersField, setPeers } from '../presence.js';
import { h, formatTime } from '../dom.js';

const t = i18n.t;
const noteId = new URLSearchParams(location.search).get('id');
let view = null;
let note = null;
let saveState = 'loading';
let connected = false;

function showState(state) {
  saveState = state;
  const el = document.getElementById('save-state');
  const shown = !connected && state !== 'locked' ? 'offline' : state;
  el.dataset.state = shown;
  el.textContent = t(`note.state.${shown}`);
}

function drawMeta() {
  document.getElementById('note-title').textContent =
    `${t('note.title')}: ${note.groupName}, ${formatTime(note.sessionStart, i18n.lang())}`;
  document.getElementById('signatures').replaceChildren(...note.signatures.map((s) => h('li', {},
    t('note.signedBy', { name: s.name, at: formatTime(s.at, i18n.lang()), version: s.version }))));
  document.getElementById('addenda').replaceChildren(...note.addenda.map((a) => h('li', {},
    h('strong', {}, `${formatTime(a.at, i18n.lang())}, ${a.by.name}: `), a.text)));
  const locked = note.locked || (view && sync && sync.isLocked());
  document.getElementById('locked-note').classList.toggle('hidden', !locked);
  document.getElementById('addendum-form').classList.toggle('hidden', !locked || !note.canEdit);
  document.getElementById('sign').classList.toggle('hidden', locked || !note.canEdit);
  document.getElementById('export').href = `/api/notes/${encodeURIComponent(noteId)}/export.md`;
  document.getElementById('export-pdf').href = `/api/notes/${encodeURIComponent(noteId)}/export.pdf`;
}

const editorTheme = EditorView.theme({
  '&': { minHeight: '20rem', fontSize: '1rem' },
  '&.cm-focused': { outline: '3px solid #f2a900' },
  '.cm-content': { fontFamily: 'system-ui, sans-serif', padding: '.75rem' },
  '.remote-cursor': { borderLeft: '2px solid #b5487a', marginLeft: '-1px' },
  '.remote-cursor-label': { fontSize: '.7rem', background: '#b5487a', color: '#fff', padding: '0 .2rem',
    borderRadius: '2px' },
  '.remote-selection': { background: '#f3d3e2' },
});

let sync = null;
let presence = null;
let lastCursor = null;

function sendPresence(leaving = false) {
  if (!view || !connected) return;
  const { from, to } = view.state.selection.main;
  request('notes.presence', { noteId, clientID: getClientID(view.state), from, to, leaving }).catch(() => {});
}

async function reloadMeta() {
  note = await get(`/api/notes/${encodeURIComponent(noteId)}`);
  drawMeta();
}

start().then(async (user) => {
  if (!user) {
    location.href = `/signin.html?next=${encodeURIComponent(location.pathname + location.search)}`;
    return;
  }
  try {
    note = await get(`/api/notes/${encodeURIComponent(noteId)}`);
  } catch (e) {
    const alert = document.getElementById('alert');
    alert.textContent = e.detail || e.message;
    alert.classList.remove('hidden');
    return;
  }
  const editable = note.canEdit && !note.locked;
  // The editor lives in a shadow root: CodeMirror's styles then go in as constructed style sheets,
  // which the strict Content-Security-Policy (no inline <style>) allows.
  const shadow = document.getElementById('editor').attachShadow({ mode: 'open' });
  view = new EditorView({
    parent: shadow,
    root: shadow,
    state: EditorState.create({
      doc: note.text,
      extensions: [
        collab({ startVersion: note.version }),
        history(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        editorTheme,
        EditorView.editable.of(editable),
        EditorState.readOnly.of(!editable),
        EditorView.contentAttributes.of({ 'aria-label': t('note.title'), 'aria-multiline': 'true' }),
        peersField,
        EditorView.updateListener.of((update) => {
          // local edits carry a user event; changes received from others do not
          if (update.docChanged && update.transactions.some((tr) => tr.annotation(Transaction.userEvent) !== undefined)) {
            sync.sync();
          }
          if (update.selectionSet && update.view.hasFocus) {
            clearTimeout(lastCursor);
            lastCursor = setTimeout(() => sendPresence(), 150);
          }
        }),
      ],
    }),
  });
  sync = createSync({
    noteId,
    request,
    getState: () => view.state,
    dispatch: (tr) => view.dispatch(tr),
    onStatus: (s) => {
      showState(s);
      if (s === 'locked') reloadMeta();
    },
  });
  presence = createPresence((peers) => {
    document.getElementById('presence').textContent = peers.length
      ? peers.map((p) => p.name).filter((v, i, all) => all.indexOf(v) === i).join(', ') : t('note.nobody');
    view.dispatch({ effects: setPeers.of(peers) });
  });
  subscribe(`note.${noteId}`, (event) => {
    if (event.type === 'presence') presence.heard(event, getClientID(view.state));
    else sync.receive(event);
  });
  onState((open) => {
    connected = open;
    showState(saveState);
    if (open) {
      sync.sync(true);
      sendPresence();
    }
  });
  setInterval(() => sendPresence(), 3000);
  window.addEventListener('pagehide', () => sendPresence(true));
  document.getElementById('presence').textContent = t('note.nobody');
  drawMeta();
  i18n.onChange(() => { drawMeta(); showState(saveState); });
  document.getElementById('sign').addEventListener('click', async () => {
    try {
      note = await post(`/api/notes/${encodeURIComponent(noteId)}/sign`, { version: getSyncedVersion(view.state) });
      drawMeta();
    } catch (e) {
      const alert = document.getElementById('alert');
      alert.textContent = e.detail || e.message;
      alert.classList.remove('hidden');
    }
  });
  document.getElementById('addendum-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    await post(`/api/notes/${encodeURIComponent(noteId)}/addenda`, { text: event.target.elements.text.value });
    event.target.reset();
    await reloadMeta();
  });
});
