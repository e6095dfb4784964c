/**
 * The direct transport in Node: the `ws` package, which has every feature natively (custom
 * headers, ping, compression modes, maxPayload, pause/resume for backpressure).
 */
import { responseHeaders as readResponseHeaders } from './response-headers.ts';
import { WebSocket, type ClientOptions } from 'ws';
import type { IncomingMessage } from 'node:http';
import type { ConnectRequest, Transport, TransportConnection, TransportEvents } from './types.ts';
import { describeDialError, describeRejectedHandshake } from './dial-error.ts';

function clientOptions(request: ConnectRequest): ClientOptions {
  const noContext = request.compression === 2;
  return {
    headers: request.headers,
    maxPayload: request.readLimit,
    perMessageDeflate:
      request.compression === 0
        ? false
        : {
            clientNoContextTakeover: noContext,
            serverNoContextTakeover: noContext,
            threshold: request.compressionThreshold,
          },
  };
}

/** ws marks the close code of a protocol error with a private symbol ("status-code"). */
function statusCodeOf(error: Error): number | undefined {
  const symbol = Object.getOwnPropertySymbols(error).find((s) => s.description === 'status-code');
  const code = symbol ? (error as unknown as Record<symbol, unknown>)[symbol] : undefined;
  return typeof code === 'number' ? code : undefined;
}

/**
 * The code of a peer's close frame that ws refused (1004-1006, 1015-2999, or outside
 * 1000-4999; ws answers 1002): the contract has close_info() report a code as it arrived,
 * and the relay does (close-codes.ts), so this transport does too.
 */
function refusedCloseCode(error: Error & { code?: string }): number | undefined {
  if (error.code !== 'WS_ERR_INVALID_CLOSE_CODE') return undefined;
  const arrived = /status code (\d+)/.exec(error.message);
  return arrived ? Number(arrived[1]) : undefined;
}

function connect(request: ConnectRequest, events: TransportEvents): TransportConnection {
  const socket = new WebSocket(request.url, request.protocols, clientOptions(request));
  let opened = false;
  let failed = false;
  /**
   * The code we closed with after a protocol fault of the peer (1002, 1007, 1009), or the
   * out-of-range close code the peer sent (we closed with 1002 then).
   */
  let faultCode: number | undefined;

  const fail = (message: string) => {
    if (opened || failed) return;
    failed = true;
    events.onFail(message);
  };

  let responseHeaders: Record<string, string> | undefined;
  socket.on('upgrade', function socketOnUpgrade(res: IncomingMessage) {
    responseHeaders = readResponseHeaders(res);
  });
  socket.on('open', function socketOnOpen() {
    opened = true;
    events.onOpen({
      protocol: socket.protocol,
      extensions: socket.extensions,
      headers: responseHeaders,
    });
  });
  socket.on('message', function socketOnMessage(data: Buffer, isBinary: boolean) {
    events.onMessage(isBinary ? 'binary' : 'text', data);
  });
  socket.on('ping', (data: Buffer) => events.onControl?.('ping', data));
  socket.on('pong', (data: Buffer) => events.onControl?.('pong', data));
  socket.on('unexpected-response', function socketOnRejected(req, res: IncomingMessage) {
    fail(describeRejectedHandshake(res.statusCode ?? 0, res.statusMessage ?? ''));
    req.destroy();
    res.destroy();
  });
  socket.on('error', function socketOnError(error: Error) {
    if (opened) faultCode = refusedCloseCode(error) ?? statusCodeOf(error);
    else fail(describeDialError(request.url, error));
  });
  socket.on('close', function socketOnClose(code: number, reason: Buffer) {
    if (!opened) fail('connection closed during the handshake');
    // ws stops reading after it fails the connection, so the peer's echo never arrives and
    // `code` is 1006; report the code the connection was closed with instead.
    else if (code === 1006 && faultCode !== undefined)
      events.onClose(faultCode, reason.toString('utf8'));
    else events.onClose(code, reason.toString('utf8'));
  });

  return {
    send: (data, binary) => socket.send(data, { binary }),
    bufferedAmount: () => socket.bufferedAmount,
    ping: () => socket.ping(),
    close(code, reason) {
      if (socket.readyState === WebSocket.CONNECTING) socket.terminate();
      else if (code === undefined) socket.close();
      else socket.close(code, reason);
    },
    drop: () => socket.terminate(),
    pause: () => socket.pause(),
    resume: () => socket.resume(),
  };
}

export function createNodeTransport(): Transport {
  return {
    kind: 'direct',
    features: { headers: true, ping: true, compression: true, readLimit: true, backpressure: true },
    connect,
  };
}
