/**
 * A process's one ordered mailbox and its subscriptions, delivered as the platform delivers
 * (wippyai/runtime `runtime/lua/engine/process.go` flushMessageQueue/deliverMessage): each
 * queued message goes to the subscription with its exact topic; otherwise, for a topic not
 * starting with `@`, to the inbox once `inbox()` was called; otherwise it stays queued until a
 * subscription appears. A channel that cannot take it now (the inbox and events channels are
 * unbuffered: only a waiting receiver takes; `listen` channels hold one) keeps it queued, and
 * later messages for other channels still go; order per channel is kept.
 */
import type { LuaChannel } from '../runtime/modules/channel.ts';
import type { ChannelItem } from '../runtime/modules/channel-items.ts';
import type { Copied } from './types.ts';

/** The reserved topics of the process's own channels. */
export const INBOX_TOPIC = '@inbox';
export const EVENTS_TOPIC = '@events';

export type QueuedMessage =
  | { kind: 'message'; from: string; topic: string; payloads: Copied[] }
  | { kind: 'event'; event: ProcessEvent };

export type ProcessEvent =
  | {
      kind: 'pid.exit' | 'pid.link.down';
      from: string;
      at: number;
      value: Copied;
      error: Copied;
    }
  | { kind: 'pid.cancel'; from: string; at: number; reason: string };

export interface Subscription {
  channel: LuaChannel;
  /** Registry reference keeping the channel's userdata (inbox/events: the same on every call). */
  ref: number;
  /** Deliver Message userdata (`listen(t, {message=true})`, the inbox), else raw values. */
  asMessage: boolean;
}

export interface Delivery {
  /** The item a channel carries for this message, as this subscription wants it. */
  item(message: QueuedMessage, subscription: Subscription): ChannelItem;
  /** LINK_DOWN reached a process that does not trap links: it fails (checked at delivery). */
  linkDown(event: ProcessEvent): boolean;
}

export class Mailbox {
  private queue: QueuedMessage[] = [];
  readonly topics = new Map<string, Subscription>();

  constructor(private readonly delivery: Delivery) {}

  get length(): number {
    return this.queue.length;
  }

  /** Subscribed to anything: the platform lets such a process idle instead of deadlocking. */
  get subscribed(): boolean {
    return this.topics.size > 0;
  }

  push(message: QueuedMessage): void {
    this.queue.push(message);
    this.flush();
  }

  /** Deliver what can be delivered now, in order. */
  flush(): void {
    if (this.queue.length === 0) return;
    const remaining: QueuedMessage[] = [];
    for (const message of this.queue) {
      if (!this.deliver(message)) remaining.push(message);
    }
    this.queue = remaining;
  }

  /** Returns false to keep the message queued. */
  private deliver(message: QueuedMessage): boolean {
    if (message.kind === 'event') {
      if (message.event.kind === 'pid.link.down' && this.delivery.linkDown(message.event))
        return true;
      return this.offer(this.topics.get(EVENTS_TOPIC), message);
    }
    let subscription = this.topics.get(message.topic);
    if (!subscription && !message.topic.startsWith('@'))
      subscription = this.topics.get(INBOX_TOPIC);
    return this.offer(subscription, message);
  }

  private offer(subscription: Subscription | undefined, message: QueuedMessage): boolean {
    if (!subscription) return false;
    const core = subscription.channel.core;
    // A closed subscription drops what comes for it, as the platform unsubscribes it.
    if (core.closed) return true;
    if (!core.canSend()) return false;
    core.push(this.delivery.item(message, subscription));
    return true;
  }

  /** Everything still queued, in order, leaving the mailbox empty. */
  takeQueued(): QueuedMessage[] {
    const queued = this.queue;
    this.queue = [];
    return queued;
  }

  clear(): void {
    this.queue = [];
  }
}
