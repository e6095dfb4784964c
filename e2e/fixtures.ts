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
  playground: async ({ page, baseURL }, provide) => {
    const errors: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Nothing may load from anywhere but the served origin (no CDN, no fonts, no telemetry).
    page.on('request', (request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && !url.startsWith(`${baseURL}/`)) foreign.push(url);
    });
    await provide(new PlaygroundPage(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
    expect(foreign, 'requests to other origins').toEqual([]);
  },
});

export { expect, codeHash };
