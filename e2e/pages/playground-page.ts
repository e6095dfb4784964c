/** The playground page as the e2e specs use it: open with code or an example, run, stop, read. */
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { Dialect, TypeCheckMode } from '../../src/shared/dialect.ts';

export type RunStatusText = 'idle' | 'running' | 'finished' | 'error';

export function codeHash(code: string): string {
  return `#code=${Buffer.from(code, 'utf8').toString('base64url')}`;
}

export class PlaygroundPage {
  readonly run: Locator;
  readonly stop: Locator;
  readonly status: Locator;
  readonly output: Locator;
  readonly inspector: Locator;
  readonly policy: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.run = page.getByTestId('toolbar.run');
    this.stop = page.getByTestId('toolbar.stop');
    this.status = page.getByTestId('run.status');
    this.output = page.getByTestId('console.output');
    this.inspector = page.getByTestId('inspector.panel');
    this.policy = page.getByTestId('policy.panel');
    this.editor = page.locator('.monaco-editor').first();
  }

  /**
   * Open the page, optionally with code in the permalink, an example, or embed mode. `dialect`
   * and `types` go into the permalink beside the code (`&dialect=`, `&types=`); without them a
   * link runs the product default, `wippy`.
   */
  async open(
    options: {
      code?: string;
      example?: string;
      embed?: boolean;
      policyJson?: string;
      dialect?: Dialect;
      types?: TypeCheckMode;
    } = {},
  ): Promise<void> {
    const params = new URLSearchParams();
    if (options.example) params.set('example', options.example);
    if (options.embed) params.set('embed', '1');
    const query = params.toString() ? `?${params}` : '';
    let hash = options.code !== undefined ? codeHash(options.code) : '';
    if (options.policyJson)
      hash += `&policy=${Buffer.from(options.policyJson).toString('base64url')}`;
    if (options.dialect) hash += `&dialect=${options.dialect}`;
    if (options.types) hash += `&types=${options.types}`;
    await this.page.goto(`/${query}${hash}`);
    // Monaco loads after the page; on a loaded machine (2 cores, many browsers) that can take
    // longer than the default 10 s, which says nothing about the feature under test.
    await expect(this.editor).toBeVisible({ timeout: 30_000 });
    await expect(this.status).toHaveText('idle');
  }

  /** The editor's text as shown (Monaco renders spaces as no-break spaces). */
  async editorText(): Promise<string> {
    const text = await this.page.locator('.monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async runAndWait(status: RunStatusText = 'finished', timeout = 20_000): Promise<void> {
    await this.run.click();
    await expect(this.status).toHaveText(status, { timeout });
  }

  async openTab(
    id: 'inspector' | 'processes' | 'policy' | 'examples' | 'reference',
  ): Promise<void> {
    await this.page.getByTestId(`tab.${id}`).click();
  }

  async expectOutput(...snippets: string[]): Promise<void> {
    for (const snippet of snippets) await expect(this.output).toContainText(snippet);
  }
}
