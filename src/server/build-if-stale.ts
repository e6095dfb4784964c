/**
 * `npm start` serves dist/; this makes sure dist/ is there and newer than everything that goes
 * into it (the page's sources, public/, index.html, the Vite and TypeScript configs, the
 * lockfile), building it with Vite otherwise. Server code and tests are not part of the page,
 * so editing them does not trigger a rebuild.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const INPUTS = [
  'src',
  'public',
  'index.html',
  'embed-frame.html',
  'vite.config.ts',
  'vite.embed.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];

/** `relative` is the path inside the repository, e.g. "src/server/start.ts". */
const NOT_PAGE = ['server', 'test-support', 'faults'].map((dir) => join('src', dir));

function isPageInput(relative: string): boolean {
  return !/\.test\.tsx?$/.test(relative) && !NOT_PAGE.some((dir) => relative.startsWith(dir));
}

async function newestMtime(root: string, relative: string): Promise<number> {
  const path = join(root, relative);
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return isPageInput(relative) ? info.mtimeMs : 0;
  let newest = 0;
  for (const entry of await readdir(path))
    newest = Math.max(newest, await newestMtime(root, join(relative, entry)));
  return newest;
}

/** Why dist/ needs a build, or null when it is up to date. */
export async function staleReason(root: string): Promise<string | null> {
  const built = await stat(join(root, 'dist', 'index.html')).catch(() => null);
  if (!built) return 'dist/ is missing';
  let newest = 0;
  for (const input of INPUTS) newest = Math.max(newest, await newestMtime(root, input));
  return newest > built.mtimeMs ? 'the sources changed since the last build' : null;
}

/** Run `vite build` in a child process (its output goes to ours), resolving when it succeeds. */
export function viteBuild(root: string): Promise<void> {
  const viteBin = join(
    dirname(createRequire(join(root, 'package.json')).resolve('vite/package.json')),
    'bin',
    'vite.js',
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin, 'build'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build failed (${signal ?? `exit code ${code}`})`));
    });
  });
}

export async function buildIfStale(
  root: string,
  log: (message: string) => void,
  force = false,
): Promise<void> {
  const reason = force ? 'a build was requested' : await staleReason(root);
  if (!reason) {
    log('dist/ is up to date');
    return;
  }
  log(`building the playground with Vite (${reason})...`);
  const started = Date.now();
  await viteBuild(root);
  log(`build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
