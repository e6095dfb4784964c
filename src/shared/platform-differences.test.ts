/**
 * No row of the platform comparison is forgotten: every row id of sections 8A, 8B and 8C of
 * platform-fidelity.md appears in docs/platform-differences.md, either as "matches the
 * platform (test: …)" naming a test file that exists, or with one of the accepted reasons.
 *
 * The fidelity file lives beside the repository (`../shared/reference/`, as in CI); set
 * PLATFORM_FIDELITY to read it from elsewhere. Without it, the row list kept here still checks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(resolve(repo, 'docs/platform-differences.md'), 'utf8');
const fidelityFile =
  process.env.PLATFORM_FIDELITY ?? resolve(repo, '../shared/reference/platform-fidelity.md');
const hasFidelity = existsSync(fidelityFile);

const range = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
/** The rows of platform-fidelity.md section 8 (A1-A21, B1-B27, C1-C7), kept in step below. */
const ROWS = [...range('A', 21), ...range('B', 27), ...range('C', 7)];

const IN_PROGRESS = '## Rows in progress elsewhere';
const MATCHES = /matches the platform \(test: `([^`]+)`/g;
const REASON = /Reason: (the browser cannot|the documented contract wins|playground addition)/i;

interface Item {
  id: string;
  heading: string;
  text: string;
}

/** The `- **ID** …` items of the doc, with the `##` heading each sits under. */
function items(markdown: string): Item[] {
  const found: Item[] = [];
  let heading = '';
  let current: Item | null = null;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('## ')) {
      heading = line.trim();
      current = null;
      continue;
    }
    const start = /^- \*\*([ABC]\d+)\*\*(.*)$/.exec(line);
    if (start) {
      current = { id: start[1]!, heading, text: start[2]! };
      found.push(current);
    } else if (current && /^\s+\S/.test(line)) {
      current.text += ` ${line.trim()}`;
    } else {
      current = null;
    }
  }
  return found;
}

/** Row ids of the tables of section 8 ("## 8. Divergences") of platform-fidelity.md. */
function fidelityRows(markdown: string): string[] {
  const start = markdown.indexOf('\n## 8.');
  const end = markdown.indexOf('\n## 9.', start);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\|\s*([ABC]\d+)\s*\|/gm)].map((m) => m[1]!);
}

describe('docs/platform-differences.md', () => {
  const all = items(doc);

  it('has every row of section 8 exactly once', () => {
    const ids = all.map((i) => i.id);
    for (const id of ROWS)
      expect(
        ids.filter((x) => x === id),
        id,
      ).toHaveLength(1);
    expect(
      ids.filter((id) => !ROWS.includes(id)),
      'rows the comparison does not have',
    ).toEqual([]);
  });

  it('says for each row that it matches (naming a test that exists) or why it differs', () => {
    for (const item of all) {
      const where = `${item.id} (${item.heading})`;
      if (item.heading === IN_PROGRESS) {
        expect(item.text, where).toMatch(/in progress/);
        continue;
      }
      const tests = [...item.text.matchAll(MATCHES)].map((m) => m[1]!);
      expect(tests.length > 0 || REASON.test(item.text), `${where}: no test and no reason`).toBe(
        true,
      );
      for (const file of tests)
        expect(existsSync(resolve(repo, file)), `${where}: ${file}`).toBe(true);
    }
  });

  it('names a test file that exists wherever it cites one', () => {
    for (const m of doc.matchAll(/\(test: `([^`]+)`/g))
      expect(existsSync(resolve(repo, m[1]!)), m[1]).toBe(true);
  });

  it.skipIf(!hasFidelity)(
    hasFidelity
      ? 'covers exactly the rows of platform-fidelity.md section 8'
      : `covers the rows of platform-fidelity.md (skipped: ${fidelityFile} not found; CI has shared/ beside the clone)`,
    () => {
      expect(fidelityRows(readFileSync(fidelityFile, 'utf8'))).toEqual(ROWS);
    },
  );
});
