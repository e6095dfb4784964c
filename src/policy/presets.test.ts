import { describe, expect, it } from 'vitest';
import { checkConnect } from './policy.ts';
import { DEFAULT_POLICY, PRESETS, clonePolicy, getPreset, matchPreset } from './presets.ts';
import type { PresetId } from './presets.ts';
import { parsePolicy, formatPolicy } from './serialize.ts';

function allowed(id: PresetId, url: string): boolean {
  return checkConnect(getPreset(id).policy, url).allowed;
}

describe('presets', () => {
  it('allow all lets every URL through', () => {
    for (const url of ['ws://h/', 'wss://h:1/x', 'ws://localhost/admin'])
      expect(allowed('allow-all', url)).toBe(true);
  });

  it('deny all refuses at websocket.connect, before any URL', () => {
    const decision = checkConnect(getPreset('deny-all').policy, 'ws://localhost/');
    expect(decision).toMatchObject({ allowed: false, action: 'websocket.connect' });
  });

  it('localhost only allows loopback hosts on any port and path, ws or wss', () => {
    for (const url of [
      'ws://localhost/',
      'ws://localhost:8080/echo',
      'wss://localhost:8443/x?y',
      'ws://127.0.0.1:5173/relay',
      'wss://127.0.0.1/',
      'ws://[::1]:9000/',
      'wss://[::1]/a',
      'ws://LOCALHOST:1',
    ]) {
      expect(allowed('localhost-only', url), url).toBe(true);
    }
    for (const url of [
      'ws://example.com/',
      'ws://localhost.evil.com/',
      'ws://localhost:1@evil.com/',
      'ws://127.0.0.2/',
      'ws://[::2]/',
      'wss://evil.com/localhost/',
    ]) {
      expect(allowed('localhost-only', url), url).toBe(false);
    }
  });

  it('wss only allows encrypted connections to any host', () => {
    for (const url of ['wss://h/', 'wss://h', 'wss://h:1/a?b', 'WSS://H/'])
      expect(allowed('wss-only', url), url).toBe(true);
    for (const url of ['ws://h/', 'ws://localhost:1/'])
      expect(allowed('wss-only', url), url).toBe(false);
  });

  it('each preset survives a format and parse round trip and is recognised', () => {
    for (const preset of PRESETS) {
      const parsed = parsePolicy(formatPolicy(preset.policy));
      expect(parsed).toEqual({ ok: true, policy: preset.policy });
      if (parsed.ok) expect(matchPreset(parsed.policy)).toBe(preset.id);
    }
  });

  it('has distinct ids and labels', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    expect(new Set(PRESETS.map((p) => p.label)).size).toBe(PRESETS.length);
  });

  it('is frozen; clonePolicy gives an editable copy', () => {
    const preset = getPreset('localhost-only').policy;
    expect(() => preset.rules.push({ effect: 'deny', action: 'websocket.connect' })).toThrow(
      TypeError,
    );
    const copy = clonePolicy(preset);
    copy.rules[1]!.resource = 'ws://changed/*';
    copy.rules.push({ effect: 'deny', action: 'websocket.connect' });
    expect(preset.rules[1]!.resource).toBe('ws://localhost:*/*');
    expect(matchPreset(copy)).toBeUndefined();
  });
});

describe('DEFAULT_POLICY', () => {
  it('is the spec example: allows ordinary URLs and denies ws://*:*/admin*', () => {
    expect(checkConnect(DEFAULT_POLICY, 'wss://echo.example.com/').allowed).toBe(true);
    expect(checkConnect(DEFAULT_POLICY, 'ws://localhost:5173/relay').allowed).toBe(true);
    // public/examples/policy-denied.lua
    expect(checkConnect(DEFAULT_POLICY, 'ws://api.example.com:8080/admin')).toMatchObject({
      allowed: false,
      explanation: 'denied by rule 1 (deny websocket.connect.url ws://*:*/admin*)',
    });
  });

  it('reads back from the spec text', () => {
    const spec = `{ "version": 1, "default": "allow",
      "rules": [ { "effect": "deny", "action": "websocket.connect.url", "resource": "ws://*:*/admin*" },
                 { "effect": "allow", "action": "websocket.connect" } ] }`;
    expect(parsePolicy(spec)).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });
});
