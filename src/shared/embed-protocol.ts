/**
 * The protocol between a host page (a documentation site running /embed.js, src/embed/host/)
 * and an embedded widget (the iframe /embed/frame from the playground's origin,
 * src/embed/frame/), over postMessage. Written once, used on both sides.
 *
 *   host page (embed.js)                          widget frame (playground origin)
 *    │                                   ◀── ready     (posted to '*': it carries nothing)
 *    │ init {code, prelude, policy, dialect, typeCheck, …} ──▶            (origin checked against EMBED_ORIGINS)
 *    │                                   ◀── loaded    (Run is enabled from here on)
 *    │ run / stop / edit / set-code / set-policy / set-theme / watch-frames ──▶
 *    │                                   ◀── status, output, connection, frame, end, resize
 *
 * Every message is `{ channel, version, widget, id, type, ... }`: `channel` marks it as ours
 * among whatever else a page posts, `version` is bumped on any incompatible change (a side
 * ignores messages of another version), `widget` names the widget (many share one page) and
 * `id` is the sender's own counter (messages of one sender are ordered and can be named).
 * Each side checks the sender's origin and window before it reads a message (see
 * src/embed/host/mount.ts and src/embed/frame/bridge.ts); the relay token never crosses.
 */
import type { Session } from './session-format.ts';
import type {
  ConnectionInfo,
  FrameRecord,
  LuaFailure,
  OutputEntry,
  RunStatus,
} from './run-events.ts';
import type { TransportMode } from './worker-protocol.ts';
import {
  DEFAULT_DIALECT,
  DEFAULT_TYPE_CHECK,
  parseDialect,
  parseTypeCheckMode,
} from './dialect.ts';
import type { Dialect, TypeCheckMode } from './dialect.ts';

export const EMBED_CHANNEL = 'lua-playground-embed';
export const EMBED_PROTOCOL_VERSION = 1;

/** Where the widget frame is served on the playground's origin. */
export const EMBED_FRAME_PATH = '/embed/frame';
/** The element of the frame page that holds its EmbedFrameConfig as JSON. */
export const EMBED_CONFIG_ELEMENT_ID = 'embed-config';
export const EMBED_CONFIG_MARKER = '<!--embed-config-->';

/** Largest code or prelude a host may send (the permalink and the editor stay usable). */
export const MAX_CODE_LENGTH = 256 * 1024;

export type EmbedTheme = 'light' | 'dark';

/** What the server tells the frame page: which origins may drive it. */
export interface EmbedFrameConfig {
  /** Origins allowed to embed and drive widgets: the playground's own and EMBED_ORIGINS. */
  hostOrigins: string[];
}

export interface WidgetSetup {
  code: string;
  /** Hidden set-up code run before `code` in the same Lua state (its globals are visible). */
  prelude: string;
  /** Policy text for this widget's runs (parsed by the policy model's parser); '' = default. */
  policy: string;
  transport: TransportMode;
  theme: EmbedTheme;
  /** Route the documentation's example hosts to the demo servers. */
  demoHosts: boolean;
  /** Shown above the code. */
  title: string;
  /**
   * The Lua the widget's runs speak. Added within version 1: a setup without it (a host's
   * cached older embed.js) means the product default, `wippy`, so no version bump was needed.
   */
  dialect: Dialect;
  /** What type diagnostics do to a run; absent means the default, `warn`. */
  typeCheck: TypeCheckMode;
}

/** What a run ended with: the `end` event of the SDK. */
export interface RunResult {
  status: 'finished' | 'error' | 'stopped';
  /** The run's output (stdout, stderr, warn), in order; at most MAX_RESULT_LINES lines. */
  output: OutputEntry[];
  /** Lines left out of `output` because there were more than MAX_RESULT_LINES. */
  outputDropped: number;
  error?: LuaFailure;
  connections: ConnectionInfo[];
  /** Every connection with its frames, as the inspector and `--export` write it. */
  session: Session;
}

export const MAX_RESULT_LINES = 10_000;

type Envelope = {
  channel: typeof EMBED_CHANNEL;
  version: typeof EMBED_PROTOCOL_VERSION;
  widget: string;
  id: number;
};

export type HostCommand =
  | { type: 'init'; setup: WidgetSetup }
  | { type: 'run' }
  | { type: 'stop' }
  /** Open the code in the editor (the reader clicked the code before the frame existed). */
  | { type: 'edit' }
  | { type: 'set-code'; code: string }
  | { type: 'set-policy'; policy: string }
  | { type: 'set-theme'; theme: EmbedTheme }
  | { type: 'watch-frames'; on: boolean };

