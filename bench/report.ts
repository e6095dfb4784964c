/**
 * Benchmark results: one line printed as each figure arrives, and a table with the machine
 * and the date written between the markers of bench/RESULTS.md (the notes around it are
 * written by hand and stay).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format } from 'prettier';
import { cpus, totalmem, release, platform } from 'node:os';

export interface Result {
  bench: string;
  measured: string;
  target: string;
  /** null: nothing to compare against (a figure for the record). */
  met: boolean | null;
}

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

export function printResult(result: Result): void {
  const verdict = result.met === null ? '' : result.met ? '  ok' : '  MISSED';
  const target = result.target ? `  (target ${result.target})` : '';
  console.log(`${result.bench}: ${result.measured}${target}${verdict}`);
}

export function describeMachine(browserVersion: string): string {
  const cpu = cpus();
  return [
    `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    `${Math.round(totalmem() / 2 ** 30)} GiB`,
    `${platform()} ${release()}`,
    `Node ${process.version}`,
    `Chromium ${browserVersion}`,
  ].join(', ');
}

export function renderResults(results: Result[], machine: string, date: Date): string {
  const rows = results.map((r) => {
    const met = r.met === null ? '' : r.met ? 'yes' : '**no**';
    return `| ${r.bench} | ${r.measured} | ${r.target} | ${met} |`;
  });
  return [
    START,
    `Run of ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC on ${machine}.`,
    '',
    '| Benchmark | Measured | Target | Met |',
    '| --- | --- | --- | --- |',
    ...rows,
    END,
  ].join('\n');
}

/** Written as Prettier would, so `npm run lint` stays clean after a run. */
export async function writeResults(path: string, section: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = `# Benchmark results\n\n${START}\n${END}\n`;
  }
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  text =
    start >= 0 && end > start
      ? text.slice(0, start) + section + text.slice(end + END.length)
      : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(path, await format(text, { filepath: path }));
}

/** Rounded with thousands separators: 18234.6 → "18,235". */
export const count = (n: number): string => Math.round(n).toLocaleString('en-US');
export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;
export const ratio = (n: number): string => `${n.toFixed(2)}×`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
