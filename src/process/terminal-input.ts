/**
 * The lines a run's terminal processes read with `io.readline`: typed in the console's input
 * line (the page) or read from stdin (the CLI); `null` is the end of input, after which every
 * read returns nil. A reader waiting for a line holds its process, so a run waiting for the
 * user is not taken for a stalemate.
 */
import { lua, pushText, type LuaState } from '../runtime/lua/api.ts';
import type { ProcessSelf } from './types.ts';

export class TerminalInput {
  private readonly lines: string[] = [];
  private ended = false;
  private readonly waiting = new Set<() => void>();

  push(line: string | null): void {
    if (line === null) this.ended = true;
    else this.lines.push(line);
    for (const wake of [...this.waiting]) wake();
  }

  /** Pushes the next line (nil at the end of input), parking the task until there is one. */
  read(self: ProcessSelf, L: LuaState): number {
    const ready = (L1: LuaState): number | null => {
      if (this.lines.length > 0) {
        pushText(L1, this.lines.shift()!);
        return 1;
      }
      if (this.ended) {
        lua.lua_pushnil(L1);
        return 1;
      }
      return null;
    };
    const now = ready(L);
    if (now !== null) return now;
    const task = self.scheduler.current;
    self.scheduler.assertCanBlock(L);
    const release = self.hold();
    const wake = () => self.scheduler.wake(task);
    this.waiting.add(wake);
    const resume = (L1: LuaState): number => {
      const result = ready(L1);
      if (result === null) return self.scheduler.suspend(L1, resume);
      this.waiting.delete(wake);
      release();
      return result;
    };
    return self.scheduler.suspend(L, resume);
  }
}
