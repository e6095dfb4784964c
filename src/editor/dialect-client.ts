/**
 * The page's side of the check worker: each edit schedules a check after a pause in typing,
 * only the newest request's answer is applied, and an answer is dropped when its model was
 * disposed or edited since (its offsets would point at the wrong text). The latest result of
 * each model is kept for the hover and completion providers (dialect-providers.ts).
 */
import type { editor as Editor } from 'monaco-editor/editor/editor.api';
import DialectWorker from './dialect.worker.ts?worker';
import type { CheckRequest, CheckResponse, CheckResult } from './dialect-protocol.ts';
import type { Dialect, TypeCheckMode } from '../shared/dialect.ts';

/** A pause in typing this long starts a check. */
export const CHECK_DEBOUNCE_MS = 300;

export interface CheckSettings {
  dialect: Dialect;
  typeCheck: TypeCheckMode;
  chunkName: string;
}

const latestResults = new WeakMap<Editor.ITextModel, { result: CheckResult; versionId: number }>();

/**
 * The check of `model`'s current text (for hovers); undefined before the first or while an
 * edit awaits its check. `anyVersion` accepts an older text (declared type names still hold).
 */
export function latestResult(
  model: Editor.ITextModel,
  anyVersion = false,
): CheckResult | undefined {
  const latest = latestResults.get(model);
  if (!latest || (!anyVersion && latest.versionId !== model.getVersionId())) return undefined;
  return latest.result;
}

interface Pending {
  model: Editor.ITextModel;
  versionId: number;
}

export class DialectChecker {
  private worker: Worker | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private newestId = 0;
  private pending: Pending | null = null;

  constructor(private readonly apply: (model: Editor.ITextModel, result: CheckResult) => void) {}

  /** Check `model` once typing pauses. */
  schedule(model: Editor.ITextModel, settings: CheckSettings): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send(model, settings), CHECK_DEBOUNCE_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    this.pending = null;
  }

  private send(model: Editor.ITextModel, settings: CheckSettings): void {
    if (model.isDisposed()) return;
    const request: CheckRequest = {
      type: 'check',
      id: ++this.newestId,
      code: model.getValue(),
      ...settings,
    };
    this.pending = { model, versionId: model.getVersionId() };
    this.ensureWorker().postMessage(request);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new DialectWorker();
    worker.addEventListener('message', (event: MessageEvent<CheckResponse>) =>
      this.onChecked(event.data),
    );
    this.worker = worker;
    return worker;
  }

  private onChecked(response: CheckResponse): void {
    // Only the newest request answers; an older one's text is gone.
    if (response.id !== this.newestId || !this.pending) return;
    const { model, versionId } = this.pending;
    if (model.isDisposed() || model.getVersionId() !== versionId) return;
    this.pending = null;
    const result: CheckResult = {
      diagnostics: response.diagnostics,
      types: response.types,
      typeNames: response.typeNames,
    };
    latestResults.set(model, { result, versionId });
    this.apply(model, result);
  }
}
