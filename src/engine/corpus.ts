/**
 * The differential corpus: `src/engine/corpus/*.lua`, each file a list of cases separated by
 * lines `-- case: <name>`, each case a standalone chunk that prints. Both engines run a file
 * as one driver program (one process for lua5.3, one run for the runtime) that loads every
 * case in its own environment, runs it under pcall and prints a separator before it, so the
 * outputs can be compared case by case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusCase {
  file: string;
  name: string;
  source: string;
}

const CASE_LINE = /^-- case: (.+)$/;
/** Case names become chunk names and separator lines: no control characters. */
// eslint-disable-next-line no-control-regex
const CASE_NAME = /^[^\u0000-\u001f\u007f]+$/;

/** The cases of one corpus file, in order; text before the first case line is ignored. */
export function parseCorpus(file: string, text: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let current: CorpusCase | null = null;
  for (const line of text.split('\n')) {
    const header = CASE_LINE.exec(line);
    if (header) {
      const name = header[1].trim();
      if (!CASE_NAME.test(name))
        throw new Error(`${file}: case name "${name}" has control characters`);
      current = { file, name, source: '' };
      cases.push(current);
    } else if (current) {
      current.source += line + '\n';
    }
  }
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`${file}: case "${c.name}" appears twice`);
    seen.add(c.name);
  }
  return cases;
}

export function readCorpus(dir: string): Map<string, CorpusCase[]> {
  const files = new Map<string, CorpusCase[]>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.lua'))
    .sort()) {
    files.set(file, parseCorpus(file, readFileSync(join(dir, file), 'utf8')));
  }
  return files;
}

/** Marks the start of a case's output; a control byte no case prints. */
const SEPARATOR = '\u0001CASE ';

/** A long bracket `[==[ ... ]==]` that `text` cannot close early. */
function longString(text: string): string {
  let level = 0;
  while (text.includes(']' + '='.repeat(level) + ']')) level++;
  const eq = '='.repeat(level);
  // A newline right after the opening bracket is dropped by Lua, so add one of our own.
  return `[${eq}[\n${text}]${eq}]`;
}

/**
 * The driver program for a list of cases. Errors are printed as `error: <message>` (string
 * and number errors) or `error object: <type>`; chunk names are the case names, so messages
 * carry the same position on both engines.
 */
export function buildDriver(cases: CorpusCase[]): string {
  const lines = [
    'local SEP = "\\1CASE "',
    'local function run(name, src)',
    '  io.write(SEP, name, "\\n")',
    '  local env = setmetatable({}, { __index = _G })',
    '  local f, err = load(src, "=" .. name, "t", env)',
    '  if not f then print("compile error: " .. tostring(err)) return end',
    '  local ok, e = pcall(f)',
    '  if not ok then',
    '    local t = type(e)',
    '    if t == "string" or t == "number" then print("error: " .. e)',
    '    else print("error object: " .. t) end',
    '  end',
    'end',
  ];
  for (const c of cases) lines.push(`run(${JSON.stringify(c.name)}, ${longString(c.source)})`);
  return lines.join('\n') + '\n';
}

/** Split a driver's stdout into each case's output (by case name). */
export function splitOutput(stdout: string): Map<string, string> {
  const outputs = new Map<string, string>();
  const parts = stdout.split(SEPARATOR);
  for (const part of parts.slice(1)) {
    const newline = part.indexOf('\n');
    const name = newline < 0 ? part : part.slice(0, newline);
    const text = newline < 0 ? '' : part.slice(newline + 1);
    outputs.set(name, text.replace(/\n$/, ''));
  }
  return outputs;
}
