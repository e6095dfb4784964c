import { describe, expect, it } from 'vitest';
import type {
  ConnectionInfo,
  FrameKind,
  FrameRecord,
  MessageRecord,
} from '../shared/run-events.ts';
import { SESSION_VERSION } from '../shared/session-format.ts';
import { SessionRecorder } from './recorder.ts';
import { sessionJsonChunks } from './export-json.ts';
import { sessionHarChunks } from './export-har.ts';
import { parseSessionFile, sessionRecords, SessionImportError } from './import.ts';
import { FrameBuffer } from '../inspector/frame-buffer.ts';
import { SESSION_CAPS } from './frame-data.ts';
import type { SessionSource } from './session-source.ts';

const encoder = new TextEncoder();
const NOW = new Date('2026-12-01T12:00:00Z');

function connectionInfo(id: number): ConnectionInfo {
  return {
    id,
    url: `wss://echo.example.com/${id}`,
    routedUrl: `ws://127.0.0.1:9000/echo`,
    state: 'closed',
    transport: 'relay',
    transportWhy: 'relay reachable (auto)',
    protocol: 'chat',
    extensions: 'permessage-deflate',
    closeCode: 1000,
    closeReason: 'bye',
    requestHeaders: { Authorization: 'Bearer x' },
    responseHeaders: { 'Sec-WebSocket-Protocol': 'chat' },
  };
}

/** A recorded run: two connections, a few thousand frames of every kind, binary of every byte. */
function recordedRun(frames = 3000): SessionRecorder {
  const recorder = new SessionRecorder();
  recorder.connection(connectionInfo(1));
  recorder.connection(connectionInfo(2));
  const kinds: FrameKind[] = ['text', 'binary', 'ping', 'pong', 'text'];
  for (let i = 0; i < frames; i++) {
    const kind = kinds[i % kinds.length];
    const data =
      kind === 'binary'
        ? Uint8Array.from({ length: 300 }, (_, j) => (i + j) % 256)
        : kind === 'text'
          ? encoder.encode(`message ${i} ✓ «ü»`)
          : Uint8Array.of(i % 256);
    const record: FrameRecord = {
      connectionId: (i % 2) + 1,
      direction: i % 3 === 0 ? 'out' : 'in',
      kind,
      size: data.length,
      time: 1764590000000 + i,
      preview: '',
    };
    recorder.frame(record, data);
  }
  const close = encoder.encode('bye');
  recorder.frame(
    {
      connectionId: 1,
      direction: 'in',
      kind: 'close',
      size: close.length,
      time: 1764590009999,
      preview: '1000 bye',
      closeCode: 1000,
    },
    close,
  );
  return recorder;
}

/** A source over imported records, as the page's store would hold them. */
function sourceOf(text: string): SessionSource {
  const session = parseSessionFile(text);
  const { connections, frames, messages, messagesDropped } = sessionRecords(session);
  const buffer = new FrameBuffer(session.caps.frames);
  buffer.push(frames);
  return {
    startedAt: session.startedAt,
    connections,
    frames: () => frames,
    framesDropped: session.framesDropped,
    messages: () => messages,
    messagesDropped,
    caps: session.caps,
  };
}

/** A project run's messages: a send with a JSON payload, one cut, an exit, a terminate. */
function withMessages(recorder: SessionRecorder): SessionRecorder {
  const messages: MessageRecord[] = [
    {
      kind: 'send',
      from: '{app:terminal|0x00001}',
      to: '{app:processes|0x00002}',
      topic: 'job',
      preview: '{n = 21}',
      payload: '{"n":21}',
      time: 1764590000100,
    },
    {
      kind: 'send',
      from: '{app:processes|0x00002}',
      to: '{app:terminal|0x00001}',
      topic: 'answer',
      preview: '"' + 'x'.repeat(70) + '…',
      payload: '"' + 'x'.repeat(100),
      payloadCut: true,
      time: 1764590000200,
    },
    {
      kind: 'exit',
      from: '{app:processes|0x00002}',
      to: '{app:terminal|0x00001}',
      topic: 'pid.exit',
      preview: '42',
      payload: '42',
      time: 1764590000300,
    },
    {
      kind: 'terminate',
      from: '',
      to: '{app:processes|0x00003}',
      topic: '',
      preview: '',
      time: 1764590000400,
    },
  ];
  for (const message of messages) recorder.message(message);
  return recorder;
}

