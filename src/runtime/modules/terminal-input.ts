/**
 * What a terminal host's stdin holds: lines given by the console's input line or the CLI's
 * stdin (RunHandle.input), read by `io.readline`/`io.read`, which park their task until there
 * is something to read. One per run; the process that reads first gets the line, as on a
 * shared terminal. Who waits to read is reported (`onReaders`): the page offers its input line
 * once a process first asks for a line, and says who is waiting while a read is pending.
 */
import { lua, pushText, type LuaState } from '../lua/api.ts';
import type { Scheduler, Task } from '../scheduler.ts';
import { returnError, runtimeError } from './errors.ts';
import type { InputReader } from '../../shared/run-events.ts';

/** ttyapi.DefaultReadSize: `io.read()` and `io.read(n <= 0)` read up to this. */
const DEFAULT_READ_SIZE = 1024;
/** Text waiting to be read is bounded, so an endless paste cannot fill memory. */
const MAX_BUFFERED_CHARS = 1024 * 1024;

/** A process reading its terminal: its scheduler, and how the page names it. */
export interface TerminalReader extends InputReader {
  scheduler: Scheduler;
}

export class TerminalInput {
  private buffer = '';
  private ended = false;
  private waiters: Array<{ reader: TerminalReader; task: Task }> = [];

  /** `onReaders`: the processes waiting for a line changed (a read parked, woke or ended). */
  constructor(private readonly onReaders: (readers: InputReader[]) => void = () => {}) {}

  /** A line (without its newline), or null at the end of input. */
  push(line: string | null): void {
    if (line === null) this.ended = true;
    else if (!this.ended && this.buffer.length + line.length < MAX_BUFFERED_CHARS)
      this.buffer += `${line}\n`;
    if (this.waiters.length === 0) return;
    for (const { reader, task } of this.waiters.splice(0)) reader.scheduler.wake(task);
    this.reportReaders();
  }

  /** A process ended: its parked reads are gone (it cannot read any more). */
  release(scheduler: Scheduler): void {
    const before = this.waiters.length;
    this.waiters = this.waiters.filter((w) => w.reader.scheduler !== scheduler);
    if (this.waiters.length !== before) this.reportReaders();
  }

  /**
   * `io.readline()`: the next line without `\n`/`\r`; at the end of input a partial line, then
   * `nil, err` ("readline: EOF"). Parks the calling task until one of these is there.
   */
  readline(L: LuaState, reader: TerminalReader): number {
    const newline = this.buffer.indexOf('\n');
    if (newline >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r+$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      return pushLine(L, line);
    }
    if (this.ended) {
      if (this.buffer !== '') {
        const partial = this.buffer.replace(/\r+$/, '');
        this.buffer = '';
        return pushLine(L, partial);
      }
      return returnError(L, runtimeError('UNKNOWN', 'EOF', false, 'readline'));
    }
    return this.wait(L, reader, (L1) => this.readline(L1, reader));
  }

  /** `io.read(n)`: up to n characters of what is there (at least one), or `nil, err` at the end. */
  read(L: LuaState, reader: TerminalReader, size: number): number {
    const n = size > 0 ? size : DEFAULT_READ_SIZE;
    if (this.buffer !== '') {
      const chunk = this.buffer.slice(0, n);
      this.buffer = this.buffer.slice(chunk.length);
      return pushLine(L, chunk);
    }
    if (this.ended) return returnError(L, runtimeError('UNKNOWN', 'EOF', false, 'read'));
    return this.wait(L, reader, (L1) => this.read(L1, reader, size));
  }

  /** A task of this scheduler waits for input (its process is not deadlocked). */
  isWaiting(scheduler: Scheduler): boolean {
    return this.waiters.some((w) => w.reader.scheduler === scheduler);
  }

  private wait(L: LuaState, reader: TerminalReader, again: (L: LuaState) => number): number {
    this.waiters.push({ reader, task: reader.scheduler.current });
    this.reportReaders();
    return reader.scheduler.suspend(L, again);
  }

  /** Each waiting process once, in the order they began to wait. */
  private reportReaders(): void {
    const readers = new Map<string, InputReader>();
    for (const { reader } of this.waiters)
      readers.set(reader.pid, { pid: reader.pid, entryId: reader.entryId });
    this.onReaders([...readers.values()]);
  }
}

function pushLine(L: LuaState, text: string): number {
  pushText(L, text);
  lua.lua_pushnil(L);
  return 2;
}
