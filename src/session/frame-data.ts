/**
 * Which payload bytes a session keeps. Every frame keeps up to FRAME_DATA_BYTES of its payload,
 * until the run has kept RUN_DATA_BYTES; later frames keep size and preview only. The bounds
 * keep a flood or a 16 MiB echo from growing the page, and the exported file states them.
 */
import type { SessionCaps } from '../shared/session-format.ts';
import { FRAME_CAPACITY } from '../inspector/frame-buffer.ts';

export const FRAME_DATA_BYTES = 1024 * 1024;
export const RUN_DATA_BYTES = 64 * 1024 * 1024;

export const SESSION_CAPS: SessionCaps = {
  frames: FRAME_CAPACITY,
  frameDataBytes: FRAME_DATA_BYTES,
  runDataBytes: RUN_DATA_BYTES,
};

export interface KeptData {
  data?: Uint8Array;
  truncated?: boolean;
}

export class FrameDataKeeper {
  private kept = 0;

  constructor(
    private readonly frameBytes = FRAME_DATA_BYTES,
    private readonly runBytes = RUN_DATA_BYTES,
  ) {}

  /** A copy of (the start of) `data`, or nothing once the run's budget is spent. */
  keep(data: Uint8Array): KeptData {
    const n = Math.min(data.length, this.frameBytes);
    if (this.kept + n > this.runBytes) return {};
    this.kept += n;
    // slice() copies: the payload is only lent, and a view would pin (and post) its whole buffer.
    const copy = data.slice(0, n);
    return n < data.length ? { data: copy, truncated: true } : { data: copy };
  }
}
