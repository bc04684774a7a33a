// One event-bus connection per page, reconnecting; subscriptions are registered again after
// every reconnect, and listeners hear the connection state.
import EventBus from '@vertx/eventbus-bridge-client.js';

let bus = null;
const handlers = new Map();
const stateListeners = [];
let open = false;

function setState(next) {
  open = next;
  stateListeners.forEach((fn) => fn(open));
}

export function connect() {
  if (bus) return bus;
  bus = new EventBus('/eventbus');
  bus.enableReconnect(true);
  bus.onopen = () => {
    handlers.forEach((list, address) => list.forEach((h) => bus.registerHandler(address, {}, h)));
    setState(true);
  };
  bus.onreconnect = () => setState(true);
  bus.onclose = () => setState(false);
  bus.onerror = () => {};
  return bus;
}

/** Calls handler(body, message) for every message on address; returns an unsubscribe function. */
export function subscribe(address, handler) {
  const wrapped = (err, message) => {
    if (!err && message) handler(message.body, message);
  };
  if (!handlers.has(address)) handlers.set(address, []);
  handlers.get(address).push(wrapped);
  connect();
  if (open) bus.registerHandler(address, {}, wrapped);
  return () => {
    handlers.set(address, handlers.get(address).filter((h) => h !== wrapped));
    if (open) bus.unregisterHandler(address, {}, wrapped);
  };
}

/** Sends a message and waits for the reply. */
export function request(address, body) {
  connect();
  return new Promise((resolve, reject) => {
    bus.send(address, body, {}, (err, reply) => (err ? reject(err) : resolve(reply.body)));
  });
}

export function onState(fn) {
  stateListeners.push(fn);
  fn(open);
}

export function isOpen() {
  return open;
}
