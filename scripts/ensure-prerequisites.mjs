#!/usr/bin/env node
/**
 * Installs what the tests need from Debian (scripts/prerequisites.mjs) when it is missing: as
 * root with apt-get; otherwise stops with a message that says what to do. Playwright never
 * downloads a browser of its own. With package names as arguments, only those are ensured
 * (`node scripts/ensure-prerequisites.mjs chromium`).
 */
/* global process, console */
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { planPrerequisites, PREREQUISITES } from './prerequisites.mjs';

const only = process.argv.slice(2);
const wanted =
  only.length === 0 ? PREREQUISITES : PREREQUISITES.filter((p) => only.includes(p.pkg));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const plan = planPrerequisites(wanted, existsSync, isRoot);

if (plan.action === 'refuse') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.action === 'install') {
  console.log(`missing: installing Debian's ${plan.packages.join(', ')}…`);
  try {
    execSync(plan.command, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.error(
      `apt-get could not install ${plan.packages.join(' ')}; install by hand and run the tests again.`,
    );
    process.exit(1);
  }
  const still = planPrerequisites(wanted, existsSync, isRoot);
  if (still.action !== 'none') {
    console.error(`apt-get finished but ${still.packages.join(', ')} is still missing.`);
    process.exit(1);
  }
}
