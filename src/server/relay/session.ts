/**
 * One relayed connection: a page socket and the upstream socket it asked for.
 *
 *   awaiting ──connect──▶ dialing ──upstream open──▶ open ──page close──▶ closing
 *      │  └─probe─▶ done     │ refused / failed         │  upstream close,  │ upstream close
 *      │                     ▼                          │  error or idle    ▼
 *      └──hello timeout──▶ done ◀───────────────────────┴──────────────▶ done
 *
 * Whatever either side does, the other hears of it: the page's close code and reason go to
 * the upstream (codes a browser may not send, like 1011, included), the upstream's come back
 * exactly as they arrived; the page going away closes the upstream with 1001; the upstream
 * dropping without a close frame reaches the page as 1006. Nothing a peer sends can throw out
 * of a handler: every parse is guarded and every socket has an 'error' listener. Every byte
 * held for a peer is charged to the relay's memory budget (memory-budget.ts); a peer that
 * sends past the session's bound or the budget ends the session with 1008 and the reason.
 * Towards the page, PageSender queues and batches; towards the upstream, UpstreamWriter
 * charges every frame (pings too) and stops reading the page while the upstream lags.
 *
 * One file on purpose: it is one state machine, and its transitions read best side by side.
 */
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import {
  DEFAULT_WINDOW,
  FRAME_BINARY,
  FRAME_PING,
  FRAME_PONG,
  FRAME_TEXT,
  MAX_CONTROL_BYTES,
  MAX_WINDOW,
  MIN_WINDOW,
  RELAY_PROTOCOL_VERSION,
  decodePageFrame,
} from '../../shared/relay-protocol.ts';
import { parsePageMessage } from '../../shared/relay-messages.ts';
import type { CloseMessage, ConnectMessage, RelayMessage } from '../../shared/relay-protocol.ts';
import type { RelayConfig } from './config.ts';
import { createUpstream, describeDialError, genericDialError, planDial } from './dial.ts';
import { PageSender } from './page-sender.ts';
import { UpstreamWriter } from './upstream-writer.ts';
import { closeCodeForError, safeClose, truncateUtf8 } from './close-codes.ts';
import { logValue } from './log-text.ts';
import { responseHeaders } from '../../runtime/transport/response-headers.ts';
import type { SessionMemory } from './memory-budget.ts';
import { hasDeniedNames, resolveDeniedNames } from './denied-names.ts';
import type { DeniedAddress } from './denied-names.ts';

/** A page that does not finish a close handshake is cut off after this long. */
const CLOSE_GRACE_MS = 5_000;

type State = 'awaiting' | 'dialing' | 'open' | 'closing' | 'done';

export interface SessionHooks {
  /** The session is over and its page socket closed: release its slot. */
  ended(session: RelaySession): void;
  log(message: string): void;
}

export class RelaySession {
  state: State = 'awaiting';
  sender?: PageSender;
  /** Made when the upstream opens. */
  writer?: UpstreamWriter;
  private upstream?: WebSocket;
  private target = '';
  private dialUrl?: URL;
  private readLimit = 0;
  private dialError?: unknown;
  private extensions = '';
  private responseHeaders: Record<string, string> = {};
  private lastActivity = Date.now();
  private timer?: NodeJS.Timeout;
  /** Cuts off a page that does not answer our close frame; cleared once it has. */
  private closeGraceTimer?: NodeJS.Timeout;
  private endedCalled = false;

  constructor(
    private readonly page: WebSocket,
    private readonly config: RelayConfig,
    private readonly hooks: SessionHooks,
    /** This session's share of the relay's memory budget. */
    readonly memory: SessionMemory,
  ) {
    page.on('message', this.pageOnMessage);
    page.on('close', this.pageOnClose);
    page.on('error', this.pageOnError);
    this.timer = setTimeout(this.onHelloTimeout, config.helloTimeoutMs);
  }

  /** Bytes the relay holds for this connection: queued or being written, either way. */
  get bufferedBytes(): number {
    return this.memory.heldBytes;
  }

  /** The relay is shutting down: both sides hear 1001. */
  shutdown(): void {
    if (this.state === 'open' || this.state === 'closing') {
      this.reportClose({ type: 'close', code: 1001, reason: 'relay shutting down' }, true);
    }
    this.abortUpstream(1001, 'relay shutting down');
    this.closePage(1001, 'relay shutting down');
  }

  // ---- page side -------------------------------------------------------------------

