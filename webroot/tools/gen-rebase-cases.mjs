// Generates rebase cases with @codemirror/collab's own rebaseUpdates, for the Java agreement test:
// node gen-rebase-cases.mjs <seed> <count> <outfile>
// Each line: {"doc", "over": [{changes, clientID}], "updates": [...], "rebased": [...], "result"}.
// A client made `updates` one after another on `doc`; the authority meanwhile accepted `over`
// (other clients' updates, and sometimes the client's own first ones, as when an answer was lost).
import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { rebaseUpdates } from '@codemirror/collab';
import { writeFileSync } from 'node:fs';
import { seeded } from './random.mjs';

const [seedArg, countArg, out] = process.argv.slice(2);
const random = seeded(Number(seedArg));
const pick = (list) => list[Math.floor(random() * list.length)];
const PIECES = ['a', 'b', 'kelompok ', 'Anggota ', '\n', '\n\n', '😀', '👩‍👩‍👧', 'é', '\r\n', ' ', '.', '中文'];

function text(maxPieces) {
  let s = '';
  const n = Math.floor(random() * maxPieces);
  for (let i = 0; i < n; i++) s += pick(PIECES);
  return s;
}

// a random change made in the editor on `doc` (its line splitting applies); positions avoid
// splitting a surrogate pair, as an editor's do
function change(doc) {
  const state = EditorState.create({ doc });
  const length = state.doc.length;
  const whole = (p) => (p > 0 && p < length && /[\uDC00-\uDFFF]/.test(state.doc.sliceString(p, p + 1)) ? p - 1 : p);
  const specs = [];
  const edits = 1 + Math.floor(random() * 3);
  for (let e = 0; e < edits; e++) {
    const from = whole(Math.floor(random() * (length + 1)));
    const to = whole(Math.min(length, from + (random() < 0.5 ? 0 : Math.floor(random() * 8))));
    specs.push({ from, to: Math.max(from, to), insert: random() < 0.25 ? '' : text(4) });
  }
  return state.update({ changes: specs }).changes;
}

const apply = (doc, changes) => changes.apply(Text.of(doc.split('\n'))).toString();
const json = (u) => ({ changes: u.changes.toJSON(), clientID: u.clientID });

const lines = [];
for (let c = 0; c < Number(countArg); c++) {
  const doc = EditorState.create({ doc: random() < 0.1 ? '' : text(20) }).doc.toString();
  // the client's pending updates, each made on the text after the previous one
  const updates = [];
  let mine = doc;
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const changes = change(mine);
    updates.push({ changes, clientID: 'me' });
    mine = apply(mine, changes);
  }
  // what the authority accepted meanwhile
  const over = [];
  let server = doc;
  const acceptMine = random() < 0.3 ? 1 + Math.floor(random() * Math.min(2, count)) : 0;
  let acceptedMine = 0;
  const steps = Math.floor(random() * 6);
  for (let s = 0; s < steps + acceptMine; s++) {
    let update;
    if (acceptedMine < acceptMine && (random() < 0.5 || s >= steps)) {
      update = rebaseUpdates(updates, over)[0];
      acceptedMine += 1;
    } else {
      update = { changes: change(server), clientID: pick(['s1', 's2', 's3']) };
    }
    over.push({ changes: update.changes, clientID: update.clientID });
    server = apply(server, update.changes);
  }
  const rebased = rebaseUpdates(updates, over);
  let result = server;
  for (const u of rebased) result = apply(result, u.changes);
  lines.push(JSON.stringify({
    doc, over: over.map(json), updates: updates.map(json), rebased: rebased.map(json), result,
  }));
}
writeFileSync(out, lines.join('\n') + '\n');
