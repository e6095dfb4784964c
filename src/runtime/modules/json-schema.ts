/**
 * `json.validate(schema, value)` and `json.validate_string(schema, text)`: JSON Schema 2020-12
 * (the platform's validator, kaptinlin/jsonschema, defaults to it) through Ajv's 2020 build.
 * As the platform (wippyai/runtime `runtime/lua/modules/json/json.go:523-611`): a schema table
 * is encoded with json.encode's rules first, compiled schemas are cached by their JSON text
 * (100 of them, least recently used first out), a value to check is encoded the same way, and
 * the result is `true` or `false, err` with kind Invalid. `format` is an annotation only, as
 * the 2020-12 default says; unknown keywords are allowed.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json';
import type { ValidateFunction, ErrorObject } from 'ajv';

const CACHE_SIZE = 100;

const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
// A schema that names draft-07 (common in the wild) compiles, read with 2020-12's keywords;
// json.ts warns that it is read so.
ajv.addMetaSchema(draft07);
const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/** The `$schema` of a schema in JSON text when it names draft-07 (it is read as 2020-12). */
export function namesDraft07(schemaJson: string): boolean {
  try {
    const schema = JSON.parse(schemaJson) as { $schema?: unknown };
    return typeof schema.$schema === 'string' && DRAFT_07.test(schema.$schema);
  } catch {
    return false;
  }
}
/** Insertion order is use order: a hit moves the schema to the end. */
const compiled = new Map<string, ValidateFunction>();

export type SchemaOutcome = { ok: true } | { ok: false; context: string; message: string };

/** Compile (or reuse) the schema given as JSON text. */
function compile(schemaJson: string): ValidateFunction | SchemaOutcome {
  const hit = compiled.get(schemaJson);
  if (hit) {
    compiled.delete(schemaJson);
    compiled.set(schemaJson, hit);
    return hit;
  }
  let schema: unknown;
  try {
    schema = JSON.parse(schemaJson);
  } catch (e) {
    return {
      ok: false,
      context: 'compile schema',
      message: `invalid JSON: ${(e as Error).message}`,
    };
  }
  let validate: ValidateFunction;
  try {
    validate = ajv.compile(schema as object | boolean);
  } catch (e) {
    return { ok: false, context: 'compile schema', message: (e as Error).message };
  }
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  compiled.set(schemaJson, validate);
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string {
  if (!errors || errors.length === 0) return 'the value does not match the schema';
  return errors.map((e) => `${e.instancePath || '(root)'}: ${e.message ?? e.keyword}`).join('; ');
}

/** Check `dataJson` (JSON text) against the schema (JSON text). */
export function validateJson(schemaJson: string, dataJson: string): SchemaOutcome {
  const validate = compile(schemaJson);
  if (typeof validate !== 'function') return validate;
  let data: unknown;
  try {
    data = JSON.parse(dataJson);
  } catch (e) {
    return {
      ok: false,
      context: 'validation failed',
      message: `invalid JSON: ${(e as Error).message}`,
    };
  }
  if (validate(data)) return { ok: true };
  return { ok: false, context: 'validation failed', message: describe(validate.errors) };
}

/** How many compiled schemas are kept (for tests of the cache bound). */
export function cachedSchemaCount(): number {
  return compiled.size;
}