  private readonly pageOnMessage = (data: Buffer, isBinary: boolean): void => {
    this.lastActivity = Date.now();
    try {
      if (isBinary) this.handlePageFrame(data);
      // Measured before decoding: a text frame may be as big as the largest message.
      else if (data.byteLength > MAX_CONTROL_BYTES)
        this.protocolError(`control message longer than ${MAX_CONTROL_BYTES} bytes`);
      else this.handlePageControl(data.toString('utf8'));
    } catch (err) {
      this.protocolError(err instanceof Error ? err.message : String(err));
    }
  };

  private handlePageControl(text: string): void {
    const parsed = parsePageMessage(text);
    if (!parsed.ok) return this.protocolError(parsed.error);
    const message = parsed.value;
    switch (message.type) {
      case 'probe':
        if (this.state !== 'awaiting') return this.protocolError('probe after the first message');
        this.state = 'done';
        clearTimeout(this.timer);
        this.sendControl({ type: 'probe', version: RELAY_PROTOCOL_VERSION });
        return this.closePage(1000, '');
      case 'connect':
        if (this.state !== 'awaiting') return this.protocolError('connect after the first message');
        return this.startDial(message);
      case 'ack':
        this.sender?.ack(message.bytes);
        return;
      case 'close':
        return this.pageRequestedClose(message);
    }
  }

  private handlePageFrame(data: Buffer): void {
    if (this.state === 'closing' || this.state === 'done') return; // late data after close: dropped
    if (this.state !== 'open' || !this.writer)
      return this.protocolError('data before the upstream opened');
    // Pings take the same way as data: charged, and they pause the page like data, or a page
    // could queue pings without bound towards an upstream that does not read.
    this.writer.write(decodePageFrame(data));
  }

  private pageRequestedClose(message: CloseMessage): void {
    if (this.state === 'awaiting' || this.state === 'dialing') {
      // Closed before the upstream opened: abandon the dial, nothing to report.
      this.state = 'done';
      this.abortUpstream(1001, '');
      return this.closePage(1000, '');
    }
    if (this.state !== 'open' || !this.upstream || !this.writer) return;
    this.state = 'closing';
    // From here on upstream data has nowhere to go; read on so its close frame arrives.
    this.sender?.discard();
    const upstream = this.upstream;
    if (message.drop) {
      this.writer.discard();
      upstream.terminate(); // its 'close' (1006) follows and is reported to the page
      return;
    }
    upstream.resume();
    // The close frame goes after every record the page sent before it, as on the wire.
    this.writer.closeAfterWrites(() => safeClose(upstream, message.code, message.reason ?? ''));
  }

  private readonly pageOnClose = (): void => {
    clearTimeout(this.timer);
    // Left pending, it would hold this session (and both sockets) for CLOSE_GRACE_MS more.
    clearTimeout(this.closeGraceTimer);
    const wasActive = this.state !== 'done';
    this.state = 'done';
    this.sender?.discard();
    this.writer?.discard();
    // RFC 6455 section 7.4.1: 1001, the endpoint is going away.
    if (wasActive) this.abortUpstream(1001, 'relay client went away');
    this.memory.end();
    if (!this.endedCalled) {
      this.endedCalled = true;
      this.hooks.ended(this);
    }
  };

  private readonly pageOnError = (err: Error): void => {
    // A malformed frame from the page (ws has already closed it with 1002/1009): 'close' follows.
    this.hooks.log(`relay: page socket error: ${logValue(err.message)}`);
  };

  private readonly onHelloTimeout = (): void => {
    if (this.state === 'awaiting') {
      this.state = 'done';
      this.closePage(1008, 'no connect request');
    }
  };

  private protocolError(message: string): void {
    this.hooks.log(`relay: protocol error from page: ${logValue(message)}`);
    if (this.state === 'open' || this.state === 'dialing')
      this.abortUpstream(1001, 'relay client error');
    this.state = 'done';
    this.closePage(1002, `relay protocol error: ${message}`);
  }

  // ---- dialing ---------------------------------------------------------------------

  private startDial(request: ConnectMessage): void {
    clearTimeout(this.timer);
    if (request.version !== RELAY_PROTOCOL_VERSION) {
      return this.fail(
        `unsupported relay protocol version ${request.version} (this relay speaks ${RELAY_PROTOCOL_VERSION})`,
      );
    }
    if (!hasDeniedNames(this.config.hosts.deny)) return this.dial(request, []);
    // Denied names are resolved first, so that their addresses are denied under any name.
    this.state = 'dialing';
    void resolveDeniedNames(this.config.hosts.deny).then((denied) => {
      if (this.state === 'dialing' && !this.upstream) this.dial(request, denied);
    });
  }

