/**
 * One WebSocket connection of a run, between a transport and the Lua client object.
 *
 *   connecting ──open──▶ open ──close()──▶ closing ──onClose──▶ closed
 *        │                 └──────────────onClose (peer, drop)──▶ closed
 *        └──fail / dial timeout──▶ failed
 *
 * Received messages go into the connection's channel; when it holds `channel_capacity`
 * messages the transport is paused (backpressure) and resumed as the script takes them, so
 * nothing is dropped. The channel closes when the connection ends, after the messages already
 * received, which stay readable. Once the script closes the connection, messages that arrive
 * later are no longer delivered, as on the platform (yields.go:302-313 unsubscribes the
 * channel when close() returns); the inspector still shows them.
 */
import type {
  ConnectionInfo,
  ConnectionState,
  FrameKind,
  FrameRecord,
  RunObserver,
} from '../shared/run-events.ts';
import type { ConnectOptions } from './connect-options.ts';
import type { LuaChannel } from './modules/channel.ts';
import type { Scheduler, Task } from './scheduler.ts';
import type { Timers } from './modules/time.ts';
import {
  TransportUnsupported,
  type OpenInfo,
  type Transport,
  type TransportConnection,
} from './transport/types.ts';
import { framePreview } from './frame-preview.ts';
import type { CloseFrame } from './modules/websocket/close-args.ts';
import { hostPort } from './transport/dial-error.ts';
import { nextEventOrder } from './event-order.ts';

const reasonDecoder = new TextDecoder();

export interface ConnectionDeps {
  scheduler: Scheduler;
  timers: Timers;
  observer: RunObserver;
  now: () => number;
  /** The connection has ended (closed or failed): the run need not abandon it any more. */
  onEnded?: (connection: Connection) => void;
}

export class Connection {
  state: ConnectionState = 'connecting';
  protocol = '';
  extensions = '';
  closeCode?: number;
  closeReason?: string;
  error?: string;
  responseHeaders?: Record<string, string>;
  /** The script called close(): later messages are not delivered, a second close() fails. */
  closedByScript = false;
  /** The script called channel() (the platform subscribes then, module.go:300-337). */
  subscribed = false;
  /** Tasks waiting for open/fail (connect) or for the end (close). */
  readonly waiters = new Set<Task>();
  private transportConnection?: TransportConnection;
  private paused = false;
  private lastReceived = 0;
  private cancelDialTimer?: () => void;
  private cancelReadTimer?: () => void;

  constructor(
    readonly id: number,
    readonly url: string,
    readonly routedUrl: string,
    readonly options: ConnectOptions,
    readonly transport: Transport,
    readonly transportWhy: string,
    readonly channel: LuaChannel,
    private readonly deps: ConnectionDeps,
  ) {}

  /** Dial; the outcome arrives as a state change and wakes the waiters. */
  start(): void {
    this.report();
    if (this.options.dialTimeoutMs > 0) {
      this.cancelDialTimer = this.deps.timers.start(this.options.dialTimeoutMs, () =>
        this.onDialTimeout(),
      );
    }
    const request = {
      url: this.routedUrl,
      headers: this.options.headers,
      protocols: this.options.protocols,
      dialTimeoutMs: this.options.dialTimeoutMs,
      compression: this.options.compression,
      compressionThreshold: this.options.compressionThreshold,
      readLimit: this.options.readLimit,
    };
    try {
      this.transportConnection = this.transport.connect(request, {
        onOpen: (info) => this.onOpen(info),
        onMessage: (type, data) => this.onMessage(type, data),
        onControl: (kind, data) => this.recordFrame('in', kind, data),
        onFail: (message) => this.onFail(message),
        onClose: (code, reason) => this.onClose(code, reason),
      });
    } catch (e) {
      // A transport that refuses the request outright (the URL, a header its HTTP client will
      // not write): a connection failure like any other, never an exception into Lua.
      this.onFail(`failed to WebSocket dial: ${(e as Error).message}`);
    }
  }

  get connection(): TransportConnection {
    if (!this.transportConnection) throw new Error('connection not started');
    return this.transportConnection;
  }

