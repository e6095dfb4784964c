/**
 * `LuaPlayground.mount(element, options)`: one widget inside `element`, and a handle to drive
 * it (the host-page SDK). The widget shows as a placeholder (placeholder.ts) until it is about
 * to be used, then as a sandboxed iframe of the playground's /embed/frame, where it runs.
 * Messages from the frame are read only from that iframe's window and the playground's
 * origin, and commands are posted to that origin only (src/shared/embed-protocol.ts).
 * Commands given before the frame has loaded wait for it.
 */
import { EMBED_FRAME_PATH, envelope, parseFrameMessage } from '../../shared/embed-protocol.ts';
import type {
  EmbedTheme,
  FrameMessage,
  HostCommand,
  RunResult,
  WidgetSetup,
} from '../../shared/embed-protocol.ts';
import type {
  ConnectionInfo,
  FrameRecord,
  OutputEntry,
  RunStatus,
} from '../../shared/run-events.ts';
import type { TransportMode } from '../../shared/worker-protocol.ts';
import { hostTheme, watchTheme } from './theme.ts';
import { Placeholder } from './placeholder.ts';
import { languageFromOptions } from './language-options.ts';
import type { Dialect, TypeCheckMode } from '../../shared/dialect.ts';

export interface MountOptions {
  /** The Lua code shown and run. */
  code: string;
  /** Hidden set-up code run first (its globals are visible to `code`). */
  prelude?: string;
  /** Policy text for this widget's runs; the playground's default when absent. */
  policy?: string;
  /** ['auto'] */
  transport?: TransportMode;
  /** ['auto'] follow the host page; or a fixed theme. */
  theme?: EmbedTheme | 'auto';
  /** [true] route the documentation's example hosts (api.example.com, …) to the demo servers. */
  demoHosts?: boolean;
  title?: string;
  /**
   * ['wippy'] the Lua the widget runs: 'wippy' is the platform's own (wippyai/go-lua), 'lua53'
   * reference Lua 5.3. Any other value throws a TypeError.
   */
  dialect?: Dialect;
  /**
   * ['warn'] what type diagnostics do: 'off', 'warn' (shown, the script runs), 'strict' (a
   * script with type errors is refused). Any other value throws a TypeError.
   */
  typeCheck?: TypeCheckMode;
  /** [the origin /embed.js was loaded from] the playground serving the widget. */
  origin?: string;
}

export interface PlaygroundEvents {
  status: { status: RunStatus; note: string };
  output: OutputEntry;
  connection: ConnectionInfo;
  frame: FrameRecord;
  end: RunResult;
}

export type PlaygroundEventName = keyof PlaygroundEvents;

export interface PlaygroundHandle {
  /** The widget's frame, once made (see `loaded`). */
  readonly iframe: HTMLIFrameElement | null;
  /** Resolves once the widget shows its code and Run is enabled (at once: see placeholder.ts). */
  readonly ready: Promise<void>;
  /** Resolves once the widget's frame has loaded (made on first use, or by `load()`). */
  readonly loaded: Promise<void>;
  /** Make the frame now rather than on first use. */
  load(): void;
  run(): void;
  stop(): void;
  setCode(code: string): void;
  setPolicy(policy: string): void;
  on<K extends PlaygroundEventName>(
    name: K,
    listener: (event: PlaygroundEvents[K]) => void,
  ): () => void;
  destroy(): void;
}

type Listener = (event: never) => void;

interface Widget {
  readonly iframe: HTMLIFrameElement | null;
  origin: string;
  onMessage(message: FrameMessage): void;
}

const widgets = new Map<string, Widget>();
let nextWidget = 1;
let listening = false;

function listen(): void {
  if (listening) return;
  listening = true;
  window.addEventListener('message', (event) => {
    const message = parseFrameMessage(event.data);
    if (!message) return;
    const widget = widgets.get(message.widget);
    if (!widget?.iframe || event.origin !== widget.origin) return;
    if (event.source !== widget.iframe.contentWindow) return;
    widget.onMessage(message);
  });
}

export function defaultOrigin(): string {
  return location.origin;
}

