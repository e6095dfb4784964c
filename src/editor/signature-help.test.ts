import { describe, expect, it } from 'vitest';
import { ApiIndex } from './api-index.ts';
import { openCalls, signatureAt } from './signature-help.ts';

const index = new ApiIndex();
const at = (text: string) => {
  const s = signatureAt(index, text);
  return s && [s.fn.signature, s.activeParameter];
};

describe('signatureAt', () => {
  it('finds the call and the argument being typed', () => {
    expect(at('local c = websocket.connect(')).toEqual(['websocket.connect(url [, options])', 0]);
    expect(at('local c = websocket.connect("wss://x", ')).toEqual([
      'websocket.connect(url [, options])',
      1,
    ]);
    expect(at('client:send("hi", ')).toEqual(['client:send(data [, type])', 1]);
    expect(at('ch:receive(')).toEqual(['ch:receive()', 0]);
  });

  it('stays on the call inside a table argument, and not after the call closed', () => {
    expect(at('websocket.connect(url, { headers = { ["X"] = "1", ')).toEqual([
      'websocket.connect(url [, options])',
      1,
    ]);
    expect(at('websocket.connect(url)')).toBeNull();
    expect(at('websocket.connect(url) print(')).toBeNull();
  });

  it('skips strings and comments, and the nested calls already closed', () => {
    expect(at('client:send(json.encode({a = "(,"}), ')).toEqual(['client:send(data [, type])', 1]);
    expect(at('client:send("a, b, (c"')).toEqual(['client:send(data [, type])', 0]);
    expect(at('-- websocket.connect(\n')).toBeNull();
    expect(at('websocket.connect([[a,(b]], ')).toEqual(['websocket.connect(url [, options])', 1]);
    expect(at('time.sleep(time.parse_duration(')).toEqual(['time.parse_duration(value)', 0]);
  });

  it('gives nothing for calls it does not describe, or for grouping parentheses', () => {
    expect(at('print(')).toBeNull();
    expect(at('local x = (')).toBeNull();
    expect(openCalls('if (')).toEqual([{ callee: null, commas: 0 }]);
  });

  it('highlights the parameter names inside the signature', () => {
    const s = signatureAt(index, 'time.sleep(')!;
    const [start, end] = s.parameterRanges[0];
    expect(s.fn.signature.slice(start, end)).toBe('d');
    expect(start).toBe('time.sleep('.length);
  });
});
