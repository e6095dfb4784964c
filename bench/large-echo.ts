/**
 * One 16 MiB binary message to the echo server and back, through Lua and through raw
 * JavaScript: time in Node and in Chromium, peak memory in Node (where it can be sampled).
 * The payload is built inside the measured work on both sides, so both pay for it once.
 */
import { WebSocket } from 'ws';
import type { BenchBrowser } from './browser.ts';
import { codeUrl, readFigure, runInPage, runRawWorker } from './browser.ts';
import { peakMemory } from './memory-probe.ts';
import type { BenchServers } from './servers.ts';
import { mib, ms, ratio } from './report.ts';
import type { Result } from './report.ts';
import { runLua } from '../src/runtime/run-for-test.ts';

const SIZE = 16 * 2 ** 20;

const luaEcho = (url: string) => `
local client = assert(websocket.connect("${url}"))
local payload = string.rep("0123456789abcdef", ${SIZE / 16})
local started = time.now()
assert(client:send(payload, websocket.BINARY))
local reply = assert(client:channel():receive())
print("elapsed", time.now():sub(started):seconds() * 1000)
print("intact", reply.type == "binary" and reply.data == payload and 1 or 0)
client:close()
`;

const RAW_ECHO = `
  const payload = new Uint8Array(${SIZE}).map((_, i) => 48 + (i % 16));
  const socket = new WebSocket(e.data);
  socket.binaryType = 'arraybuffer';
  let started = 0;
  socket.onopen = () => { started = performance.now(); socket.send(payload); };
  socket.onmessage = (m) => {
    postMessage({ elapsed: performance.now() - started, intact: m.data.byteLength === ${SIZE} });
    socket.close();
  };
`;

function rawNode(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const payload = Buffer.alloc(SIZE);
    for (let i = 0; i < SIZE; i++) payload[i] = 48 + (i % 16);
    const socket = new WebSocket(url, { maxPayload: 2 * SIZE });
    let started = 0;
    socket.on('open', () => {
      started = performance.now();
      socket.send(payload);
    });
    let elapsed = 0;
    socket.on('message', (data: Buffer) => {
      elapsed = performance.now() - started;
      if (!payload.equals(data)) reject(new Error('raw echo came back changed'));
      socket.close();
    });
    // Resolved once closed, so that no buffer of this socket is left to the next baseline.
    socket.on('close', () => resolve(elapsed));
    socket.on('error', reject);
  });
}

async function luaNode(url: string): Promise<number> {
  const { end, output } = await runLua(luaEcho(url)).done;
  if (end.status !== 'finished' || readFigure(output, 'intact') !== 1)
    throw new Error(`Lua echo failed: ${output}`);
  return readFigure(output, 'elapsed');
}

export async function benchLargeEcho(
  servers: BenchServers,
  bb: BenchBrowser,
  report: (r: Result) => void,
): Promise<void> {
  const raw = await peakMemory(() => rawNode(servers.echoUrl));
  const lua = await peakMemory(() => luaNode(servers.echoUrl));
  const timeRatio = lua.value / raw.value;
  const memoryRatio = lua.peak / SIZE;
  report({
    bench: '16 MiB binary echo, Node',
    measured: `raw ${ms(raw.value)} (peak ${mib(raw.peak)}), Lua ${ms(lua.value)} (peak ${mib(lua.peak)}); Lua/raw time ${ratio(timeRatio)}, Lua peak ${ratio(memoryRatio)} payload`,
    target: 'time ≤ 2×, peak ≤ 4× payload',
    met: timeRatio <= 2 && memoryRatio <= 4,
  });

  const figures: string[] = [];
  let worst = 0;
  const { context, page } = await bb.newPage('direct');
  await page.goto(bb.playground.url);
  const browserRaw = await runRawWorker<{ elapsed: number; intact: boolean }>(
    page,
    RAW_ECHO,
    servers.echoUrl,
  );
  if (!browserRaw.intact) throw new Error('raw browser echo came back changed');
  figures.push(`raw ${ms(browserRaw.elapsed)}`);
  await context.close();
  for (const transport of ['direct', 'relay'] as const) {
    const { context: c, page: p } = await bb.newPage(transport);
    const output = await runInPage(p, codeUrl(bb.playground, luaEcho(servers.echoUrl)));
    await c.close();
    if (readFigure(output, 'intact') !== 1) throw new Error(`Lua ${transport} echo changed`);
    const elapsed = readFigure(output, 'elapsed');
    worst = Math.max(worst, elapsed / browserRaw.elapsed);
    figures.push(`Lua ${transport} ${ms(elapsed)} (${ratio(elapsed / browserRaw.elapsed)})`);
  }
  report({
    bench: '16 MiB binary echo, Chromium',
    measured: figures.join(', '),
    target: 'time ≤ 2× raw',
    met: worst <= 2,
  });
}
