import { describe, expect, it } from 'vitest';
import { ApiIndex, expressionAt, guessClass } from './api-index.ts';
import { optionsContextAt } from './options-context.ts';

const index = new ApiIndex();
const labels = (text: string) => index.complete(text).map((e) => e.label);

describe('completion', () => {
  it('offers module members after `module.`', () => {
    expect(labels('local c = websocket.')).toEqual(
      expect.arrayContaining(['connect', 'TEXT', 'BINARY', 'COMPRESSION', 'CLOSE_CODES']),
    );
    expect(labels('errors.')).toEqual(
      expect.arrayContaining(['is', 'new', 'PERMISSION_DENIED', 'TIMEOUT']),
    );
    expect(labels('time.af')).toEqual(expect.arrayContaining(['after', 'sleep', 'now']));
  });

  it('offers constant tables after `module.TABLE.`', () => {
    expect(labels('websocket.COMPRESSION.')).toEqual([
      'DISABLED',
      'CONTEXT_TAKEOVER',
      'NO_CONTEXT',
    ]);
    expect(labels('websocket.CLOSE_CODES.')).toContain('TRY_AGAIN_LATER');
  });

  it('offers methods after `var:`, narrowed by the variable name', () => {
    expect(labels('client:')).toEqual([
      'send',
      'ping',
      'channel',
      'receive',
      'close',
      'close_info',
    ]);
    expect(labels('ch:')).toEqual(['send', 'receive', 'close', 'case_send', 'case_receive']);
    expect(labels('err:')).toEqual(['kind', 'message', 'retryable', 'details', 'stack']);
    expect(labels('foo:')).toEqual(
      expect.arrayContaining(['send', 'receive', 'retryable', 'close_info']),
    );
  });

  it('offers connect options inside the options table', () => {
    const text = 'local c = websocket.connect("wss://x", {\n    headers = {["A"] = "b"},\n    ';
    expect(labels(text)).toEqual(
      expect.arrayContaining(['dial_timeout', 'read_limit', 'channel_capacity', 'compression']),
    );
  });

  it('offers modules elsewhere', () => {
    expect(labels('local x = ')).toEqual([
      'websocket',
      'channel',
      'time',
      'json',
      'errors',
      'coroutine',
    ]);
  });

  it('documents options with default and range', () => {
    const readLimit = index
      .complete('websocket.connect(u, { ')
      .find((e) => e.label === 'read_limit')!;
    expect(readLimit.doc).toContain('16 MiB');
    expect(readLimit.doc).toContain('134217728');
  });
});

describe('options context', () => {
  it('is true at a key position of the options table only', () => {
    expect(optionsContextAt('websocket.connect(url, { ')).toBe(true);
    expect(optionsContextAt('websocket.connect(url, { dial_timeout = "5s", rea')).toBe(true);
    expect(optionsContextAt('websocket.connect(url, { dial_timeout = ')).toBe(false);
    expect(optionsContextAt('websocket.connect(url, { headers = { ')).toBe(false);
    expect(optionsContextAt('websocket.connect(url, {}) ')).toBe(false);
    expect(optionsContextAt('websocket.connect("{", ')).toBe(false);
    expect(optionsContextAt('print(1)')).toBe(false);
  });
});

describe('hover', () => {
  it('explains functions, methods, constants and modules', () => {
    expect(index.hover('websocket.connect')).toContain('websocket.connect(url [, options])');
    expect(index.hover('client:send')).toContain('client:send(data [, type])');
    expect(index.hover('ch:receive')).toContain('ch:receive()');
    expect(index.hover('websocket.COMPRESSION.NO_CONTEXT')).toContain('= 2');
    expect(index.hover('errors.PERMISSION_DENIED')).toContain('policy');
    expect(index.hover('json')).toContain('JSON');
    expect(index.hover('nothing.here')).toBeNull();
  });

  it('finds the expression under the cursor', () => {
    const line = '  local c, err = websocket.connect("x")';
    expect(expressionAt(line, line.indexOf('connect') + 2)).toBe('websocket.connect');
    expect(expressionAt(line, line.indexOf('websocket') + 1)).toBe('websocket');
    expect(expressionAt('client:send(1)', 9)).toBe('client:send');
    expect(expressionAt('x = websocket.COMPRESSION.NO_CONTEXT', 30)).toBe(
      'websocket.COMPRESSION.NO_CONTEXT',
    );
    expect(expressionAt('   ', 1)).toBeNull();
  });

  it('guesses what a variable holds from its name', () => {
    expect(guessClass('heartbeat')).toBe('channel');
    expect(guessClass('err')).toBe('error');
    expect(guessClass('client')).toBe('client');
    expect(guessClass('banana')).toBeNull();
  });
});
