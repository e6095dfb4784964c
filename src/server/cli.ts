/**
 * `npm run lua -- script.lua [--policy _index.yaml --actor ID --scope GROUP] [--demo]
 * [--export run.json] [--strict]`: runs a script in Node with the same runtime as the page
 * (direct transport on the `ws` package), prints its output, and exits non-zero with the Lua
 * error and traceback when the script fails. Ctrl+C stops the run (sockets close with 1001) and
 * exits with 130. `--demo` starts the demo servers on a free loopback port and routes the
 * documentation's example hosts to them, as the page does. The security flags (`--policy`,
 * `--actor`, `--actor-meta`, `--scope`, `--strict-security`) are described in cli-policy.ts.
 * `--export` writes the run's connections, frames and process messages as the inspector exports them
 * (docs/session-format.md; a name ending in `.har` gives HAR), also when the run fails.
 * Warnings (what the platform would silently ignore) go to stderr as
 * `warning: <chunk>:<line>: <message>`; `--strict` makes each one an error that fails the run.
 * `--dialect wippy|lua53` (default wippy, the platform's Lua) and `--types off|warn|strict` /
 * `--strict-types` choose the language (cli-language.ts).
 * `--project DIR --test …` / `--project DIR --run ENTRY …` run a project's entries instead
 * (cli-project.ts).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename } from 'node:path';
import { DEADLOCK, startRun } from '../runtime/run.ts';
import { parseProjectArgs, PROJECT_USAGE, runProjectCli } from './cli-project.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import type { Policy } from '../policy/types.ts';
import { emptySecurityFlags, loadCliPolicy, POLICY_USAGE, takeSecurityFlag } from './cli-policy.ts';
import type { SecurityFlags } from './cli-policy.ts';
import {
  defaultLanguageFlags,
  LANGUAGE_HELP,
  LANGUAGE_USAGE,
  takeLanguageFlag,
} from './cli-language.ts';
import type { LanguageFlags } from './cli-language.ts';
import type { DemoHosts } from '../runtime/route.ts';
import { createDemoServers, DEMO_HOSTS } from './demo/index.ts';
import { SessionRecorder } from '../session/recorder.ts';
import { writeSessionFile } from '../session/write-file.ts';
import * as files from './cli-files.ts';

const USAGE = `usage: npm run lua -- <script.lua> ${LANGUAGE_USAGE} ${POLICY_USAGE} [--demo] [--export <run.json|run.har> [--force]] [--strict]\n   or: ${PROJECT_USAGE}`;

interface CliArgs {
  script: string;
  security: SecurityFlags;
  demo: boolean;
  exportFile?: string;
  /** `--export` may replace an existing file (cli-files.ts). */
  force: boolean;
  warnings: WarningFlags;
  language: LanguageFlags;
}

// ---- warnings: --strict ------------------------------------------------------------------

interface WarningFlags {
  /** Every warning is an error that fails the run (src/runtime/warnings.ts). */
  strict: boolean;
}

/** Consumes the warning flags at argv[i]; returns whether it did. Allowed anywhere. */
function parseWarningFlag(arg: string, flags: WarningFlags): boolean {
  if (arg !== '--strict') return false;
  flags.strict = true;
  return true;
}

/** `warning: main.lua:3: …`, the compiler-style line editors and CI logs understand. */
function formatWarning(chunkName: string, line: number | undefined, text: string): string {
  return `warning: ${chunkName}${line === undefined ? '' : `:${line}`}: ${text}`;
}

// ------------------------------------------------------------------------------------------

