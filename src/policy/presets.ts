/**
 * Named policies for the panel's preset menu and the page default, each a registry file in the
 * platform's format plus an actor and a scope. URL patterns are plain prefixes on the
 * platform; where a preset needs a host test it uses a `matches` condition on `resource`
 * (a prefix such as `ws://localhost:*` would also let `ws://localhost:1@evil.example/` through,
 * whose host is evil.example).
 *
 * Every preset is frozen: they are shared values, so edit a copy (`clonePolicy`).
 */
import { fromRegistry } from './serialize.ts';
import type { SecurityContext } from './serialize.ts';
import type { Policy } from './types.ts';

export type PresetId = 'allow-all' | 'deny-all' | 'localhost-only' | 'wss-only';

export interface PolicyPreset {
  id: PresetId;
  label: string;
  description: string;
  policy: Policy;
}

const ACTOR = { id: 'user:1', meta: { role: 'developer' } };
const CONTEXT: SecurityContext = {
  actor: ACTOR,
  scope: { groups: ['app.security:default'], policies: [] },
  strict: false,
};

function file(entries: string): string {
  return `version: "1.0"\nnamespace: app.security\n\nentries:\n${entries}`;
}

const ALLOW_CONNECT = `  # May the script connect at all (websocket.connect has the empty resource: only "*" matches)
  - name: allow_connect
    kind: security.policy
    policy:
      actions: websocket.connect
      resources: "*"
      effect: allow
    groups: [default]
`;

function build(source: string): Policy {
  const parsed = fromRegistry(source, CONTEXT, [], 'registry');
  if (!parsed.ok) throw new Error(`a preset does not read: ${parsed.error}`);
  return deepFreeze(parsed.policy);
}

export const PRESETS: readonly PolicyPreset[] = Object.freeze([
  {
    id: 'allow-all',
    label: 'Allow all',
    description: 'One entry allows both websocket actions on every resource.',
    policy: build(
      file(`  - name: allow_websocket
    kind: security.policy
    policy:
      actions: "websocket.*"
      resources: "*"
      effect: allow
    groups: [default]
`),
    ),
  },
  {
    id: 'deny-all',
    label: 'Deny all',
    description: 'One entry denies both websocket actions.',
    policy: build(
      file(`  - name: deny_websocket
    kind: security.policy
    policy:
      actions: "websocket.*"
      resources: "*"
      effect: deny
    groups: [default]
`),
    ),
  },
  {
    id: 'localhost-only',
    label: 'Localhost only',
    description: 'ws:// or wss:// to localhost, 127.0.0.1 or [::1], any port and path.',
    policy: build(
      file(`${ALLOW_CONNECT}
  - name: allow_loopback_urls
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "*"
      effect: allow
      conditions:
        - field: resource
          operator: matches
          value: '^wss?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]+)?([/?#]|$)'
    groups: [default]
`),
    ),
  },
  {
    id: 'wss-only',
    label: 'wss only',
    description: 'Encrypted connections (wss://) to any host: a prefix pattern.',
    policy: build(
      file(`${ALLOW_CONNECT}
  - name: allow_wss
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "wss://*"
      effect: allow
    groups: [default]
`),
    ),
  },
] satisfies PolicyPreset[]);

/**
 * The page's policy until the person changes it. It allows every example of the gallery for
 * the actor's role and shows one denial (`public/examples/policy-denied.lua` connects to
 * `ws://api.example.com:8080/admin`).
 */
export const DEFAULT_POLICY: Policy = build(
  file(`  # Developers and admins may use websockets
  - name: developers_connect
    kind: security.policy
    policy:
      actions: "websocket.*"
      resources: "*"
      effect: allow
      conditions:
        - field: actor.meta.role
          operator: in
          value: [developer, admin]
    groups: [default]

  # No admin paths, whoever asks (deny wins over allow)
  - name: deny_admin_paths
    kind: security.policy
    policy:
      actions: websocket.connect.url
      resources: "*"
      effect: deny
      conditions:
        - field: resource
          operator: matches
          value: '^wss?://[^/]+/admin'
    groups: [default]
`),
);

export function getPreset(id: PresetId): PolicyPreset {
  return PRESETS.find((preset) => preset.id === id)!;
}

/** The preset this policy is exactly (same file text and context), for the preset menu. */
export function matchPreset(policy: Policy): PresetId | undefined {
  return PRESETS.find((preset) => samePolicy(preset.policy, policy))?.id;
}

/** Whether two policies are the same file with the same context. */
export function samePolicy(a: Policy, b: Policy): boolean {
  return (
    a.source === b.source &&
    a.strict === b.strict &&
    JSON.stringify(a.actor) === JSON.stringify(b.actor) &&
    JSON.stringify(a.scope) === JSON.stringify(b.scope)
  );
}

/** A mutable deep copy, to edit a preset or the default. */
export function clonePolicy(policy: Policy): Policy {
  return structuredClone(policy);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
