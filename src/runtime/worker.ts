/// <reference lib="webworker" />
/**
 * The Lua worker: runs one script or one project's entry at a time for the page (protocol:
 * src/shared/worker-protocol.ts), and passes the process panel's buttons and the console's
 * input line to the run.
 * Lua runs in time slices (see scheduler.ts), so a Stop message is handled even while a script
 * spins in `while true do end`; the page still terminates the worker if Stop is not answered.
 */
import { startRun, type RunHandle, type RunOptions } from './run.ts';
import { startProjectRun, type ProjectRunOptions } from '../process/project-run.ts';
import { parseProject } from '../project/project.ts';
import { EventBatcher } from './event-batcher.ts';
import { chooseTransport, type TransportOptions } from './transport/choose.ts';
import { createBrowserTransport } from './transport/browser.ts';
import { createRelayTransport, probeRelay } from './transport/relay.ts';
import type {
  ComposeRequest,
  PageToWorker,
  RunRequest,
  WorkerToPage,
} from '../shared/worker-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

let current: {
  runId: number;
  batcher: EventBatcher;
  handle?: RunHandle;
  stopRequested?: boolean;
} | null = null;

function post(message: WorkerToPage): void {
  self.postMessage(message);
}

function relayOption(request: RunRequest): TransportOptions['relay'] {
  const endpoint = request.relay;
  if (!endpoint) return undefined;
  return {
    transport: createRelayTransport(endpoint, WebSocket),
    probe: () => probeRelay(endpoint, WebSocket),
  };
}

async function run(request: RunRequest): Promise<void> {
  current?.handle?.stop();
  const { runId } = request;
  const batcher = new EventBatcher((batch) => post({ type: 'events', runId, ...batch }));
  current = { runId, batcher };
  post({ type: 'started', runId });
  const choice = await chooseTransport({
    mode: request.transport,
    direct: createBrowserTransport(),
    relay: relayOption(request),
  });
  if (current?.runId !== runId || current.stopRequested) {
    post({ type: 'ended', runId, status: 'stopped' });
    return;
  }
  if (!choice.ok) {
    post({
      type: 'ended',
      runId,
      status: 'error',
      failure: { message: choice.error, traceback: '' },
    });
    return;
  }
  const common = {
    policy: request.policy,
    transport: choice.choice,
    demoHosts: request.demoHosts,
    dialect: request.dialect,
    typeCheck: request.typeCheck,
    observer: batcher,
  } satisfies Partial<RunOptions>;
  const handle = request.project
    ? startProject(request, common)
    : {
        ok: true as const,
        handle: startRun({
          ...common,
          code: request.code,
          chunkName: request.chunkName,
          prelude: request.prelude,
        }),
      };
  if (!handle.ok) {
    batcher.flush();
    post({
      type: 'ended',
      runId,
      status: 'error',
      failure: { message: handle.error, traceback: '' },
    });
    if (current?.runId === runId) current = null;
    return;
  }
  current.handle = handle.handle;
  const end = await handle.handle.done;
  if (current?.runId === runId) current = null;
  batcher.flush();
  post({ type: 'ended', runId, ...end });
}

type Started = { ok: true; handle: RunHandle } | { ok: false; error: string };

/**
 * A project run: the files read as the platform reads them (parseProject), and the entry
 * started as the run's main process on a node of its own (startProjectRun). What kept a file
 * or an entry out is said before the run, as warnings, so a missing entry is explained.
 */
function startProject(
  request: RunRequest,
  common: Omit<ProjectRunOptions, 'project' | 'entry'>,
): Started {
  if (!request.entry) return { ok: false, error: 'no entry was chosen to run' };
  const project = parseProject(request.project!.files);
  for (const text of [...project.problems, ...project.warnings])
    common.observer.output({ stream: 'warn', text, time: Date.now() });
  return { ok: true, handle: startProjectRun({ ...common, project, entry: request.entry }) };
}

self.onmessage = (event: MessageEvent<PageToWorker>) => {
  const message = event.data;
  if (message.type === 'run') void run(message);
  else if (message.type === 'stop' && current?.runId === message.runId) {
    current.stopRequested = true;
    current.handle?.stop();
  } else if (message.type === 'compose') compose(message);
  else if (message.type === 'process-control') control(message);
  else if (message.type === 'input' && current?.runId === message.runId)
    current.handle?.input(message.line);
};

/**
 * The panel's Terminate and Cancel; a refusal (the process has just ended) is a console line,
 * in order with the run's other output. A run that has ended has no console to tell.
 */
function control(message: Extract<PageToWorker, { type: 'process-control' }>): void {
  if (current?.runId !== message.runId || !current.handle) return;
  const refused = current.handle.control(message.pid, message.action);
  if (refused)
    current.batcher.output({
      stream: 'info',
      text: `${message.action} ${message.pid}: ${refused}`,
      time: Date.now(),
    });
}

function compose({ runId, composeId, connectionId, kind, data }: ComposeRequest): void {
  const handle = current?.runId === runId ? current.handle : undefined;
  let error: string | null = 'the run has ended; nothing was sent';
  if (handle) {
    try {
      error = handle.compose(connectionId, data, kind === 'binary');
    } catch (e) {
      // A transport that throws on send (its socket just broke) refuses like a closed one.
      error = `not sent: ${(e as Error).message}`;
    }
  }
  post({ type: 'composed', runId, composeId, ...(error ? { error } : {}) });
}

post({ type: 'ready' });
