/**
 * An estimate of the memory a Lua state holds, from a walk of everything reachable from its
 * roots (the registry, which holds the globals and every reference the runtime keeps, the
 * type metatables, the main thread and the tasks' threads), the way Lua's own collector marks.
 * fengari leaves memory to JavaScript's collector and has no `lua_gc`, and a page cannot read a
 * worker's heap precisely (Chromium's `performance.memory` is rounded and refreshed rarely), so
 * this counts what the script can reach: each string's bytes, each table's entries, each
 * function's code and upvalues, each thread's stack, at an estimated JavaScript cost per object
 * (the constants below, measured roughly on V8). What the host keeps outside Lua (socket buffers,
 * frames for the inspector) has bounds of its own and is not counted.
 *
 * The walk stops as soon as the estimate passes `stopAbove`, so a check near the bound never
 * costs more than walking the bound's worth of objects. Iterative: no depth can overflow.
 */
import type { LuaState } from './api.ts';

/** Estimated bytes per object, JavaScript's overhead included. */
const COST = {
  string: 48,
  table: 120,
  tableEntry: 140,
  closure: 64,
  slot: 32,
  instruction: 64,
  proto: 200,
  userdata: 128,
  thread: 256,
};

// fengari's type tags (defs.js): the base type in the low 4 bits, the variant above.
const T_STRING = 4;
const T_TABLE = 5;
const T_USERDATA = 7;
const T_THREAD = 8;
const LUA_CLOSURE = 6;
const C_CLOSURE = 6 | (2 << 4);

interface TValue {
  type: number;
  value: unknown;
}
interface TableObject {
  strong: Map<unknown, { key: TValue; value: TValue }>;
  metatable: TableObject | null;
}
interface Proto {
  k: TValue[];
  p: Proto[];
  code: unknown[];
}
interface ThreadObject {
  stack: TValue[] | null;
  top: number;
}
interface GlobalState {
  l_registry: TValue;
  mt: (TableObject | null | undefined)[];
  mainthread: ThreadObject;
}

/** Bytes the state holds, estimated; at least `stopAbove` + 1 once it is known to be over. */
export function estimateLuaMemory(
  L: LuaState,
  extraThreads: Iterable<LuaState>,
  stopAbove = Infinity,
): number {
  const g = (L as unknown as { l_G: GlobalState }).l_G;
  const seen = new Set<unknown>();
  const pending: unknown[] = [];
  let bytes = 0;

  const value = (tv: TValue | null | undefined) => {
    if (!tv || typeof tv.value !== 'object' || tv.value === null) return;
    const base = tv.type & 0x0f;
    if (base === T_STRING) {
      const raw = (tv.value as { realstring: Uint8Array }).realstring;
      if (seen.has(raw)) return;
      seen.add(raw);
      bytes += COST.string + raw.length;
    } else if (
      base === T_TABLE ||
      base === T_USERDATA ||
      base === T_THREAD ||
      tv.type === LUA_CLOSURE ||
      tv.type === C_CLOSURE
    ) {
      if (seen.has(tv.value)) return;
      seen.add(tv.value);
      pending.push(tv.type, tv.value);
    }
  };
  const table = (t: TableObject | null | undefined) => {
    if (t && !seen.has(t)) {
      seen.add(t);
      pending.push(T_TABLE, t);
    }
  };
  const thread = (th: ThreadObject) => {
    bytes += COST.thread;
    const stack = th.stack ?? [];
    bytes += stack.length * COST.slot;
    const top = Math.min(Number.isFinite(th.top) ? th.top : stack.length, stack.length);
    for (let i = 0; i < top; i++) value(stack[i]);
  };
  const proto = (p: Proto) => {
    if (seen.has(p)) return;
    seen.add(p);
    bytes += COST.proto + p.code.length * COST.instruction + p.k.length * COST.slot;
    for (const k of p.k) value(k);
    for (const inner of p.p) proto(inner);
  };

  value(g.l_registry);
  for (const mt of g.mt) table(mt);
  seen.add(g.mainthread);
  thread(g.mainthread);
  for (const extra of extraThreads) {
    if (seen.has(extra)) continue;
    seen.add(extra);
    thread(extra as unknown as ThreadObject);
  }

  while (pending.length > 0 && bytes <= stopAbove) {
    const object = pending.pop();
    const type = pending.pop() as number;
    const base = type & 0x0f;
    if (base === T_TABLE) {
      const t = object as TableObject;
      bytes += COST.table + t.strong.size * COST.tableEntry;
      for (const entry of t.strong.values()) {
        value(entry.key);
        value(entry.value);
      }
      table(t.metatable);
    } else if (type === LUA_CLOSURE) {
      const cl = object as { p: Proto | null; upvals: (TValue | undefined)[] };
      bytes += COST.closure + cl.upvals.length * COST.slot;
      for (const up of cl.upvals) value(up);
      if (cl.p) proto(cl.p);
    } else if (type === C_CLOSURE) {
      const cl = object as { upvalue: TValue[] };
      bytes += COST.closure + cl.upvalue.length * COST.slot;
      for (const up of cl.upvalue) value(up);
    } else if (base === T_USERDATA) {
      const u = object as { metatable: TableObject | null; uservalue: TValue };
      bytes += COST.userdata;
      table(u.metatable);
      value(u.uservalue);
    } else if (base === T_THREAD) {
      thread(object as ThreadObject);
    }
  }
  return bytes;
}
