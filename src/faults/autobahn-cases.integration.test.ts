/**
 * Client-side cases in the style of the Autobahn testsuite (categories 1-7; ids from the
 * shared reference autobahn-cases.md), against a server that writes raw frames. The Lua
 * script is an Autobahn "echo client": it prints every message it receives and sends it back,
 * then prints close_info(). Each case asserts both sides: what Lua saw, and what the server
 * received (pongs, echoes, the close code).
 *
 * Run twice: the Node transport (`ws` in the run) and the relay transport (run -> relay ->
 * raw server, where the relay's upstream `ws` client is the one that speaks to the server).
 * The wire behaviour is the same; where what Lua sees differs, the case says why.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { lua, type RunResult } from '../runtime/run-for-test.ts';
import { createNodeTransport } from '../runtime/transport/node-ws.ts';
import { createRelayTransport } from '../runtime/transport/relay.ts';
import type { RunOptions } from '../runtime/run.ts';
import { NodeWebSocket, closeAll, startRelay } from '../server/relay/testing.ts';
import {
  OP,
  closePayload,
  closeRawFrameServers,
  frame,
  startRawFrameServer,
  type ParsedFrame,
  type RawPeer,
} from '../test-support/raw-frame-server.ts';

afterEach(async () => {
  await closeRawFrameServers();
  await closeAll();
});

const MiB = 1024 * 1024;
const hex = (b: Uint8Array | string) => Buffer.from(b).toString('hex');
/** Bytes that are not a repetition of one value, so a reordered or shifted chunk shows. */
const pattern = (n: number): Buffer => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + 7) % 251;
  return b;
};

const echoClient = (url: string, readLimit = 32 * MiB) => `
  local c = assert(websocket.connect("${url}", { read_limit = ${readLimit} }))
  local ch = c:channel()
  local function hex(s)
    return (s:gsub(".", function(b) return string.format("%02x", b:byte()) end))
  end
  while true do
    local m, ok = ch:receive()
    if not ok then break end
    local shown = #m.data <= 256 and hex(m.data)
      or hex(m.data:sub(1, 8)) .. ".." .. hex(m.data:sub(-8))
    print(m.type, #m.data, shown)
    c:send(m.data, m.type == "text" and websocket.TEXT or websocket.BINARY)
  end
  print("closed", c:close_info())
`;

interface Variant {
  name: 'node' | 'relay';
  transport(): Promise<RunOptions['transport']>;
}

const variants: Variant[] = [
  {
    name: 'node',
    transport: async () => ({ transport: createNodeTransport(), why: 'direct (test)' }),
  },
  {
    name: 'relay',
    transport: async () => {
      const relay = await startRelay();
      return {
        transport: createRelayTransport(relay.endpoint, NodeWebSocket),
        why: 'relay (test)',
      };
    },
  },
];

function expectFinished(r: RunResult): void {
  if (r.end.status === 'error')
    throw new Error(`${r.end.failure.message}\n${r.end.failure.traceback}\n${r.output}`);
  expect(r.end.status).toBe('finished');
}

const summary = (frames: ParsedFrame[]) =>
  frames.map((f) => ({ opcode: f.opcode, fin: f.fin, payload: hex(f.payload) }));

