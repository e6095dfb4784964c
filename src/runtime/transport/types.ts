/**
 * The one interface every way of reaching the network implements: the browser's own WebSocket,
 * the `ws` package in Node, and the relay client. The Lua `websocket` module talks only to this.
 *
 * Bytes cross as Uint8Array in both directions so that text is never re-encoded on the hot
 * path and binary messages keep every byte value.
 */

/** Everything a connect needs, with every default already filled in and validated. */
export interface ConnectRequest {
  /** The URL the connection really goes to (after demo-host routing). */
  url: string;
  /** Extra handshake headers; already checked against the forbidden list. */
  headers: Record<string, string>;
  /** Offered subprotocols, in order. */
  protocols: string[];
  /** Connect + handshake deadline in ms; 0 = none. */
  dialTimeoutMs: number;
  /** 0 = disabled, 1 = context takeover, 2 = no context takeover. */
  compression: 0 | 1 | 2;
  /** Messages smaller than this are sent uncompressed. */
  compressionThreshold: number;
  /** Largest message accepted, in bytes; a larger one closes the connection with 1009. */
  readLimit: number;
}

/** What a transport tells the connection, in order: open or fail, then messages, then close. */
export interface TransportEvents {
  onOpen(info: OpenInfo): void;
  onMessage(type: 'text' | 'binary', data: Uint8Array): void;
  /** Control frames, for the inspector only: they never reach the Lua channel. */
  onControl?(kind: 'ping' | 'pong', data: Uint8Array): void;
  /** The connection could not be established; no onClose follows. */
  onFail(message: string): void;
  /** The connection ended; `code` is 1006 and `reason` empty for an abnormal end. */
  onClose(code: number, reason: string): void;
}

export interface OpenInfo {
  protocol: string;
  extensions: string;
  /** The server's handshake response headers, where the transport sees them. */
  headers?: Record<string, string>;
}

export interface TransportConnection {
  send(data: Uint8Array, binary: boolean): void;
  /** Bytes handed to send() and not yet written to the network. */
  bufferedAmount(): number;
  /** Throws a TransportUnsupported when this transport cannot send a ping frame. */
  ping(): void;
  /** Start the closing handshake; `code` undefined sends a close frame without a code. */
  close(code: number | undefined, reason: string): void;
  /**
   * End the connection without a close frame (the platform's dialer does this for a close it
   * cannot encode, and on read_timeout). The relay drops the upstream for the page; the
   * browser's own WebSocket cannot, and sends a close frame without a code instead.
   */
  drop(): void;
  /** Backpressure: stop delivering messages until resume(); nothing is dropped. */
  pause(): void;
  resume(): void;
}

/** Which features a transport can honour; the module fails loudly on the others. */
export interface TransportFeatures {
  headers: boolean;
  ping: boolean;
  compression: boolean;
  readLimit: boolean;
  backpressure: boolean;
}

export interface Transport {
  /** 'direct' or 'relay', shown in the inspector. */
  readonly kind: 'direct' | 'relay';
  readonly features: TransportFeatures;
  connect(request: ConnectRequest, events: TransportEvents): TransportConnection;
}

/** Raised by a transport asked for a feature it does not have; the message names the relay. */
export class TransportUnsupported extends Error {
  override name = 'TransportUnsupported';
}
