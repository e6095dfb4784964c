/**
 * Audit 2, L2: hostile session files. Each was taken whole before (and blanked the page or
 * imported nothing silently); each is now refused with the first bad field named.
 */
import { describe, expect, it } from 'vitest';
import { parseSessionFile, sessionRecords, SessionImportError } from './import.ts';
import { MESSAGE_TEXT_CHARS } from './import-messages.ts';
import { MESSAGE_CAPACITY } from '../inspector/message-buffer.ts';
import { MESSAGE_PAYLOAD_CHARS, RUN_PAYLOAD_CHARS } from '../shared/message-payload-bounds.ts';

const conn = (extra: Record<string, unknown> = {}, frames: unknown[] = []) => ({
  id: 1,
  url: 'wss://x.test/',
  routedUrl: 'wss://x.test/',
  state: 'closed',
  transport: 'relay',
  transportWhy: 'relay',
  protocol: '',
  extensions: '',
  requestHeaders: {},
  responseHeaders: {},
  frames,
  ...extra,
});
const session = (connections: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'lua-playground-session',
    version: 1,
    exportedAt: '',
    startedAt: 1,
    caps: {},
    framesDropped: 0,
    connections,
    ...extra,
  });
const frame = (extra: Record<string, unknown> = {}) => ({
  direction: 'in',
  type: 'text',
  size: 1,
  time: 1000,
  data: 'x',
  encoding: 'utf8',
  ...extra,
});
const har = (entries: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ log: { version: '1.2', entries, ...extra } });
const message = (extra: Record<string, unknown> = {}) => ({
  kind: 'send',
  from: '{app:terminal|0x00001}',
  to: '{app:processes|0x00002}',
  topic: 'job',
  preview: '1',
  payload: '1',
  time: 1000,
  ...extra,
});
const withMessages = (messages: unknown, extra: Record<string, unknown> = {}) =>
  session([], { version: 2, messages, ...extra });

