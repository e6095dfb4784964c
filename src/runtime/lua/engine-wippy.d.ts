/** Engine internals the wippy dialect adds (patches/fengari+0.1.5.patch: src/lgonum.js, ltable.js). */
declare module 'fengari/src/lgonum.js' {
  /** go-lua `LNumber.String`: an integral float in the int64 range as an integer, else Go's 'g'. */
  export function goNumberString(x: number): string;
  /** go-lua `parseNumber`: Go's ParseInt(s, 0, 64), else ParseFloat; a float, or false. */
  export function goParseNumber(text: string): number | false;
  /** Go's int64(x) round-trips: x is integral and in [-2^63, 2^63). */
  export function isInt64Value(x: number): boolean;
}
declare module 'fengari/src/ltable.js' {
  /** go-lua's `#t` (table.go Len), added by the engine patch for the wippy dialect. */
  export function luaH_getn_wippy(t: Table): number;
}
