/**
 * Seeded fuzzing of the parsers of outside input: the policy reader, the expression evaluator
 * and the session importer. Each target generates `count` inputs from a seed (mutations of
 * valid inputs and grammar-built ones), feeds each in, and reports every input that threw what
 * the reader promises not to throw. Run in a child process with a deadline (deadline.ts), so a
 * hang fails the test instead of freezing it.
 */
import { parsePolicy } from '../policy/serialize.ts';
import { decide } from '../policy/policy.ts';
import { parseExpr, ExprError } from '../policy/expr.ts';
import { evaluateExpr, ExprEvalError } from '../policy/expr-eval.ts';
import { parseSessionFile, sessionRecords, SessionImportError } from '../session/import.ts';

export interface FuzzReport {
  count: number;
  accepted: number;
  failures: { input: string; error: string }[];
}

/** mulberry32: small, seeded, good enough to spread inputs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof random>;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

const NOISE = [
  '',
  ' ',
  '\n',
  ':',
  '- ',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  '&a',
  '*a',
  '<<: ',
  '!!str ',
  '\\',
  '|',
  '>',
  '#',
  '%',
  '@',
  '`',
  '\t',
  '\u0000',
  '\uffff',
  '😀',
  '1e999',
  '-0',
  '0x10',
  'null',
  '~',
  'true',
  '__proto__',
  'constructor',
  '(',
  ')',
  '.*',
  '(a+)+',
  '[[:alpha:]]',
  '\\p{L}',
];

function mutate(rand: Rand, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rand() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(rand() * (out.length + 1));
    const kind = rand();
    if (kind < 0.4) out = out.slice(0, at) + pick(rand, NOISE) + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rand() * 8));
    else if (kind < 0.85) out = out.slice(0, at) + out.slice(at).repeat(1 + Math.floor(rand() * 3));
    else out = out.slice(0, at) + String.fromCharCode(Math.floor(rand() * 0x3000)) + out.slice(at);
  }
  return out;
}

// ---- the policy reader ---------------------------------------------------------------------

const REGISTRY = `version: "1.0"
namespace: app.security
entries:
  - name: p
    kind: security.policy
    meta: {type: policy}
    policy:
      actions: "*"
      resources: ["wss://*", "ws://127.0.0.1:*"]
      effect: allow
      conditions:
        - field: resource
          operator: matches
          value: '^wss://[a-z]+\\.example\\.com/'
        - field: actor.meta.role
          operator: in
          value: [admin, dev]
    groups: [g]
  - name: e
    kind: security.policy.expr
    policy:
      actions: "*"
      resources: "*"
      expression: 'actor.meta.role == "admin" && resource startsWith "wss://"'
      effect: deny
`;
const SEEDS = [
  REGISTRY,
  JSON.stringify({
    version: 2,
    registry: REGISTRY,
    actor: { id: 'a', meta: { role: 'admin', n: [1, { x: 2 }] } },
    scope: { groups: ['app.security:g'], policies: ['app.security:e'] },
    strict: true,
  }),
  JSON.stringify({ version: 1, default: 'deny', rules: [{ effect: 'allow', url: 'wss://*.x/*' }] }),
];

export function fuzzPolicy(seed: number, count: number): FuzzReport {
  const rand = random(seed);
  const report: FuzzReport = { count, accepted: 0, failures: [] };
  for (let i = 0; i < count; i++) {
    const input = mutate(rand, pick(rand, SEEDS));
    try {
      const parsed = parsePolicy(input);
      if (!parsed.ok) continue;
      report.accepted++;
      const resource = pick(rand, [
        'wss://api.example.com/ws',
        'ws://127.0.0.1:1/',
        '',
        'x'.repeat(200),
      ]);
      try {
        decide(parsed.policy, 'websocket.connect.url', resource, null);
      } catch (e) {
        report.failures.push({ input, error: `decide threw ${String(e)}` });
      }
    } catch (e) {
      report.failures.push({ input, error: `parsePolicy threw ${String(e)}` });
    }
  }
  report.failures = report.failures.slice(0, 5);
  return report;
}

// ---- the expression evaluator ----------------------------------------------------------------

const ATOMS = [
  'resource',
  'action',
  'actor.id',
  'actor.meta.role',
  'actor.meta.n[0]',
  'actor.meta.n[1].x',
  'actor.meta.missing',
  'meta',
  'nil',
  'true',
  'false',
  '1',
  '-2.5',
  '"wss://"',
  '"(a|a)*$"',
  '"^[a-z]+"',
  '"["',
  "'x'",
  '[1, 2, "a"]',
  'actor.meta',
  'actor.meta["role"]',
];
const BINARY = [
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '&&',
  '||',
  'and',
  'or',
  'in',
  'not in',
  'contains',
  'startsWith',
  'endsWith',
  'matches',
];

function expression(rand: Rand, depth: number): string {
  const r = rand();
  if (depth > 4 || r < 0.3) return pick(rand, ATOMS);
  if (r < 0.45) return `${pick(rand, ['!', 'not ', '-'])}${expression(rand, depth + 1)}`;
  if (r < 0.55) return `(${expression(rand, depth + 1)})`;
  return `${expression(rand, depth + 1)} ${pick(rand, BINARY)} ${expression(rand, depth + 1)}`;
}

export function fuzzExpressions(seed: number, count: number): FuzzReport {
  const rand = random(seed);
  const report: FuzzReport = { count, accepted: 0, failures: [] };
  const env = {
    actor: { id: 'a', meta: { role: 'admin', n: [1, { x: 2 }] } },
    action: 'websocket.connect.url',
    resource: `wss://${'a'.repeat(40)}.example.com/`,
    meta: null,
  };
  for (let i = 0; i < count; i++) {
    let input = expression(rand, 0);
    if (rand() < 0.3) input = mutate(rand, input);
    try {
      const node = parseExpr(input);
      report.accepted++;
      evaluateExpr(node, env);
    } catch (e) {
      if (e instanceof ExprError || e instanceof ExprEvalError) continue;
      report.failures.push({ input, error: String(e) });
    }
  }
  report.failures = report.failures.slice(0, 5);
  return report;
}

// ---- the session importer --------------------------------------------------------------------

const VALUES: unknown[] = [
  null,
  0,
  -1,
  1e308,
  NaN,
  '',
  'x',
  'A',
  '@@',
  [],
  [1],
  {},
  { a: 1 },
  true,
  '<img src=x>',
  { __proto__: { polluted: 1 } },
  'closed',
  'in',
  'text',
  'base64',
  'utf8',
];

function session(rand: Rand): unknown {
  const frames = Array.from({ length: Math.floor(rand() * 4) }, (_, i) => ({
    direction: i % 2 ? 'in' : 'out',
    type: pick(rand, ['text', 'binary', 'close', 'ping']),
    size: 3,
    time: 1000 + i,
    data: 'YWJj',
    encoding: pick(rand, ['utf8', 'base64']),
    code: 1000,
  }));
  return {
    format: 'lua-playground-session',
    version: 2,
    exportedAt: '',
    startedAt: 1,
    caps: { frames: 10, frameDataBytes: 10, runDataBytes: 10 },
    framesDropped: 0,
    connections: [
      {
        id: 1,
        url: 'wss://x/',
        routedUrl: 'wss://x/',
        state: 'closed',
        transport: 'relay',
        transportWhy: 'relay',
        protocol: '',
        extensions: '',
        closeCode: 1000,
        closeReason: 'bye',
        requestHeaders: { a: 'b' },
        responseHeaders: {},
        frames,
      },
    ],
    messagesDropped: 0,
    messages: messages(rand),
  };
}

/** A run's process messages (version 2 on; a HAR's `_messages`). */
function messages(rand: Rand): unknown[] {
  return Array.from({ length: Math.floor(rand() * 3) }, (_, i) => ({
    kind: pick(rand, ['send', 'exit', 'cancel']),
    from: '{app:terminal|0x00001}',
    to: '{app:w|0x00002}',
    topic: 'job',
    preview: '{n = 1}',
    payload: '{"n":1}',
    time: 1000 + i,
  }));
}