function parseArgs(argv: string[]): CliArgs {
  let script: string | undefined;
  const security = emptySecurityFlags();
  let demo = false;
  let exportFile: string | undefined;
  let force = false;
  const warnings: WarningFlags = { strict: false };
  const language = defaultLanguageFlags();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (parseWarningFlag(arg, warnings)) continue;
    const languageTaken = takeLanguageFlag(argv, i, language);
    if (languageTaken > 0) {
      i += languageTaken - 1;
      continue;
    }
    // The security flags (cli-policy.ts).
    const taken = takeSecurityFlag(argv, i, security);
    if (taken > 0) {
      i += taken - 1;
    } else if (arg === '--export') {
      exportFile = argv[++i];
      if (!exportFile) throw new Error('--export needs a file name');
    } else if (arg === '--force') {
      force = true;
    } else if (arg === '--demo') {
      demo = true;
    } else if (arg === '--help' || arg === '-h') {
      console.log(`${USAGE}\n${LANGUAGE_HELP}`);
      process.exit(0);
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else if (script) {
      throw new Error(`only one script can run at a time (got ${script} and ${arg})`);
    } else {
      script = arg;
    }
  }
  if (!script) throw new Error('no script given');
  return { script, security, demo, exportFile, force, warnings, language };
}

/** The demo servers on a free loopback port, and the example hosts routed to them. */
async function startDemoServers(): Promise<{ demoHosts: DemoHosts; close(): Promise<void> }> {
  const demos = createDemoServers();
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    if (!demos.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const demoHosts = Object.fromEntries(
    Object.entries(DEMO_HOSTS).map(([host, path]) => [host, `ws://127.0.0.1:${port}${path}`]),
  );
  return {
    demoHosts,
    close: async () => {
      demos.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function main(): Promise<number> {
  let args: CliArgs;
  let code: string;
  let policy: Policy;
  let exportFlags: number | undefined;
  try {
    const project = parseProjectArgs(process.argv.slice(2));
    if (project) return await runProjectCli(project);
    args = parseArgs(process.argv.slice(2));
    code = files.readBoundedFile(args.script, 'script', files.MAX_SCRIPT_FILE_BYTES);
    const loaded = loadCliPolicy(args.security, (file) =>
      files.readBoundedFile(file, 'policy', files.MAX_POLICY_FILE_BYTES),
    );
    if (args.exportFile)
      exportFlags = files.checkExportTarget(args.exportFile, args.script, args.force);
    policy = loaded.policy;
    loaded.notes.forEach((note) => console.error(note));
  } catch (e) {
    console.error(`lua: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const demo = args.demo ? await startDemoServers() : undefined;
  const recorder = args.exportFile ? new SessionRecorder() : undefined;
  const chunkName = basename(args.script);
  const run = startRun({
    code,
    chunkName,
    strict: args.warnings.strict,
    dialect: args.language.dialect,
    typeCheck: args.language.typeCheck,
    policy,
    transport: { transport: createNodeTransport(), why: 'direct (ws in Node)' },
    demoHosts: demo?.demoHosts ?? {},
    observer: {
      output: (entry) => {
        if (entry.stream === 'stdout') console.log(entry.text);
        else if (entry.stream === 'warn')
          console.error(formatWarning(entry.chunk ?? chunkName, entry.line, entry.text));
        else console.error(entry.text);
      },
      connection: (info) => recorder?.connection(info),
      frame: recorder && ((record, data) => recorder.frame(record, data)),
      message: recorder && ((record) => recorder.message(record)),
      decision: (decision) => {
        if (!decision.allowed) console.error(`policy: ${decision.explanation}`);
      },
    },
  });
  process.once('SIGINT', () => run.stop());
  // The runtime reports a deadlock itself; this is the safety net should anything it does not
  // count keep a run waiting: Node's event loop ran dry, so nothing can ever wake it.
  let deadlocked = false;
  const onLoopEmpty = () => {
    deadlocked = true;
    run.stop();
  };
  process.once('beforeExit', onLoopEmpty);
  const end = await run.done;
  process.off('beforeExit', onLoopEmpty);
  await demo?.close();
  if (recorder && args.exportFile) {
    try {
      await writeSessionFile(args.exportFile, recorder.source(), exportFlags);
    } catch (e) {
      console.error(`lua: cannot write ${args.exportFile}: ${(e as Error).message}`);
      return 1;
    }
  }
  if (deadlocked) {
    console.error(`lua: ${DEADLOCK}`);
    return 1;
  }
  if (end.status === 'error') {
    console.error(`lua: ${end.failure.message}`);
    if (end.failure.traceback) console.error(end.failure.traceback);
    return 1;
  }
  return end.status === 'stopped' ? 130 : 0;
}

process.exitCode = await main();