describe.each(variants)('Autobahn-style client cases over the $name transport', (variant) => {
  /**
   * Start the echo client against a fresh raw server, let `serve` play the server's part,
   * then wait for the run to end. Returns what Lua printed and what `serve` returned.
   */
  async function session<T>(
    serve: (peer: RawPeer) => Promise<T>,
    readLimit?: number,
  ): Promise<{ lines: string[]; served: T }> {
    const server = await startRawFrameServer();
    const run = lua(echoClient(server.url, readLimit), { transport: await variant.transport() });
    const peer = await server.nextPeer();
    const served = await serve(peer);
    const result = await run;
    expectFinished(result);
    // RFC 6455 section 5.3: every client frame is masked, through the relay too.
    expect(peer.frames.every((f) => f.masked)).toBe(true);
    return { lines: result.lines, served };
  }

  /** Send a message and return the client's echo of it (Lua got it and sent it back). */
  async function roundTrip(peer: RawPeer, ...frames: Buffer[]): Promise<ParsedFrame> {
    peer.send(...frames);
    return peer.nextFrame();
  }

  describe('fragmentation (5.x) with pings between fragments', () => {
    it('delivers a fragmented text message once, a character split across fragments', async () => {
      const text = Buffer.from('Hello, wörld ✓', 'utf8'); // ö is bytes 8-9, ✓ bytes 14-16
      const { lines, served } = await session(async (peer) => {
        peer.send(
          frame({ opcode: OP.TEXT, payload: text.subarray(0, 9), fin: false }),
          frame({ opcode: OP.PING, payload: 'ping-1' }),
          frame({ opcode: OP.CONT, payload: text.subarray(9, 15), fin: false }),
          frame({ opcode: OP.PING, payload: 'ping-2' }),
          frame({ opcode: OP.CONT, payload: text.subarray(15) }),
        );
        const frames = [await peer.nextFrame(), await peer.nextFrame(), await peer.nextFrame()];
        peer.close(1000, 'bye');
        return { frames, close: await peer.waitForClose() };
      });
      // The pongs go out as each ping is parsed, before the message is complete.
      expect(summary(served.frames)).toEqual([
        { opcode: OP.PONG, fin: true, payload: hex('ping-1') },
        { opcode: OP.PONG, fin: true, payload: hex('ping-2') },
        { opcode: OP.TEXT, fin: true, payload: hex(text) },
      ]);
      expect(served.close).toEqual({ code: 1000, reason: 'bye', before: [] });
      expect(lines).toEqual([`text\t${text.length}\t${hex(text)}`, 'closed\t1000\tbye']);
    });

    it('delivers a fragmented binary message with every byte value and an empty fragment', async () => {
      const data = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const { lines, served } = await session(async (peer) => {
        peer.send(
          frame({ opcode: OP.BINARY, payload: data.subarray(0, 100), fin: false }),
          frame({ opcode: OP.PING }),
          frame({ opcode: OP.CONT, fin: false }),
          frame({ opcode: OP.CONT, payload: data.subarray(100, 200), fin: false }),
          frame({ opcode: OP.PING, payload: Uint8Array.of(0xff, 0x00, 0x80) }),
          frame({ opcode: OP.CONT, payload: data.subarray(200) }),
        );
        const frames = [await peer.nextFrame(), await peer.nextFrame(), await peer.nextFrame()];
        peer.close(1000);
        return { frames, close: await peer.waitForClose() };
      });
      expect(summary(served.frames)).toEqual([
        { opcode: OP.PONG, fin: true, payload: '' },
        { opcode: OP.PONG, fin: true, payload: 'ff0080' },
        { opcode: OP.BINARY, fin: true, payload: hex(data) },
      ]);
      expect(served.close).toEqual({ code: 1000, reason: '', before: [] });
      expect(lines).toEqual([`binary\t256\t${hex(data)}`, 'closed\t1000\t']);
    });
  });

  /**
   * The fail-the-connection cases: first a message that must be echoed (so Lua is known to be
   * reading), then the offending frames and a ping. The client must close with the fault's code
   * and must not answer the ping: nothing after the offending frame is processed (Autobahn 3.2).
   * Returns the client's close as the server received it, and the frames before it.
   */
  async function failCase(bad: Buffer[], readLimit?: number) {
    return session(async (peer) => {
      const echo = await roundTrip(peer, frame({ opcode: OP.TEXT, payload: 'hello' }));
      expect(summary([echo])).toEqual([{ opcode: OP.TEXT, fin: true, payload: hex('hello') }]);
      peer.send(...bad, frame({ opcode: OP.PING, payload: 'after' }));
      return peer.waitForClose();
    }, readLimit);
  }
  const HELLO = `text\t5\t${hex('hello')}`;

  /**
   * What Lua's close_info() says after the client failed the connection. Over Node it is the
   * code `ws` closed with and no reason (ws stops reading after a fault, so no reason comes
   * back; node-ws.ts reports the code it sent). Over the relay it is the same code with the
   * relay's description of the fault (close-codes.ts), since the relay explains it to the page.
   */
  const closedAfterFault = (code: number, relayReason: string) =>
    `closed\t${code}\t${variant.name === 'relay' ? relayReason : ''}`;

  describe('invalid UTF-8 in text (6.x, 7.5.1): the client closes with 1007', () => {
    const kosme = Buffer.from('κόσμε', 'utf8');
    it.each([
      // 6.3.1: a UTF-16 surrogate (ED A0 80) in the middle of a single frame.
      [
        'a single text frame',
        [
          frame({
            opcode: OP.TEXT,
            payload: Buffer.concat([kosme, Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('edited')]),
          }),
        ],
      ],
      // 6.4.1-style: the fragments before are valid; the bad code point (> U+10FFFF) is last.
      [
        'a fragmented message',
        [
          frame({ opcode: OP.TEXT, payload: kosme, fin: false }),
          frame({ opcode: OP.CONT, payload: Buffer.from([0xf4, 0x90, 0x80, 0x80]) }),
        ],
      ],
      // 6.17.1: an overlong encoding of "/".
      ['an overlong encoding', [frame({ opcode: OP.TEXT, payload: Buffer.from([0xc0, 0xaf]) })]],
    ])('in %s', async (_name, bad) => {
      const { lines, served } = await failCase(bad);
      expect(served).toEqual({ code: 1007, reason: '', before: [] });
      expect(lines).toEqual([HELLO, closedAfterFault(1007, 'the server sent invalid UTF-8')]);
    });

    // The relay's reason names a text message here too: ws reports both faults alike.
    it('in the reason of a close frame (7.5.1)', async () => {
      const { lines, served } = await failCase([
        frame({
          opcode: OP.CLOSE,
          payload: closePayload(1000, Buffer.from([0xce, 0xba, 0xe1, 0xbd])),
        }),
      ]);
      expect(served).toEqual({ code: 1007, reason: '', before: [] });
      expect(lines).toEqual([HELLO, closedAfterFault(1007, 'the server sent invalid UTF-8')]);
    });
  });

  describe('protocol errors: the client closes with 1002 and answers nothing after', () => {
    it.each([
      // Autobahn numbers RSV as a 3-bit value: 1 is RSV3, 2 is RSV2, 4 is RSV1.
      [
        'RSV3 on a text frame (3.1)',
        frame({ opcode: OP.TEXT, payload: 'x', rsv3: true }),
        'RSV2 and RSV3 must be clear',
      ],
      [
        'RSV2 on a text frame (3.2)',
        frame({ opcode: OP.TEXT, payload: 'x', rsv2: true }),
        'RSV2 and RSV3 must be clear',
      ],
      [
        // Without permessage-deflate negotiated (the raw server never answers it).
        'RSV1 on a text frame (3.4)',
        frame({ opcode: OP.TEXT, payload: 'x', rsv1: true }),
        'RSV1 must be clear',
      ],
      [
        'RSV1+RSV3 on a binary frame (3.5)',
        frame({ opcode: OP.BINARY, payload: 'x', rsv1: true, rsv3: true }),
        'RSV2 and RSV3 must be clear',
      ],
      ['RSV1 on a ping', frame({ opcode: OP.PING, rsv1: true }), 'RSV1 must be clear'],
      [
        'every RSV bit on a close frame (3.7)',
        frame({
          opcode: OP.CLOSE,
          payload: closePayload(1000),
          rsv1: true,
          rsv2: true,
          rsv3: true,
        }),
        'RSV2 and RSV3 must be clear',
      ],
      ['reserved data opcode 3 (4.1.1)', frame({ opcode: 3 }), 'invalid opcode 3'],
      ['reserved data opcode 7 (4.1.5)', frame({ opcode: 7, payload: 'x' }), 'invalid opcode 7'],
      ['reserved control opcode 11 (4.2.1)', frame({ opcode: 11 }), 'invalid opcode 11'],
      [
        'reserved control opcode 15 (4.2.5)',
        frame({ opcode: 15, payload: 'x' }),
        'invalid opcode 15',
      ],
      [
        'a 126-byte ping (2.5)',
        frame({ opcode: OP.PING, payload: pattern(126) }),
        'invalid payload length 126',
      ],
      [
        'a fragmented ping (5.1)',
        frame({ opcode: OP.PING, payload: 'p', fin: false }),
        'FIN must be set',
      ],
      [
        'a continuation with nothing to continue (5.9)',
        frame({ opcode: OP.CONT, payload: 'x' }),
        'invalid opcode 0',
      ],
      [
        'a close frame with a 1-byte payload (7.3.2)',
        frame({ opcode: OP.CLOSE, payload: Buffer.from([0x03]) }),
        'invalid payload length 1',
      ],
      [
        'a masked frame from the server (RFC 6455 5.1)',
        frame({ opcode: OP.TEXT, payload: 'x', mask: Uint8Array.of(1, 2, 3, 4) }),
        'MASK must be clear',
      ],
    ])('%s', async (_name, bad, wsMessage) => {
      const { lines, served } = await failCase([bad]);
      expect(served).toEqual({ code: 1002, reason: '', before: [] });
      expect(lines).toEqual([
        HELLO,
        closedAfterFault(1002, `Invalid WebSocket frame: ${wsMessage}`),
      ]);
    });

    it('a new text message inside a fragmented one (5.18)', async () => {
      const { lines, served } = await failCase([
        frame({ opcode: OP.TEXT, payload: 'frag', fin: false }),
        frame({ opcode: OP.TEXT, payload: 'ment' }),
      ]);
      expect(served).toEqual({ code: 1002, reason: '', before: [] });
      expect(lines).toEqual([
        HELLO,
        closedAfterFault(1002, 'Invalid WebSocket frame: invalid opcode 1'),
      ]);
    });
  });

  describe('close codes (7.7, 7.9)', () => {
    it.each([
      [1000, 'normal'],
      [1001, 'away'],
      [1011, 'oops'],
      [3000, 'x'],
      [4999, 'last'],
    ])('echoes the valid code %i and reports it with its reason', async (code, reason) => {
      const { lines, served } = await session(async (peer) => {
        peer.close(code, reason);
        return peer.waitForClose();
      });
      expect(served).toEqual({ code, reason, before: [] });
      expect(lines).toEqual([`closed\t${code}\t${reason}`]);
    });

    it('echoes a close frame without a code with one without a code, reported as 1005', async () => {
      const { lines, served } = await session(async (peer) => {
        peer.close();
        return peer.waitForClose();
      });
      expect(served).toEqual({ code: undefined, reason: '', before: [] });
      expect(lines).toEqual(['closed\t1005\t']);
    });

    it.each([0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535])(
      'answers the invalid code %i with 1002',
      async (code) => {
        const { lines, served } = await failCase([
          frame({ opcode: OP.CLOSE, payload: closePayload(code, 'why') }),
        ]);
        expect(served).toEqual({ code: 1002, reason: '', before: [] });
        // On the wire the client answers 1002, but close_info() reports the code as it arrived
        // (the contract; browsers pass such codes on), without the reason, on both transports.
        expect(lines).toEqual([HELLO, `closed\t${code}\t`]);
      },
    );
  });

  describe('read_limit', () => {
    it('closes with 1009 when a message is one byte over read_limit', async () => {
      const { lines, served } = await failCase(
        [frame({ opcode: OP.BINARY, payload: pattern(1025) })],
        1024,
      );
      expect(served).toEqual({ code: 1009, reason: '', before: [] });
      expect(lines).toEqual([
        HELLO,
        closedAfterFault(1009, 'message larger than read_limit (1024 bytes)'),
      ]);
    });
  });

  describe('pings and pongs (2.x)', () => {
    it('answers a 125-byte ping with the same 125 bytes and ignores an unsolicited pong', async () => {
      const payload = pattern(125);
      const { lines, served } = await session(async (peer) => {
        peer.send(frame({ opcode: OP.PONG, payload: 'unsolicited' }));
        peer.send(frame({ opcode: OP.PING, payload }));
        const pong = await peer.nextFrame();
        peer.close(1000, 'done');
        return { pong, close: await peer.waitForClose() };
      });
      expect(served.pong.opcode).toBe(OP.PONG);
      expect(hex(served.pong.payload)).toBe(hex(payload));
      // Nothing answered the unsolicited pong: the close came right after our pong.
      expect(served.close).toEqual({ code: 1000, reason: 'done', before: [] });
      expect(lines).toEqual(['closed\t1000\tdone']);
    });
  });

  describe('messages of the boundary sizes (1.x, 9.x)', () => {
    it.each([
      ['an empty text message', OP.TEXT, 0],
      ['an empty binary message', OP.BINARY, 0],
      ['a 65536-byte text message written in 997-byte chops', OP.TEXT, 65536],
    ])('delivers %s intact', async (_name, opcode, size) => {
      const payload = Buffer.from('abcdefghijklmnopqrstuvwxyz'.repeat(3000)).subarray(0, size);
      const type = opcode === OP.TEXT ? 'text' : 'binary';
      const { lines, served } = await session(async (peer) => {
        const bytes = frame({ opcode, payload });
        for (let i = 0; i < bytes.length; i += 997) peer.send(bytes.subarray(i, i + 997));
        const echo = await peer.nextFrame();
        peer.close(1000);
        await peer.waitForClose();
        return echo;
      });
      expect(served.opcode).toBe(opcode);
      expect(served.payload.equals(payload)).toBe(true);
      const shown =
        size <= 256 ? hex(payload) : `${hex(payload.subarray(0, 8))}..${hex(payload.subarray(-8))}`;
      expect(lines).toEqual([`${type}\t${size}\t${shown}`, 'closed\t1000\t']);
    });

    it('delivers a 16 MiB binary message when read_limit is exactly 16 MiB', async () => {
      const payload = pattern(16 * MiB);
      const { lines, served } = await session(async (peer) => {
        peer.send(frame({ opcode: OP.BINARY, payload }));
        const echo = await peer.nextFrame(15_000);
        peer.close(1000);
        await peer.waitForClose();
        return echo;
      }, 16 * MiB);
      expect(served.opcode).toBe(OP.BINARY);
      expect(served.payload.length).toBe(16 * MiB);
      expect(served.payload.equals(payload)).toBe(true);
      const shown = `${hex(payload.subarray(0, 8))}..${hex(payload.subarray(-8))}`;
      expect(lines).toEqual([`binary\t${16 * MiB}\t${shown}`, 'closed\t1000\t']);
    }, 30_000);
  });
});