export type FrameEvent =
  | { type: 'ready' }
  | { type: 'loaded' }
  | { type: 'resize'; height: number }
  | { type: 'status'; status: RunStatus; note: string; runId: number | null }
  | { type: 'output'; runId: number; entries: OutputEntry[] }
  | { type: 'connection'; runId: number; info: ConnectionInfo }
  | { type: 'frame'; runId: number; records: FrameRecord[] }
  | { type: 'end'; runId: number; result: RunResult };

export type HostMessage = Envelope & HostCommand;
export type FrameMessage = Envelope & FrameEvent;

export function envelope(widget: string, id: number): Envelope {
  return { channel: EMBED_CHANNEL, version: EMBED_PROTOCOL_VERSION, widget, id };
}

const WIDGET_ID = /^[A-Za-z0-9_-]{1,64}$/;
const THEMES = new Set(['light', 'dark']);
const TRANSPORTS = new Set(['auto', 'relay', 'direct']);

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null;
const isCode = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_CODE_LENGTH;
const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function readEnvelope(data: unknown): Rec | null {
  if (!isRecord(data)) return null;
  if (data.channel !== EMBED_CHANNEL || data.version !== EMBED_PROTOCOL_VERSION) return null;
  if (typeof data.widget !== 'string' || !WIDGET_ID.test(data.widget)) return null;
  if (!Number.isSafeInteger(data.id)) return null;
  return data;
}

function readSetup(v: unknown): WidgetSetup | null {
  if (!isRecord(v)) return null;
  const { code, prelude, policy, transport, theme, demoHosts, title } = v;
  // Absent is the default; present but unknown is a malformed setup, as for `transport`.
  const dialect = v.dialect === undefined ? DEFAULT_DIALECT : parseDialect(asText(v.dialect));
  const typeCheck =
    v.typeCheck === undefined ? DEFAULT_TYPE_CHECK : parseTypeCheckMode(asText(v.typeCheck));
  if (!dialect || !typeCheck) return null;
  if (!isCode(code) || !isCode(prelude) || !isCode(policy)) return null;
  if (typeof transport !== 'string' || !TRANSPORTS.has(transport)) return null;
  if (typeof theme !== 'string' || !THEMES.has(theme)) return null;
  if (typeof demoHosts !== 'boolean' || typeof title !== 'string' || title.length > 200)
    return null;
  return {
    code,
    prelude,
    policy,
    transport: transport as TransportMode,
    theme: theme as EmbedTheme,
    demoHosts,
    title,
    dialect,
    typeCheck,
  };
}

/**
 * A command from a host page, validated field by field (the frame reads nothing else); null
 * for anything that is not a well-formed message of this version. Only the fields of the
 * message's type are kept.
 */
export function parseHostMessage(data: unknown): HostMessage | null {
  const m = readEnvelope(data);
  if (!m) return null;
  const head = envelope(m.widget as string, m.id as number);
  switch (m.type) {
    case 'init': {
      const setup = readSetup(m.setup);
      return setup ? { ...head, type: 'init', setup } : null;
    }
    case 'run':
    case 'stop':
    case 'edit':
      return { ...head, type: m.type };
    case 'set-code':
      return isCode(m.code) ? { ...head, type: 'set-code', code: m.code } : null;
    case 'set-policy':
      return isCode(m.policy) ? { ...head, type: 'set-policy', policy: m.policy } : null;
    case 'set-theme':
      return typeof m.theme === 'string' && THEMES.has(m.theme)
        ? { ...head, type: 'set-theme', theme: m.theme as EmbedTheme }
        : null;
    case 'watch-frames':
      return typeof m.on === 'boolean' ? { ...head, type: 'watch-frames', on: m.on } : null;
    default:
      return null;
  }
}

const FRAME_EVENT_TYPES = new Set([
  'ready',
  'loaded',
  'resize',
  'status',
  'output',
  'connection',
  'frame',
  'end',
]);

/**
 * An event from a widget frame. The frame is the playground's own code (its origin is checked
 * before this), so the check is of shape, not of every nested field.
 */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  const m = readEnvelope(data);
  if (!m || typeof m.type !== 'string' || !FRAME_EVENT_TYPES.has(m.type)) return null;
  if (m.type === 'resize' && !(typeof m.height === 'number' && m.height >= 0)) return null;
  if (m.type === 'output' && !Array.isArray(m.entries)) return null;
  if (m.type === 'frame' && !Array.isArray(m.records)) return null;
  if ((m.type === 'connection' && !isRecord(m.info)) || (m.type === 'end' && !isRecord(m.result)))
    return null;
  return m as FrameMessage;
}

/** An origin as the browser reports it (scheme://host[:port]), or null. */
export function normalizeOrigin(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