function refusal(text: string): string {
  try {
    sessionRecords(parseSessionFile(text));
  } catch (e) {
    expect(e).toBeInstanceOf(SessionImportError);
    return (e as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('a hostile session file is refused with the first bad path named (audit 2, L2)', () => {
  it.each([
    ['state is an object', session([conn({ state: { a: 1 } })]), 'connections[0].state is none of'],
    [
      'transportWhy is a number',
      session([conn({ transportWhy: 5 })]),
      'connections[0].transportWhy is not a string',
    ],
    [
      'closeCode is an object',
      session([conn({ closeCode: { x: 1 } })]),
      'connections[0].closeCode is not a number',
    ],
    ['error is a list', session([conn({ error: ['a'] })]), 'connections[0].error is not a string'],
    [
      'a header value is a number',
      session([conn({ requestHeaders: { a: 1 } })]),
      'connections[0].requestHeaders["a"] is not a string',
    ],
    [
      'startedAt is a string',
      session([conn()], { startedAt: 'x' }),
      'the session.startedAt is not a number',
    ],
    [
      'caps.frames is an object',
      session([conn()], { caps: { frames: {} } }),
      'caps.frames is not a number',
    ],
    [
      'invalid base64 that passed the old check ("A")',
      session([conn({}, [frame({ data: 'A', encoding: 'base64' })])]),
      'connections[0].frames[0].data is not base64',
    ],
    [
      'truncated is a string',
      session([conn({}, [frame({ truncated: 'yes' })])]),
      'connections[0].frames[0].truncated',
    ],
    [
      'a HAR binary message with invalid base64',
      har([{ _webSocketMessages: [{ type: 'receive', time: 1, opcode: 2, data: '@@@' }] }]),
      'entries[0]._webSocketMessages[0].data is not base64',
    ],
    [
      'a HAR _luaPlayground with a list as state',
      har([{ _luaPlayground: { state: [1] }, _webSocketMessages: [] }]),
      'entries[0]._luaPlayground.state is none of',
    ],
    ['messages is an object', withMessages({ 0: message() }), 'messages is not a list'],
    [
      'a message kind is unknown',
      withMessages([message(), message({ kind: 'eval' })]),
      'messages[1].kind is none of',
    ],
    [
      'a message payload is an object',
      withMessages([message({ payload: { a: 1 } })]),
      'messages[0].payload is not a string',
    ],
    [
      'a message time is a string',
      withMessages([message({ time: 'now' })]),
      'messages[0].time is not a number',
    ],
    ['a message without a target', withMessages([message({ to: null })]), 'messages[0].to'],
    [
      'payloadCut is a string',
      withMessages([message({ payloadCut: 'yes' })]),
      'messages[0].payloadCut is not true or false',
    ],
    [
      "a HAR's _messages with a list as topic",
      har([], { _messages: [message({ topic: ['a'] })] }),
      'log._messages[0].topic is not a string',
    ],
  ])('%s', (_name, text, reason) => {
    expect(refusal(text)).toContain(reason);
  });

  it('keeps only the known fields of a valid connection, so nothing else reaches the page', () => {
    const parsed = parseSessionFile(session([conn({ extra: { nested: 1 } }, [frame()])]));
    expect(Object.keys(parsed.connections[0]!)).not.toContain('extra');
    expect(sessionRecords(parsed).frames).toHaveLength(1);
  });
});

describe("a session file's process messages are bounded as a run's are", () => {
  it('keeps the newest MESSAGE_CAPACITY messages, counting the rest as dropped', () => {
    const many = Array.from({ length: MESSAGE_CAPACITY + 2500 }, (_, i) =>
      message({ time: i, topic: `m${i}` }),
    );
    const records = sessionRecords(parseSessionFile(withMessages(many, { messagesDropped: 7 })));
    expect(records.messages).toHaveLength(MESSAGE_CAPACITY);
    expect(records.messages[0]!.topic).toBe('m2500');
    expect(records.messagesDropped).toBe(2507);
  });

  it('cuts long texts and payloads, and keeps no payload past the run budget', () => {
    const huge = 'x'.repeat(MESSAGE_PAYLOAD_CHARS * 4);
    const perMessage = Math.ceil(RUN_PAYLOAD_CHARS / MESSAGE_PAYLOAD_CHARS);
    const messages = [
      message({ topic: 't'.repeat(100_000), from: 'f'.repeat(100_000), preview: huge, time: -1 }),
      ...Array.from({ length: perMessage + 3 }, (_, i) => message({ payload: huge, time: i })),
    ];
    const records = sessionRecords(parseSessionFile(withMessages(messages)));
    const [first] = records.messages;
    expect(first!.topic.length).toBe(MESSAGE_TEXT_CHARS + 1);
    expect(first!.from.endsWith('…')).toBe(true);
    expect(first!.preview.length).toBe(MESSAGE_TEXT_CHARS + 1);
    const kept = records.messages.filter((m) => m.payload !== undefined);
    expect(kept.slice(1).every((m) => m.payload!.length <= MESSAGE_PAYLOAD_CHARS)).toBe(true);
    expect(kept.slice(1).every((m) => m.payloadCut === true)).toBe(true);
    const total = kept.reduce((sum, m) => sum + m.payload!.length, 0);
    expect(total).toBeLessThanOrEqual(RUN_PAYLOAD_CHARS);
    expect(records.messages.at(-1)!.payload).toBeUndefined();
  });

  it('drops unknown fields and puts the messages in time order', () => {
    const records = sessionRecords(
      parseSessionFile(
        withMessages([
          message({ time: 30, topic: 'late', extra: { nested: 1 } }),
          message({ time: 10, topic: 'early', payloadCut: true }),
        ]),
      ),
    );
    expect(records.messages.map((m) => m.topic)).toEqual(['early', 'late']);
    expect(Object.keys(records.messages[1]!)).not.toContain('extra');
    expect(records.messages[0]!.payloadCut).toBe(true);
  });
});
