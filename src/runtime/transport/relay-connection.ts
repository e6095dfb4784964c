/**
 * One connection through the relay, as the runtime sees it (TransportConnection). Protocol:
 * src/shared/relay-protocol.ts.
 *
 *   connecting ──opened──▶ open ──close()──▶ closing ──relay "close"──▶ ended
 *       │ failed / socket closed: onFail     └──relay "close" or socket lost (1006)──▶ ended
 *
 * Backpressure: pause() stops delivery; records that keep arriving wait in `queue` and are not
 * acknowledged, so the relay runs out of window and pauses the upstream. The queue therefore
 * never holds more than one window. The end is reported only after every queued message has
 * been delivered, so nothing received is lost.
 */
import {
  DEFAULT_WINDOW,
  FRAME_BINARY,
  FRAME_PING,
  FRAME_PONG,
  FRAME_TEXT,
  RELAY_PROTOCOL_VERSION,
  decodeRelayFrame,
  encodeFrame,
  messageCost,
} from '../../shared/relay-protocol.ts';
import { parseRelayMessage } from '../../shared/relay-messages.ts';
import type { ConnectMessage, RelayMessage } from '../../shared/relay-protocol.ts';
import type { ConnectRequest, TransportConnection, TransportEvents } from './types.ts';
import { closeSocketQuietly } from './relay-socket.ts';

type State = 'connecting' | 'open' | 'closing' | 'ended';

interface Queued {
  type: 'text' | 'binary';
  data: Uint8Array;
}

const EMPTY = new Uint8Array(0);

export class RelayConnection implements TransportConnection {
  private state: State = 'connecting';
  private queue: Queued[] = [];
  private head = 0;
  private paused = false;
  private draining = false;
  /** Cost handed on and not yet acknowledged to the relay. */
  private unacked = 0;
  private ackThreshold = DEFAULT_WINDOW / 4;
  /** How the connection ended, held back until the queue is empty. */
  private end?: { code: number; reason: string };

  constructor(
    private readonly socket: WebSocket,
    private readonly request: ConnectRequest,
    private readonly events: TransportEvents,
    private readonly window = DEFAULT_WINDOW,
  ) {
    socket.onopen = this.relayOnOpen;
    socket.onmessage = this.relayOnMessage;
    socket.onclose = this.relayOnClose;
    socket.onerror = this.relayOnError;
  }

  /** Messages received and not yet delivered (bounded by the window). */
  get queuedMessages(): number {
    return this.queue.length - this.head;
  }

  // ---- TransportConnection ---------------------------------------------------------

  send(data: Uint8Array, binary: boolean): void {
    if (this.state !== 'open') return;
    this.socket.send(encodeFrame(binary ? FRAME_BINARY : FRAME_TEXT, data));
  }

  bufferedAmount(): number {
    return this.socket.bufferedAmount;
  }

  ping(): void {
    if (this.state === 'open') this.socket.send(encodeFrame(FRAME_PING, EMPTY));
  }

  close(code: number | undefined, reason: string): void {
    if (this.state === 'connecting') {
      // The caller has given up on this connection and reports it itself: no more events.
      this.state = 'ended';
      if (this.socket.readyState === this.socket.OPEN)
        this.sendControl({ type: 'close', code, reason });
      closeSocketQuietly(this.socket);
      return;
    }
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.sendControl({ type: 'close', code, reason });
  }

  /** The relay ends the upstream without a close frame (the upstream sees 1006). */
  drop(): void {
    if (this.state !== 'open') return this.close(undefined, '');
    this.state = 'closing';
    this.sendControl({ type: 'close', drop: true });
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.drain();
  }

  // ---- relay socket ----------------------------------------------------------------

  private readonly relayOnOpen = (): void => {
    const r = this.request;
    const connect: ConnectMessage = {
      type: 'connect',
      version: RELAY_PROTOCOL_VERSION,
      url: r.url,
      headers: r.headers,
      protocols: r.protocols,
      dialTimeoutMs: r.dialTimeoutMs,
      compression: r.compression,
      compressionThreshold: r.compressionThreshold,
      readLimit: r.readLimit,
      window: this.window,
    };
    this.socket.send(JSON.stringify(connect));
  };

