import { describe, expect, it } from 'vitest';
import {
  EMBED_CHANNEL,
  EMBED_PROTOCOL_VERSION,
  MAX_CODE_LENGTH,
  envelope,
  normalizeOrigin,
  parseFrameMessage,
  parseHostMessage,
} from './embed-protocol.ts';
import type { WidgetSetup } from './embed-protocol.ts';

const setup: WidgetSetup = {
  code: 'print(1)',
  prelude: '',
  policy: '',
  transport: 'auto',
  theme: 'dark',
  demoHosts: true,
  title: 'x',
  dialect: 'lua53',
  typeCheck: 'strict',
};

describe('embed protocol', () => {
  it('reads each command of this version, keeping only its own fields', () => {
    const head = envelope('w1', 7);
    expect(parseHostMessage({ ...head, type: 'init', setup, extra: 1 })).toEqual({
      ...head,
      type: 'init',
      setup,
    });
    expect(parseHostMessage({ ...head, type: 'run', code: 'ignored' })).toEqual({
      ...head,
      type: 'run',
    });
    expect(parseHostMessage({ ...head, type: 'set-code', code: 'x' })).toMatchObject({ code: 'x' });
    expect(parseHostMessage({ ...head, type: 'watch-frames', on: true })).toMatchObject({
      on: true,
    });
  });

  it('refuses other versions, channels, widget ids and malformed fields', () => {
    const head = envelope('w1', 1);
    const bad: unknown[] = [
      null,
      'run',
      { ...head, version: EMBED_PROTOCOL_VERSION + 1, type: 'run' },
      { ...head, channel: 'other', type: 'run' },
      { ...head, widget: '../x', type: 'run' },
      { ...head, id: 1.5, type: 'run' },
      { ...head, type: 'eval' },
      { ...head, type: 'init', setup: { ...setup, transport: 'carrier-pigeon' } },
      { ...head, type: 'init', setup: { ...setup, code: 1 } },
      { ...head, type: 'init', setup: { ...setup, dialect: 'lua54' } },
      { ...head, type: 'init', setup: { ...setup, dialect: 5.3 } },
      { ...head, type: 'init', setup: { ...setup, typeCheck: 'loud' } },
      { ...head, type: 'set-code', code: 'x'.repeat(MAX_CODE_LENGTH + 1) },
      { ...head, type: 'set-theme', theme: 'sepia' },
    ];
    for (const data of bad) expect(parseHostMessage(data)).toBeNull();
  });

  it('reads a setup without dialect or typeCheck (an older embed.js) as the defaults', () => {
    const head = envelope('w1', 3);
    const older: Partial<WidgetSetup> = { ...setup };
    delete older.dialect;
    delete older.typeCheck;
    expect(parseHostMessage({ ...head, type: 'init', setup: older })).toEqual({
      ...head,
      type: 'init',
      setup: { ...older, dialect: 'wippy', typeCheck: 'warn' },
    });
  });

  it('reads frame events by shape', () => {
    const head = { channel: EMBED_CHANNEL, version: EMBED_PROTOCOL_VERSION, widget: 'w', id: 2 };
    expect(parseFrameMessage({ ...head, type: 'resize', height: 120 })).not.toBeNull();
    expect(parseFrameMessage({ ...head, type: 'resize', height: -1 })).toBeNull();
    expect(parseFrameMessage({ ...head, type: 'output', entries: 'no' })).toBeNull();
    expect(parseFrameMessage({ ...head, type: 'token' })).toBeNull();
  });

  it('normalizes origins the way browsers report them', () => {
    expect(normalizeOrigin('https://Docs.Example.com:443/')).toBe('https://docs.example.com');
    expect(normalizeOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(normalizeOrigin('javascript:alert(1)')).toBeNull();
    expect(normalizeOrigin('not a url')).toBeNull();
  });
});
