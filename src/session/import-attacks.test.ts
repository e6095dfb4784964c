/**
 * Audit 2, L2: hostile session files. Each was taken whole before (and blanked the page or
 * imported nothing silently); each is now refused with the first bad field named.
 */
import { describe, expect, it } from 'vitest';
import { parseSessionFile, sessionRecords, SessionImportError } from './import.ts';

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
const har = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

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
  ])('%s', (_name, text, message) => {
    expect(refusal(text)).toContain(message);
  });

  it('keeps only the known fields of a valid connection, so nothing else reaches the page', () => {
    const parsed = parseSessionFile(session([conn({ extra: { nested: 1 } }, [frame()])]));
    expect(Object.keys(parsed.connections[0]!)).not.toContain('extra');
    expect(sessionRecords(parsed).frames).toHaveLength(1);
  });
});
