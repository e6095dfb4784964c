import { describe, expect, it } from 'vitest';
import { openInPlaygroundUrl } from './open-link.ts';
import { readPermalinkHash } from '../app/permalink.ts';

describe('openInPlaygroundUrl', () => {
  const widget = { code: 'print(10/2)', prelude: '', policy: '' };

  it("carries the widget's dialect and type-check mode into the permalink", () => {
    const url = new URL(
      openInPlaygroundUrl('http://127.0.0.1:5173', {
        ...widget,
        dialect: 'lua53',
        typeCheck: 'strict',
      }),
    );
    expect(url.origin).toBe('http://127.0.0.1:5173');
    expect(readPermalinkHash(url.hash)).toEqual({
      ok: true,
      link: { code: 'print(10/2)', dialect: 'lua53', typeCheck: 'strict' },
    });
  });

  it('writes the default dialect too, so the link keeps its meaning', () => {
    const url = openInPlaygroundUrl('http://127.0.0.1:5173', {
      ...widget,
      policy: '{"version":1}',
      dialect: 'wippy',
      typeCheck: 'warn',
    });
    expect(url).toContain('&dialect=wippy');
    expect(readPermalinkHash(new URL(url).hash)).toMatchObject({
      ok: true,
      link: { policyJson: '{"version":1}', dialect: 'wippy', typeCheck: 'warn' },
    });
  });
});
