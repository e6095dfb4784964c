/**
 * The platform's Time and Duration objects have no operators (only `__tostring`,
 * yields.go:195-242), so `time.now() - t0` and `"took " .. d` fail there. They fail here too,
 * with a message that names the method to use. `==` between two objects is false there
 * without a word (userdata identity); here it is false as well, with a warning.
 */
import { lua, raise } from '../../lua/api.ts';
import type { Metamethods } from '../../lua/userdata.ts';
import { warn } from '../../warnings.ts';

const ARITHMETIC: Array<keyof Metamethods> = [
  '__add',
  '__sub',
  '__mul',
  '__div',
  '__mod',
  '__unm',
  '__idiv',
  '__pow',
];
const COMPARISON: Array<keyof Metamethods> = ['__lt', '__le'];

/** The operator metamethods of a type's metatable (`UserdataMetatable.metamethods`). */
export function refusedOperators(
  typeName: string,
  hints: { arithmetic: string; compare: string; concat: string },
): Metamethods {
  const metamethods: Metamethods = {};
  const set = (names: Array<keyof Metamethods>, message: string) => {
    for (const name of names) metamethods[name] = (L) => raise(L, message);
  };
  set(ARITHMETIC, `attempt to perform arithmetic on a ${typeName} value: ${hints.arithmetic}`);
  set(COMPARISON, `attempt to compare ${typeName} values: ${hints.compare}`);
  set(['__concat'], `attempt to concatenate a ${typeName} value: ${hints.concat}`);
  metamethods.__eq = (L) => {
    warn(
      L,
      `== compares two ${typeName} objects, not their values (as on the platform): ${hints.compare}`,
    );
    lua.lua_pushboolean(L, false);
    return 1;
  };
  return metamethods;
}
