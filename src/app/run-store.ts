/**
 * What the page knows about the current run: status, console lines, connections, frames and
 * policy decisions. The worker sends batches many times a second; the store absorbs them into
 * mutable buffers and tells React at most once per animation frame (`schedule`), so 50,000
 * frames cost a few renders, not 50,000. Components read through the hooks of use-run-store.ts.
 */
import type {
  ConnectionInfo,
  FrameRecord,
  InputReader,
  LuaFailure,
  MessageRecord,
  OutputEntry,
  OutputStream,
  RunStatus,
} from '../shared/run-events.ts';
import type { Decision } from '../policy/types.ts';
import type { RunEnd } from '../shared/worker-protocol.ts';
import type { EventsBatch } from '../runner/runner.ts';
import { FrameBuffer } from '../inspector/frame-buffer.ts';
import { PingPairing } from '../inspector/ping-pairing.ts';
import { RunHistory, type InspectedRun, type InspectedStatus } from '../inspector/run-history.ts';
import type { ComposeMessage } from '../runner/runner.ts';
import { ProcessRecords } from '../inspector/process-records.ts';
import { MessageBuffer } from '../inspector/message-buffer.ts';

export interface SessionRecords {
  startedAt: number;
  connections: readonly ConnectionInfo[];
  frames: readonly FrameRecord[];
  /** The run's process messages, oldest first (none in a version 1 file or a plain HAR). */
  messages: readonly MessageRecord[];
  messagesDropped: number;
}

/** Console lines kept; older ones are dropped and counted. */
export const OUTPUT_CAPACITY = 3000;
/** Warnings kept for the editor's markers (the console keeps them all). */
export const WARNING_CAPACITY = 200;
/** Denied attempts kept for the policy panel. */
export const DENIED_CAPACITY = 500;

export interface ConsoleLine extends OutputEntry {
  /** Unique and increasing, a stable React key. */
  seq: number;
  /** Shown under an error line. */
  traceback?: string;
  /** The first line of a run: the console draws a divider above it. */
  runStart?: boolean;
}

export interface DeniedAttempt {
  seq: number;
  time: number;
  decision: Decision;
}

export interface FrameCounts {
  in: number;
  out: number;
  bytesIn: number;
  bytesOut: number;
}

export type Composer = (message: ComposeMessage) => Promise<string | null>;

/** The process panel's buttons and the console's input line (set by use-runner.ts). */
export interface ProcessControls {
  control(pid: string, action: 'terminate' | 'cancel'): boolean;
  input(line: string): boolean;
}

export class RunStore {
  status: RunStatus = 'idle';
  /** "stopped by you", "worker terminated": why an idle status followed a run. */
  statusNote = '';
  runId: number | null = null;
  failure: LuaFailure | null = null;
  startedAt = 0;
  output: ConsoleLine[] = [];
  outputDropped = 0;
  /** The run's warnings that name a line; a new array on every change (the editor marks them). */
  warnings: OutputEntry[] = [];
  /** The current run's records (the inspector's default view); a past run's are in `history`. */
  connections = new Map<number, ConnectionInfo>();
  frameCounts = new Map<number, FrameCounts>();
  frames = new FrameBuffer();
  /** The current run's messages between processes (the inspector's timeline). */
  messages = new MessageBuffer();
  /** The runs before the current one, for the inspector's run selector (bounded). */
  readonly history = new RunHistory();
  /** The current run's key, label and state in the history's terms. */
  currentKey = 0;
  currentLabel = 'No run yet';
  currentStatus: InspectedStatus = 'finished';
  /**
   * Sends a composer message on the current run (set by the page's runner, use-runner.ts);
   * resolves with why it was refused, or null.
   */
  composer: Composer | null = null;
  denied: DeniedAttempt[] = [];
  /** The current (or last) project run's processes. */
  processes = new ProcessRecords();
  /** The current (or last) run ran a project's entry. */
  projectRun = false;
  /**
   * A process of the current run has asked for terminal input (io.readline/io.read): the
   * console offers its input line from then on, for the rest of the run.
   */
  inputOffered = false;
  /** The processes waiting for a line now (the input line names them). */
  inputReaders: InputReader[] = [];
  processControls: ProcessControls | null = null;
  /** Increases on every change; React's snapshot. */
  version = 0;

