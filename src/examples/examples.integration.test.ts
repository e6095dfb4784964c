/**
 * Every gallery example runs by itself to its expected output, in Node (the same runtime as
 * the worker, on the `ws` transport) against the demo servers, under the default policy, in
 * each dialect (the snippets hold in both: manifest.ts).
 * The browser run of the same check is e2e/examples.spec.ts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lua } from '../runtime/run-for-test.ts';
import { createDemoServers } from '../server/demo/index.ts';
import type { DemoServers } from '../server/demo/index.ts';
import { DEMO_HOSTS } from '../server/demo/index.ts';
import { closeAll, listenHttp } from '../server/relay/testing.ts';
import { DEFAULT_POLICY } from '../policy/presets.ts';
import { comparableOutput, parseManifest } from './manifest.ts';
import { DIALECTS } from '../shared/dialect.ts';

const root = new URL('../../public/examples/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('index.json', root), 'utf8')));

let demos: DemoServers;
let demoHosts: Record<string, string>;

beforeAll(async () => {
  demos = createDemoServers();
  const http = await listenHttp((req, socket, head) => {
    if (!demos.handleUpgrade(req, socket, head)) socket.destroy();
  });
  demoHosts = Object.fromEntries(
    Object.entries(DEMO_HOSTS).map(([host, path]) => [host, `ws://127.0.0.1:${http.port}${path}`]),
  );
});

afterAll(async () => {
  demos.close();
  await closeAll();
});

// Every example prints the same under both dialects (issue 18): one string per print, no
// float formatting that differs.
describe.each(DIALECTS)('gallery examples under %s (Node runtime, demo servers)', (dialect) => {
  // Project examples run on the process node: src/examples/project-examples.integration.test.ts.
  for (const example of manifest.examples.filter((e) => !e.project)) {
    it(`${example.name} finishes with its expected output`, async () => {
      const code = readFileSync(new URL(`${example.name}.lua`, root), 'utf8');
      const result = await lua(code, {
        demoHosts,
        policy: DEFAULT_POLICY,
        stopAfterMs: 15_000,
        dialect,
      });
      expect(result.end, result.output).toEqual({ status: 'finished' });
      // Nothing the platform would silently ignore: the example also runs under --strict.
      // Under wippy, the first loop over string keys with pairs warns that their order
      // varies (constants.lua sorts them afterwards, as the warning advises).
      const warnings = result.warnings
        .map((w) => w.text)
        .filter((text) => !(example.name === 'constants' && text.startsWith('pairs: ')));
      expect(warnings).toEqual([]);
      if (process.env.SHOW_OUTPUT) console.log(`--- ${example.name}\n${result.output}`);
      for (const snippet of example.expected)
        expect(comparableOutput(result.output)).toContain(snippet);
    });
  }
});
