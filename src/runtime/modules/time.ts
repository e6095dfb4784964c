/**
 * The `time` library lives in ./time/ (one file per concept); this entry keeps the paths the
 * runtime and the websocket module import from.
 */
export { Timers, type Clock } from './time/timers.ts';
export { openTime } from './time/module.ts';
