/**
 * The page's run store as a session source: what the inspector holds (frames and process
 * messages) is what it exports.
 */
import type { InspectedRun } from '../inspector/run-history.ts';
import { SESSION_CAPS } from './frame-data.ts';
import type { SessionSource } from './session-source.ts';

/** `store`: the run store (its current run) or any run the inspector keeps. */
export function storeSource(
  store: Pick<InspectedRun, 'startedAt' | 'connections' | 'frames' | 'messages'>,
): SessionSource {
  return {
    startedAt: store.startedAt,
    connections: [...store.connections.values()],
    frames: () => store.frames.held(),
    framesDropped: store.frames.dropped,
    messages: () => store.messages.records,
    messagesDropped: store.messages.dropped,
    caps: SESSION_CAPS,
  };
}

/**
 * A Blob built from the chunks as they come, folded in every megabyte: the browser keeps a
 * Blob's bytes outside the page's heap, so the text never sits there whole.
 */
export function blobOf(chunks: Iterable<string>, type: string): Blob {
  let blob = new Blob([], { type });
  let pending: string[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += chunk.length;
    if (size >= 1 << 20) {
      blob = new Blob([blob, ...pending], { type });
      pending = [];
      size = 0;
    }
  }
  return new Blob([blob, ...pending], { type });
}
