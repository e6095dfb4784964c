/**
 * What only the relay makes possible from a page: a custom handshake header and a ping frame
 * reach a real server of the test's own; on the direct transport the same calls fail with an
 * error that names the relay.
 */
import { WebSocketServer } from 'ws';
import type { IncomingHttpHeaders } from 'node:http';
import { test, expect } from './fixtures.ts';

// Pinned to Lua 5.3: this spec tests the relay, and its expectations are Lua 5.3's print (tab-
// joined, `true`); the platform's print is tested in dialect.spec.ts.

interface Witness {
  url: string;
  headers: IncomingHttpHeaders[];
  pings: string[];
  close(): Promise<void>;
}

/** A server that answers "what did you see?" with the header and the pings it received. */
async function startWitness(): Promise<Witness> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const headers: IncomingHttpHeaders[] = [];
  const pings: string[] = [];
  wss.on('connection', (ws, req) => {
    headers.push(req.headers);
    ws.on('ping', (data) => pings.push(data.toString()));
    ws.on('message', () =>
      ws.send(
        JSON.stringify({ header: req.headers['x-playground-test'] ?? null, pings: pings.length }),
      ),
    );
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const { port } = wss.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${port}/witness`,
    headers,
    pings,
    close: () => new Promise<void>((resolve) => wss.close(() => resolve())),
  };
}

let witness: Witness;
test.beforeEach(async () => {
  witness = await startWitness();
});
test.afterEach(async () => {
  await witness.close();
});

const script = (url: string) => `
local client, err = websocket.connect("${url}", { headers = { ["X-Playground-Test"] = "from-the-page" } })
if not client then print("connect failed:", tostring(err)) return end
print("ping:", client:ping())
time.sleep("100ms")
client:send("what did you see?")
local reply = json.decode(client:channel():receive().data)
print("server saw header:", reply.header, "pings:", reply.pings)
client:close()
`;

test('a custom header and a ping go through the relay to a real server', async ({ playground }) => {
  await playground.open({ code: script(witness.url), dialect: 'lua53' });
  await playground.runAndWait();
  await playground.expectOutput('ping:\ttrue', 'server saw header:\tfrom-the-page\tpings:\t1');
  expect(witness.headers[0]['x-playground-test']).toBe('from-the-page');
  expect(witness.pings).toEqual(['']);
  await expect(playground.inspector.getByTestId('inspector.connection').first()).toContainText(
    'relay',
  );
});

test('on the direct transport, headers fail with an error that names the relay', async ({
  playground,
}) => {
  await playground.open({ code: script(witness.url), dialect: 'lua53' });
  await playground.page.getByTestId('toolbar.transport').selectOption('direct');
  await playground.runAndWait();
  await playground.expectOutput('connect failed:\tthe relay is needed for custom headers');
  expect(witness.headers).toHaveLength(0);
});
