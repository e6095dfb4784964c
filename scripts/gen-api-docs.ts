/**
 * Writes the Lua API reference (from src/shared/lua-api.ts) into README.md between
 * `<!-- lua-api:start -->` and `<!-- lua-api:end -->`. Without a README carrying the markers
 * it writes docs/lua-api.md instead and says so.
 *
 *   npx tsx scripts/gen-api-docs.ts           write
 *   npx tsx scripts/gen-api-docs.ts --check   exit 1 when the written reference is out of date
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { replaceBetweenMarkers } from '../src/shared/lua-api-markdown.ts';
import { apiSection } from '../src/shared/lua-api-docs.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = join(root, 'README.md');
const fallback = join(root, 'docs', 'lua-api.md');
const check = process.argv.includes('--check');
const markdown = await apiSection(readme);

function write(path: string, next: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (current === next) {
    console.log(`${path}: up to date`);
    return;
  }
  if (check) {
    console.error(
      `${path}: the Lua API reference is out of date; run npx tsx scripts/gen-api-docs.ts`,
    );
    process.exit(1);
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, next);
  console.log(`${path}: written`);
}

const readmeText = existsSync(readme) ? readFileSync(readme, 'utf8') : null;
const replaced = readmeText === null ? null : replaceBetweenMarkers(readmeText, markdown);
if (replaced !== null) {
  write(readme, replaced);
} else {
  console.log(
    readmeText === null ? 'README.md does not exist yet.' : 'README.md has no lua-api markers yet.',
  );
  write(fallback, `# Lua API reference\n\n${markdown}`);
}
