/**
 * What the demo servers report about themselves (GET /demo/stats), for specs that check a
 * denied connection never reached them.
 */
import type { APIRequestContext } from '@playwright/test';

export async function demoConnections(
  request: APIRequestContext,
  server: 'echo' | 'chat' | 'stream' | 'graphql',
): Promise<number> {
  const res = await request.get(`/demo/stats`);
  const stats = (await res.json()) as Record<string, { connections: number }>;
  return stats[server].connections;
}
