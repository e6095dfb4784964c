/**
 * A channel's state, independent of Lua: a FIFO of items, a capacity, and the tasks waiting
 * to receive or to send. Waiters are woken to re-check (not handed an item), so a task waiting
 * in `select` on several channels never takes two items.
 */
import type { Task } from './scheduler.ts';

export class Channel<T> {
  private buffer: T[] = [];
  private head = 0;
  closed = false;
  readonly receivers = new Set<Task>();
  readonly senders = new Set<Task>();

  constructor(
    readonly capacity: number,
    private readonly wake: (task: Task) => void,
    /** Called after an item is taken (a connection resumes its transport here). */
    private readonly onTake?: () => void,
  ) {}

  get length(): number {
    return this.buffer.length - this.head;
  }

  canReceive(): boolean {
    return this.length > 0 || this.closed;
  }

  /**
   * An unbuffered channel (capacity 0) accepts an item when a receiver is already waiting,
   * which is as close to Go's rendezvous as a FIFO gets.
   */
  canSend(): boolean {
    if (this.closed) return false;
    if (this.length < this.capacity) return true;
    return this.capacity === 0 && this.length === 0 && this.receivers.size > 0;
  }

  /**
   * Park `task` until an item or a close arrives. On an unbuffered channel, a sender parked
   * for want of a receiver can go ahead now, so it is woken to re-check (never the task
   * itself: a select may wait to send and to receive on one channel).
   */
  waitToReceive(task: Task): void {
    this.receivers.add(task);
    if (this.capacity !== 0 || this.length !== 0) return;
    for (const sender of this.senders) {
      if (sender === task) continue;
      this.senders.delete(sender);
      this.wake(sender);
    }
  }

  /**
   * Add an item regardless of capacity (the caller checked canSend, or is a socket). Into a
   * closed channel nothing goes: a socket's message for a channel the script closed is
   * dropped, as the platform's delivery drops it (process.go:1167-1171).
   */
  push(item: T): void {
    if (this.closed) return;
    this.buffer.push(item);
    this.wakeAll(this.receivers);
  }

  take(): T | undefined {
    if (this.length === 0) return undefined;
    const item = this.buffer[this.head];
    this.buffer[this.head] = undefined as T;
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.buffer.length) {
      this.buffer = this.buffer.slice(this.head);
      this.head = 0;
    }
    this.wakeAll(this.senders);
    this.onTake?.();
    return item;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.wakeAll(this.receivers);
    this.wakeAll(this.senders);
  }

  private wakeAll(tasks: Set<Task>): void {
    if (tasks.size === 0) return;
    for (const task of tasks) this.wake(task);
    tasks.clear();
  }
}
