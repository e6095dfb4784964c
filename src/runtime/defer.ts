/**
 * Run a callback as a fresh macro-task, so that socket events and a Stop request get their turn
 * between two slices of Lua. setTimeout(0) is clamped to 4 ms once nested, which would cost a
 * busy script most of its time, so Node uses setImmediate and a worker a MessageChannel.
 */
export type Defer = (callback: () => void) => void;

export function createDefer(): Defer {
  if (typeof setImmediate === 'function') return (callback) => setImmediate(callback);
  const channel = new MessageChannel();
  const queue: Array<() => void> = [];
  channel.port1.onmessage = () => queue.shift()?.();
  return (callback) => {
    queue.push(callback);
    channel.port2.postMessage(null);
  };
}
