// Who else is in the note and where their cursor or selection is, drawn into the editor.
import { StateEffect, StateField } from '@codemirror/state';
import { Decoration, EditorView, WidgetType } from '@codemirror/view';

class CursorWidget extends WidgetType {
  constructor(name) {
    super();
    this.name = name;
  }

  eq(other) {
    return other.name === this.name;
  }

  toDOM() {
    const span = document.createElement('span');
    span.className = 'remote-cursor';
    const label = document.createElement('span');
    label.className = 'remote-cursor-label';
    label.textContent = this.name;
    span.append(label);
    return span;
  }
}

export const setPeers = StateEffect.define();

/** Decorations for the peers' cursors and selections (positions mapped through local edits). */
export const peersField = StateField.define({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(setPeers)) continue;
      const length = tr.state.doc.length;
      const ranges = [];
      for (const peer of effect.value) {
        const from = Math.min(Math.max(0, peer.from ?? 0), length);
        const to = Math.min(Math.max(0, peer.to ?? from), length);
        if (to > from) ranges.push(Decoration.mark({ class: 'remote-selection' }).range(from, to));
        ranges.push(Decoration.widget({ widget: new CursorWidget(peer.name), side: 1 }).range(to));
      }
      next = Decoration.set(ranges, true);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Tracks peers heard on note.<id>; a peer not heard from for 10 seconds is gone. */
export function createPresence(onChange) {
  const peers = new Map();
  const expire = () => {
    const now = Date.now();
    let changed = false;
    for (const [id, peer] of peers) {
      if (now - peer.seen > 10000) {
        peers.delete(id);
        changed = true;
      }
    }
    if (changed) onChange([...peers.values()]);
  };
  setInterval(expire, 2000);
  return {
    heard(event, ownClientID) {
      if (event.clientID === ownClientID) return;
      if (event.leaving) peers.delete(event.clientID);
      else peers.set(event.clientID, { ...event, seen: Date.now() });
      onChange([...peers.values()]);
    },
  };
}
