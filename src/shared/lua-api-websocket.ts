/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `websocket` module. */
import type { LuaModule } from './lua-api-types.ts';

const DURATION = 'number|string';
/**
 * Every option is lenient as on the platform (module.go:165-249): a wrong type, an
 * out-of-range value or an unknown key is ignored, the default stays, and a warning names it
 * (an error with `--strict`).
 */
const IGNORED = 'else ignored with a warning (default kept)';
const DURATION_RANGE = `ms (integers too) or a Go duration ("5s", "1m30s", "250ms"); negative = none; ${IGNORED}`;

export const WEBSOCKET_MODULE: LuaModule = {
  name: 'websocket',
  doc: 'WebSocket client for real-time, two-way communication with a server.',
  global: false,
  functions: [
    {
      name: 'connect',
      signature: 'websocket.connect(url [, options])',
      params: [
        {
          name: 'url',
          type: 'string',
          doc: 'WebSocket URL: `ws://` or `wss://`; `http://` and `https://` are dialed as ws and wss.',
        },
        { name: 'options', type: 'table', optional: true, doc: 'Connection options (see below).' },
      ],
      returns: 'client | nil, err',
      doc:
        "Opens a connection, in the platform's order: the policy `websocket.connect` first, " +
        'then the URL argument (`""` raises "URL required"), then the policy ' +
        '`websocket.connect.url` with the URL as written, then the options (a non-table ' +
        'raises; bad values warn), then the dial. Other URL schemes, and headers the HTTP ' +
        'client refuses, fail as a connection failure. A denied connect opens no socket.',
    },
  ],
  constants: [
    { name: 'TEXT', value: 1, doc: 'Message type for `send`: text (default).' },
    { name: 'BINARY', value: 2, doc: 'Message type for `send`: binary.' },
    { name: 'TYPE_TEXT', value: 'text', doc: '`type` field of a received text message.' },
    { name: 'TYPE_BINARY', value: 'binary', doc: '`type` field of a received binary message.' },
    { name: 'TYPE_PING', value: 'ping', doc: 'Ping frame type (never delivered on the channel).' },
    { name: 'TYPE_PONG', value: 'pong', doc: 'Pong frame type (never delivered on the channel).' },
    {
      name: 'TYPE_CLOSE',
      value: 'close',
      doc: 'Close frame type (never delivered on the channel).',
    },
  ],
  tables: [
    {
      name: 'COMPRESSION',
      doc: 'Compression modes (permessage-deflate) for the `compression` option.',
      members: [
        { name: 'DISABLED', value: 0, doc: 'No compression.' },
        { name: 'CONTEXT_TAKEOVER', value: 1, doc: 'Sliding window kept across messages.' },
        { name: 'NO_CONTEXT', value: 2, doc: 'Each message compressed on its own.' },
      ],
    },
    {
      name: 'CLOSE_CODES',
      doc: 'Close codes (RFC 6455 section 7.4.1).',
      members: [
        { name: 'NORMAL', value: 1000, doc: 'Normal closure.' },
        { name: 'GOING_AWAY', value: 1001, doc: 'Server shutting down or page leaving.' },
        { name: 'PROTOCOL_ERROR', value: 1002, doc: 'Protocol error.' },
        { name: 'UNSUPPORTED_DATA', value: 1003, doc: 'Unsupported data type.' },
        { name: 'RESERVED', value: 1004, doc: 'Reserved (cannot be sent).' },
        {
          name: 'NO_STATUS',
          value: 1005,
          doc: 'No status received (sent as a close frame without a code).',
        },
        { name: 'ABNORMAL_CLOSURE', value: 1006, doc: 'Connection dropped (cannot be sent).' },
        { name: 'INVALID_PAYLOAD', value: 1007, doc: 'Invalid frame payload.' },
        { name: 'POLICY_VIOLATION', value: 1008, doc: 'Policy violation.' },
        { name: 'MESSAGE_TOO_BIG', value: 1009, doc: 'Message too big.' },
        { name: 'MANDATORY_EXTENSION', value: 1010, doc: 'Required extension not negotiated.' },
        { name: 'INTERNAL_ERROR', value: 1011, doc: 'Server error.' },
        { name: 'SERVICE_RESTART', value: 1012, doc: 'Server restarting.' },
        { name: 'TRY_AGAIN_LATER', value: 1013, doc: 'Server overloaded.' },
        { name: 'BAD_GATEWAY', value: 1014, doc: 'Gateway error.' },
        { name: 'TLS_HANDSHAKE', value: 1015, doc: 'TLS handshake failure (cannot be sent).' },
      ],
    },
  ],
  classes: [
    {
      name: 'client',
      doc: 'An open connection, returned by `websocket.connect`. Playground addition: `tostring(client)` shows URL and state (`userdata: 0x…` on the platform).',
      methods: [
        {
          name: 'send',
          signature: 'client:send(data [, type])',
          params: [
            { name: 'data', type: 'string', doc: 'Message content; binary keeps every byte.' },
            {
              name: 'type',
              type: 'number',
              optional: true,
              doc: '`websocket.TEXT` (1, default) or `websocket.BINARY` (2); any other value sends TEXT, with a warning. Text that is not UTF-8 is sent as it is, with a warning.',
            },
          ],
          returns: 'true | false, err',
          doc:
            'Sends one message. Returns once the message is handed to the transport; with ' +
            '`write_timeout` it waits for the socket to drain (TIMEOUT otherwise). After ' +
            '`close()`: `false`, "websocket connection not found".',
        },
        {
          name: 'ping',
          signature: 'client:ping()',
          params: [],
          returns: 'true | false, err',
          doc: 'Sends a ping frame and returns once it is sent. Needs the relay in a browser; direct returns an error naming it.',
        },
        {
          name: 'channel',
          signature: 'client:channel()',
          params: [],
          returns: 'channel | nil, err',
          doc:
            'The channel of received data messages `{type=, data=}`, in order; the same every ' +
            'call. After the connection ends, buffered messages stay readable, then `receive()` ' +
            'returns `nil, false`. Call it right after connecting: as on the platform, a first ' +
            'call after `close()` or after the server closed returns `nil, err` (retryable), ' +
            'and what arrived is lost. Nothing arriving after `close()` is delivered.',
        },
        {
          name: 'receive',
          signature: 'client:receive()',
          params: [],
          returns: 'channel | nil, err',
          doc: "An alias of `client:channel()` (the platform's v1 name); it returns the channel, not a message.",
        },
        {
          name: 'close',
          signature: 'client:close([code [, reason]])',
          params: [
            {
              name: 'code',
              type: 'number',
              optional: true,
              doc: 'Close code (default 1000). As on the platform, with a warning: outside 1000-4999 or not a number -> 1000; 1005 -> a close frame without a code; 1004, 1006, 1015 and 1016-2999 -> no close frame, the connection is just dropped.',
            },
            {
              name: 'reason',
              type: 'string',
              optional: true,
              doc: 'Close reason; over 123 bytes -> no close frame (dropped), with a warning. A third argument must be a string: `close(1000, nil)` raises.',
            },
          ],
          returns: 'true | false, err',
          doc: 'Closes the connection and waits (up to 5 s) for the server\'s close frame; the channel closes when it returns. A second `close()` returns `false`, "websocket connection not found", as on the platform.',
        },
        {
          name: 'close_info',
          signature: 'client:close_info()',
          params: [],
          returns: 'code, reason',
          doc: 'After the connection ended: the close code and reason as they arrived (1006 and "" when abnormal).',
          addition: true,
        },
      ],
    },
    {
      name: 'message',
      doc: 'A received message, as delivered by `client:channel()`.',
      methods: [],
      fields: [
        { name: 'type', type: 'string', doc: '`"text"` or `"binary"`.' },
        {
          name: 'data',
          type: 'string',
          doc: 'Message content (the platform types it `string?`: nil for an unknown payload type, which never happens here).',
        },
      ],
    },
  ],
  options: {
    of: 'websocket.connect',
    items: [
      {
        name: 'headers',
        type: 'table',
        default: 'none',
        range: `string -> string pairs, other pairs skipped with a warning; Host, Connection, Upgrade, Content-Length, Transfer-Encoding, Trailer, TE, Keep-Alive, Proxy-Connection, Sec-WebSocket-* ignored with a warning; a name twice (any case) keeps one value; a value with control characters or outside Latin-1 fails the dial; ${IGNORED}`,
        doc: 'Extra HTTP headers of the handshake (relay transport in a browser).',
      },
      {
        name: 'protocols',
        type: 'table',
        default: 'none',
        range: `the string values (sequence first), others skipped with a warning; a name with spaces or commas, or twice, fails the dial; ${IGNORED}`,
        doc: 'Offered subprotocols, in order of preference.',
      },
      {
        name: 'dial_timeout',
        type: DURATION,
        default: '0 (none)',
        range: DURATION_RANGE,
        doc: 'Connect + handshake deadline; by default none, as on the platform.',
      },
      {
        name: 'read_timeout',
        type: DURATION,
        default: '0 (none)',
        range: DURATION_RANGE,
        doc: 'Longest silence between received messages; on expiry the connection is dropped (no close frame) and the channel closes.',
      },
      {
        name: 'write_timeout',
        type: DURATION,
        default: '0 (none)',
        range: DURATION_RANGE,
        doc: 'Longest time one `send` may wait for the socket to drain (the documented contract; the platform parses it but never applies it).',
      },
      {
        name: 'compression',
        type: 'number|string',
        default: 'COMPRESSION.DISABLED',
        range: `0, 1, 2 (\`websocket.COMPRESSION\`) or "disabled", "context_takeover", "no_context_takeover"; ${IGNORED}`,
        doc: 'Compression mode (permessage-deflate).',
      },
      {
        name: 'compression_threshold',
        type: 'number',
        default: '0',
        range: `0..104857600 (100 MiB); ${IGNORED}`,
        doc: 'Messages smaller than this many bytes are sent uncompressed.',
      },
      {
        name: 'read_limit',
        type: 'number',
        default: '16777216 (16 MiB)',
        range: `0..134217728 (128 MiB), 0 = the default; ${IGNORED}`,
        doc: 'Largest message accepted; a bigger one closes the connection with 1009.',
      },
      {
        name: 'channel_capacity',
        type: 'number',
        default: '32',
        range: `1..10000; ${IGNORED}`,
        doc: 'Receive buffer in messages; while full, reading pauses (backpressure), nothing is dropped.',
      },
    ],
  },
  errors: [
    {
      condition: '`websocket.connect` denied by policy ("websocket connections not allowed")',
      kind: 'PERMISSION_DENIED',
      retryable: false,
    },
    {
      condition: 'URL not allowed by policy ("not allowed: <url>")',
      kind: 'PERMISSION_DENIED',
      retryable: false,
    },
    {
      condition: 'no runtime context (client from a finished run)',
      kind: 'INTERNAL',
      retryable: false,
    },
    {
      condition:
        'connection failed ("failed to dial websocket: …": refused, DNS, TLS, handshake rejected, dial timeout, a URL scheme other than ws/wss/http/https, a header value the HTTP client refuses)',
      kind: 'INTERNAL',
      retryable: true,
    },
    {
      condition: 'invalid connection id ("invalid connection ID type")',
      kind: 'INTERNAL',
      retryable: false,
    },
    {
      condition:
        '`send`, `ping` or a second `close` after `close()` ("websocket connection not found")',
      kind: 'INTERNAL',
      retryable: false,
    },
    {
      condition: '`send` or `ping` after the server closed ("websocket connection closed")',
      kind: 'INTERNAL',
      retryable: false,
    },
    {
      condition: 'first `channel()` after `close()` or after the server closed',
      kind: 'INTERNAL',
      retryable: true,
    },
    { condition: 'write timeout', kind: 'TIMEOUT', retryable: true },
    {
      condition:
        "a feature the browser's own WebSocket lacks, on the direct transport (custom headers, ping, compression, read_limit, close codes other than 1000 and 3000-4999): the message names the relay (playground only)",
      kind: 'UNAVAILABLE',
      retryable: false,
    },
  ],
};