  private seq = 0;
  private readonly pings = new PingPairing();
  /** Payload bytes the current run's frames keep (counted against the history's cap). */
  private currentDataBytes = 0;
  private listeners = new Set<() => void>();
  private scheduled = false;

  constructor(private readonly schedule: (fn: () => void) => void = defaultSchedule) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  setComposer(composer: Composer | null): void {
    this.composer = composer;
  }

  setProcessControls(controls: ProcessControls | null): void {
    this.processControls = controls;
  }

  begin(runId: number, intro: string, options: { project?: boolean } = {}): void {
    this.projectRun = options.project ?? false;
    this.processes = new ProcessRecords();
    this.inputOffered = false;
    this.inputReaders = [];
    this.status = 'running';
    this.statusNote = '';
    this.runId = runId;
    this.failure = null;
    this.warnings = [];
    this.startInspecting(`Run #${runId}`, 'running', Date.now());
    this.addLine({ stream: 'info', text: intro, time: Date.now() }, undefined, true);
    this.changed();
  }

  absorb(batch: EventsBatch): void {
    if (batch.runId !== this.runId) return;
    for (const entry of batch.output) this.addLine(entry);
    this.addTraffic(batch.connections, batch.frames);
    for (const decision of batch.decisions) {
      if (!decision.allowed) this.denied.push({ seq: this.seq++, time: Date.now(), decision });
    }
    if (this.denied.length > DENIED_CAPACITY) this.denied = this.denied.slice(-DENIED_CAPACITY);
    if (batch.processes.length) this.processes.absorb(batch.processes);
    if (batch.messages.length) {
      this.messages.push(batch.messages);
      this.trimHistory();
    }
    if (batch.readers) {
      this.inputReaders = batch.readers;
      if (batch.readers.length > 0) this.inputOffered = true;
    }
    this.changed();
  }

  /** A line for the run's terminal process (io.readline), echoed in the console. */
  sendInput(line: string): boolean {
    if (this.status !== 'running' || !this.processControls?.input(line)) return false;
    this.addLine({ stream: 'info', text: `⏎ ${line}`, time: Date.now() });
    this.changed();
    return true;
  }

  /** Terminate or cancel a process of the current run. */
  controlProcess(pid: string, action: 'terminate' | 'cancel'): boolean {
    if (this.status !== 'running') return false;
    return this.processControls?.control(pid, action) ?? false;
  }

  /** An imported session (src/session/import.ts) in the inspector, in place of the last run's. */
  showSession(session: SessionRecords, name: string): void {
    if (this.status === 'running') return;
    this.startInspecting(
      name,
      'imported',
      session.startedAt || (session.frames[0]?.time ?? session.messages[0]?.time ?? Date.now()),
    );
    this.messages.push(session.messages);
    this.messages.dropped += session.messagesDropped;
    this.addTraffic(session.connections, session.frames);
    const messages = session.messages.length;
    this.info(
      `Imported ${name}: ${session.connections.length} connections, ${session.frames.length} frames` +
        (messages > 0 ? `, ${messages} ${messages === 1 ? 'message' : 'messages'}` : ''),
    );
  }

  /** The current run, in the same shape as the past ones. */
  get current(): InspectedRun {
    return {
      key: this.currentKey,
      label: this.currentLabel,
      status: this.currentStatus,
      startedAt: this.startedAt,
      connections: this.connections,
      frameCounts: this.frameCounts,
      frames: this.frames,
      messages: this.messages,
    };
  }

  /** Every run the inspector offers, oldest first; the current one last. */
  get inspectedRuns(): InspectedRun[] {
    return [...this.history.past, this.current];
  }

  /** New records for the current run; the previous run's go to the history (if any). */
  private startInspecting(label: string, status: InspectedStatus, startedAt: number): void {
    if (this.connections.size > 0 || this.frames.length > 0 || this.messages.length > 0)
      this.history.add(this.current);
    this.currentKey = ++this.seq;
    this.currentLabel = label;
    this.currentStatus = status;
    this.startedAt = startedAt;
    this.connections = new Map();
    this.frameCounts = new Map();
    this.frames = new FrameBuffer();
    this.messages = new MessageBuffer();
    this.currentDataBytes = 0;
    this.pings.clear();
  }

