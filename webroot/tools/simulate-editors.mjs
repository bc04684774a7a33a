// Simulated editors for the convergence test: each one is a real @codemirror/collab client
// (webroot/src/collab-sync.js, as the editor page uses it) on its own SockJS raw WebSocket to a
// Kelompok node, signed in with its own session. Seeded random edits (emoji, line breaks),
// random delays, random disconnects with offline edits and reconnects.
// node simulate-editors.mjs <config.json>   ->  prints one JSON line with every editor's end state
import { readFileSync } from 'node:fs';
import { EditorState } from '@codemirror/state';
import { collab, getSyncedVersion, getClientID } from '@codemirror/collab';
import WebSocket from 'faye-websocket';
import { createSync } from '../src/collab-sync.js';
import { seeded } from './random.mjs';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const random = seeded(config.seed);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// a real editor never puts the cursor inside an emoji: keep positions off surrogate-pair middles
const whole = (doc, pos) => {
  const text = doc.sliceString(Math.max(0, pos - 1), Math.min(doc.length, pos + 1));
  return pos > 0 && pos < doc.length && /[\uD800-\uDBFF]/.test(text[0]) && /[\uDC00-\uDFFF]/.test(text[1]) ? pos - 1 : pos;
};
const PIECES = ['a', 'b', 'c', ' ', 'kata ', '\n', '😀', 'é', '中', '.'];

class Bridge {
  constructor(editor) {
    this.editor = editor;
    this.replies = new Map();
    this.counter = 0;
    this.handlers = [];
  }

  open() {
    return new Promise((resolve, reject) => {
      const url = this.editor.url.replace(/^http/, 'ws') + '/eventbus/websocket';
      const ws = new WebSocket.Client(url, [], { headers: { Cookie: this.editor.cookie, Origin: this.editor.url } });
      this.ws = ws;
      ws.on('open', () => {
        this.connected = true;
        this.ping = setInterval(() => this.write({ type: 'ping' }), 5000);
        resolve();
      });
      ws.on('message', (event) => this.onFrame(JSON.parse(event.data)));
      ws.on('close', () => {
        this.connected = false;
        clearInterval(this.ping);
        for (const [, r] of this.replies) r.reject(new Error('closed'));
        this.replies.clear();
        reject(new Error('closed'));
      });
    });
  }

  close() {
    if (this.ws) this.ws.close();
  }

  write(frame) {
    if (!this.connected) throw new Error('offline');
    this.ws.send(JSON.stringify(frame));
  }

  onFrame(frame) {
    if (frame.type === 'err' && frame.address && this.replies.has(frame.address)) {
      this.replies.get(frame.address).reject(new Error(frame.message || frame.body));
      this.replies.delete(frame.address);
    } else if (frame.type === 'err') {
      this.errors = (this.errors || 0) + 1;
      if (process.env.DEBUG) console.error(`${this.editor.name} err frame ${JSON.stringify(frame)}`);
    } else if (this.replies.has(frame.address)) {
      const r = this.replies.get(frame.address);
      this.replies.delete(frame.address);
      if (frame.failureCode !== undefined) r.reject(new Error(frame.message));
      else r.resolve(frame.body);
    } else {
      this.handlers.forEach((h) => h(frame));
    }
  }

  request(address, body) {
    return new Promise((resolve, reject) => {
      const replyAddress = `${this.editor.name}-${++this.counter}-${Math.floor(random() * 1e9)}`;
      this.replies.set(replyAddress, { resolve, reject });
      try {
        this.write({ type: 'send', address, body, replyAddress, headers: {} });
      } catch (e) {
        this.replies.delete(replyAddress);
        reject(e);
      }
      const started = Date.now();
      setTimeout(() => {
        if (this.replies.delete(replyAddress)) reject(new Error(`timeout ${address}`));
      }, 10000);
      this.replies.get(replyAddress).started = started;
    });
  }
}

async function editor(spec, index) {
  const response = await fetch(`${spec.url}/api/notes/${config.noteId}`, { headers: { Cookie: spec.cookie } });
  const note = await response.json();
  let state = EditorState.create({ doc: note.text, extensions: [collab({ startVersion: note.version, clientID: `editor-${index}` })] });
  const bridge = new Bridge({ ...spec, name: `e${index}` });
  const sync = createSync({
    noteId: config.noteId,
    request: (a, b) => bridge.request(a, b),
    getState: () => state,
    dispatch: (tr) => { state = tr.state; },
    onError: (e) => { if (process.env.DEBUG) console.error(`editor ${index}: ${e.message}`); },
  });
  bridge.handlers.push((frame) => {
    if (frame.address === `note.${config.noteId}`) sync.receive(frame.body);
  });
  const connect = async () => {
    await bridge.open();
    bridge.write({ type: 'register', address: `note.${config.noteId}`, headers: {} });
    await sleep(20);
    await sync.sync(true);
  };
  await connect();
  let disconnects = 0;
  for (let i = 0; i < config.edits; i++) {
    const doc = state.doc;
    const from = whole(doc, Math.floor(random() * (doc.length + 1)));
    const remove = random() < 0.3 ? whole(doc, Math.min(doc.length, from + Math.floor(random() * 4))) - from : 0;
    let insert = '';
    const n = remove > 0 && random() < 0.5 ? 0 : 1 + Math.floor(random() * 3);
    for (let k = 0; k < n; k++) insert += PIECES[Math.floor(random() * PIECES.length)];
    state = state.update({ changes: { from, to: from + Math.max(0, remove), insert } }).state;
    sync.sync();
    await sleep(Math.floor(random() * config.maxDelayMs));
    if (random() < config.disconnectChance && bridge.connected) {
      disconnects += 1;
      bridge.close();
      const offline = 1 + Math.floor(random() * 3);
      for (let k = 0; k < offline && i < config.edits - 1; k++, i++) {
        const pos = whole(state.doc, Math.floor(random() * (state.doc.length + 1)));
        state = state.update({ changes: { from: pos, insert: 'x' } }).state;
        await sleep(Math.floor(random() * config.maxDelayMs));
      }
      await sleep(50 + Math.floor(random() * 200));
      await connect().catch(() => {});
    }
  }
  // settle: keep syncing until nothing is pending and the server has nothing newer
  for (let k = 0; k < 200; k++) {
    if (!bridge.connected) await connect().catch(() => {});
    await sync.sync(true);
    if (sync.pending() === 0 && sync.isOnline()) break;
    await sleep(50);
  }
  return { bridge, sync, getState: () => state, disconnects, connect };
}

const editors = await Promise.all(config.editors.map((spec, i) => editor(spec, i)));
// a last round after everyone finished, so each has heard everything
await sleep(300);
for (const e of editors) {
  if (!e.bridge.connected) await e.connect().catch(() => {});
  await e.sync.sync(true);
}
const result = editors.map((e, i) => ({
  editor: i, clientID: getClientID(e.getState()), version: getSyncedVersion(e.getState()),
  text: e.getState().doc.toString(), pending: e.sync.pending(), disconnects: e.disconnects,
}));
editors.forEach((e) => e.bridge.close());
console.log(JSON.stringify(result));
process.exit(0);
