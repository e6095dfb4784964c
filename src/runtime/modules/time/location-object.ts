/** `time.Location` userdata: `time.utc`, `time.localtz`, `load_location`, `fixed_zone`. */
import { lauxlib, lua, luaString, pushText, setFunctions, type LuaState } from '../../lua/api.ts';
import { argError } from '../../lua/api.ts';
import type { Location } from './zones.ts';

export const LOCATION_TYPE = 'time.Location';

export function pushLocation(L: LuaState, location: Location): void {
  const box = lua.lua_newuserdata(L, 0);
  box.location = location;
  lauxlib.luaL_setmetatable(L, luaString(LOCATION_TYPE));
}

export function toLocation(L: LuaState, idx: number): Location | null {
  const box = lauxlib.luaL_testudata(L, idx, luaString(LOCATION_TYPE));
  return box ? (box.location as Location) : null;
}

/** As the platform's `locationString`: `loc:string()` and `tostring(loc)`. */
function locationString(L: LuaState): number {
  const location = toLocation(L, 1);
  if (!location) argError(L, 1, 'location expected');
  pushText(L, location.name);
  return 1;
}

export function registerLocation(L: LuaState): void {
  lauxlib.luaL_newmetatable(L, luaString(LOCATION_TYPE));
  lua.lua_newtable(L);
  setFunctions(L, { string: locationString });
  lua.lua_setfield(L, -2, luaString('__index'));
  lua.lua_pushcfunction(L, locationString);
  lua.lua_setfield(L, -2, luaString('__tostring'));
  pushText(L, LOCATION_TYPE);
  lua.lua_setfield(L, -2, luaString('__metatable'));
  lua.lua_pop(L, 1);
}
