/**
 * What the page's URL asks for: `?example=<name>` opens a gallery example, `?embed=1` shows
 * editor + Run + output only, `#code=...` (permalink.ts) opens shared code. A permalink wins
 * over an example. The location is passed in (STYLE habit 7), so this is pure.
 */
import { buildPermalinkHash, readPermalinkHash } from './permalink.ts';
import type { Permalink } from './permalink.ts';

export interface UrlLocation {
  origin: string;
  pathname: string;
  search: string;
  hash: string;
}

export interface UrlState {
  example: string | null;
  embed: boolean;
  permalink: Permalink | null;
  /** Why a permalink in the URL could not be read. */
  permalinkError: string | null;
}

const EXAMPLE_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function readUrlState(location: Pick<UrlLocation, 'search' | 'hash'>): UrlState {
  const params = new URLSearchParams(location.search);
  const rawExample = params.get('example');
  const example = rawExample && EXAMPLE_NAME.test(rawExample) ? rawExample : null;
  const embedParam = params.get('embed');
  const embed = embedParam !== null && embedParam !== '0' && embedParam !== 'false';
  const read = readPermalinkHash(location.hash);
  return {
    example: read?.ok ? null : example,
    embed,
    permalink: read?.ok ? read.link : null,
    permalinkError: read && !read.ok ? read.error : null,
  };
}

/** The URL to share: same page, embed kept, the example query dropped (the code travels). */
export function shareUrl(location: UrlLocation, link: Permalink): string {
  const params = new URLSearchParams(location.search);
  params.delete('example');
  const query = params.toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}${buildPermalinkHash(link)}`;
}

/** The URL after opening example `name` (replaces any permalink: the example is the code now). */
export function exampleUrl(location: UrlLocation, name: string): string {
  const params = new URLSearchParams(location.search);
  params.set('example', name);
  return `${location.pathname}?${params.toString()}`;
}

/**
 * The URL while a script is open: `?example=<name>` for a script opened from an example, the
 * permalink's hash only while the script it opened is shown (`keepHash`), else neither.
 */
export function scriptUrl(
  location: Pick<UrlLocation, 'pathname' | 'search' | 'hash'>,
  origin: { kind: string; name?: string },
  keepHash: boolean,
): string {
  const params = new URLSearchParams(location.search);
  if (origin.kind === 'example' && origin.name) params.set('example', origin.name);
  else params.delete('example');
  const query = params.toString();
  return `${location.pathname}${query ? `?${query}` : ''}${keepHash ? location.hash : ''}`;
}

/** The URL of the embed view for the given code (a docs page puts this in an iframe). */
export function embedUrl(location: UrlLocation, link: Permalink): string {
  return `${location.origin}${location.pathname}?embed=1${buildPermalinkHash(link)}`;
}