/** Replace a random field (at any depth) with a random value. */
function damage(rand: Rand, value: unknown): void {
  let node = value as Record<string, unknown>;
  for (let depth = 0; depth < 6; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = pick(rand, keys);
    const next = node[key];
    if (typeof next === 'object' && next !== null && rand() < 0.6) {
      node = next as Record<string, unknown>;
      continue;
    }
    node[key] = structuredClone(pick(rand, VALUES));
    return;
  }
}

function har(rand: Rand): unknown {
  return {
    log: {
      version: '1.2',
      entries: [
        {
          request: { url: 'wss://x/', headers: [{ name: 'a', value: 'b' }] },
          response: { headers: [] },
          _luaPlayground: rand() < 0.5 ? { id: 1, url: 'wss://x/', state: 'closed' } : undefined,
          _webSocketMessages: [
            { type: 'send', time: 1, opcode: 1, data: 'hi' },
            { type: 'receive', time: 2, opcode: 2, data: 'YWJj' },
          ],
        },
      ],
      _messages: messages(rand),
    },
  };
}

/** What the timeline renders of a message, checked for its type: the first wrong field. */
function wrongMessageField(message: Record<string, unknown>): string | null {
  for (const key of ['kind', 'from', 'to', 'topic', 'preview'])
    if (typeof message[key] !== 'string') return `message ${key} not a string`;
  if (typeof message.time !== 'number') return 'message time not a number';
  if (message.payload !== undefined && typeof message.payload !== 'string')
    return 'message payload not a string';
  return null;
}

