/**
 * The frame's end of the embed protocol (src/shared/embed-protocol.ts). A message is read only
 * when it comes from the window that framed us, from an origin allowed to embed (the
 * playground's own and EMBED_ORIGINS, told by the server), is well-formed, and names this
 * widget; the first `init` fixes the host's origin, and from then on events go to that origin
 * only. Before `init`, only `ready` is posted, to any origin: it carries nothing.
 */
import { envelope, parseHostMessage } from '../../shared/embed-protocol.ts';
import type { FrameEvent, HostMessage } from '../../shared/embed-protocol.ts';

export class FrameBridge {
  private hostOrigin: string | null = null;
  private nextId = 1;

  constructor(
    private readonly widget: string,
    private readonly allowedOrigins: ReadonlySet<string>,
    private readonly onCommand: (message: HostMessage) => void,
    private readonly win: Window = window,
  ) {
    win.addEventListener('message', (event) => this.receive(event));
  }

  get connected(): boolean {
    return this.hostOrigin !== null;
  }

  post(event: FrameEvent): void {
    const parent = this.win.parent;
    if (parent === this.win) return; // not framed
    const target = event.type === 'ready' ? '*' : this.hostOrigin;
    if (target === null) return;
    parent.postMessage({ ...envelope(this.widget, this.nextId++), ...event }, target);
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.win.parent || event.source === this.win) return;
    if (!this.allowedOrigins.has(event.origin)) return;
    if (this.hostOrigin !== null && event.origin !== this.hostOrigin) return;
    const message = parseHostMessage(event.data);
    if (!message || message.widget !== this.widget) return;
    if (message.type === 'init') this.hostOrigin ??= event.origin;
    else if (this.hostOrigin === null) return;
    this.onCommand(message);
  }
}
