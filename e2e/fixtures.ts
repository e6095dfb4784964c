/** The specs' `test`: Playwright's, with the playground page object and artifact paths. */
import { test as base, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaygroundPage, codeHash } from './pages/playground-page.ts';

export const ARTIFACTS = join(dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** Where a named screenshot goes: e2e/artifacts/<name>.png. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await provide(new PlaygroundPage(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect, codeHash };
