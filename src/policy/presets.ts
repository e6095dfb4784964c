/**
 * Named policies for the panel's preset menu (`playground.md`, part 6) and the page default.
 *
 * Presets that default to deny carry an explicit `allow websocket.connect`: `checkConnect`
 * asks `websocket.connect` first, and without that rule the default would refuse every
 * connection before any URL rule is read.
 *
 * Every preset is frozen: they are shared values, so edit a copy (`clonePolicy`).
 */
import { samePolicy } from './policy.ts';
import type { Policy, PolicyRule } from './types.ts';

export type PresetId = 'allow-all' | 'deny-all' | 'localhost-only' | 'wss-only';

export interface PolicyPreset {
  id: PresetId;
  label: string;
  description: string;
  policy: Policy;
}

const allowConnect: PolicyRule = { effect: 'allow', action: 'websocket.connect' };

function allowUrl(resource: string): PolicyRule {
  return { effect: 'allow', action: 'websocket.connect.url', resource };
}

function frozen(policy: Policy): Policy {
  policy.rules.forEach((rule) => Object.freeze(rule));
  Object.freeze(policy.rules);
  return Object.freeze(policy);
}

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export const PRESETS: readonly PolicyPreset[] = Object.freeze([
  {
    id: 'allow-all',
    label: 'Allow all',
    description: 'Any ws:// or wss:// URL.',
    policy: frozen({ version: 1, default: 'allow', rules: [] }),
  },
  {
    id: 'deny-all',
    label: 'Deny all',
    description: 'No connections at all.',
    policy: frozen({ version: 1, default: 'deny', rules: [] }),
  },
  {
    id: 'localhost-only',
    label: 'Localhost only',
    description: 'localhost, 127.0.0.1 and [::1], any port and path, ws:// or wss://.',
    policy: frozen({
      version: 1,
      default: 'deny',
      rules: [
        allowConnect,
        ...LOCAL_HOSTS.flatMap((host) => [
          allowUrl(`ws://${host}:*/*`),
          allowUrl(`wss://${host}:*/*`),
        ]),
      ],
    }),
  },
  {
    id: 'wss-only',
    label: 'wss only',
    description: 'Encrypted connections (wss://) to any host.',
    policy: frozen({ version: 1, default: 'deny', rules: [allowConnect, allowUrl('wss://*')] }),
  },
] satisfies PolicyPreset[]);

/**
 * The page's policy until the person changes it: the spec's example policy. It allows every
 * example of the gallery and shows one denial (`public/examples/policy-denied.lua` connects to
 * `ws://api.example.com:8080/admin`).
 */
export const DEFAULT_POLICY: Policy = frozen({
  version: 1,
  default: 'allow',
  rules: [
    { effect: 'deny', action: 'websocket.connect.url', resource: 'ws://*:*/admin*' },
    allowConnect,
  ],
});

export function getPreset(id: PresetId): PolicyPreset {
  return PRESETS.find((preset) => preset.id === id)!;
}

/** The preset this policy is exactly (rules in the same order), for the preset menu. */
export function matchPreset(policy: Policy): PresetId | undefined {
  return PRESETS.find((preset) => samePolicy(preset.policy, policy))?.id;
}

/** A mutable deep copy, to edit a preset or the default. */
export function clonePolicy(policy: Policy): Policy {
  return {
    version: policy.version,
    default: policy.default,
    rules: policy.rules.map((rule) => ({ ...rule })),
  };
}
