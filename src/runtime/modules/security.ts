/**
 * A minimal `security` module (runtime/lua/modules/security/, spec.md): enough for a process
 * to carry an actor and a scope to the processes and functions it starts, as the runtime's
 * process and ctx tests do (ctx_actor, ctx_scope, ctx_inherit).
 *
 * Emulated: `security.actor()`, `security.scope()`, `security.new_actor(id [, meta])`,
 * `security.new_scope([policies])`, Actor `:id()` `:meta()`, Scope `:policies()`
 * `:contains(id)` `:with(policy)` `:without(id)` `:evaluate(...)`, Policy `:id()`.
 * Not emulated: the playground has no policy entries, so `security.policy` and
 * `security.named_scope` return `nil, err`, and every evaluation is "undefined"; `can` answers
 * true, as every other permission check of the playground does (all-allow), with a warning;
 * `token_store` returns `nil, err`.
 *
 * The actor and the scope travel in the process's context map under reserved keys (a NUL
 * byte first, which no `with_context` table of a script names by accident), so whatever
 * passes a context on (spawn, funcs calls) passes them on too; `ctx.all()` leaves them out.
 */
import {
  argError,
  checkText,
  lauxlib,
  lua,
  luaString,
  pushText,
  setFunctions,
  type LuaFunction,
  type LuaState,
} from '../lua/api.ts';
import { userdataType } from '../lua/userdata.ts';
import { warn } from '../warnings.ts';
import { copiedHost, copiedHostValue, copyOut, pushCopied } from '../../process/payload-copy.ts';
import type { Copied, ProcessSelf } from '../../process/types.ts';
import { returnError, runtimeError } from './errors.ts';

export interface Actor {
  readonly id: string;
  /** The metadata table, as copied when the actor was made. */
  readonly meta: Copied;
}

export interface Scope {
  /** Policy IDs, `namespace:name`. */
  readonly policies: readonly string[];
}

interface Policy {
  readonly id: string;
}

export const ACTOR_CONTEXT_KEY = '\u0000security.actor';
export const SCOPE_CONTEXT_KEY = '\u0000security.scope';

/** A key of the context map that is not a ctx value (see the header). */
export function isReservedContextKey(key: string): boolean {
  return key.startsWith('\u0000');
}

const actorType = userdataType<Actor>('security.Actor', 'Actor expected');
const scopeType = userdataType<Scope>('security.Scope', 'Scope expected');
const policyType = userdataType<Policy>('security.Policy', 'Policy expected');

/** The actor a context carries, if any. */
export function contextActor(context: ReadonlyMap<string, Copied>): Actor | null {
  const value = copiedHostValue(context.get(ACTOR_CONTEXT_KEY) ?? null);
  return (value as Actor | undefined) ?? null;
}

export function contextScope(context: ReadonlyMap<string, Copied>): Scope | null {
  const value = copiedHostValue(context.get(SCOPE_CONTEXT_KEY) ?? null);
  return (value as Scope | undefined) ?? null;
}

/**
 * `with_actor(actor)` of an executor or a spawner (funcs/module.go executorWithActor): nil
 * raises "actor cannot be nil", anything else but an Actor "Actor expected". Returns the
 * context entry to set.
 */
export function checkActorArg(L: LuaState, idx: number): [string, Copied] {
  if (lua.lua_isnoneornil(L, idx)) argError(L, idx, 'actor cannot be nil');
  return [ACTOR_CONTEXT_KEY, copiedHost(actorType.check(L, idx))];
}

export function checkScopeArg(L: LuaState, idx: number): [string, Copied] {
  if (lua.lua_isnoneornil(L, idx)) argError(L, idx, 'scope cannot be nil');
  return [SCOPE_CONTEXT_KEY, copiedHost(scopeType.check(L, idx))];
}

/** The policy ID a `contains`/`without` argument names: string, Policy or {ns=, name=}. */
function policyIdArg(L: LuaState, idx: number): string {
  if (lua.lua_type(L, idx) === lua.LUA_TSTRING) return checkText(L, idx);
  const policy = policyType.to(L, idx);
  if (policy) return policy.id;
  if (lua.lua_type(L, idx) === lua.LUA_TTABLE) {
    lua.lua_getfield(L, idx, luaString('ns'));
    lua.lua_getfield(L, idx, luaString('name'));
    if (lua.lua_type(L, -2) !== lua.LUA_TSTRING || lua.lua_type(L, -1) !== lua.LUA_TSTRING)
      argError(L, idx, 'ID table must have ns and name fields');
    const id = `${checkText(L, -2)}:${checkText(L, -1)}`;
    lua.lua_pop(L, 2);
    return id;
  }
  return argError(L, idx, 'Policy ID expected as string, table, or policy object');
}

function pushPolicies(L: LuaState, ids: readonly string[]): void {
  lua.lua_createtable(L, ids.length, 0);
  ids.forEach((id, i) => {
    policyType.push(L, { id });
    lua.lua_rawseti(L, -2, i + 1);
  });
}

