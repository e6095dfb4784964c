/// <reference lib="webworker" />
/**
 * The Lua worker: runs one script at a time for the page (protocol: src/shared/worker-protocol.ts).
 * Lua runs in time slices (see scheduler.ts), so a Stop message is handled even while a script
 * spins in `while true do end`; the page still terminates the worker if Stop is not answered.
 */
import { startRun, type RunHandle, type RunOptions } from './run.ts';
import * as projectRunModule from '../process/project-run.ts';
import type { ProjectRunOptions } from '../process/project-run.ts';
import * as projectModule from '../project/project.ts';
import type { Project } from '../project/spec.ts';
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

let current: { runId: number; handle?: RunHandle; stopRequested?: boolean } | null = null;

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
  current = { runId };
  const batcher = new EventBatcher((batch) => post({ type: 'events', runId, ...batch }));
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
 * The node's entry points, looked up rather than imported by name: the process node
 * (src/process/project-run.ts `startProjectRun`) and the browser-side project reader
 * (src/project/project.ts `parseProject`) land on main separately from this page; until both
 * are there a project run ends with an error that says so, and scripts run as before.
 */
const startProjectRun = (
  projectRunModule as { startProjectRun?: (o: ProjectRunOptions) => RunHandle }
).startProjectRun;
const parseProject = (
  projectModule as { parseProject?: (files: Array<{ path: string; text: string }>) => Project }
).parseProject;

function startProject(
  request: RunRequest,
  common: Omit<ProjectRunOptions, 'project' | 'entry'>,
): Started {
  if (!startProjectRun || !parseProject)
    return { ok: false, error: 'project runs are not available in this build of the playground' };
  if (!request.entry) return { ok: false, error: 'no entry was chosen to run' };
  const project = parseProject(request.project!.files);
  if (!project.entries.has(request.entry)) {
    const why = project.problems.length > 0 ? ` (${project.problems.join('; ')})` : '';
    return { ok: false, error: `entry ${request.entry} is not in the project${why}` };
  }
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

/** The panel's Terminate and Cancel; a refusal is a console line (the panel has no answer slot). */
function control(message: Extract<PageToWorker, { type: 'process-control' }>): void {
  const handle = current?.runId === message.runId ? current.handle : undefined;
  const refused = handle ? handle.control(message.pid, message.action) : 'the run has ended';
  if (!refused) return;
  post({
    type: 'events',
    runId: message.runId,
    output: [
      { stream: 'info', text: `${message.action} ${message.pid}: ${refused}`, time: Date.now() },
    ],
    connections: [],
    frames: [],
    decisions: [],
    processes: [],
    messages: [],
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
