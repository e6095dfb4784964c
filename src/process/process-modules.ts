/**
 * The modules that need their process (`funcs`, `events`, `ctx`, `security`, `payload`, and a
 * terminal's `io` and `logger`), by the name `modules:` and `require` use: each a maker that
 * returns the module's opener for one process.
 */
import type { LuaFunction } from '../runtime/lua/api.ts';
import { openCtx } from '../runtime/modules/ctx.ts';
import { openEvents } from '../runtime/modules/events.ts';
import { openFuncs } from '../runtime/modules/funcs/module.ts';
import { openPayload } from '../runtime/modules/process/payload.ts';
import { openSecurity } from '../runtime/modules/security.ts';
import type { ProcessSelf } from './types.ts';

export type ProcessModuleMaker = (
  self: ProcessSelf,
  write: (text: string, newline: boolean) => void,
) => LuaFunction;

export const processModules: Record<string, ProcessModuleMaker> = {
  ctx: openCtx,
  events: openEvents,
  funcs: openFuncs,
  payload: () => openPayload,
  security: openSecurity,
};
