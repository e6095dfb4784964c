/**
 * The widget frame (/embed/frame, served from the playground's origin inside a sandboxed
 * iframe of the host page): one widget per frame, driven by the host page's /embed.js over
 * the embed protocol. Nothing runs without a click on Run or a host's `run()`; the relay
 * token stays in this frame (the host page cannot read a cross-origin frame).
 */
import { EMBED_CONFIG_ELEMENT_ID } from '../../shared/embed-protocol.ts';
import type {
  EmbedFrameConfig,
  EmbedTheme,
  HostMessage,
  WidgetSetup,
} from '../../shared/embed-protocol.ts';
import { openInPlaygroundUrl } from '../open-link.ts';
import { CodeView } from './code-view.ts';
import { FrameBridge } from './bridge.ts';
import { WidgetRun } from './widget-run.ts';
import { WidgetView } from './widget-view.ts';
import './frame.css';

function readFrameConfig(): EmbedFrameConfig {
  try {
    const raw = JSON.parse(
      document.getElementById(EMBED_CONFIG_ELEMENT_ID)?.textContent ?? '{}',
    ) as Partial<EmbedFrameConfig>;
    const origins = Array.isArray(raw.hostOrigins) ? raw.hostOrigins : [];
    return { hostOrigins: origins.filter((o): o is string => typeof o === 'string') };
  } catch {
    return { hostOrigins: [] };
  }
}

function start(): void {
  const widget = new URLSearchParams(location.hash.slice(1)).get('widget') ?? 'widget';
  const allowed = new Set([location.origin, ...readFrameConfig().hostOrigins]);
  let setup: WidgetSetup | null = null;
  let watchFrames = false;

  const run = new WidgetRun(
    {
      status: (status, note, runId) => bridge.post({ type: 'status', status, note, runId }),
      events: (batch) => {
        if (batch.output.length > 0)
          bridge.post({ type: 'output', runId: batch.runId, entries: batch.output });
        for (const info of batch.connections)
          bridge.post({ type: 'connection', runId: batch.runId, info });
        if (watchFrames && batch.frames.length > 0)
          bridge.post({ type: 'frame', runId: batch.runId, records: batch.frames });
      },
      end: (runId, result) => bridge.post({ type: 'end', runId, result }),
    },
    // Not requestAnimationFrame: a frame scrolled out of view gets none, and its status must
    // still change (tests and the host page read it).
    (fn) => setTimeout(fn, 30),
  );

  const startRun = () => {
    if (setup) run.run(setup);
  };
  const code = new CodeView('', 'light', {
    change: (text) => {
      if (setup) setup.code = text;
      updateLink();
    },
    run: startRun,
    editing: () => {},
  });
  const view = new WidgetView(run.store, code.element);
  view.runButton.addEventListener('click', startRun);
  view.stopButton.addEventListener('click', () => run.stop());
  document.body.append(view.root);

  function updateLink(): void {
    if (!setup) return;
    view.openLink.href = openInPlaygroundUrl(location.origin, setup);
  }
  function setTheme(theme: EmbedTheme): void {
    document.documentElement.dataset.theme = theme;
    code.setTheme(theme);
  }

  const bridge = new FrameBridge(widget, allowed, (message: HostMessage) => {
    switch (message.type) {
      case 'init':
        setup = { ...message.setup };
        code.setCode(setup.code);
        view.setTitle(setup.title);
        setTheme(setup.theme);
        updateLink();
        view.enable();
        bridge.post({ type: 'loaded' });
        postSize();
        break;
      case 'run':
        startRun();
        break;
      case 'stop':
        run.stop();
        break;
      case 'set-code':
        if (setup) setup.code = message.code;
        code.setCode(message.code);
        updateLink();
        break;
      case 'set-policy':
        if (setup) setup.policy = message.policy;
        updateLink();
        break;
      case 'set-theme':
        setTheme(message.theme);
        break;
      case 'edit':
        void code.edit();
        break;
      case 'watch-frames':
        watchFrames = message.on;
        break;
    }
  });

  function postSize(): void {
    bridge.post({ type: 'resize', height: Math.ceil(view.root.getBoundingClientRect().height) });
  }
  new ResizeObserver(postSize).observe(view.root);

  if (window.parent === window) {
    view.setTitle('This widget is embedded by documentation pages through /embed.js.');
  }
  bridge.post({ type: 'ready' });
}

start();