  private readonly relayOnMessage = (event: MessageEvent): void => {
    if (this.state === 'ended') return;
    try {
      if (typeof event.data === 'string') this.handleControl(event.data);
      else this.handleRecords(new Uint8Array(event.data as ArrayBuffer));
    } catch (err) {
      this.protocolError(err instanceof Error ? err.message : String(err));
    }
  };

  private handleControl(text: string): void {
    const parsed = parseRelayMessage(text);
    if (!parsed.ok) return this.protocolError(parsed.error);
    const message: RelayMessage = parsed.value;
    switch (message.type) {
      case 'opened':
        if (this.state !== 'connecting') return this.protocolError('"opened" twice');
        this.state = 'open';
        this.ackThreshold = Math.max(1, Math.floor(message.window / 4));
        this.events.onOpen({
          protocol: message.protocol,
          extensions: message.extensions,
          headers: message.headers,
        });
        return;
      case 'failed':
        if (this.state !== 'connecting') return this.protocolError('"failed" after "opened"');
        this.state = 'ended';
        closeSocketQuietly(this.socket);
        this.events.onFail(message.message);
        return;
      case 'close':
        // 1005: the upstream's close frame carried no code (RFC 6455 section 7.1.5).
        this.finishWith(message.code ?? 1005, message.reason ?? '');
        return;
      case 'probe':
        return;
    }
  }

  private handleRecords(frame: Uint8Array): void {
    if (this.state === 'connecting') return this.protocolError('data before "opened"');
    for (const record of decodeRelayFrame(frame)) {
      if (record.kind === FRAME_PING || record.kind === FRAME_PONG) {
        // Control frames are for the inspector only; they never wait behind a pause.
        this.events.onControl?.(record.kind === FRAME_PING ? 'ping' : 'pong', record.data);
        this.consumed(record.data.byteLength);
      } else {
        this.queue.push({
          type: record.kind === FRAME_TEXT ? 'text' : 'binary',
          data: record.data,
        });
      }
    }
    this.drain();
  }

  private readonly relayOnClose = (event: CloseEvent): void => {
    if (this.state === 'ended') return;
    if (this.state === 'connecting') {
      this.state = 'ended';
      this.events.onFail(
        `relay connection closed before the upstream opened (${event.code}${event.reason ? `: ${event.reason}` : ''})`,
      );
      return;
    }
    // No "close" from the relay: it died or dropped us. RFC 6455 section 7.1.5: 1006.
    this.finishWith(1006, '');
  };

  private readonly relayOnError = (): void => {
    // Always followed by 'close', which reports.
  };

  // ---- delivery --------------------------------------------------------------------

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    try {
      while (!this.paused && this.head < this.queue.length && this.state !== 'ended') {
        const item = this.queue[this.head]!;
        this.queue[this.head++] = undefined as unknown as Queued; // let the buffer go
        this.events.onMessage(item.type, item.data);
        this.consumed(item.data.byteLength);
      }
    } finally {
      this.draining = false;
    }
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.end && this.head === this.queue.length) this.reportEnd();
  }

  /** Credit the relay for a record handed on, in chunks of a quarter window. */
  private consumed(bytes: number): void {
    this.unacked += messageCost(bytes);
    if (this.unacked >= this.ackThreshold && this.state !== 'ended') {
      if (this.socket.readyState === this.socket.OPEN)
        this.sendControl({ type: 'ack', bytes: this.unacked });
      this.unacked = 0;
    }
  }

  private finishWith(code: number, reason: string): void {
    if (this.end) return;
    this.end = { code, reason };
    this.drain();
  }

  private reportEnd(): void {
    if (this.state === 'ended' || !this.end) return;
    this.state = 'ended';
    closeSocketQuietly(this.socket);
    this.events.onClose(this.end.code, this.end.reason);
  }

  private protocolError(message: string): void {
    const wasConnecting = this.state === 'connecting';
    closeSocketQuietly(this.socket);
    if (wasConnecting) {
      this.state = 'ended';
      this.events.onFail(`relay protocol error: ${message}`);
    } else this.finishWith(1006, `relay protocol error: ${message}`);
  }

  private sendControl(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
}
