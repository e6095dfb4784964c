/// <reference lib="webworker" />
/**
 * The editor's check worker: parses and checks the script off the page's thread, so typing
 * never waits for the checker (protocol: dialect-protocol.ts). A request that throws answers
 * with nothing rather than leaving the editor's last marks in place forever.
 */
import { analyze } from './dialect-analysis.ts';
import type { CheckRequest, CheckResponse } from './dialect-protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

function handleCheckRequest(event: MessageEvent<CheckRequest>): void {
  const request = event.data;
  if (request?.type !== 'check') return;
  let response: CheckResponse;
  try {
    response = { type: 'checked', id: request.id, ...analyze(request) };
  } catch {
    response = { type: 'checked', id: request.id, diagnostics: [], types: [], typeNames: [] };
  }
  self.postMessage(response);
}

self.addEventListener('message', handleCheckRequest);
