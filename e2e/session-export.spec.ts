import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';

const TRAFFIC = `
local client = assert(websocket.connect("wss://api.example.com/ws", { headers = { ["X-Trace"] = "e2e" } }))
client:send("hello session")
client:send(string.char(0, 1, 2, 255), websocket.BINARY)
local ch = client:channel()
ch:receive(); ch:receive()
client:close(4001, "exported")
print("done")
`;

test.describe('session export and import', () => {
  test('exports the run as JSON and HAR, and imports them back', async ({ playground }) => {
    const { page, inspector } = playground;
    await playground.open({ code: TRAFFIC });
    await playground.runAndWait();
    await playground.expectOutput('done');

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      inspector.getByTestId('inspector.export-json').click(),
    ]);
    expect(jsonDownload.suggestedFilename()).toMatch(/^session-.*\.json$/);
    const session = JSON.parse(await readFile((await jsonDownload.path())!, 'utf8'));
    expect(session).toMatchObject({ format: 'lua-playground-session', version: 1 });
    const [connection] = session.connections;
    expect(connection).toMatchObject({ url: 'wss://api.example.com/ws', closeCode: 4001 });
    // The handshake as the relay saw it: the script's headers out, the server's answer back.
    expect(connection.requestHeaders).toEqual({ 'X-Trace': 'e2e' });
    expect(connection.responseHeaders['Sec-WebSocket-Accept']).toMatch(/=$/);
    const frames = connection.frames.map(
      (f: { direction: string; type: string; data?: string }) => [f.direction, f.type, f.data],
    );
    expect(frames).toContainEqual(['out', 'text', 'hello session']);
    expect(frames).toContainEqual(['in', 'binary', btoa('\x00\x01\x02\xff')]);
    expect(connection.frames.find((f: { type: string }) => f.type === 'close')).toMatchObject({
      code: 4001,
      data: 'exported',
    });

    const [harDownload] = await Promise.all([
      page.waitForEvent('download'),
      inspector.getByTestId('inspector.export-har').click(),
    ]);
    const harPath = (await harDownload.path())!;
    const har = JSON.parse(await readFile(harPath, 'utf8'));
    expect(har.log.entries[0]._webSocketMessages.length).toBe(connection.frames.length);

    // A new page: the imported file fills the inspector without running anything.
    await page.goto('about:blank');
    await playground.open({ code: 'print("nothing")' });
    await inspector.getByTestId('inspector.import-file').setInputFiles({
      name: 'run.har',
      mimeType: 'application/json',
      buffer: await readFile(harPath),
    });
    await playground.expectOutput(
      `Imported run.har: 1 connections, ${connection.frames.length} frames`,
    );
    await expect(inspector.getByTestId('inspector.connection')).toContainText(
      'wss://api.example.com/ws',
    );
    const rows = inspector.getByTestId('inspector.frame');
    await expect(rows.filter({ hasText: 'hello session' })).toHaveCount(2);
    await rows.filter({ hasText: '00 01 02 ff' }).first().click();
    await expect(inspector.getByTestId('inspector.frame-detail')).toContainText(
      '0000  00 01 02 ff',
    );

    await inspector.getByTestId('inspector.import-file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"lua-playground-session","version":7,"connections":[]}'),
    });
    await expect(inspector.getByTestId('inspector.import-error')).toContainText(
      'broken.json: the session is of version 7',
    );
  });
});
