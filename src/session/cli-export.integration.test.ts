/** `npm run lua -- script.lua --export run.json|run.har`, against a real echo server on loopback. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../test-support/run-cli.ts';
import { startWsServer, type TestServer } from '../test-support/ws-server.ts';
import { parseSessionFile, sessionRecords } from './import.ts';

const { dir, write } = scratchDir('lua-export-');
let server: TestServer;

beforeAll(async () => {
  server = await startWsServer();
});
afterAll(() => server.close());

const script = (url: string) => `
local client = assert(websocket.connect("${url}", { headers = { ["X-Trace"] = "cli" } }))
for i = 1, 200 do client:send("m" .. i) end
client:send(string.char(0, 255, 7), websocket.BINARY)
local ch = client:channel()
for i = 1, 201 do ch:receive() end
client:close(4002, "exported")
process.send(process.pid(), "note", { step = 1 })
process.inbox():receive()
error("fails after the traffic")
`;

describe('npm run lua --export', () => {
  it('writes the session as JSON even when the script fails, with headers and every frame', async () => {
    const out = join(dir, 'run.json');
    const r = await runCli(write('traffic.lua', script(server.url)), '--export', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('fails after the traffic');
    const session = parseSessionFile(readFileSync(out, 'utf8'));
    expect(session.connections).toHaveLength(1);
    const [connection] = session.connections;
    expect(connection).toMatchObject({ url: server.url, closeCode: 4002, closeReason: 'exported' });
    expect(connection.requestHeaders).toEqual({ 'X-Trace': 'cli' });
    expect(Object.keys(connection.responseHeaders ?? {}).map((h) => h.toLowerCase())).toContain(
      'sec-websocket-accept',
    );
    const { frames } = sessionRecords(session);
    expect(frames.filter((f) => f.kind === 'text')).toHaveLength(400);
    const binary = frames.filter((f) => f.kind === 'binary');
    expect(binary.map((f) => [f.direction, [...f.data!]])).toEqual([
      ['out', [0, 255, 7]],
      ['in', [0, 255, 7]],
    ]);
    expect(frames.filter((f) => f.kind === 'close').map((f) => f.closeCode)).toEqual([4002, 4002]);
    // The message the script sent itself, with its payload as the inspector keeps it.
    expect(session.messages).toEqual([
      expect.objectContaining({ kind: 'send', topic: 'note', payload: '{"step": 1}' }),
    ]);
  });

  it('writes HAR when the file name ends in .har', async () => {
    const out = join(dir, 'run.har');
    const r = await runCli(write('traffic2.lua', script(server.url)), '--export', out);
    expect(r.code).toBe(1);
    const har = JSON.parse(readFileSync(out, 'utf8'));
    expect(har.log.entries[0]._webSocketMessages).toHaveLength(404);
    expect(har.log._messages.map((m: { topic: string }) => m.topic)).toEqual(['note']);
  });

  it('says so, and fails, when the file cannot be written', async () => {
    const r = await runCli(
      write('ok.lua', 'print(1)'),
      '--export',
      join(dir, 'no/such/dir/x.json'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lua: cannot write .*x\.json: ENOENT/);
  });
});
