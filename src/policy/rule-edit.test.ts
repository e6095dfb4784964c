import { describe, expect, it } from 'vitest';
import {
  addRule,
  moveRule,
  removeRule,
  setAction,
  setDefault,
  setEffect,
  setResource,
} from './rule-edit.ts';
import type { Policy } from './types.ts';

const base: Policy = {
  version: 1,
  default: 'allow',
  rules: [
    { effect: 'deny', action: 'websocket.connect.url', resource: 'ws://*:*/admin*' },
    { effect: 'allow', action: 'websocket.connect' },
  ],
};

describe('rule edits', () => {
  it('adds, removes and reorders without touching the original', () => {
    const added = addRule(base, {
      effect: 'deny',
      action: 'websocket.connect.url',
      resource: 'wss://x/*',
    });
    expect(added.rules).toHaveLength(3);
    expect(base.rules).toHaveLength(2);
    expect(removeRule(added, 0).rules[0]).toEqual({ effect: 'allow', action: 'websocket.connect' });
    expect(moveRule(base, 1, -1).rules.map((r) => r.action)).toEqual([
      'websocket.connect',
      'websocket.connect.url',
    ]);
    expect(moveRule(base, 0, -1)).toBe(base);
  });

  it('drops the resource when a rule becomes websocket.connect, offers * when it goes back', () => {
    const connect = setAction(base, 0, 'websocket.connect');
    expect(connect.rules[0]).toEqual({ effect: 'deny', action: 'websocket.connect' });
    expect(setAction(connect, 0, 'websocket.connect.url').rules[0]).toEqual({
      effect: 'deny',
      action: 'websocket.connect.url',
      resource: '*',
    });
  });

  it('edits effect, resource and default', () => {
    expect(setEffect(base, 0, 'allow').rules[0].effect).toBe('allow');
    expect(setResource(base, 0, 'wss://a/*').rules[0].resource).toBe('wss://a/*');
    expect(setResource(base, 1, 'ignored').rules[1]).toEqual({
      effect: 'allow',
      action: 'websocket.connect',
    });
    expect(setDefault(base, 'deny').default).toBe('deny');
  });
});
