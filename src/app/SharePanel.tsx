/**
 * Share: the permalink of the current code and its language (optionally with the policy),
 * copied on click.
 */
import { useState } from 'react';
import { Popover } from './Popover.tsx';
import { embedUrl, shareUrl } from './url-state.ts';
import type { Permalink } from './permalink.ts';
import type { Language } from './language.ts';

export interface SharePanelProps {
  code: string;
  policyJson: string;
  /** Always written into the link, so it runs the same for whoever opens it. */
  language: Language;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function SharePanel({ code, policyJson, language }: SharePanelProps) {
  const [withPolicy, setWithPolicy] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const link: Permalink = withPolicy ? { code, policyJson, ...language } : { code, ...language };
  const url = shareUrl(window.location, link);
  const embed = embedUrl(window.location, link);

  async function copyAndShow(which: string, text: string) {
    const ok = await copy(text);
    // The address bar shows the shared state too, so the link is never lost.
    if (which === 'link') history.replaceState(null, '', url);
    setCopied(ok ? which : 'select');
    setTimeout(() => setCopied(null), 1800);
  }

  return (
    <Popover label={<>Share</>} title="Share a link to this code" testId="toolbar.share">
      <div className="share-panel">
        <label className="field-label" htmlFor="share-url">
          Permalink
        </label>
        <div className="copy-row">
          <input
            id="share-url"
            className="input mono"
            readOnly
            value={url}
            data-testid="share.url"
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn btn-primary btn-small"
            onClick={() => void copyAndShow('link', url)}
            data-testid="share.copy"
          >
            {copied === 'link' ? 'Copied ✓' : 'Copy'}
          </button>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={withPolicy}
            onChange={(e) => setWithPolicy(e.target.checked)}
            data-testid="share.with-policy"
          />
          Include the security policy
        </label>
        <label className="field-label" htmlFor="embed-url">
          Embed (editor, Run and output only)
        </label>
        <div className="copy-row">
          <input
            id="embed-url"
            className="input mono"
            readOnly
            value={embed}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void copyAndShow('embed', embed)}
          >
            {copied === 'embed' ? 'Copied ✓' : 'Copy'}
          </button>
        </div>
        {copied === 'select' && (
          <p className="hint">Clipboard unavailable: select the link and copy it.</p>
        )}
        <p className="hint">
          {url.length.toLocaleString('en-US')} characters · the code travels in the link, nothing is
          uploaded.
        </p>
      </div>
    </Popover>
  );
}
