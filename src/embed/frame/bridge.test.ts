/** The frame's origin and window checks, with a stand-in for the window and its parent. */
import { describe, expect, it } from 'vitest';
import { FrameBridge } from './bridge.ts';
import { envelope } from '../../shared/embed-protocol.ts';
import type { HostMessage, WidgetSetup } from '../../shared/embed-protocol.ts';

const DOCS = 'https://docs.example.com';
const setup: WidgetSetup = {
  code: 'print(1)',
  prelude: '',
  policy: '',
  transport: 'auto',
  theme: 'light',
  demoHosts: true,
  title: '',
  dialect: 'wippy',
  typeCheck: 'warn',
};

function harness() {
  const posted: { message: unknown; target: string }[] = [];
  let listener: (e: MessageEvent) => void = () => {};
  const parent = {
    postMessage: (message: unknown, target: string) => posted.push({ message, target }),
  };
  const win = {
    parent,
    addEventListener: (_type: string, fn: (e: MessageEvent) => void) => (listener = fn),
  } as unknown as Window;
  const received: HostMessage[] = [];
  const bridge = new FrameBridge('w1', new Set([DOCS]), (m) => received.push(m), win);
  const send = (data: unknown, origin = DOCS, source: unknown = parent) =>
    listener({ data, origin, source } as MessageEvent);
  return { bridge, posted, received, send, parent };
}

describe('FrameBridge', () => {
  it('posts only `ready` before init, to any origin; then everything to the host origin', () => {
    const h = harness();
    h.bridge.post({ type: 'ready' });
    h.bridge.post({ type: 'resize', height: 10 });
    expect(h.posted.map((p) => p.target)).toEqual(['*']);
    h.send({ ...envelope('w1', 1), type: 'init', setup });
    h.bridge.post({ type: 'resize', height: 10 });
    expect(h.posted.at(-1)!.target).toBe(DOCS);
    expect(h.received.map((m) => m.type)).toEqual(['init']);
  });

  it('ignores other origins, other windows, other widgets and commands before init', () => {
    const h = harness();
    h.send({ ...envelope('w1', 1), type: 'run' }); // before init
    h.send({ ...envelope('w1', 2), type: 'init', setup }, 'https://evil.example');
    h.send({ ...envelope('w1', 3), type: 'init', setup }, DOCS, { postMessage() {} });
    h.send({ ...envelope('w2', 4), type: 'init', setup });
    expect(h.received).toEqual([]);
    h.send({ ...envelope('w1', 5), type: 'init', setup });
    h.send({ ...envelope('w1', 6), type: 'run' });
    expect(h.received.map((m) => m.type)).toEqual(['init', 'run']);
  });
});
