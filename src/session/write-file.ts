/**
 * Node: a session written to a file as it is produced, chunk by chunk with the stream's
 * backpressure, so a large session never exists as one string. `.har` gives HAR, else JSON.
 */
import { createWriteStream, openSync } from 'node:fs';
import { once } from 'node:events';
import { sessionJsonChunks } from './export-json.ts';
import { sessionHarChunks } from './export-har.ts';
import type { SessionSource } from './session-source.ts';

export function sessionChunksFor(file: string, source: SessionSource): Generator<string> {
  return file.toLowerCase().endsWith('.har') ? sessionHarChunks(source) : sessionJsonChunks(source);
}

/** `openFlags`: how to open the file (the CLI's checked flags, cli-files.ts); default `w`. */
export async function writeSessionFile(
  file: string,
  source: SessionSource,
  openFlags: string | number = 'w',
): Promise<void> {
  const out = createWriteStream(file, { fd: openSync(file, openFlags, 0o666) });
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => {});
  for (const chunk of sessionChunksFor(file, source)) {
    if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
