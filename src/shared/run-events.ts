/**
 * What a run reports about itself, the same in the worker and in Node: output lines, the
 * connections it opened and their frames, and policy decisions. The worker batches these
 * into `WorkerToPage` messages; the CLI prints some of them.
 */
import type { Decision } from '../policy/types.ts';

/** `warn`: something the platform would silently ignore (src/runtime/warnings.ts). */
export type OutputStream = 'stdout' | 'stderr' | 'warn' | 'info';

export interface OutputEntry {
  stream: OutputStream;
  text: string;
  /** ms since the epoch */
  time: number;
  /** The script's line a warning points at, when known. */
  line?: number;
  /**
   * The file of that line (a project's `src/lib.lua`), when it is not the run's own script:
   * absent for a lone script's main chunk, whose warnings read as they always have.
   */
  chunk?: string;
  /** The process that wrote it (absent: the run itself). */
  pid?: string;
}

export type ConnectionState = 'connecting' | 'open' | 'closing' | 'closed' | 'failed' | 'denied';

export interface ConnectionInfo {
  /** Unique within a run. */
  id: number;
  /** The URL as the script wrote it (what the policy judged). */
  url: string;
  /** The URL the connection really went to (after demo-host routing). */
  routedUrl: string;
  state: ConnectionState;
  transport: 'direct' | 'relay' | 'none';
  /** Why that transport, e.g. "relay reachable (auto)", "direct (setting)". */
  transportWhy: string;
  protocol: string;
  extensions: string;
  closeCode?: number;
  closeReason?: string;
  /** The failure or denial message, when there is one. */
  error?: string;
  /** The script's extra handshake headers, as sent. */
  requestHeaders?: Record<string, string>;
  /** The server's handshake response headers, where the transport sees them. */
  responseHeaders?: Record<string, string>;
}

export type FrameDirection = 'in' | 'out';
export type FrameKind = 'text' | 'binary' | 'ping' | 'pong' | 'close';

export interface FrameRecord {
  connectionId: number;
  direction: FrameDirection;
  kind: FrameKind;
  /** Payload size in bytes. */
  size: number;
  /** ms since the epoch */
  time: number;
  /** Place in the worker's event order (src/runtime/event-order.ts): ties within a ms. */
  order?: number;
  /** Text (cut to a preview length) or, for binary, hex of the first bytes. */
  preview: string;
  /** Close frames: the code (the reason is the payload). */
  closeCode?: number;
  /** The payload, where a session is being kept (src/session/frame-data.ts); maybe cut. */
  data?: Uint8Array;
  /** `data` is only the start of the payload. */
  truncated?: boolean;
  /** Sent from the inspector's composer, not by the script. */
  composed?: boolean;
  /** A pong: ms since the ping it answers (the page pairs them, src/inspector/ping-pairing.ts). */
  rttMs?: number;
}

/** The sink a run writes its events to. */
export interface RunObserver {
  output(entry: OutputEntry): void;
  connection(info: ConnectionInfo): void;
  /**
   * Absent when nobody looks at frames (the CLI), which spares the hot path the previews.
   * `data` is the payload itself, only lent: an observer that keeps it copies it.
   */
  frame?(record: FrameRecord, data: Uint8Array): void;
  decision(decision: Decision): void;
  /** A process started, changed state or ended (src/process/). Absent: nobody shows them. */
  process?(info: ProcessInfo): void;
  /** A message between processes, or a lifecycle event (EXIT, LINK_DOWN, CANCEL). */
  message?(record: MessageRecord): void;
  /**
   * The processes waiting in `io.readline`/`io.read` for a line changed (src/runtime/modules/
   * terminal-input.ts): the page offers its input line from the first one on.
   */
  readers?(readers: InputReader[]): void;
}

/** A process waiting for a line of terminal input. */
export interface InputReader {
  pid: string;
  /** `namespace:name` (`app:main` for a lone script). */
  entryId: string;
}

/** running: has ready tasks; waiting: every task waits; exited/failed: ended. */
export type ProcessState = 'running' | 'waiting' | 'exited' | 'failed';

export interface ProcessInfo {
  /** `{app:processes|0x00001}` */
  pid: string;
  /** `namespace:name` */
  entryId: string;
  host: string;
  parent?: string;
  state: ProcessState;
  /** Messages queued for it and not yet delivered. */
  queue: number;
  links: string[];
  monitors: string[];
  /** What it waits on when waiting (inbox, events, a topic, a call, a timer…). */
  waitingOn?: string;
  /** The first return value, shown as text, once exited. */
  result?: string;
  /** The error, once failed. */
  error?: string;
  /** ms since the epoch */
  startedAt: number;
  endedAt?: number;
}

export type MessageKind = 'send' | 'exit' | 'link-down' | 'cancel' | 'terminate';

export interface MessageRecord {
  kind: MessageKind;
  /** The sender's pid; "" for the system. */
  from: string;
  to: string;
  topic: string;
  /** The payloads shown as text, cut to a preview length. */
  preview: string;
  /**
   * The payloads as JSON text for the detail (several as an array), while the run's budget
   * lasts (src/process/message-payload.ts); `payloadCut`: only the start of it.
   */
  payload?: string;
  payloadCut?: boolean;
  /** ms since the epoch */
  time: number;
  /** Place in the worker's event order (src/runtime/event-order.ts): ties within a ms. */
  order?: number;
}

export type RunStatus = 'idle' | 'running' | 'finished' | 'error';

/** A Lua failure, shaped for display: the editor marks `line`. */
export interface LuaFailure {
  message: string;
  traceback: string;
  /** 1-based line in the user's script, when known. */
  line?: number;
}