  private addTraffic(connections: readonly ConnectionInfo[], frames: readonly FrameRecord[]): void {
    for (const info of connections) this.connections.set(info.id, info);
    this.frames.push(frames);
    for (const frame of frames) this.currentDataBytes += frame.data?.length ?? 0;
    this.trimHistory();
    for (const frame of frames) {
      const rtt = this.pings.observe(frame);
      if (rtt !== undefined) frame.rttMs = rtt;
      let counts = this.frameCounts.get(frame.connectionId);
      if (!counts)
        this.frameCounts.set(
          frame.connectionId,
          (counts = { in: 0, out: 0, bytesIn: 0, bytesOut: 0 }),
        );
      if (frame.direction === 'in') {
        counts.in++;
        counts.bytesIn += frame.size;
      } else {
        counts.out++;
        counts.bytesOut += frame.size;
      }
    }
  }

  /** Past runs give way to what the current run holds (run-history.ts). */
  private trimHistory(): void {
    this.history.trim(
      this.frames.length,
      this.currentDataBytes,
      this.messages.length,
      this.messages.payloadChars,
    );
  }

  /** The end of run `runId`; ignored when a newer run has begun meanwhile. */
  end(runId: number, end: RunEnd, note?: string): void {
    if (runId !== this.runId) return;
    const seconds = ((Date.now() - this.startedAt) / 1000).toFixed(2);
    this.currentStatus = end.status;
    this.inputReaders = [];
    this.settleConnections(note);
    this.processes.settle(
      end.status === 'stopped' ? 'stopped with the run' : 'ended with the run',
      Date.now(),
    );
    if (end.status === 'finished') {
      this.status = 'finished';
      this.info(`Finished in ${seconds} s`);
    } else if (end.status === 'stopped') {
      this.status = 'idle';
      this.statusNote = 'stopped';
      this.info(note ? `Stopped after ${seconds} s: ${note}` : `Stopped after ${seconds} s`);
    } else {
      this.status = 'error';
      this.failure = end.failure;
      this.addLine(
        { stream: 'stderr', text: end.failure.message, time: Date.now() },
        end.failure.traceback,
      );
    }
    this.runId = null;
    this.changed();
  }

  /**
   * The runtime reports each connection's final state before the run's end (connection.ts
   * `abandon`); one still open here lost its worker (terminated after Stop, or crashed), and
   * its socket with it: shown as broken (1006), never as open or CLOSING for ever.
   */
  private settleConnections(note?: string): void {
    for (const [id, info] of this.connections) {
      if (info.state === 'connecting')
        this.connections.set(id, { ...info, state: 'failed', error: note ?? 'the run ended' });
      else if (info.state === 'open' || info.state === 'closing')
        this.connections.set(id, {
          ...info,
          state: 'closed',
          closeCode: 1006,
          closeReason: '',
          ...(note ? { error: note } : {}),
        });
    }
  }

  info(text: string): void {
    this.addLine({ stream: 'info', text, time: Date.now() });
    this.changed();
  }

  clearOutput(): void {
    this.output = [];
    this.outputDropped = 0;
    this.changed();
  }

  clearDenied(): void {
    this.denied = [];
    this.changed();
  }

  private addLine(entry: OutputEntry, traceback?: string, runStart?: boolean): void {
    if (
      entry.stream === 'warn' &&
      entry.line !== undefined &&
      this.warnings.length < WARNING_CAPACITY
    )
      this.warnings = [...this.warnings, entry];
    const line: ConsoleLine = { ...entry, seq: this.seq++ };
    if (traceback) line.traceback = traceback;
    if (runStart) line.runStart = true;
    this.output.push(line);
    if (this.output.length > OUTPUT_CAPACITY * 1.25) {
      const cut = this.output.length - OUTPUT_CAPACITY;
      this.output = this.output.slice(cut);
      this.outputDropped += cut;
    }
  }

  private changed(): void {
    this.version++;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      for (const listener of this.listeners) listener();
    });
  }
}

function defaultSchedule(fn: () => void): void {
  if (
    typeof requestAnimationFrame === 'function' &&
    typeof document !== 'undefined' &&
    !document.hidden
  ) {
    requestAnimationFrame(fn);
  } else {
    setTimeout(fn, 16);
  }
}

export type { OutputStream };