  send(data: Uint8Array, binary: boolean): void {
    this.connection.send(data, binary);
    this.recordFrame('out', binary ? 'binary' : 'text', data);
  }

  /**
   * A message from the inspector's composer. Refused (the reason returned) unless the
   * connection is open and the script has not closed it: the composer pokes a live
   * connection, it never reopens or half-closes one.
   */
  compose(data: Uint8Array, binary: boolean): string | null {
    if (this.state !== 'open' || this.closedByScript) {
      const state = this.closedByScript && this.state === 'open' ? 'closing' : this.state;
      return `connection #${this.id} is not open (${state}); nothing was sent`;
    }
    this.connection.send(data, binary);
    this.recordFrame('out', binary ? 'binary' : 'text', data, undefined, true);
    return null;
  }

  ping(): void {
    this.connection.ping();
    this.recordFrame('out', 'ping', new Uint8Array(0));
  }

  /** Start the closing handshake (idempotent). */
  close(code: number, reason: string): void {
    if (this.state === 'connecting') {
      this.onFail('closed before the connection was established');
      this.transportConnection?.close(code, reason);
      return;
    }
    if (this.state !== 'open') return;
    this.state = 'closing';
    this.report();
    this.recordFrame('out', 'close', new TextEncoder().encode(reason), code);
    this.connection.close(code, reason);
  }

  /**
   * The script's close(), with what close-args.ts resolved to put on the wire. The transport
   * goes first: one that cannot send this (TransportUnsupported) leaves the connection open.
   */
  closeBy(frame: CloseFrame): void {
    if (this.state !== 'open') {
      this.closedByScript = true;
      return;
    }
    if (frame.kind === 'code') this.connection.close(frame.code, frame.reason);
    else if (frame.kind === 'empty') this.connection.close(undefined, '');
    else this.connection.drop();
    this.closedByScript = true;
    if (this.state === 'open') {
      this.state = 'closing';
      this.report();
    }
    if (frame.kind === 'code') {
      const reason = new TextEncoder().encode(frame.reason);
      this.recordFrame('out', 'close', reason, frame.code);
    } else if (frame.kind === 'empty') {
      // A close frame without a status code (the peer reads 1005).
      this.recordFrame('out', 'close', new Uint8Array(0));
    }
  }

  /** close() has returned to the script: its channel closes now (buffered messages stay). */
  stopDelivery(): void {
    this.channel.core.close();
  }

  /**
   * The run is over: close with 1001 (going away) without waiting for anybody, and report the
   * connection closed at once. Nobody will read the peer's answer: the page closes the run's
   * record when the run ends, so a state reported later would stay CLOSING there for ever
   * (issue 20). A transport that cannot send 1001 (the browser's own WebSocket) closes with
   * 1000 instead. A close handshake already under way that the peer has not answered ends as
   * 1006 (RFC 6455 §7.1.5: closed without a close frame received).
   */
  abandon(reason: string): void {
    this.stopTimers();
    if (this.state === 'connecting') {
      this.close(1001, reason);
      return;
    }
    if (this.ended) return;
    if (this.state === 'closing') {
      this.transportConnection?.drop();
      this.settle(1006, '');
      return;
    }
    let code = 1001;
    try {
      this.connection.close(code, reason);
    } catch (e) {
      if (!(e instanceof TransportUnsupported)) throw e;
      code = 1000;
      this.connection.close(code, reason);
    }
    this.recordFrame('out', 'close', new TextEncoder().encode(reason), code);
    this.settle(code, reason);
  }

  /** The connection's final state, reported now: the run no longer waits for the transport. */
  private settle(code: number, reason: string): void {
    this.state = 'closed';
    this.closeCode = code;
    this.closeReason = reason;
    this.channel.core.close();
    this.report();
    this.deps.onEnded?.(this);
  }

  get ended(): boolean {
    return this.state === 'closed' || this.state === 'failed' || this.state === 'denied';
  }

  info(): ConnectionInfo {
    return {
      id: this.id,
      url: this.url,
      routedUrl: this.routedUrl,
      state: this.state,
      transport: this.transport.kind,
      transportWhy: this.transportWhy,
      protocol: this.protocol,
      extensions: this.extensions,
      closeCode: this.closeCode,
      closeReason: this.closeReason,
      error: this.error,
      requestHeaders: this.options.headers,
      responseHeaders: this.responseHeaders,
    };
  }

