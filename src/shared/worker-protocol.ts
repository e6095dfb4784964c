/**
 * Messages between the page (src/runner) and the Lua worker (src/runtime/worker.ts), written
 * once as discriminated unions on `type`. Every message carries the run it belongs to, so a
 * late message from a stopped run is recognised and dropped.
 */
import type { Policy, Decision } from '../policy/types.ts';
import type { Dialect, TypeCheckMode } from './dialect.ts';
import type {
  ConnectionInfo,
  FrameRecord,
  LuaFailure,
  MessageRecord,
  InputReader,
  OutputEntry,
  ProcessInfo,
} from './run-events.ts';

export type TransportMode = 'auto' | 'relay' | 'direct';

export interface RelayEndpoint {
  /** ws:// URL of the relay, e.g. ws://127.0.0.1:5173/relay */
  url: string;
  /** The per-start token the served page received. */
  token: string;
}

export interface RunRequest {
  runId: number;
  code: string;
  /** Chunk name shown in tracebacks, e.g. "main.lua". */
  chunkName: string;
  /** Hidden set-up run first as its own chunk (an embed's prelude: RunOptions.prelude). */
  prelude?: string;
  policy: Policy;
  transport: TransportMode;
  relay?: RelayEndpoint;
  /** The Lua the script speaks; absent means the runtime's default. */
  dialect?: Dialect;
  typeCheck?: TypeCheckMode;
  /** Demo-host routing: host[:port] as written -> ws://127.0.0.1:port base it goes to. */
  demoHosts: Record<string, string>;
  /**
   * A project run: its files (`_index.yaml` and the Lua files they name); `code` is then the
   * active file's text and `entry` the entry to run (`namespace:name`).
   */
  project?: ProjectFiles;
  entry?: string;
}

/** A project's files, by path relative to its root (`app/_index.yaml`, `app/cli.lua`). */
export interface ProjectFiles {
  files: Array<{ path: string; text: string }>;
}

/**
 * A message typed in the inspector's composer, for an open connection of the running script:
 * sent on its transport and recorded like the script's own frames (marked `composed`).
 */
export interface ComposeRequest {
  runId: number;
  /** Answers carry it back: the page may have several in flight. */
  composeId: number;
  connectionId: number;
  kind: 'text' | 'binary';
  data: Uint8Array;
}

export type PageToWorker =
  | ({ type: 'run' } & RunRequest)
  | { type: 'stop'; runId: number }
  | ({ type: 'compose' } & ComposeRequest)
  /** The process panel's buttons. */
  | { type: 'process-control'; runId: number; pid: string; action: 'terminate' | 'cancel' }
  /** A line typed in the console's input line, for a terminal process's io.readline. */
  | { type: 'input'; runId: number; line: string };

export type RunEnd =
  { status: 'finished' } | { status: 'stopped' } | { status: 'error'; failure: LuaFailure };

export type WorkerToPage =
  | { type: 'ready' }
  | { type: 'started'; runId: number }
  | {
      type: 'events';
      runId: number;
      output: OutputEntry[];
      connections: ConnectionInfo[];
      frames: FrameRecord[];
      decisions: Decision[];
      processes: ProcessInfo[];
      messages: MessageRecord[];
      /** The processes waiting for terminal input now; absent: no change since the last batch. */
      readers?: InputReader[];
    }
  | ({ type: 'ended'; runId: number } & RunEnd)
  /** The composer's message went out, or `error` says why not (the connection is not open). */
  | { type: 'composed'; runId: number; composeId: number; error?: string };
