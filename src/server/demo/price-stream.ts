/**
 * Prices for the original page's "price stream with keep-alive" example.
 *
 * Client -> server: {"action":"subscribe","symbols":["BTC-USD","ETH-USD"]},
 *                   {"action":"unsubscribe","symbols":[…]}
 * Server -> client: {"symbol":"BTC-USD","value":64001.25,"time":"…"} for each subscribed symbol
 *                   every `intervalMs` (at least 50 ms from the query); after `updates` rounds the stream ends with a close
 *                   1000 "demo stream complete" so the example's loop finishes. Bad input gets
 *                   {"error":"…"}. Query parameters override: ?interval=ms&updates=n (0 = no end).
 */
import type { IncomingMessage } from 'node:http';
import type WebSocket from 'ws';
import { demoWebSocketServer, parseObject, queryInt, sendJson } from './demo-server.ts';
import type { DemoServer } from './demo-server.ts';

export interface PriceStreamOptions {
  /** [200] ms between rounds of prices. */
  intervalMs?: number;
  /** [5] rounds before the server closes; 0 = stream forever. */
  updates?: number;
}

const START: Record<string, number> = {
  'BTC-USD': 65000,
  'ETH-USD': 3200,
  'SOL-USD': 150,
  'DOGE-USD': 0.15,
};

/** A gentle random walk, rounded to cents (or finer for small prices). */
function nextValue(value: number): number {
  const moved = value * (1 + (Math.random() - 0.5) * 0.004);
  const digits = moved < 1 ? 5 : 2;
  return Number(moved.toFixed(digits));
}

export function createPriceStreamServer(options: PriceStreamOptions = {}): DemoServer {
  return demoWebSocketServer(
    { perMessageDeflate: true },
    function streamOnConnection(ws: WebSocket, req: IncomingMessage) {
      const intervalMs = queryInt(req, 'interval', options.intervalMs ?? 200, 50, 60_000);
      const updates = queryInt(req, 'updates', options.updates ?? 5, 0, 1_000_000);
      const prices = new Map<string, number>();
      let rounds = 0;
      let timer: NodeJS.Timeout | undefined;

      function tick(): void {
        if (prices.size === 0) return;
        for (const [symbol, value] of prices) {
          const next = nextValue(value);
          prices.set(symbol, next);
          sendJson(ws, { symbol, value: next, time: new Date().toISOString() });
        }
        rounds++;
        if (updates > 0 && rounds >= updates) {
          clearInterval(timer);
          ws.close(1000, 'demo stream complete');
        }
      }

      ws.on('message', function streamOnMessage(data: Buffer, isBinary: boolean) {
        const msg = parseObject(data, isBinary);
        const symbols = msg?.symbols;
        if (
          !msg ||
          (msg.action !== 'subscribe' && msg.action !== 'unsubscribe') ||
          !Array.isArray(symbols) ||
          !symbols.every((s) => typeof s === 'string' && s.length > 0 && s.length <= 32)
        ) {
          return sendJson(ws, {
            error: 'expected {"action":"subscribe","symbols":["BTC-USD", ...]}',
          });
        }
        for (const symbol of symbols as string[]) {
          if (msg.action === 'unsubscribe') prices.delete(symbol);
          else if (!prices.has(symbol) && prices.size < 50)
            prices.set(symbol, START[symbol] ?? 100);
        }
        if (!timer && prices.size > 0) timer = setInterval(tick, intervalMs);
      });
      ws.on('close', function streamOnClose() {
        clearInterval(timer);
      });
    },
  );
}
