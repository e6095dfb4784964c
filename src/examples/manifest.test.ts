import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest.ts';
import { readProjectEntries } from '../app/project-entries.ts';

const root = new URL('../../public/examples/', import.meta.url);
const manifest = parseManifest(JSON.parse(readFileSync(new URL('index.json', root), 'utf8')));

describe('examples manifest', () => {
  it('lists well-formed entries only', () => {
    expect(
      parseManifest({ examples: [{ name: '../x', title: 't', description: 'd', expected: [] }] })
        .examples,
    ).toEqual([]);
    expect(parseManifest(null).examples).toEqual([]);
  });

  it('has a .lua file with a header comment and an expected snippet for every entry', () => {
    const raw = JSON.parse(readFileSync(new URL('index.json', root), 'utf8')) as {
      examples: unknown[];
    };
    expect(manifest.examples).toHaveLength(raw.examples.length);
    for (const e of manifest.examples.filter((e) => !e.project)) {
      const file = new URL(`${e.name}.lua`, root);
      expect(existsSync(file), `${e.name}.lua`).toBe(true);
      expect(
        readFileSync(file, 'utf8').startsWith('--'),
        `${e.name}.lua starts with a comment`,
      ).toBe(true);
      expect(e.expected.length, `${e.name} expected`).toBeGreaterThan(0);
    }
  });

  it('has every file of a project example, and an _index.yaml that names its entry', () => {
    const projects = manifest.examples.filter((e) => e.project);
    expect(projects.map((e) => e.name)).toEqual(['echo-service', 'worker-pool']);
    for (const e of projects) {
      const files = e.project!.files.map((path) => ({
        path,
        text: readFileSync(new URL(`${e.name}/${path}`, root), 'utf8'),
      }));
      const read = readProjectEntries(files);
      expect(
        read.entries.map((entry) => entry.id),
        e.name,
      ).toContain(e.project!.entry);
      expect(read.problems, e.name).toEqual([]);
      expect(e.expected.length, `${e.name} expected`).toBeGreaterThan(0);
    }
  });

  it('refuses a project example whose files leave its folder or whose open file is not listed', () => {
    const entry = { name: 'p', title: 't', description: 'd', expected: ['x'] };
    const files = ['a/_index.yaml', 'a/main.lua'];
    expect(
      parseManifest({
        examples: [
          { ...entry, project: { files: ['../x.lua'], open: '../x.lua' } },
          { ...entry, project: { files, open: 'other.lua' } },
          { ...entry, project: { files, open: 'a/main.lua', entry: 'app:main' } },
        ],
      }).examples.map((e) => e.project),
    ).toEqual([{ files, open: 'a/main.lua', entry: 'app:main' }]);
  });

  it('covers the examples of the original page and the extra ones', () => {
    const names = manifest.examples.map((e) => e.name);
    for (const name of [
      'basic-connect',
      'connect-options',
      'send-text',
      'send-binary',
      'ping',
      'receive-basic',
      'message-loop',
      'select-keepalive',
      'close',
      'chat',
      'price-stream',
      'error-handling',
    ]) {
      expect(names).toContain(name);
    }
    for (const name of [
      'reconnect-backoff',
      'two-sockets',
      'graphql-subscription',
      'policy-denied',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('keeps the original chat example verbatim and calls connect_chat("lobby", print_fn)', () => {
    const chat = readFileSync(new URL('chat.lua', root), 'utf8');
    expect(chat).toContain('local function connect_chat(room_id, on_message)');
    expect(chat).toContain('connect_chat("lobby", print_fn)');
  });
});
