/**
 * The dialect of a Lua state, kept on fengari's global state so that every thread of a run,
 * the runtime's libraries and the engine patch (which reads `l_G.wippy`, see docs/engine.md)
 * see the same answer. Set once, right after the state is made and before anything is
 * compiled or opened.
 */
import type { Dialect } from '../../shared/dialect.ts';
import type { LuaState } from './api.ts';
import { installVmWarnings } from './vm-warnings.ts';

interface DialectGlobal {
  /** Read by the patched engine: true when the VM behaves as wippyai/go-lua. */
  wippy?: boolean;
}

function globalOf(L: LuaState): DialectGlobal {
  return (L as unknown as { l_G: DialectGlobal }).l_G;
}

export function setDialect(L: LuaState, dialect: Dialect): void {
  globalOf(L).wippy = dialect === 'wippy';
  if (dialect === 'wippy') installVmWarnings(L);
}

export function dialectOf(L: LuaState): Dialect {
  return globalOf(L).wippy ? 'wippy' : 'lua53';
}

export function isWippy(L: LuaState): boolean {
  return globalOf(L).wippy === true;
}
