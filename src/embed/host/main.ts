/**
 * /embed.js: what a documentation page includes to get runnable Lua.
 *
 *   <script src="https://playground.example/embed.js" data-upgrade-code-blocks></script>
 *
 * Defines `<lua-playground>` (element.ts), optionally upgrades the page's Lua code blocks
 * (code-blocks.ts), and exposes the SDK as `window.LuaPlayground` (`mount`, mount.ts). Must be
 * a classic script (not type="module"): it finds the playground's origin from its own URL.
 */
import { defineElement } from './element.ts';
import { upgradeCodeBlocks } from './code-blocks.ts';
import { mount } from './mount.ts';
import type { MountOptions, PlaygroundHandle } from './mount.ts';
import { EMBED_PROTOCOL_VERSION } from '../../shared/embed-protocol.ts';

export type { MountOptions, PlaygroundHandle };
export type { PlaygroundEventName, PlaygroundEvents } from './mount.ts';
export type { RunResult } from '../../shared/embed-protocol.ts';

// The dev server's /embed.js loads this as a module and leaves its script element here.
const script = (document.currentScript ??
  (window as { __luaPlaygroundScript?: HTMLScriptElement }).__luaPlaygroundScript ??
  null) as HTMLScriptElement | null;
const origin = script?.src ? new URL(script.src).origin : location.origin;

export interface LuaPlaygroundSdk {
  version: number;
  origin: string;
  mount(element: HTMLElement, options: MountOptions): PlaygroundHandle;
  upgradeCodeBlocks(root?: ParentNode): HTMLElement[];
}

const sdk: LuaPlaygroundSdk = {
  version: EMBED_PROTOCOL_VERSION,
  origin,
  mount: (element, options) => mount(element, { origin, ...options }),
  upgradeCodeBlocks,
};

declare global {
  interface Window {
    LuaPlayground?: LuaPlaygroundSdk;
  }
}

if (!window.LuaPlayground) {
  window.LuaPlayground = sdk;
  defineElement(origin);
  if (script?.hasAttribute('data-upgrade-code-blocks')) {
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', () => upgradeCodeBlocks(), { once: true });
    else upgradeCodeBlocks();
  }
}