const UNDEFINED_DECISION = 'undefined';

const actorMethods: Record<string, LuaFunction> = {
  id(L) {
    pushText(L, actorType.check(L, 1).id);
    return 1;
  },
  meta(L) {
    const actor = actorType.check(L, 1);
    if (actor.meta === null) lua.lua_newtable(L);
    else pushCopied(L, actor.meta);
    return 1;
  },
};

const scopeMethods: Record<string, LuaFunction> = {
  contains(L) {
    const scope = scopeType.check(L, 1);
    lua.lua_pushboolean(L, scope.policies.includes(policyIdArg(L, 2)));
    return 1;
  },
  evaluate(L) {
    scopeType.check(L, 1);
    pushText(L, UNDEFINED_DECISION);
    return 1;
  },
  policies(L) {
    pushPolicies(L, scopeType.check(L, 1).policies);
    return 1;
  },
  with(L) {
    const scope = scopeType.check(L, 1);
    const policy = policyType.check(L, 2);
    const policies = scope.policies.includes(policy.id)
      ? scope.policies
      : [...scope.policies, policy.id];
    scopeType.push(L, { policies });
    return 1;
  },
  without(L) {
    const scope = scopeType.check(L, 1);
    const id = policyIdArg(L, 2);
    scopeType.push(L, { policies: scope.policies.filter((p) => p !== id) });
    return 1;
  },
};

const policyMethods: Record<string, LuaFunction> = {
  evaluate(L) {
    policyType.check(L, 1);
    pushText(L, UNDEFINED_DECISION);
    return 1;
  },
  id(L) {
    pushText(L, policyType.check(L, 1).id);
    return 1;
  },
};

function notEmulated(L: LuaState, what: string, id: string, context: string): number {
  return returnError(
    L,
    runtimeError(
      'INTERNAL',
      `${what} not found: ${id} (the playground has no security policies)`,
      false,
      context,
    ),
  );
}

/** Register the security types in `L` (once per state). */
export function registerSecurityTypes(L: LuaState): void {
  if (lauxlib.luaL_getmetatable(L, luaString(actorType.name)) !== lua.LUA_TNIL) {
    lua.lua_pop(L, 1);
    return;
  }
  lua.lua_pop(L, 1);
  const named = (type: string) => ({
    __tostring(L1: LuaState) {
      pushText(L1, type);
      return 1;
    },
  });
  actorType.register(L, { methods: actorMethods, metamethods: named('security.Actor') });
  scopeType.register(L, { methods: scopeMethods, metamethods: named('security.Scope') });
  policyType.register(L, { methods: policyMethods, metamethods: named('security.Policy') });
}

/** The `security` module of the process `self`. */
export function openSecurity(self: ProcessSelf): LuaFunction {
  const library: Record<string, LuaFunction> = {
    actor(L) {
      const actor = contextActor(self.context);
      if (actor) actorType.push(L, actor);
      else lua.lua_pushnil(L);
      return 1;
    },
    can(L) {
      checkText(L, 1);
      checkText(L, 2);
      warn(L, 'security.can: the playground grants every action (no policies are emulated)');
      lua.lua_pushboolean(L, true);
      return 1;
    },
    named_scope(L) {
      return notEmulated(L, 'policy group', checkText(L, 1), 'get policy group');
    },
    new_actor(L) {
      const id = checkText(L, 1);
      let meta: Copied = null;
      if (!lua.lua_isnoneornil(L, 2)) {
        lauxlib.luaL_checktype(L, 2, lua.LUA_TTABLE);
        meta = copyOut(L, 2, (what) =>
          warn(L, `security.new_actor: ${what} in meta is dropped (it cannot be kept)`),
        );
      }
      actorType.push(L, { id, meta });
      return 1;
    },
    new_scope(L) {
      const policies: string[] = [];
      if (lua.lua_gettop(L) >= 1) {
        lauxlib.luaL_checktype(L, 1, lua.LUA_TTABLE);
        lua.lua_pushnil(L);
        while (lua.lua_next(L, 1) !== 0) {
          const policy = policyType.to(L, -1);
          if (policy && !policies.includes(policy.id)) policies.push(policy.id);
          lua.lua_pop(L, 1);
        }
      }
      scopeType.push(L, { policies });
      return 1;
    },
    policy(L) {
      return notEmulated(L, 'policy', checkText(L, 1), 'get policy');
    },
    scope(L) {
      const scope = contextScope(self.context);
      if (scope) scopeType.push(L, scope);
      else lua.lua_pushnil(L);
      return 1;
    },
    token_store(L) {
      const id = checkText(L, 1);
      if (id === '') return returnError(L, runtimeError('INVALID', 'id required'));
      return returnError(
        L,
        runtimeError('INTERNAL', `token stores are not emulated in the playground: ${id}`),
      );
    },
  };

  return (L) => {
    registerSecurityTypes(L);
    lua.lua_newtable(L);
    setFunctions(L, library);
    return 1;
  };
}
