/**
 * `json.validate(schema, value)` and `json.validate_string(schema, text)`: JSON Schema 2020-12
 * (the platform's validator, kaptinlin/jsonschema, defaults to it) through @cfworker/json-schema.
 * As the platform (wippyai/runtime `runtime/lua/modules/json/json.go:523-611`): a schema table
 * is encoded with json.encode's rules first, compiled schemas are cached by their JSON text
 * (100 of them, least recently used first out), a value to check is encoded the same way, and
 * the result is `true` or `false, err` with kind Invalid. `format` is an annotation only, as
 * the 2020-12 default says; unknown keywords are allowed.
 */
import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import metaSchema from './json-schema-2020-12/schema.json';
import applicator from './json-schema-2020-12/applicator.json';
import content from './json-schema-2020-12/content.json';
import core from './json-schema-2020-12/core.json';
import formatAnnotation from './json-schema-2020-12/format-annotation.json';
import metaData from './json-schema-2020-12/meta-data.json';
import unevaluated from './json-schema-2020-12/unevaluated.json';
import validation from './json-schema-2020-12/validation.json';

const CACHE_SIZE = 100;

/**
 * The validator interprets schemas instead of compiling them to JavaScript (Ajv's way), so it
 * runs under the page's Content-Security-Policy, which allows no eval, in the worker too.
 * A schema is first checked against the 2020-12 meta-schema (files from json-schema.org in
 * json-schema-2020-12/), as the platform refuses a schema that does not compile.
 */
const metaValidator = new Validator(metaSchema as Schema, '2020-12', false);
for (const vocabulary of [
  applicator,
  content,
  core,
  formatAnnotation,
  metaData,
  unevaluated,
  validation,
]) {
  metaValidator.addSchema(vocabulary as Schema, vocabulary.$id);
}
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
const compiled = new Map<string, Validator>();

export type SchemaOutcome = { ok: true } | { ok: false; context: string; message: string };

/** Compile (or reuse) the schema given as JSON text. */
function compile(schemaJson: string): Validator | SchemaOutcome {
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
  const check = metaValidator.validate(schema);
  if (!check.valid) {
    return { ok: false, context: 'compile schema', message: describe(check.errors) };
  }
  const validate = new Validator(withoutFormats(schema) as Schema, '2020-12', false);
  if (compiled.size >= CACHE_SIZE) compiled.delete(compiled.keys().next().value as string);
  compiled.set(schemaJson, validate);
  return validate;
}

/** The errors that say what failed (not the "a subschema had errors" chain above them). */
function describe(errors: OutputUnit[]): string {
  const leaves = errors.filter((e) => !/subschema|every subschema/i.test(e.error));
  const shown = leaves.length > 0 ? leaves : errors;
  if (shown.length === 0) return 'the value does not match the schema';
  return shown
    .map((e) => `${e.instanceLocation.replace(/^#/, '') || '(root)'}: ${e.error}`)
    .join('; ');
}

/** Data keywords: what is under them is a value, not a schema. */
const DATA_KEYWORDS = new Set(['const', 'enum', 'default', 'examples']);

/**
 * The schema with its `format` keywords left out: in 2020-12 (and on the platform) `format` is
 * an annotation only, while this validator would check the formats it knows.
 */
function withoutFormats(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutFormats);
  if (typeof schema !== 'object' || schema === null) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'format' && typeof value === 'string') continue;
    out[key] = DATA_KEYWORDS.has(key) ? value : withoutFormats(value);
  }
  return out;
}

/** Check `dataJson` (JSON text) against the schema (JSON text). */
export function validateJson(schemaJson: string, dataJson: string): SchemaOutcome {
  const validator = compile(schemaJson);
  if (!(validator instanceof Validator)) return validator;
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
  const result = validator.validate(data);
  if (result.valid) return { ok: true };
  return { ok: false, context: 'validation failed', message: describe(result.errors) };
}

/** How many compiled schemas are kept (for tests of the cache bound). */
export function cachedSchemaCount(): number {
  return compiled.size;
}
