/**
 * A documentation site of its own origin (another loopback port) for the embed-kit specs:
 * serves the given pages by path, nothing else, and no security headers of its own.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DocsHost {
  origin: string;
  close(): Promise<void>;
}

export async function startDocsHost(
  port: number,
  pages: Record<string, string>,
): Promise<DocsHost> {
  const server = createServer((req, res) => {
    const page = pages[(req.url ?? '/').split('?')[0]!];
    if (page === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
