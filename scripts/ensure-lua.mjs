#!/usr/bin/env node
/**
 * The differential test of the engine (src/engine/differential.test.ts) compares the runtime
 * with Debian's lua5.3 (/usr/bin/lua5.3). When it is missing: as root, install it with
 * apt-get; otherwise stop with a message that says what to do.
 */
/* global process, console */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const LUA53 = '/usr/bin/lua5.3';

if (existsSync(LUA53)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `${LUA53} is missing and this user cannot install it.\n` +
      "Install Debian's Lua 5.3 as root:  apt-get update && apt-get install -y lua5.3\n" +
      'then run the tests again.',
  );
  process.exit(1);
}

console.log(`${LUA53} is missing: installing Debian's lua5.3 package…`);
try {
  execSync('apt-get update && apt-get install -y lua5.3', {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  console.error('apt-get could not install lua5.3; install it by hand and run the tests again.');
  process.exit(1);
}
if (!existsSync(LUA53)) {
  console.error(`apt-get finished but ${LUA53} is still missing.`);
  process.exit(1);
}
