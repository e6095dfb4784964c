/**
 * The shape of the one typed description of the Lua API (`lua-api.ts`). The editor's
 * completion and hover, and the README's API reference (scripts/gen-api-docs.ts), are all
 * generated from it, so a function documented here is documented everywhere.
 */

export interface LuaParam {
  name: string;
  /** Lua type as people write it: "string", "number|string", "table", "channel". */
  type: string;
  optional?: boolean;
  doc: string;
}

export interface LuaFunctionDoc {
  /** Bare name: "connect", "send". */
  name: string;
  /** What a call looks like: "websocket.connect(url [, options])", "client:send(data [, type])". */
  signature: string;
  params: LuaParam[];
  /** Return values as Lua code reads them: "client | nil, err". */
  returns: string;
  doc: string;
  /** Not on the original page: an addition of this playground. */
  addition?: boolean;
}

export interface LuaOption {
  name: string;
  type: string;
  /** Default as people read it: "30s", "none", "100". */
  default: string;
  /** Valid range and what happens otherwise. */
  range: string;
  doc: string;
}

export interface LuaConstant {
  name: string;
  value: number | string;
  doc: string;
}

/** A read-only table of constants, e.g. `websocket.COMPRESSION`. */
export interface LuaConstantTable {
  name: string;
  doc: string;
  members: LuaConstant[];
  /** Functions of the table too, when it is a sub-module (`process.registry.register`). */
  functions?: LuaFunctionDoc[];
}

/** A userdata type with methods (`client`, `channel`, `error`). */
export interface LuaClass {
  name: string;
  doc: string;
  methods: LuaFunctionDoc[];
  /** Fields of a plain table (e.g. a received message), when the type is a table. */
  fields?: LuaParam[];
}

/** An error condition of a module and the kind and retryable flag it produces. */
export interface LuaErrorCondition {
  condition: string;
  kind: string;
  retryable: boolean;
}

export interface LuaModule {
  name: string;
  doc: string;
  /** Preset as a global as well as loadable with require. */
  global: boolean;
  functions: LuaFunctionDoc[];
  constants: LuaConstant[];
  tables: LuaConstantTable[];
  classes: LuaClass[];
  /** Options of the module's main function (websocket.connect). */
  options?: { of: string; items: LuaOption[] };
  errors?: LuaErrorCondition[];
}

export interface LuaErrorKind {
  /** The constant's name: `errors.INVALID`. */
  name: string;
  /** The kind string that `err:kind()` returns and the constant holds: "Invalid" ("" = unknown). */
  value: string;
  doc: string;
  /** Whether errors of this kind are usually worth retrying; the error object has the final say. */
  retryableByDefault: boolean;
}

export interface LuaApi {
  modules: LuaModule[];
  errorKinds: LuaErrorKind[];
}
