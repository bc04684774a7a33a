// Generates random documents and CodeMirror changes with @codemirror/state, for the Java
// agreement test: node gen-change-cases.mjs <seed> <count> <outfile>
// Each line: {"doc": "...", "change": ChangeSet.toJSON(), "result": "..."}
import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { writeFileSync } from 'node:fs';
import { seeded } from './random.mjs';

const [seedArg, countArg, out] = process.argv.slice(2);
const random = seeded(Number(seedArg));
const pick = (list) => list[Math.floor(random() * list.length)];
const PIECES = ['a', 'b', 'kelompok ', 'Anggota ', '\n', '\n\n', '😀', '👩‍👩‍👧', 'é', 'ñ', '\r\n', 'x\ry', ' ', '.', '中文', '\u2028'];

function text(maxPieces) {
  let s = '';
  const n = Math.floor(random() * maxPieces);
  for (let i = 0; i < n; i++) s += pick(PIECES);
  return s;
}

const lines = [];
const count = Number(countArg);
for (let i = 0; i < count; i++) {
  // documents go through the editor, as in the browser: its line splitting applies
  const state = EditorState.create({ doc: random() < 0.1 ? '' : text(30) });
  const doc = state.doc;
  const specs = [];
  const edits = Math.floor(random() * 5);
  for (let e = 0; e < edits; e++) {
    const from = Math.floor(random() * (doc.length + 1));
    const to = Math.min(doc.length, from + (random() < 0.5 ? 0 : Math.floor(random() * 10)));
    specs.push({ from, to, insert: random() < 0.3 ? '' : text(6) });
  }
  const tr = state.update({ changes: specs });
  const change = tr.changes;
  lines.push(JSON.stringify({
    doc: doc.toString(),
    change: change.toJSON(),
    result: change.apply(Text.of(doc.toString().split('\n'))).toString(),
    editorResult: tr.state.doc.toString(),
  }));
}
writeFileSync(out, lines.join('\n') + '\n');