/** What the page renders of a connection, checked for its type: the first wrong field. */
function wrongField(info: Record<string, unknown>): string | null {
  const strings = [
    'url',
    'routedUrl',
    'state',
    'transport',
    'transportWhy',
    'protocol',
    'extensions',
  ];
  for (const key of strings) if (typeof info[key] !== 'string') return `${key} not a string`;
  if (typeof info.id !== 'number') return 'id not a number';
  if (info.closeCode !== undefined && typeof info.closeCode !== 'number') return 'closeCode';
  for (const key of ['closeReason', 'error']) {
    if (info[key] !== undefined && typeof info[key] !== 'string') return `${key} not a string`;
  }
  for (const key of ['requestHeaders', 'responseHeaders']) {
    const headers = info[key];
    if (headers === undefined) continue;
    if (typeof headers !== 'object' || headers === null) return `${key} not an object`;
    if (Object.values(headers).some((v) => typeof v !== 'string')) return `${key} value`;
  }
  return null;
}

export function fuzzSessions(seed: number, count: number): FuzzReport {
  const rand = random(seed);
  const report: FuzzReport = { count, accepted: 0, failures: [] };
  for (let i = 0; i < count; i++) {
    const value = rand() < 0.7 ? session(rand) : har(rand);
    const damages = Math.floor(rand() * 4);
    for (let d = 0; d < damages; d++) damage(rand, value);
    let input = JSON.stringify(value);
    if (rand() < 0.2) input = mutate(rand, input);
    try {
      const records = sessionRecords(parseSessionFile(input));
      report.accepted++;
      const wrong = [
        ...records.connections.map((c) => wrongField(c as unknown as Record<string, unknown>)),
        ...records.messages.map((m) => wrongMessageField(m as unknown as Record<string, unknown>)),
      ].find((w) => w !== null);
      if (wrong) report.failures.push({ input, error: `accepted with ${wrong}` });
    } catch (e) {
      if (e instanceof SessionImportError) continue;
      report.failures.push({ input, error: String(e) });
    }
  }
  report.failures = report.failures.slice(0, 5);
  return report;
}
