/**
 * `npm run relay`: the relay on its own, for a hosted deployment (or a local relay next to a
 * separately served page). Configured by RELAY_* variables (docs/relay.md); prints where it
 * listens and, when RELAY_TOKEN is not set, the token it generated (the page serving side
 * must put it into the page config).
 *
 * Also serves the demo servers under /demo when RELAY_DEMOS=1, and GET /healthz.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mountPlayground, upgradeOrNotFound } from './playground-mount.ts';
import { RelayConfigError, parseListenEnv, parseRelayEnv } from './relay/config.ts';
import { explicitIn, exposeRelay } from './relay/exposure.ts';

function main(): void {
  const env = process.env;
  let listen: { host: string; port: number };
  let config;
  let warning: string | null = null;
  try {
    listen = parseListenEnv(env, { host: '127.0.0.1', port: 8787 });
    // A local standalone relay usually sits next to `npm run dev` on its default port.
    config = parseRelayEnv(
      env,
      env.RELAY_MODE === 'hosted' ? [] : ['http://localhost:5173', 'http://127.0.0.1:5173'],
    );
    // Hosted mode refuses every non-public target anyway; a local relay on the network must
    // not become the network's way into this machine.
    if (config.mode === 'local') warning = exposeRelay(config, listen.host, explicitIn(env));
  } catch (err) {
    console.error(err instanceof RelayConfigError ? err.message : String(err));
    process.exit(1);
  }
  const demos = ['1', 'true', 'yes'].includes((env.RELAY_DEMOS ?? '').toLowerCase());
  const mount = mountPlayground({ relay: config, demos, log: (m) => console.log(m) });

  const server = createServer(function relayServerOnRequest(req, res) {
    if (req.url === '/healthz')
      return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
    res
      .writeHead(404, { 'Content-Type': 'text/plain' })
      .end(`Lua playground relay: WebSocket endpoint at ${config.path}\n`);
  });
  server.on('upgrade', upgradeOrNotFound(mount));
  server.on('clientError', (_err, socket) => socket.destroy());
  server.on('error', (err: NodeJS.ErrnoException) => {
    console.error(
      err.code === 'EADDRINUSE' ? `port ${listen.port} is in use: set RELAY_PORT` : err.message,
    );
    process.exit(1);
  });
  server.listen(listen.port, listen.host, () => {
    const host = listen.host.includes(':') ? `[${listen.host}]` : listen.host;
    const port = (server.address() as AddressInfo).port;
    console.log(`relay (${config.mode} mode) listening on ws://${host}:${port}${config.path}`);
    console.log(
      `  allowed origins: ${config.allowedOrigins === '*' ? '*' : config.allowedOrigins.join(', ') || '(none)'}`,
    );
    console.log(
      `  target hosts: allow ${config.hosts.allow.map((p) => p.source).join(', ')}; deny ${config.hosts.deny.map((p) => p.source).join(', ') || '(none)'}${config.mode === 'hosted' ? " + non-public addresses and this machine's own" : ''}`,
    );
    console.log(
      `  memory budget: ${config.maxMemoryBytes} bytes; largest message: ${config.maxMessageBytes} bytes`,
    );
    if (config.hosts.deny.some((p) => p.type === 'name' || p.type === 'suffix'))
      console.log(
        '  note: a name in RELAY_DENY_HOSTS denies that name and the addresses it resolves to, not other names for other addresses of the same machine, and *.suffix patterns only names; deny by address range (loopback, private, 10.0.0.0/8) to be sure',
      );
    if (warning) console.log(`  ${warning}`);
    if (!env.RELAY_TOKEN) console.log(`  token: ${config.token}`);
    if (demos) console.log('  demo servers under /demo');
  });

  const stop = () => {
    void mount.close().then(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
