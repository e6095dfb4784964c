import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';
import { importFolder } from './pages/project-folder.ts';
import { Timeline } from './pages/timeline.ts';

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
    expect(session).toMatchObject({ format: 'lua-playground-session', version: 2 });
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

  test('exports a project run with its process messages, and the import shows them again', async ({
    playground,
  }) => {
    const { page, inspector } = playground;
    const timeline = new Timeline(page);
    await playground.open({ code: 'print("a script")' });
    await importFolder(playground, {
      'relay/_index.yaml': [
        'namespace: app',
        'entries:',
        '  - { name: main, kind: process.lua, source: "file://main.lua", method: main }',
        '  - { name: worker, kind: process.lua, source: "file://worker.lua", method: main }',
        '',
      ].join('\n'),
      'relay/main.lua': [
        'local function main()',
        '  local worker = process.spawn("app:worker", "app:processes", process.pid())',
        '  process.send(worker, "job", { n = 21 })',
        '  local msg = process.inbox():receive()',
        '  print("answer:", msg:payload():data().n)',
        'end',
        'return { main = main }',
        '',
      ].join('\n'),
      'relay/worker.lua': [
        'local function main(parent)',
        '  local job = process.inbox():receive():payload():data()',
        '  process.send(parent, "answer", { n = job.n * 2 })',
        'end',
        'return { main = main }',
        '',
      ].join('\n'),
    });
    await page.getByTestId('project.file').filter({ hasText: 'main.lua' }).click();
    await expect(page.getByTestId('project.entry')).toHaveValue('app:main');
    await playground.runAndWait();
    await playground.expectOutput('answer:\t42');

    await playground.openTab('inspector');
    await expect(timeline.messages.filter({ hasText: 'job' })).toHaveCount(1);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      inspector.getByTestId('inspector.export-json').click(),
    ]);
    const jsonPath = (await jsonDownload.path())!;
    const session = JSON.parse(await readFile(jsonPath, 'utf8'));
    expect(session).toMatchObject({ version: 2, connections: [], messagesDropped: 0 });
    const sent = session.messages.filter((m: { kind: string }) => m.kind === 'send');
    expect(sent.map((m: { topic: string; payload: string }) => [m.topic, m.payload])).toEqual([
      ['job', '{"n": 21}'],
      ['answer', '{"n": 42}'],
    ]);
    const [harDownload] = await Promise.all([
      page.waitForEvent('download'),
      inspector.getByTestId('inspector.export-har').click(),
    ]);
    const har = JSON.parse(await readFile((await harDownload.path())!, 'utf8'));
    expect(har.log._messages).toEqual(session.messages);

    // A new page: the file brings the run's messages back into the timeline.
    await page.goto('about:blank');
    await playground.open({ code: 'print("nothing")' });
    await inspector.getByTestId('inspector.import-file').setInputFiles({
      name: 'project-run.json',
      mimeType: 'application/json',
      buffer: await readFile(jsonPath),
    });
    await playground.expectOutput(
      `Imported project-run.json: 0 connections, 0 frames, ${session.messages.length} messages`,
    );
    await expect(timeline.messages).toHaveCount(session.messages.length);
    await timeline.messages.filter({ hasText: 'answer' }).click();
    await expect(timeline.messageDetail.getByTestId('inspector.json-pretty')).toContainText(
      '"n": 42',
    );
  });
});
