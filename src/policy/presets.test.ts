import { describe, expect, it } from 'vitest';
import { checkConnect } from './policy.ts';
import { clonePolicy, DEFAULT_POLICY, getPreset, matchPreset, PRESETS } from './presets.ts';

describe('presets', () => {
  it('allow-all and deny-all decide every URL, naming their entry', () => {
    expect(checkConnect(getPreset('allow-all').policy, 'ws://anything/')).toMatchObject({
      allowed: true,
      entry: 'app.security:allow_websocket',
    });
    expect(checkConnect(getPreset('deny-all').policy, 'wss://x/')).toMatchObject({
      allowed: false,
      entry: 'app.security:deny_websocket',
    });
  });

  it('localhost-only uses a matches condition, so a userinfo trick does not pass', () => {
    const p = getPreset('localhost-only').policy;
    expect(checkConnect(p, 'ws://localhost:8080/chat').allowed).toBe(true);
    expect(checkConnect(p, 'wss://[::1]/').allowed).toBe(true);
    expect(checkConnect(p, 'ws://127.0.0.1').allowed).toBe(true);
    expect(checkConnect(p, 'ws://localhost:1@evil.example/').allowed).toBe(false);
    expect(checkConnect(p, 'ws://localhost.evil.example/').allowed).toBe(false);
  });

  it('wss-only is a prefix pattern', () => {
    const p = getPreset('wss-only').policy;
    expect(checkConnect(p, 'wss://api.example.com/ws').entry).toBe('app.security:allow_wss');
    expect(checkConnect(p, 'ws://api.example.com/ws').allowed).toBe(false);
  });

  it('the default allows the developer actor and denies admin paths (public/examples/policy-denied.lua)', () => {
    expect(checkConnect(DEFAULT_POLICY, 'wss://echo.websocket.org/')).toMatchObject({
      allowed: true,
      entry: 'app.security:developers_connect',
    });
    const admin = checkConnect(DEFAULT_POLICY, 'ws://api.example.com:8080/admin');
    expect(admin).toMatchObject({ allowed: false, entry: 'app.security:deny_admin_paths' });
    expect(admin.explanation).toContain('deny wins over app.security:developers_connect');
    const guest = {
      ...clonePolicy(DEFAULT_POLICY),
      actor: { id: 'guest', meta: { role: 'guest' } },
    };
    expect(checkConnect(guest, 'wss://echo.websocket.org/').allowed).toBe(false);
  });

  it('are frozen, and a copy is the same preset until edited', () => {
    for (const preset of PRESETS) {
      expect(Object.isFrozen(preset.policy)).toBe(true);
      const copy = clonePolicy(preset.policy);
      expect(matchPreset(copy)).toBe(preset.id);
      copy.strict = true;
      expect(matchPreset(copy)).toBeUndefined();
    }
  });
});
