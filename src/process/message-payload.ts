/**
 * The payloads a message record carries for the inspector's detail, as JSON text. Bounded like
 * frame payloads (src/shared/message-payload-bounds.ts): each message keeps up to
 * MESSAGE_PAYLOAD_CHARS, until the run has kept RUN_PAYLOAD_CHARS; later messages keep their
 * preview only. The text is made only while there is budget, so a flood does not pay for it.
 */
import { copiedFromJs, copiedJson, type Copied } from './payload-copy.ts';
import type { MessageRecord } from '../shared/run-events.ts';
import { MESSAGE_PAYLOAD_CHARS, RUN_PAYLOAD_CHARS } from '../shared/message-payload-bounds.ts';

export class MessagePayloads {
  private kept = 0;

  constructor(
    private readonly messageChars = MESSAGE_PAYLOAD_CHARS,
    private readonly runChars = RUN_PAYLOAD_CHARS,
  ) {}

  /** The record's `payload` fields for `values` (one payload as itself, several as a list). */
  keep(values: readonly Copied[]): Pick<MessageRecord, 'payload' | 'payloadCut'> {
    if (values.length === 0 || this.kept >= this.runChars) return {};
    const value = values.length === 1 ? values[0] : copiedFromJs(values);
    const budget = Math.min(this.messageChars, this.runChars - this.kept);
    const { text, cut } = copiedJson(value, budget);
    this.kept += text.length;
    return cut ? { payload: text, payloadCut: true } : { payload: text };
  }
}
