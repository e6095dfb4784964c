/** `time.Location` userdata: `time.utc`, `time.localtz`, `load_location`, `fixed_zone`. */
import { pushText, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import type { Location } from './zones.ts';

export const LOCATION_TYPE = 'time.Location';

const location = userdataType<Location>(LOCATION_TYPE, 'location expected');
export const pushLocation = location.push;
export const toLocation = location.to;
export const checkLocation = location.check;

/** As the platform's `locationString`: `loc:string()` and `tostring(loc)`. */
function locationString(L: LuaState): number {
  pushText(L, checkLocation(L, 1).name);
  return 1;
}

export function registerLocation(L: LuaState): void {
  location.register(L, {
    methods: { string: locationString },
    metamethods: { __tostring: locationString },
  });
}
