/**
 * What a run under the `wippy` dialect hands the engine: the source parsed once, its first
 * syntax error (worded as Lua words it, at the user's line), or the erased chunk with the same
 * lines and columns and the manifest of declared types to bind beside it.
 */
import type { ParseResult, SyntaxError } from './ast.ts';
import { erase } from './erase.ts';
import { buildManifest, type Manifest } from './manifest.ts';
import { parse } from './parser.ts';

export type PreparedChunk =
  { ok: true; code: string; manifest: Manifest } | { ok: false; error: SyntaxError };

/** `parsed` is `source` already parsed, when the caller needed the tree too (the checker). */
export function prepareChunk(source: string, parsed: ParseResult = parse(source)): PreparedChunk {
  const { chunk, errors } = parsed;
  if (errors.length > 0) return { ok: false, error: errors[0] };
  const { manifest, rewrites } = buildManifest(chunk);
  return { ok: true, code: erase(source, chunk, rewrites), manifest };
}
