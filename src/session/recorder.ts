/**
 * Keeps a run's session where no page does (the CLI's `--export`): the connections as last
 * reported and the frames with their payloads, under the same caps as the inspector.
 */
import type { ConnectionInfo, FrameRecord } from '../shared/run-events.ts';
import { FrameBuffer } from '../inspector/frame-buffer.ts';
import { FrameDataKeeper, SESSION_CAPS } from './frame-data.ts';
import type { SessionSource } from './session-source.ts';

export class SessionRecorder {
  readonly startedAt = Date.now();
  private readonly connections = new Map<number, ConnectionInfo>();
  private readonly frames = new FrameBuffer(SESSION_CAPS.frames);
  private readonly keeper = new FrameDataKeeper();

  connection(info: ConnectionInfo): void {
    this.connections.set(info.id, info);
  }

  frame(record: FrameRecord, data: Uint8Array): void {
    this.frames.push([{ ...record, ...this.keeper.keep(data) }]);
  }

  source(): SessionSource {
    const frames = this.frames;
    return {
      startedAt: this.startedAt,
      connections: [...this.connections.values()],
      frames: function* () {
        for (let seq = frames.firstSeq; seq < frames.endSeq; seq++) yield frames.bySeq(seq)!;
      },
      framesDropped: frames.dropped,
      caps: SESSION_CAPS,
    };
  }
}
