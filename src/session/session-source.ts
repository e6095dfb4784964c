/**
 * What an export reads: the run's connections and its frames in arrival order, and the
 * messages between its processes, as the page's run store and the CLI's recorder hold them.
 */
import type { ConnectionInfo, FrameRecord, MessageRecord } from '../shared/run-events.ts';
import type { SessionCaps } from '../shared/session-format.ts';

export interface SessionSource {
  startedAt: number;
  connections: readonly ConnectionInfo[];
  /** Every frame still held, oldest first. */
  frames: () => Iterable<FrameRecord>;
  framesDropped: number;
  /** Every process message still held, oldest first. */
  messages: () => Iterable<MessageRecord>;
  messagesDropped: number;
  caps: SessionCaps;
}

/** The frames of each connection, in order, without copying them. */
export function framesByConnection(source: SessionSource): Map<number, FrameRecord[]> {
  const byId = new Map<number, FrameRecord[]>();
  for (const connection of source.connections) byId.set(connection.id, []);
  for (const frame of source.frames()) {
    let list = byId.get(frame.connectionId);
    if (!list) byId.set(frame.connectionId, (list = []));
    list.push(frame);
  }
  return byId;
}
