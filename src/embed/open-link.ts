/**
 * "Open in playground": the playground's permalink for a widget, carrying its code, its hidden
 * set-up (shown there, above the code, so nothing runs unseen), its policy (which the
 * playground applies beside the reader's own, in a banner: src/app/use-link-policy.ts), and
 * its dialect and type-check mode (so it runs there as it ran in the widget).
 */
import { buildPermalinkHash } from '../app/permalink.ts';
import type { WidgetSetup } from '../shared/embed-protocol.ts';

export function playgroundCode(setup: Pick<WidgetSetup, 'code' | 'prelude'>): string {
  if (setup.prelude.trim() === '') return setup.code;
  const prelude = setup.prelude.replace(/\n?$/, '\n');
  return `-- Set-up (hidden on the documentation page)\n${prelude}-- The example\n${setup.code}`;
}

export function openInPlaygroundUrl(
  origin: string,
  setup: Pick<WidgetSetup, 'code' | 'prelude' | 'policy' | 'dialect' | 'typeCheck'>,
): string {
  const link = {
    code: playgroundCode(setup),
    ...(setup.policy ? { policyJson: setup.policy } : {}),
    dialect: setup.dialect,
    typeCheck: setup.typeCheck,
  };
  return `${origin}/${buildPermalinkHash(link)}`;
}
