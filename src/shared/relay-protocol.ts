/**
 * The protocol between the page (src/runtime/transport/relay.ts) and the relay
 * (src/server/relay/). Written once, used on both sides; docs/relay.md describes it for people.
 * Its control messages are parsed in relay-messages.ts.
 *
 * One page WebSocket to the relay carries exactly one upstream connection:
 *
 *   page                                  relay                              upstream
 *    │ GET /relay, token as subprotocol (Origin checked)                          │
 *    │── text {"type":"connect",…} ─────────▶│── dial, handshake (headers, …) ───▶│
 *    │◀─ text {"type":"opened",…} ───────────│◀─ 101 ─────────────────────────────│
 *    │      (or {"type":"failed",message}, then the relay closes the page socket)  │
 *    │── binary [0x01|0x02 …payload] ───────▶│── text / binary message ──────────▶│
 *    │◀─ binary [kind …] or batch [0x7f …] ──│◀─ messages, pings, pongs ──────────│
 *    │── text {"type":"ack","bytes":n} ─────▶│   (flow control, see below)        │
 *    │── text {"type":"close",code,reason} ─▶│── close frame ────────────────────▶│
 *    │◀─ text {"type":"close",code,reason} ──│◀─ close frame (code as it arrived) │
 *    │◀─ close 1000 ─────────────────────────│                                    │
 *
 * Text frames are JSON control messages; binary frames are data. Data is never JSON or
 * base64: a binary frame is one kind byte followed by the payload as it is, so text stays
 * UTF-8 bytes end to end and binary keeps every byte value.
 *
 * Flow control is a byte window (credits). The relay may have at most `window` bytes of cost
 * (see messageCost) sent to the page and not yet acknowledged. The page acknowledges bytes
 * only once it has handed the messages on (so a paused page stops acknowledging). When the
 * window is used up the relay stops sending, queues a little, then pauses the upstream socket
 * (TCP backpressure reaches the server). Nothing is dropped while both peers keep to it; the
 * page holds at most the window plus one message, and the relay's bounds (including a peer
 * that ignores flow control, which ends the session with 1008) are in docs/relay.md,
 * "Memory bounds".
 *
 * Batching: while a frame to the page is still being written, further upstream messages are
 * packed into one batch frame ([0x7f] then records [kind u8][length u32 BE][payload]), which
 * the page unpacks into separate messages, in order.
 */

/** Bumped on any incompatible change; the relay answers `failed` to a version it lacks. */
export const RELAY_PROTOCOL_VERSION = 1;

/** Where the relay is mounted on the serving origin. */
export const RELAY_PATH = '/relay';

/**
 * How the page proves it was served by this relay's process: the per-start token, offered as
 * a WebSocket subprotocol (`Sec-WebSocket-Protocol: lua-relay, lua-relay-token.<base64url>`),
 * the one header a browser lets a page set. A header, unlike a query string, stays out of
 * access logs and proxies' URLs. The relay answers with RELAY_SUBPROTOCOL.
 */
export const RELAY_SUBPROTOCOL = 'lua-relay';
export const RELAY_TOKEN_PROTOCOL_PREFIX = 'lua-relay-token.';

/** The subprotocols a page offers: base64url keeps any token a valid protocol token. */
export function relayProtocols(token: string): string[] {
  const bytes = new TextEncoder().encode(token);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const base64url = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [RELAY_SUBPROTOCOL, RELAY_TOKEN_PROTOCOL_PREFIX + base64url];
}

/** The query parameter older clients carried the token in: the relay refuses it (HTTP 400). */
export const RELAY_TOKEN_PARAM = 'token';

/** Kind byte of a binary frame. Data kinds reuse the RFC 6455 opcodes (section 5.2). */
export const FRAME_TEXT = 0x01;
export const FRAME_BINARY = 0x02;
/** page -> relay: send a ping upstream. relay -> page: the upstream sent a ping. */
export const FRAME_PING = 0x09;
/** relay -> page: the upstream sent a pong (for the inspector). */
export const FRAME_PONG = 0x0a;
/** relay -> page only: several records in one frame. */
export const FRAME_BATCH = 0x7f;

export type RecordKind =
  typeof FRAME_TEXT | typeof FRAME_BINARY | typeof FRAME_PING | typeof FRAME_PONG;

/** Bytes of header per batch record: kind (1) + length (4). */
export const BATCH_RECORD_HEADER = 5;

/** Flow-control cost of one record: payload plus a fixed overhead, so empty messages count. */
export const MESSAGE_OVERHEAD = 32;
export function messageCost(payloadBytes: number): number {
  return payloadBytes + MESSAGE_OVERHEAD;
}

/** The window the page asks for unless told otherwise, and the range the relay clamps it to. */
export const DEFAULT_WINDOW = 1024 * 1024;
export const MIN_WINDOW = 16 * 1024;
export const MAX_WINDOW = 16 * 1024 * 1024;

/** Largest JSON control message either side accepts (a connect with many headers fits). */
export const MAX_CONTROL_BYTES = 64 * 1024;

// ---------------------------------------------------------------------------------------
// JSON control messages

/** page -> relay, first message: open this upstream connection. Fields as in ConnectRequest. */
export interface ConnectMessage {
  type: 'connect';
  version: number;
  url: string;
  headers: Record<string, string>;
  protocols: string[];
  /** 0 = the relay's own limit. */
  dialTimeoutMs: number;
  /** 0 disabled, 1 permessage-deflate with context takeover, 2 without (per message). */
  compression: 0 | 1 | 2;
  compressionThreshold: number;
  /** Largest upstream message; a bigger one closes the upstream with 1009. */
  readLimit: number;
  /** Flow-control window in bytes the page asks for; the relay clamps it. */
  window?: number;
}