  private onOpen({ protocol, extensions, headers }: OpenInfo): void {
    if (this.state !== 'connecting') return;
    this.cancelDialTimer?.();
    this.state = 'open';
    this.protocol = protocol;
    this.extensions = extensions;
    this.responseHeaders = headers;
    this.lastReceived = this.deps.now();
    if (this.options.readTimeoutMs > 0) this.armReadTimer(this.options.readTimeoutMs);
    this.report();
    this.wakeWaiters();
  }

  private onMessage(type: 'text' | 'binary', data: Uint8Array): void {
    if (this.ended) return;
    this.lastReceived = this.deps.now();
    this.recordFrame('in', type, data);
    if (this.closedByScript) return;
    const core = this.channel.core;
    core.push({ kind: 'message', type, data });
    if (!this.paused && core.length >= core.capacity && this.transport.features.backpressure) {
      this.paused = true;
      this.connection.pause();
    }
  }

  /** The channel's onTake: resume reading once the script made room. */
  onChannelTake(): void {
    const core = this.channel.core;
    if (this.paused && core.length < core.capacity) {
      this.paused = false;
      this.transportConnection?.resume();
    }
  }

  private onFail(message: string): void {
    if (this.state !== 'connecting') return;
    this.state = 'failed';
    this.error = message;
    this.stopTimers();
    this.channel.core.close();
    this.report();
    this.wakeWaiters();
    this.deps.onEnded?.(this);
  }

  private onClose(code: number, reason: string): void {
    if (this.state === 'connecting') {
      this.onFail(`connection closed during the handshake (${code}${reason ? ` ${reason}` : ''})`);
      return;
    }
    if (this.ended) return;
    this.state = 'closed';
    this.closeCode = code;
    this.closeReason = reason;
    this.stopTimers();
    this.recordFrame('in', 'close', new TextEncoder().encode(reason), code);
    this.channel.core.close();
    this.report();
    this.wakeWaiters();
    this.deps.onEnded?.(this);
  }

  private onDialTimeout(): void {
    if (this.state !== 'connecting') return;
    const host = hostPort(this.routedUrl);
    this.onFail(`dial tcp ${host}: i/o timeout (dial_timeout ${this.options.dialTimeoutMs} ms)`);
    this.transportConnection?.close(1001, 'dial timeout');
  }

  /** read_timeout: checked lazily, so a busy stream does not reset a timer per message. */
  private armReadTimer(ms: number): void {
    this.cancelReadTimer = this.deps.timers.start(ms, () => {
      if (this.state !== 'open') return;
      const silence = this.deps.now() - this.lastReceived;
      const timeout = this.options.readTimeoutMs;
      if (silence >= timeout) {
        // As on the platform (registry.go:76-83; coder closes TCP without a close frame).
        this.error = `read timeout: no message for ${timeout} ms`;
        this.state = 'closing';
        this.report();
        this.connection.drop();
      } else {
        this.armReadTimer(timeout - silence);
      }
    });
  }

  private stopTimers(): void {
    this.cancelDialTimer?.();
    this.cancelReadTimer?.();
  }

  private wakeWaiters(): void {
    for (const task of this.waiters) this.deps.scheduler.wake(task);
    this.waiters.clear();
  }

  private report(): void {
    this.deps.observer.connection(this.info());
  }

  private recordFrame(
    direction: 'in' | 'out',
    kind: FrameKind,
    data: Uint8Array,
    closeCode?: number,
    composed?: boolean,
  ): void {
    if (!this.deps.observer.frame) return;
    const record: FrameRecord = {
      connectionId: this.id,
      direction,
      kind,
      size: data.length,
      time: Date.now(),
      order: nextEventOrder(),
      preview:
        closeCode === undefined
          ? framePreview(kind, data)
          : `${closeCode} ${reasonDecoder.decode(data)}`,
    };
    if (closeCode !== undefined) record.closeCode = closeCode;
    if (composed) record.composed = true;
    this.deps.observer.frame(record, data);
  }
}
