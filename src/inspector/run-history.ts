/**
 * The runs the inspector keeps besides the current one (issue 20): their connections, frames
 * and process messages, for a look back and an export. Bounded: at most HISTORY_RUNS runs in
 * all, and the frames and kept payload bytes of the kept runs count against the caps of one
 * run (FRAME_CAPACITY frames, RUN_DATA_BYTES of payloads, src/session/frame-data.ts), their
 * messages and the messages' payload text likewise (MESSAGE_CAPACITY, RUN_PAYLOAD_CHARS), so
 * ten runs hold no more than one run could. The oldest run goes first.
 */
import type { ConnectionInfo } from '../shared/run-events.ts';
import type { FrameCounts } from '../app/run-store.ts';
import { FRAME_CAPACITY, type FrameBuffer } from './frame-buffer.ts';
import { RUN_DATA_BYTES } from '../session/frame-data.ts';
import { MESSAGE_CAPACITY, type MessageBuffer } from './message-buffer.ts';
import { RUN_PAYLOAD_CHARS } from '../shared/message-payload-bounds.ts';

/** Runs the inspector offers, the current one included. */
export const HISTORY_RUNS = 10;

export type InspectedStatus = 'running' | 'finished' | 'error' | 'stopped' | 'imported';

/** One run as the inspector shows and exports it. */
export interface InspectedRun {
  /** Unique in the page, stable while the run is kept. */
  key: number;
  /** "Run #3", "session.json". */
  label: string;
  status: InspectedStatus;
  startedAt: number;
  connections: Map<number, ConnectionInfo>;
  frameCounts: Map<number, FrameCounts>;
  frames: FrameBuffer;
  /** The messages between its processes (empty for a run without processes). */
  messages: MessageBuffer;
}

export class RunHistory {
  private runs: { run: InspectedRun; dataBytes: number }[] = [];
  private heldFrames = 0;
  private heldBytes = 0;
  private heldMessages = 0;
  private heldPayloadChars = 0;

  constructor(
    private readonly maxRuns = HISTORY_RUNS,
    private readonly frameCapacity = FRAME_CAPACITY,
    private readonly dataCapacity = RUN_DATA_BYTES,
    private readonly messageCapacity = MESSAGE_CAPACITY,
    private readonly payloadCapacity = RUN_PAYLOAD_CHARS,
  ) {}

  /** The past runs, oldest first. */
  get past(): readonly InspectedRun[] {
    return this.runs.map((kept) => kept.run);
  }

  /** Payload bytes held by the past runs' frames. */
  get dataBytes(): number {
    return this.heldBytes;
  }

  /** Frames held by the past runs. */
  get frames(): number {
    return this.heldFrames;
  }

  /** Messages held by the past runs. */
  get messages(): number {
    return this.heldMessages;
  }

  /** Keep `run` (it is over): its frames and messages move to buffers without room to spare. */
  add(run: InspectedRun): void {
    const kept = { ...run, frames: run.frames.compacted(), messages: run.messages.compacted() };
    let dataBytes = 0;
    for (const frame of kept.frames.held()) dataBytes += frame.data?.length ?? 0;
    this.runs = [...this.runs, { run: kept, dataBytes }];
    this.heldFrames += kept.frames.length;
    this.heldBytes += dataBytes;
    this.heldMessages += kept.messages.length;
    this.heldPayloadChars += kept.messages.payloadChars;
    while (this.runs.length > this.maxRuns - 1) this.dropOldest();
  }

  /**
   * Make room for the current run's frames and payload bytes, and its messages and their
   * payload text: old runs give way to it.
   */
  trim(
    currentFrames: number,
    currentDataBytes = 0,
    currentMessages = 0,
    currentPayloadChars = 0,
  ): boolean {
    let trimmed = false;
    while (
      this.runs.length > 0 &&
      (this.heldFrames + currentFrames > this.frameCapacity ||
        this.heldBytes + currentDataBytes > this.dataCapacity ||
        this.heldMessages + currentMessages > this.messageCapacity ||
        this.heldPayloadChars + currentPayloadChars > this.payloadCapacity)
    ) {
      this.dropOldest();
      trimmed = true;
    }
    return trimmed;
  }

  find(key: number): InspectedRun | undefined {
    return this.runs.find((kept) => kept.run.key === key)?.run;
  }

  private dropOldest(): void {
    const [oldest, ...rest] = this.runs;
    this.runs = rest;
    this.heldFrames -= oldest.run.frames.length;
    this.heldBytes -= oldest.dataBytes;
    this.heldMessages -= oldest.run.messages.length;
    this.heldPayloadChars -= oldest.run.messages.payloadChars;
  }
}
