// The client side of Kelompok's central-authority collaboration (as @codemirror/collab intends):
// local changes wait as pending updates; one push at a time carries them with the version they
// were made on (the server rebases a push that is a little behind, as collab's rebaseUpdates
// does); announced ops are applied in version order, own ones recognised by client id; on a gap,
// a reconnect or a stale answer, the missing versions are pulled first and collab rebases the
// pending updates.
// Used by the editor page and by the convergence test's simulated editors (Node), unchanged.
import { ChangeSet } from '@codemirror/state';
import { receiveUpdates, sendableUpdates, getSyncedVersion } from '@codemirror/collab';

/**
 * @param {object} o
 * @param {string} o.noteId
 * @param {(address: string, body: object) => Promise<object>} o.request  a bridge request/reply
 * @param {() => import('@codemirror/state').EditorState} o.getState
 * @param {(spec: object) => void} o.dispatch  applies a transaction spec to the state
 * @param {(status: string) => void} [o.onStatus]  'saving' | 'saved' | 'offline' | 'locked'
 */
export function createSync({ noteId, request, getState, dispatch, onStatus = () => {}, onError = () => {} }) {
  let running = false;
  let again = false;
  let locked = false;
  let online = true;
  let retry = null;
  let behind = true;

  function apply(ops) {
    const version = getSyncedVersion(getState());
    const fresh = ops.filter((op) => op.version > version).sort((a, b) => a.version - b.version);
    const updates = [];
    let expected = version + 1;
    for (const op of fresh) {
      if (op.version !== expected) break;
      expected += 1;
      if (op.lock) locked = true;
      updates.push({
        changes: op.lock ? ChangeSet.empty(0) : ChangeSet.fromJSON(op.changes),
        clientID: op.lock ? '#lock' : op.clientID,
      });
    }
    if (updates.length) {
      // a lock takes a version with no change; map it onto the current length
      let length = getState().doc.length;
      const mapped = updates.map((u) => {
        const changes = u.clientID === '#lock' ? ChangeSet.empty(length) : u.changes;
        length = changes.newLength;
        return { changes, clientID: u.clientID };
      });
      dispatch(receiveUpdates(getState(), mapped));
    }
    return fresh.length === updates.length;
  }

  async function pull() {
    for (;;) {
      const reply = await request('notes.pull', { noteId, since: getSyncedVersion(getState()) });
      apply(reply.ops);
      if (reply.ops.length < 1000) return;
    }
  }

  async function run() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        if (behind) {
          behind = false;
          await pull();
        }
        const pending = sendableUpdates(getState());
        if (pending.length && !locked) {
          onStatus('saving');
          const reply = await request('notes.push', {
            noteId,
            version: getSyncedVersion(getState()),
            updates: pending.slice(0, 100).map((u) => ({ changes: u.changes.toJSON(), clientID: u.clientID })),
          });
          if (reply.stale || reply.version > getSyncedVersion(getState())) behind = true;
          again = true;
        }
      } while (again);
      online = true;
      onStatus(locked ? 'locked' : sendableUpdates(getState()).length ? 'saving' : 'saved');
    } catch (e) {
      onError(e);
      online = false;
      behind = true;
      onStatus(locked ? 'locked' : 'offline');
      if (!retry) retry = setTimeout(() => { retry = null; run(); }, 1000);
    } finally {
      running = false;
    }
  }

  return {
    /** Call after every local change; {@code reconnected} after the socket came back. */
    sync(reconnected = false) {
      if (reconnected) behind = true;
      return run();
    },
    /** Announced ops (changes and locks) from note.<id>. */
    receive(event) {
      if (event.type !== 'ops') return;
      const inOrder = apply(event.ops);
      if (!inOrder) behind = true;
      if (!inOrder || sendableUpdates(getState()).length) run();
      else onStatus(locked ? 'locked' : 'saved');
    },
    isLocked: () => locked,
    isOnline: () => online,
    pending: () => sendableUpdates(getState()).length,
  };
}
