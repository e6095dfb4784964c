/**
 * The README's API section as it is committed: the rendered Markdown (lua-api-markdown.ts)
 * passed through Prettier with the repository's settings, so `npm run format` and the
 * generator agree on every byte.
 */
import { format, resolveConfig } from 'prettier';
import { LUA_API } from './lua-api.ts';
import { renderApiMarkdown } from './lua-api-markdown.ts';

export async function apiSection(readmePath: string): Promise<string> {
  const config = (await resolveConfig(readmePath)) ?? {};
  return format(renderApiMarkdown(LUA_API), { ...config, parser: 'markdown' });
}
