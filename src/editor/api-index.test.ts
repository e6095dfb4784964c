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
      'process',
      'funcs',
      'events',
      'ctx',
      'payload',
      'security',
      'io',
      'logger',
      'uuid',
      'hash',
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
    expect(guessClass('idle_timer')).toBe('Timer');
    expect(guessClass('ticker')).toBe('Ticker');
    expect(guessClass('start')).toBe('Time');
    expect(guessClass('elapsed')).toBe('Duration');
    expect(guessClass('ny_zone')).toBe('Location');
  });

  it('offers and explains process, its registry, messages, spawners and the logger', () => {
    expect(labels('process.')).toEqual(
      expect.arrayContaining(['send', 'spawn_monitored', 'inbox', 'event', 'registry']),
    );
    expect(labels('process.registry.')).toEqual([
      'register',
      'lookup',
      'unregister',
      'LOCAL',
      'EVENTUAL',
      'CONSISTENT',
      'STRONG',
    ]);
    expect(labels('process.event.')).toEqual(['CANCEL', 'EXIT', 'LINK_DOWN']);
    expect(index.hover('process.registry.lookup')).toContain('name not registered');
    expect(index.hover('process.registry.STRONG')).toContain('= 3');
    expect(index.functionFor('process.registry.register')?.params.map((p) => p.name)).toEqual([
      'name',
      'pid',
      'scope',
    ]);
    expect(labels('msg:')).toEqual(['topic', 'from', 'payload']);
    expect(labels('log:')).toEqual(['debug', 'info', 'warn', 'error', 'with', 'named']);
    expect(labels('spawner:')).toContain('with_name');
    expect(index.hover('io.readline')).toContain('EOF');
  });

  it("offers and explains the time module's Time and Duration methods", () => {
    const index = new ApiIndex();
    const labels = (text: string) => index.complete(text).map((e) => e.label);
    expect(labels('local s = start:')).toEqual(
      expect.arrayContaining(['sub', 'format', 'unix_nano']),
    );
    expect(labels('print(elapsed:')).toEqual(expect.arrayContaining(['milliseconds', 'seconds']));
    expect(labels('idle_timer:')).toEqual(['response', 'channel', 'stop', 'reset']);
    expect(index.hover('t:format')).toContain('Go layout');
    expect(index.hover('ch:close')).toContain('ch:close');
    expect(labels('time.')).toEqual(
      expect.arrayContaining(['parse', 'SECOND', 'RFC3339', 'localtz']),
    );
  });
});

describe('help that leads with plain words', () => {
  const index = new ApiIndex();

  it('leads hovers with one sentence and an example, then the signature', () => {
    const body = index.hover('websocket.connect')!;
    expect(body.startsWith('Opens a WebSocket connection and returns a client')).toBe(true);
    expect(body.indexOf('```lua\nlocal websocket = require("websocket")')).toBeLessThan(
      body.indexOf('websocket.connect(url [, options]) -> client | nil, err'),
    );
  });

  it('leads with the first sentence of the doc where no help is written', () => {
    const hover = index.hover('t:year_day')!;
    expect(hover).not.toContain('undefined');
    expect(hover.split('\n')[0].endsWith('.')).toBe(true);
  });

  it('marks websocket.connect to be ranked first among the module members', () => {
    const entries = index.complete('websocket.');
    expect(entries.filter((e) => e.first).map((e) => e.label)).toEqual(['connect']);
  });
});