  private dial(request: ConnectMessage, deniedNames: readonly DeniedAddress[]): void {
    const plan = planDial(request, this.config, deniedNames);
    if (!plan.ok)
      return plan.target ? this.failDial(plan.error, plan.target) : this.fail(plan.error);
    this.target = plan.url.host;
    this.dialUrl = plan.url;
    this.readLimit = plan.readLimit;
    const window = Math.min(MAX_WINDOW, Math.max(MIN_WINDOW, request.window ?? DEFAULT_WINDOW));
    this.sender = new PageSender(this.page, {
      window,
      readLimit: plan.readLimit,
      memory: this.memory,
      pressure: this.onPressure,
      finished: this.onFinished,
      overflow: this.overflow,
    });
    let upstream: WebSocket;
    try {
      upstream = createUpstream(plan);
    } catch (err) {
      return this.failDial(describeDialError(err, plan.url), plan.url);
    }
    this.upstream = upstream;
    this.state = 'dialing';
    upstream.on('upgrade', this.upstreamOnUpgrade);
    upstream.on('unexpected-response', this.upstreamOnUnexpectedResponse);
    upstream.on('open', this.upstreamOnOpen);
    upstream.on('message', this.upstreamOnMessage);
    upstream.on('ping', this.upstreamOnPing);
    upstream.on('pong', this.upstreamOnPong);
    upstream.on('error', this.upstreamOnError);
    upstream.on('close', this.upstreamOnClose);
  }

  private fail(message: string): void {
    this.state = 'done';
    this.sendControl({ type: 'failed', message });
    this.closePage(1000, '');
  }

  /** A refused target or a failed dial: in words, or (hosted) in one generic message. */
  private failDial(detail: string, url: URL): void {
    if (this.config.detailedErrors) return this.fail(detail);
    this.hooks.log(`relay: dial ${logValue(url.host)} failed: ${logValue(detail)}`);
    this.fail(genericDialError(url));
  }

  // ---- upstream side ---------------------------------------------------------------

  private readonly upstreamOnUpgrade = (res: IncomingMessage): void => {
    this.extensions = res.headers['sec-websocket-extensions'] ?? '';
    this.responseHeaders = responseHeaders(res);
  };

  private readonly upstreamOnUnexpectedResponse = (_req: unknown, res: IncomingMessage): void => {
    if (this.state === 'dialing') {
      this.failDial(
        `handshake rejected: ${res.statusCode} ${res.statusMessage ?? ''}`.trim(),
        this.dialUrl!,
      );
    }
    res.resume();
    this.upstream?.terminate();
  };

  private readonly upstreamOnOpen = (): void => {
    if (this.state !== 'dialing' || !this.upstream || !this.sender) {
      this.upstream?.terminate();
      return;
    }
    this.state = 'open';
    this.lastActivity = Date.now();
    this.writer = new UpstreamWriter(this.page, this.upstream, this.memory, this.overflow);
    this.sendControl({
      type: 'opened',
      protocol: this.upstream.protocol,
      extensions: this.extensions,
      window: this.sender.window,
      headers: this.responseHeaders,
    });
    this.responseHeaders = {}; // sent: the session keeps no copy
    if (this.config.idleTimeoutMs > 0)
      this.timer = setTimeout(this.onIdleCheck, this.config.idleTimeoutMs);
  };

  private readonly upstreamOnMessage = (data: Buffer, isBinary: boolean): void => {
    this.lastActivity = Date.now();
    if (this.state === 'open') this.sender?.enqueue(isBinary ? FRAME_BINARY : FRAME_TEXT, data);
  };

  private readonly upstreamOnPing = (data: Buffer): void => {
    this.lastActivity = Date.now();
    if (this.state === 'open') this.sender?.enqueue(FRAME_PING, data);
  };

  private readonly upstreamOnPong = (data: Buffer): void => {
    this.lastActivity = Date.now();
    if (this.state === 'open') this.sender?.enqueue(FRAME_PONG, data);
  };

  private readonly upstreamOnError = (err: Error): void => {
    if (this.state === 'dialing') {
      this.dialError = err;
      return;
    }
    // A protocol error by the upstream (message over read_limit, bad UTF-8, bad close code):
    // ws is closing it with the matching code; the page hears that code now.
    const close = closeCodeForError(err, this.readLimit);
    if (close && this.state === 'open') this.reportClose({ type: 'close', ...close }, false);
  };

