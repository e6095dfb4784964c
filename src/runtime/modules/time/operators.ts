/**
 * The platform's Time and Duration objects have no operators (only `__tostring`,
 * yields.go:195-242), so `time.now() - t0` and `"took " .. d` fail there. They fail here too,
 * with a message that names the method to use. `==` between two objects is false there
 * without a word (userdata identity); here it is false as well, with a warning.
 */
import { lua, luaString, raise, type LuaState } from '../../lua/api.ts';
import { warn } from '../../warnings.ts';

const ARITHMETIC = ['__add', '__sub', '__mul', '__div', '__mod', '__unm', '__idiv', '__pow'];
const COMPARISON = ['__lt', '__le'];

/** Add the operator metamethods to the metatable on top of the stack. */
export function refuseOperators(
  L: LuaState,
  typeName: string,
  hints: { arithmetic: string; compare: string; concat: string },
): void {
  const set = (names: string[], message: string) => {
    for (const name of names) {
      lua.lua_pushcfunction(L, (L1: LuaState) => raise(L1, message));
      lua.lua_setfield(L, -2, luaString(name));
    }
  };
  set(ARITHMETIC, `attempt to perform arithmetic on a ${typeName} value: ${hints.arithmetic}`);
  set(COMPARISON, `attempt to compare ${typeName} values: ${hints.compare}`);
  set(['__concat'], `attempt to concatenate a ${typeName} value: ${hints.concat}`);
  lua.lua_pushcfunction(L, (L1: LuaState) => {
    warn(
      L1,
      `== compares two ${typeName} objects, not their values (as on the platform): ${hints.compare}`,
    );
    lua.lua_pushboolean(L1, false);
    return 1;
  });
  lua.lua_setfield(L, -2, luaString('__eq'));
}
