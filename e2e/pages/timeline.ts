/** The inspector's timeline, as the process-timeline spec reads it. */
import type { Locator, Page } from '@playwright/test';

export class Timeline {
  /** Every row in view (frames and messages), in list order. */
  readonly rows: Locator;
  readonly frames: Locator;
  readonly messages: Locator;
  readonly show: Locator;
  readonly messageDetail: Locator;
  readonly list: Locator;

  constructor(page: Page) {
    const inspector = page.getByTestId('inspector.panel');
    this.rows = inspector.locator(
      '[data-testid="inspector.frame"], [data-testid="inspector.message"]',
    );
    this.frames = inspector.getByTestId('inspector.frame');
    this.messages = inspector.getByTestId('inspector.message');
    this.show = inspector.getByTestId('inspector.timeline-show');
    this.messageDetail = inspector.getByTestId('inspector.message-detail');
    this.list = inspector.getByTestId('inspector.frames');
  }

  /** Each row in view as "frame <preview>" or "message <topic>", in list order. */
  async kinds(): Promise<string[]> {
    return this.rows.evaluateAll((rows) =>
      rows.map((row) =>
        row.getAttribute('data-testid') === 'inspector.message'
          ? `message ${row.querySelector('.msg-topic')?.textContent ?? ''}`
          : `frame ${row.querySelector('.frame-preview')?.textContent ?? ''}`,
      ),
    );
  }
}