export function mount(element: HTMLElement, options: MountOptions): PlaygroundHandle {
  const language = languageFromOptions(options);
  listen();
  const origin = new URL(options.origin ?? defaultOrigin()).origin;
  const id = `w${nextWidget++}-${Math.random().toString(36).slice(2, 8)}`;
  const followTheme = (options.theme ?? 'auto') === 'auto';
  const setup: WidgetSetup = {
    code: options.code,
    prelude: options.prelude ?? '',
    policy: options.policy ?? '',
    transport: options.transport ?? 'auto',
    theme: followTheme ? hostTheme() : (options.theme as EmbedTheme),
    demoHosts: options.demoHosts ?? true,
    title: options.title ?? '',
    ...language,
  };

  let iframe: HTMLIFrameElement | null = null;
  const placeholder = new Placeholder(setup, origin, {
    run: () => {
      placeholder.starting();
      post({ type: 'run' });
    },
    edit: () => post({ type: 'edit' }),
    warm: () => makeFrame(),
  });
  element.append(placeholder.element);

  function makeFrame(): HTMLIFrameElement {
    if (iframe) return iframe;
    const frame = (iframe = document.createElement('iframe'));
    frame.src = `${origin}${EMBED_FRAME_PATH}#widget=${id}`;
    frame.title = options.title || 'Lua playground';
    // Scripts and its own origin (for the worker and the relay); popups for "open in
    // playground", which must not inherit the sandbox. No top navigation, no forms.
    frame.setAttribute(
      'sandbox',
      'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox',
    );
    frame.className = 'lua-playground-frame';
    // Laid out but unseen until it has loaded; then it takes the placeholder's place.
    Object.assign(frame.style, {
      display: 'block',
      width: '100%',
      height: '0',
      border: '0',
      visibility: 'hidden',
      colorScheme: 'normal',
    });
    // A frame the playground refuses to be in (this page's origin is not in its EMBED_ORIGINS)
    // still fires `load`, with the browser's error page and no `ready`.
    frame.addEventListener('load', () => {
      setTimeout(() => {
        if (!readySeen)
          placeholder.failed(
            `The playground at ${origin} did not load here; is this page's origin in its EMBED_ORIGINS?`,
          );
      }, 2000);
    });
    element.append(frame);
    return frame;
  }

  const listeners = new Map<PlaygroundEventName, Set<Listener>>();
  const queue: HostCommand[] = [];
  let loaded = false;
  let readySeen = false;
  let shown = false;
  let nextId = 1;
  let markLoaded!: () => void;
  const loadedPromise = new Promise<void>((resolve) => (markLoaded = resolve));
  let height = 0;

  /** The loaded frame takes the placeholder's place. */
  function showFrame(): void {
    if (shown || !iframe) return;
    shown = true;
    iframe.style.height = `${height || placeholder.height}px`;
    iframe.style.visibility = '';
    placeholder.element.remove();
  }

  function post(command: HostCommand): void {
    if (!loaded && command.type !== 'init') {
      queue.push(command);
      makeFrame();
      return;
    }
    iframe?.contentWindow?.postMessage({ ...envelope(id, nextId++), ...command }, origin);
  }
  const emit = <K extends PlaygroundEventName>(name: K, event: PlaygroundEvents[K]) => {
    for (const listener of listeners.get(name) ?? []) {
      try {
        (listener as (e: PlaygroundEvents[K]) => void)(event);
      } catch (err) {
        console.error('LuaPlayground listener failed:', err);
      }
    }
  };

  widgets.set(id, {
    get iframe() {
      return iframe;
    },
    origin,
    onMessage(message) {
      switch (message.type) {
        case 'ready':
          readySeen = true;
          loaded = false;
          post({ type: 'init', setup });
          break;
        case 'loaded':
          loaded = true;
          if ((listeners.get('frame')?.size ?? 0) > 0) post({ type: 'watch-frames', on: true });
          for (const command of queue.splice(0)) post(command);
          placeholder.whenNotPressed(showFrame);
          markLoaded();
          break;
        case 'resize':
          height = Math.ceil(message.height);
          if (shown && iframe) iframe.style.height = `${height}px`;
          break;
        case 'status':
          emit('status', { status: message.status, note: message.note });
          break;
        case 'output':
          for (const entry of message.entries) emit('output', entry);
          break;
        case 'connection':
          emit('connection', message.info);
          break;
        case 'frame':
          for (const record of message.records) emit('frame', record);
          break;
        case 'end':
          emit('end', message.result);
          break;
      }
    },
  });

  const unwatchTheme = followTheme
    ? watchTheme((theme) => {
        setup.theme = theme;
        placeholder.update();
        if (iframe) post({ type: 'set-theme', theme });
      })
    : () => {};

  return {
    get iframe() {
      return iframe;
    },
    ready: Promise.resolve(),
    loaded: loadedPromise,
    load: () => void makeFrame(),
    run: () => post({ type: 'run' }),
    stop: () => {
      if (iframe) post({ type: 'stop' });
    },
    setCode(code) {
      setup.code = code;
      placeholder.update();
      if (iframe) post({ type: 'set-code', code });
    },
    setPolicy(policy) {
      setup.policy = policy;
      placeholder.update();
      if (iframe) post({ type: 'set-policy', policy });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener);
      if (name === 'frame' && set.size === 1 && loaded) post({ type: 'watch-frames', on: true });
      return () => {
        set.delete(listener as Listener);
      };
    },
    destroy() {
      unwatchTheme();
      widgets.delete(id);
      iframe?.remove();
      placeholder.element.remove();
    },
  };
}
