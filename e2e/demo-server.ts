/**
 * What the demo servers report about themselves, for specs that check a denied connection
 * never reached them. Returns null when the server exposes no counter (the check is skipped).
 */
import type { APIRequestContext } from '@playwright/test';

export async function demoConnections(
  request: APIRequestContext,
  server: string,
): Promise<number | null> {
  const res = await request.get(`/demo/stats`, { failOnStatusCode: false });
  if (!res.ok() || !(res.headers()['content-type'] ?? '').includes('json')) return null;
  const stats = (await res.json()) as Record<string, { connections?: number } | undefined>;
  return stats[server]?.connections ?? null;
}