describe('session export and import', () => {
  it('round-trips a few thousand frames, binary included, unchanged through JSON', () => {
    const first = [...sessionJsonChunks(recordedRun().source(), NOW)].join('');
    const again = [...sessionJsonChunks(sourceOf(first), NOW)].join('');
    expect(again).toBe(first);
    const session = JSON.parse(first);
    expect(session.version).toBe(SESSION_VERSION);
    expect(session.caps).toEqual(SESSION_CAPS);
    expect(session.connections).toHaveLength(2);
    const frames = session.connections[0].frames.concat(session.connections[1].frames);
    expect(frames).toHaveLength(3001);
    const binary = session.connections[0].frames.find((f: { type: string }) => f.type === 'binary');
    expect(binary.encoding).toBe('base64');
    const bytes = Uint8Array.from(atob(binary.data), (c) => c.charCodeAt(0));
    expect(bytes.length).toBe(300);
  });

  it("carries the run's process messages through JSON and HAR, unchanged", () => {
    const recorder = withMessages(recordedRun(20));
    const json = [...sessionJsonChunks(recorder.source(), NOW)].join('');
    const session = JSON.parse(json);
    expect(session.version).toBe(2);
    expect(session.messagesDropped).toBe(0);
    expect(session.messages).toHaveLength(4);
    expect(session.messages[0]).toEqual({
      kind: 'send',
      from: '{app:terminal|0x00001}',
      to: '{app:processes|0x00002}',
      topic: 'job',
      preview: '{n = 21}',
      time: 1764590000100,
      payload: '{"n":21}',
    });
    expect([...sessionJsonChunks(sourceOf(json), NOW)].join('')).toBe(json);

    const har = [...sessionHarChunks(recorder.source(), NOW)].join('');
    expect(JSON.parse(har).log._messages).toEqual(session.messages);
    const { messages } = sessionRecords(parseSessionFile(har));
    expect(messages).toEqual(session.messages);
  });

  it('reads a version 1 file (frames only) as a run without messages', () => {
    const v1 = JSON.parse([...sessionJsonChunks(recordedRun(5).source(), NOW)].join(''));
    v1.version = 1;
    delete v1.messages;
    delete v1.messagesDropped;
    const records = sessionRecords(parseSessionFile(JSON.stringify(v1)));
    expect(records.frames).toHaveLength(6); // and the close
    expect(records.messages).toEqual([]);
    expect(records.messagesDropped).toBe(0);
  });

  it('imports a HAR of messages only (a project run without connections)', () => {
    const har = [...sessionHarChunks(withMessages(new SessionRecorder()).source(), NOW)].join('');
    const records = sessionRecords(parseSessionFile(har));
    expect(records.connections).toEqual([]);
    expect(records.messages.map((m) => m.topic)).toEqual(['job', 'answer', 'pid.exit', '']);
  });

  it('keeps every byte value of binary frames across JSON and HAR', () => {
    const recorder = new SessionRecorder();
    recorder.connection(connectionInfo(1));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    recorder.frame(
      { connectionId: 1, direction: 'in', kind: 'binary', size: 256, time: 1, preview: '' },
      all,
    );
    for (const chunks of [sessionJsonChunks, sessionHarChunks]) {
      const text = [...chunks(recorder.source(), NOW)].join('');
      const { frames } = sessionRecords(parseSessionFile(text));
      expect([...frames[0].data!]).toEqual([...all]);
    }
  });

  it('writes HAR 1.2 with Chrome’s _webSocketMessages and reads it back', () => {
    const text = [...sessionHarChunks(recordedRun(50).source(), NOW)].join('');
    const har = JSON.parse(text);
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(2);
    const entry = har.log.entries[0];
    expect(entry._resourceType).toBe('websocket');
    expect(entry.request).toMatchObject({ method: 'GET', url: 'ws://127.0.0.1:9000/echo' });
    expect(entry.request.headers).toEqual([{ name: 'Authorization', value: 'Bearer x' }]);
    expect(entry.response.status).toBe(101);
    const [first] = entry._webSocketMessages;
    expect(first).toMatchObject({ type: 'send', opcode: 1, data: 'message 0 ✓ «ü»' });
    expect(first.time).toBeCloseTo(1764590000, 3);
    const opcodes = new Set<number>(
      entry._webSocketMessages.map((m: { opcode: number }) => m.opcode),
    );
    expect([...opcodes].sort((a, b) => a - b)).toEqual([1, 2, 8, 9, 10]);
    const json = [...sessionJsonChunks(recordedRun(50).source(), NOW)].join('');
    const fromHar = [...sessionJsonChunks(sourceOf(text), NOW)].join('');
    expect(JSON.parse(fromHar).connections).toEqual(JSON.parse(json).connections);
  });

  it("reads a HAR saved by Chrome's DevTools (no playground fields)", () => {
    const har = {
      log: {
        version: '1.2',
        entries: [
          { request: { url: 'https://example.com/' }, response: { status: 200 } },
          {
            request: { url: 'wss://example.com/ws', headers: [] },
            response: {
              status: 101,
              headers: [{ name: 'Sec-WebSocket-Protocol', value: 'graphql-ws' }],
            },
            _webSocketMessages: [
              { type: 'send', time: 1764590000.5, opcode: 1, data: 'hello' },
              { type: 'receive', time: 1764590000.75, opcode: 2, data: btoa('\x00\xff') },
            ],
          },
        ],
      },
    };
    const { connections, frames } = sessionRecords(parseSessionFile(JSON.stringify(har)));
    expect(connections).toHaveLength(1);
    expect(connections[0]).toMatchObject({ url: 'wss://example.com/ws', protocol: 'graphql-ws' });
    expect(frames.map((f) => [f.direction, f.kind, f.size, f.time])).toEqual([
      ['out', 'text', 5, 1764590000500],
      ['in', 'binary', 2, 1764590000750],
    ]);
    expect([...frames[1].data!]).toEqual([0, 255]);
  });

  it('refuses what is not a session, with a message saying why', () => {
    const cases: Array<[string, RegExp]> = [
      ['not json', /not a JSON file/],
      ['{"a":1}', /neither a playground session/],
      [
        JSON.stringify({ format: 'lua-playground-session', version: 99, connections: [] }),
        /version 99, newer than this playground reads/,
      ],
      [
        JSON.stringify({
          format: 'lua-playground-session',
          version: 1,
          connections: [{ id: 1, url: 'ws://x', frames: [{ direction: 'up' }] }],
        }),
        /connections\[0\]\.frames\[0\]\.direction/,
      ],
      [JSON.stringify({ log: { entries: [{}] } }), /no WebSocket entries/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseSessionFile(text)).toThrow(SessionImportError);
      expect(() => parseSessionFile(text)).toThrow(message);
    }
  });

  it('cuts payloads at the per-frame cap and stops keeping data at the run cap, saying so', () => {
    const caps = { frames: 60, frameDataBytes: 1000, runDataBytes: 40_500 };
    const recorder = new SessionRecorder(caps);
    recorder.connection(connectionInfo(1));
    const big = new Uint8Array(caps.frameDataBytes + 10);
    for (let i = 0; i < 70; i++) {
      recorder.frame(
        {
          connectionId: 1,
          direction: 'in',
          kind: 'binary',
          size: big.length,
          time: i,
          preview: '',
        },
        big,
      );
    }
    const session = JSON.parse([...sessionJsonChunks(recorder.source(), NOW)].join(''));
    expect(session.caps).toEqual(caps);
    expect(session.framesDropped).toBe(10);
    const frames = session.connections[0].frames;
    expect(frames).toHaveLength(60);
    expect(frames[0].time).toBe(10);
    expect(frames[0].truncated).toBe(true);
    expect(atob(frames[0].data).length).toBe(caps.frameDataBytes);
    // 40 frames fit the run's 40,500 bytes (frames 0-39; 0-9 were then dropped by the frame cap).
    expect(frames.filter((f: { data?: string }) => f.data !== undefined)).toHaveLength(30);
    expect(frames[59].data).toBeUndefined();
    expect(frames[59].size).toBe(big.length);
  });
});