/** page -> relay, first message instead of connect: "are you there, which version?" */
export interface ProbeMessage {
  type: 'probe';
  version: number;
}

/** page -> relay: this many bytes of cost have been handed on; the relay may send more. */
export interface AckMessage {
  type: 'ack';
  bytes: number;
}

/**
 * Either direction. page -> relay: close the upstream with this code and reason (a code the
 * browser itself may not send, such as 1011, is fine here). relay -> page: the upstream
 * closed with this code, exactly as it arrived; 1005 when its close frame had no code, 1006
 * for an abnormal end.
 */
export interface CloseMessage {
  type: 'close';
  /** Absent: a close frame without a status code. */
  code?: number;
  reason?: string;
  /**
   * Page -> relay only: end the upstream connection without a close frame (TCP closed), as the
   * platform does for a code that cannot go on the wire; the upstream then sees 1006.
   */
  drop?: true;
}

export type PageMessage = ConnectMessage | ProbeMessage | AckMessage | CloseMessage;

/** relay -> page: the upstream handshake succeeded. */
export interface OpenedMessage {
  type: 'opened';
  protocol: string;
  /** The negotiated Sec-WebSocket-Extensions header, e.g. "permessage-deflate; …". */
  extensions: string;
  /** The window the relay will honour (after clamping). */
  window: number;
  /** The upstream's handshake response headers (for the session export), when sent. */
  headers?: Record<string, string>;
}

/** relay -> page: the connection could not be made; the message names the cause. */
export interface FailedMessage {
  type: 'failed';
  message: string;
}

/** relay -> page: answer to a probe. */
export interface ProbeReplyMessage {
  type: 'probe';
  version: number;
}

export type RelayMessage = OpenedMessage | FailedMessage | CloseMessage | ProbeReplyMessage;

// ---------------------------------------------------------------------------------------
// Binary frames

/** One data or control record, as carried in a binary frame. */
export interface DataRecord {
  kind: RecordKind;
  data: Uint8Array;
}

/** A single-record frame: kind byte then payload (one copy, which a WebSocket send needs anyway). */
export function encodeFrame(kind: RecordKind, payload: Uint8Array): Uint8Array {
  const frame = new Uint8Array(1 + payload.byteLength);
  frame[0] = kind;
  frame.set(payload, 1);
  return frame;
}

/** Total frame size of a batch of these records. */
export function batchSize(records: readonly DataRecord[]): number {
  let size = 1;
  for (const r of records) size += BATCH_RECORD_HEADER + r.data.byteLength;
  return size;
}

export function encodeBatch(records: readonly DataRecord[]): Uint8Array {
  const frame = new Uint8Array(batchSize(records));
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  frame[0] = FRAME_BATCH;
  let at = 1;
  for (const r of records) {
    frame[at] = r.kind;
    view.setUint32(at + 1, r.data.byteLength);
    frame.set(r.data, at + BATCH_RECORD_HEADER);
    at += BATCH_RECORD_HEADER + r.data.byteLength;
  }
  return frame;
}

const RECORD_KINDS: ReadonlySet<number> = new Set([
  FRAME_TEXT,
  FRAME_BINARY,
  FRAME_PING,
  FRAME_PONG,
]);

/**
 * Split a binary frame from the relay into its records (views into `frame`, no copies).
 * Throws on a malformed frame; the caller treats that as a protocol error.
 */
export function decodeRelayFrame(frame: Uint8Array): DataRecord[] {
  if (frame.byteLength === 0) throw new Error('empty binary frame');
  const kind = frame[0];
  if (kind !== FRAME_BATCH) {
    if (!RECORD_KINDS.has(kind)) throw new Error(`unknown frame kind 0x${kind.toString(16)}`);
    return [{ kind: kind as RecordKind, data: frame.subarray(1) }];
  }
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const records: DataRecord[] = [];
  let at = 1;
  while (at < frame.byteLength) {
    if (at + BATCH_RECORD_HEADER > frame.byteLength)
      throw new Error('truncated batch record header');
    const recordKind = frame[at];
    if (!RECORD_KINDS.has(recordKind))
      throw new Error(`unknown record kind 0x${recordKind.toString(16)}`);
    const length = view.getUint32(at + 1);
    const start = at + BATCH_RECORD_HEADER;
    if (start + length > frame.byteLength) throw new Error('truncated batch record');
    records.push({ kind: recordKind as RecordKind, data: frame.subarray(start, start + length) });
    at = start + length;
  }
  return records;
}

/** Page -> relay binary frames: one record, never a batch; pings carry at most 125 bytes. */
export function decodePageFrame(frame: Uint8Array): DataRecord {
  if (frame.byteLength === 0) throw new Error('empty binary frame');
  const kind = frame[0];
  if (kind !== FRAME_TEXT && kind !== FRAME_BINARY && kind !== FRAME_PING) {
    throw new Error(`unknown frame kind 0x${kind.toString(16)}`);
  }
  const data = frame.subarray(1);
  // RFC 6455 section 5.5: control frame payloads are at most 125 bytes.
  if (kind === FRAME_PING && data.byteLength > 125)
    throw new Error('ping payload longer than 125 bytes');
  return { kind, data };
}