  private readonly upstreamOnClose = (code: number, reason: Buffer): void => {
    if (this.state === 'dialing') {
      return this.failDial(
        describeDialError(
          this.dialError ?? new Error('connection closed during the handshake'),
          this.dialUrl!,
        ),
        this.dialUrl!,
      );
    }
    if (this.state === 'open' || this.state === 'closing') {
      this.reportClose({ type: 'close', code, reason: reason.toString('utf8') }, false);
    }
  };

  private readonly onPressure = (on: boolean): void => {
    if (!this.upstream) return;
    if (on) this.upstream.pause();
    else this.upstream.resume();
  };

  private readonly onFinished = (): void => {
    this.closePage(1000, '');
  };

  /**
   * A peer sent past its bound (the page's queue, or the relay's memory budget): both sides
   * hear 1008 with the reason, and the upstream is cut off at once, so that nothing it has
   * sent since is read or inflated into this session.
   */
  private readonly overflow = (reason: string): void => {
    if (this.state === 'done') return;
    const wasOpen = this.state === 'open' || this.state === 'closing';
    this.writer?.discard();
    this.upstream?.terminate();
    if (wasOpen) this.reportClose({ type: 'close', code: 1008, reason }, true);
    else {
      this.state = 'done';
      this.closePage(1008, reason);
    }
  };

  private readonly onIdleCheck = (): void => {
    if (this.state !== 'open') return;
    const idle = Date.now() - this.lastActivity;
    if (idle < this.config.idleTimeoutMs) {
      this.timer = setTimeout(this.onIdleCheck, this.config.idleTimeoutMs - idle);
      return;
    }
    const reason = `relay idle timeout (${this.config.idleTimeoutMs} ms)`;
    this.reportClose({ type: 'close', code: 1001, reason }, true);
    this.abortUpstream(1001, reason);
  };

  /**
   * Tell the page how the upstream ended, after every message queued before it (unless
   * `now`), then close the page socket. Only the first report counts.
   */
  private reportClose(message: CloseMessage, now: boolean): void {
    if (this.state === 'done') return;
    const wasClosing = this.state === 'closing';
    this.state = 'done';
    clearTimeout(this.timer);
    // The upstream is gone: nothing more goes to it, and the page is read again.
    this.writer?.discard();
    const text = JSON.stringify({ ...message, reason: truncateUtf8(message.reason ?? '', 123) });
    if (now || wasClosing || !this.sender) {
      this.sender?.discard();
      this.sendText(text);
      this.closePage(1000, '');
    } else {
      this.sender.finish(text);
      // A page that stops reading for good would hold this session open: the idle limit
      // applies here too, and then the end is told without the messages still queued.
      if (this.config.idleTimeoutMs > 0) {
        const sender = this.sender;
        this.timer = setTimeout(() => {
          sender.discard();
          this.sendText(text);
          this.closePage(1000, '');
        }, this.config.idleTimeoutMs);
      }
    }
    // The reason is the upstream's own text: quoted, so it cannot forge log lines.
    this.hooks.log(
      `relay: ${this.target} closed ${message.code ?? ''} ${logValue(message.reason ?? '')}`,
    );
  }

  private abortUpstream(code: number, reason: string): void {
    const upstream = this.upstream;
    if (!upstream) return;
    this.writer?.discard();
    if (upstream.readyState === upstream.CONNECTING) upstream.terminate();
    else if (upstream.readyState === upstream.OPEN) {
      upstream.resume(); // so the peer's close frame can be read
      safeClose(upstream, code, reason);
    }
  }

  // ---- page socket output ----------------------------------------------------------

  private sendControl(message: RelayMessage): void {
    this.sendText(JSON.stringify(message));
  }

  private sendText(text: string): void {
    if (this.page.readyState === this.page.OPEN) this.page.send(text);
  }

  private closePage(code: number, reason: string): void {
    if (this.page.readyState === this.page.OPEN) {
      this.page.close(code, truncateUtf8(reason, 123));
      // A page that never answers the close frame is cut off.
      this.closeGraceTimer = setTimeout(this.onCloseGraceOver, CLOSE_GRACE_MS).unref();
    }
  }

  private readonly onCloseGraceOver = (): void => {
    if (this.page.readyState !== this.page.CLOSED) this.page.terminate();
  };
}
