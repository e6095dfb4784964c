#!/usr/bin/env node
/**
 * The e2e tests drive Debian's Chromium (/usr/bin/chromium); Playwright never downloads a
 * browser of its own. When it is missing: as root, install it with apt-get; otherwise stop
 * with a message that says what to do.
 */
/* global process, console */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `${CHROMIUM} is missing and this user cannot install it.\n` +
      "Install Debian's Chromium as root:  apt-get update && apt-get install -y chromium\n" +
      'then run the tests again.',
  );
  process.exit(1);
}

console.log(`${CHROMIUM} is missing: installing Debian's chromium package…`);
try {
  execSync('apt-get update && apt-get install -y chromium', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('apt-get could not install chromium; install it by hand and run the tests again.');
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing.`);
  process.exit(1);
}
