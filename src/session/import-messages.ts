/**
 * The process messages of an imported session, bounded as the run that wrote them was: at most
 * MESSAGE_CAPACITY, the newest (the others count as dropped); each payload up to
 * MESSAGE_PAYLOAD_CHARS and all of them up to RUN_PAYLOAD_CHARS (past that a message keeps its
 * preview only, as in a run, src/process/message-payload.ts); each text a timeline row shows up
 * to MESSAGE_TEXT_CHARS. A hostile file (a million messages, a 100 MB topic or payload) costs
 * the page no more than a run could, and the detail never parses more than one payload's cap.
 */
import type { SessionMessage } from '../shared/session-format.ts';
import { MESSAGE_CAPACITY } from '../inspector/message-buffer.ts';
import { MESSAGE_PAYLOAD_CHARS, RUN_PAYLOAD_CHARS } from '../shared/message-payload-bounds.ts';
import { checkMessage, SessionImportError } from './session-schema.ts';

/** Longest pid, topic or preview kept; the runtime's own are far shorter. */
export const MESSAGE_TEXT_CHARS = 1024;

export interface ImportedMessages {
  /** Oldest first, by time. */
  messages: SessionMessage[];
  /** Messages the file had and the import does not keep (the oldest). */
  dropped: number;
}

export function checkMessages(
  raw: unknown,
  where: string,
  capacity = MESSAGE_CAPACITY,
): ImportedMessages {
  if (raw === undefined) return { messages: [], dropped: 0 };
  if (!Array.isArray(raw)) throw new SessionImportError(`${where} is not a list`);
  // Each is checked, so a damaged file is refused whole; the newest `capacity` are kept.
  const checked = raw.map((message: unknown, i) => checkMessage(message, `${where}[${i}]`));
  const kept = checked.slice(Math.max(0, checked.length - capacity));
  let payloadChars = 0;
  const messages = kept.map((message) => {
    const bounded = boundedMessage(message, RUN_PAYLOAD_CHARS - payloadChars);
    payloadChars += bounded.payload?.length ?? 0;
    return bounded;
  });
  // Stable: messages of the same millisecond keep the file's order.
  messages.sort((a, b) => a.time - b.time);
  return { messages, dropped: checked.length - kept.length };
}

/** A count from the file: a whole number, not below 0. */
export function droppedCount(value: number | undefined): number {
  return value === undefined ? 0 : Math.max(0, Math.trunc(value));
}

function boundedMessage(message: SessionMessage, payloadBudget: number): SessionMessage {
  const out: SessionMessage = {
    kind: message.kind,
    from: cut(message.from),
    to: cut(message.to),
    topic: cut(message.topic),
    preview: cut(message.preview),
    time: message.time,
  };
  const budget = Math.min(MESSAGE_PAYLOAD_CHARS, payloadBudget);
  if (message.payload === undefined || budget <= 0) return out;
  out.payload = message.payload.slice(0, budget);
  if (message.payloadCut || message.payload.length > budget) out.payloadCut = true;
  return out;
}

function cut(text: string): string {
  return text.length > MESSAGE_TEXT_CHARS ? `${text.slice(0, MESSAGE_TEXT_CHARS)}…` : text;
}
