/**
 * The runs the inspector keeps besides the current one (issue 20): their connections and
 * frames, for a look back and an export. Bounded twice: at most HISTORY_RUNS runs in all, and
 * the frames of the kept runs count against the inspector's one frame cap (FRAME_CAPACITY),
 * so ten runs hold no more than one run could. The oldest run goes first.
 */
import type { ConnectionInfo } from '../shared/run-events.ts';
import type { FrameCounts } from '../app/run-store.ts';
import { FRAME_CAPACITY, type FrameBuffer } from './frame-buffer.ts';

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
}

export class RunHistory {
  private runs: InspectedRun[] = [];
  private heldFrames = 0;

  constructor(
    private readonly maxRuns = HISTORY_RUNS,
    private readonly frameCapacity = FRAME_CAPACITY,
  ) {}

  /** The past runs, oldest first. */
  get past(): readonly InspectedRun[] {
    return this.runs;
  }

  /** Frames held by the past runs. */
  get frames(): number {
    return this.heldFrames;
  }

  /** Keep `run` (it is over): its frames move to a buffer without room to spare. */
  add(run: InspectedRun): void {
    const kept = { ...run, frames: run.frames.compacted() };
    this.runs = [...this.runs, kept];
    this.heldFrames += kept.frames.length;
    while (this.runs.length > this.maxRuns - 1) this.dropOldest();
  }

  /** Make room for the current run's `currentFrames`: old runs give way to the live one. */
  trim(currentFrames: number): boolean {
    let trimmed = false;
    while (this.runs.length > 0 && this.heldFrames + currentFrames > this.frameCapacity) {
      this.dropOldest();
      trimmed = true;
    }
    return trimmed;
  }

  find(key: number): InspectedRun | undefined {
    return this.runs.find((run) => run.key === key);
  }

  private dropOldest(): void {
    const [oldest, ...rest] = this.runs;
    this.runs = rest;
    this.heldFrames -= oldest.frames.length;
  }
}
