/**
 * A run's connections and frames, and the messages between its processes, as a file: the
 * format the inspector downloads and reads back, the CLI writes (`--export run.json`) and the
 * embed SDK's `end` event carries. Versioned: readers accept every version up to
 * SESSION_VERSION (version 1 had no messages). Documented in docs/session-format.md.
 */
import type { ConnectionInfo, FrameDirection, FrameKind, MessageRecord } from './run-events.ts';

export const SESSION_FORMAT = 'lua-playground-session';
/** 2: the run's process messages (`messages`, `messagesDropped`) besides its frames. */
export const SESSION_VERSION = 2;

/** A message between the run's processes, as the inspector's timeline keeps it. */
export type SessionMessage = MessageRecord;

export interface SessionFrame {
  direction: FrameDirection;
  type: FrameKind;
  /** Payload size in bytes as it crossed the wire (before any cut). */
  size: number;
  /** ms since the epoch */
  time: number;
  /** The payload: text as is when `encoding` is "utf8", otherwise base64. Absent when not kept. */
  data?: string;
  encoding?: 'utf8' | 'base64';
  /** `data` holds only the first `caps.frameDataBytes` bytes of the payload. */
  truncated?: boolean;
  /** Close frames: the code (the reason is the payload). */
  code?: number;
  /** Sent by hand from the inspector's composer, not by the script. */
  composed?: boolean;
}

export interface SessionConnection extends ConnectionInfo {
  frames: SessionFrame[];
}

export interface SessionCaps {
  /** The most frames a session holds; older ones were dropped (`framesDropped`). */
  frames: number;
  /** Bytes of payload kept per frame; a longer payload is cut (`truncated`). */
  frameDataBytes: number;
  /** Bytes of payload kept per run; frames after that keep no `data`. */
  runDataBytes: number;
}

export interface Session {
  format: typeof SESSION_FORMAT;
  version: number;
  /** ISO 8601 */
  exportedAt: string;
  /** ms since the epoch; 0 when unknown */
  startedAt: number;
  caps: SessionCaps;
  /** Frames the run had and this file does not (the inspector's frame cap). */
  framesDropped: number;
  /** Messages the run had and this file does not (the oldest, past the inspector's cap). */
  messagesDropped: number;
  connections: SessionConnection[];
  /** Oldest first; none in a version 1 file. */
  messages: SessionMessage[];
}
