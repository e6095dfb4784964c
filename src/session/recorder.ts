/**
 * Keeps a run's session where no page does (the CLI's `--export`): the connections as last
 * reported, the frames with their payloads and the process messages, under the same caps as
 * the inspector.
 */
import type { ConnectionInfo, FrameRecord, MessageRecord } from '../shared/run-events.ts';
import type { SessionCaps } from '../shared/session-format.ts';
import { FrameBuffer } from '../inspector/frame-buffer.ts';
import { MessageBuffer } from '../inspector/message-buffer.ts';
import { FrameDataKeeper, SESSION_CAPS } from './frame-data.ts';
import type { SessionSource } from './session-source.ts';

export class SessionRecorder {
  readonly startedAt = Date.now();
  private readonly connections = new Map<number, ConnectionInfo>();
  private readonly frames: FrameBuffer;
  private readonly keeper: FrameDataKeeper;
  private readonly messages = new MessageBuffer();

  constructor(private readonly caps: SessionCaps = SESSION_CAPS) {
    this.frames = new FrameBuffer(caps.frames);
    this.keeper = new FrameDataKeeper(caps.frameDataBytes, caps.runDataBytes);
  }

  connection(info: ConnectionInfo): void {
    this.connections.set(info.id, info);
  }

  frame(record: FrameRecord, data: Uint8Array): void {
    this.frames.push([{ ...record, ...this.keeper.keep(data) }]);
  }

  /** Its payload text was bounded by the run (src/process/message-payload.ts). */
  message(record: MessageRecord): void {
    this.messages.push([record]);
  }

  source(): SessionSource {
    return {
      startedAt: this.startedAt,
      connections: [...this.connections.values()],
      frames: () => this.frames.held(),
      framesDropped: this.frames.dropped,
      messages: () => this.messages.records,
      messagesDropped: this.messages.dropped,
      caps: this.caps,
    };
  }
}
