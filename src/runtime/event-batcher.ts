/**
 * Collects a run's events and hands them over in batches, so a stream of 50,000 frames costs
 * a few dozen postMessage calls instead of 50,000. Connection updates are merged per id.
 * A batch goes after FLUSH_MS or once it holds MAX_BATCH_RECORDS records, whichever comes
 * first: the page takes in each batch in one task (decoding and absorbing it, about 7 µs a
 * record), and a flood's 40 ms worth would be one main-thread task of 20 ms or more.
 * Process updates are merged per pid like connections (only the latest state matters to the
 * panel); messages between processes are records, like frames. The processes waiting for
 * terminal input go as their latest list, and only when it changed.
 */
import type { Decision } from '../policy/types.ts';
import type {
  ConnectionInfo,
  FrameRecord,
  InputReader,
  MessageRecord,
  OutputEntry,
  ProcessInfo,
  RunObserver,
} from '../shared/run-events.ts';
import { FrameDataKeeper } from '../session/frame-data.ts';

export interface EventBatch {
  output: OutputEntry[];
  connections: ConnectionInfo[];
  frames: FrameRecord[];
  decisions: Decision[];
  processes: ProcessInfo[];
  messages: MessageRecord[];
  readers?: InputReader[];
}

const FLUSH_MS = 40;
export const MAX_BATCH_RECORDS = 1000;

export class EventBatcher implements RunObserver {
  private batch: EventBatch = emptyBatch();
  private connections = new Map<number, ConnectionInfo>();
  private processes = new Map<string, ProcessInfo>();
  /** The readers' latest list, not yet sent. */
  private readersNow: InputReader[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The page keeps each frame's payload for the inspector's session export. */
  private readonly keeper = new FrameDataKeeper();

  constructor(private readonly send: (batch: EventBatch) => void) {}

  output(entry: OutputEntry): void {
    this.batch.output.push(entry);
    this.added();
  }

  connection(info: ConnectionInfo): void {
    this.connections.set(info.id, info);
    this.schedule();
  }

  frame(record: FrameRecord, data: Uint8Array): void {
    const kept = this.keeper.keep(data);
    if (kept.data) record.data = kept.data;
    if (kept.truncated) record.truncated = true;
    this.batch.frames.push(record);
    this.added();
  }

  decision(decision: Decision): void {
    this.batch.decisions.push(decision);
    this.added();
  }

  // Bound (arrow properties): the node may hold the observer's `process` apart from it.
  process = (info: ProcessInfo): void => {
    this.processes.set(info.pid, info);
    this.schedule();
  };

  message = (record: MessageRecord): void => {
    this.batch.messages.push(record);
    this.added();
  };

  readers = (readers: InputReader[]): void => {
    this.readersNow = readers;
    this.schedule();
  };

  /** Send what is pending now (before the run's end is reported). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    batch.connections = [...this.connections.values()];
    batch.processes = [...this.processes.values()];
    if (this.readersNow) batch.readers = this.readersNow;
    if (
      !batch.output.length &&
      !batch.connections.length &&
      !batch.frames.length &&
      !batch.decisions.length &&
      !batch.processes.length &&
      !batch.messages.length &&
      !batch.readers
    )
      return;
    this.batch = emptyBatch();
    this.connections = new Map();
    this.processes = new Map();
    this.readersNow = undefined;
    this.send(batch);
  }

  private added(): void {
    const b = this.batch;
    const records = b.output.length + b.frames.length + b.decisions.length + b.messages.length;
    if (records >= MAX_BATCH_RECORDS) this.flush();
    else this.schedule();
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.flush(), FLUSH_MS);
  }
}

function emptyBatch(): EventBatch {
  return { output: [], connections: [], frames: [], decisions: [], processes: [], messages: [] };
}
