/** Part of the Lua API description (`lua-api.ts`, the one entry point): the `websocket` module. */
import type { LuaModule } from './lua-api-types.ts';

const DURATION = 'number|string';
const DURATION_RANGE =
  'ms or Go duration ("5s", "1m30s", "250ms"); negative, NaN or unparsable -> INVALID';

export const WEBSOCKET_MODULE: LuaModule = {
  name: 'websocket',
  doc: 'WebSocket client for real-time, two-way communication with a server.',
  global: false,
  functions: [
    {
      name: 'connect',
      signature: 'websocket.connect(url [, options])',
      params: [
        { name: 'url', type: 'string', doc: 'WebSocket URL (`ws://` or `wss://`).' },
        { name: 'options', type: 'table', optional: true, doc: 'Connection options (see below).' },
      ],
      returns: 'client | nil, err',
      doc:
        'Opens a connection. Arguments are validated first, then the security policy ' +
        '(`websocket.connect` with the resource "", then `websocket.connect.url` with the URL ' +
        'exactly as written, each judged by the actor and scope as on the platform), then the ' +
        'network. A denied or invalid connect opens no socket.',
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
        { name: 'NO_STATUS', value: 1005, doc: 'No status received (never sent).' },
        { name: 'ABNORMAL_CLOSURE', value: 1006, doc: 'Connection dropped (never sent).' },
        { name: 'INVALID_PAYLOAD', value: 1007, doc: 'Invalid frame payload.' },
        { name: 'POLICY_VIOLATION', value: 1008, doc: 'Policy violation.' },
        { name: 'MESSAGE_TOO_BIG', value: 1009, doc: 'Message too big.' },
        { name: 'INTERNAL_ERROR', value: 1011, doc: 'Server error.' },
        { name: 'SERVICE_RESTART', value: 1012, doc: 'Server restarting.' },
        { name: 'TRY_AGAIN_LATER', value: 1013, doc: 'Server overloaded.' },
      ],
    },
  ],
  classes: [
    {
      name: 'client',
      doc: 'An open connection, returned by `websocket.connect`. `tostring(client)` shows URL and state.',
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
              doc: '`websocket.TEXT` (1, default) or `websocket.BINARY` (2). Text must be valid UTF-8.',
            },
          ],
          returns: 'true | false, err',
          doc:
            'Sends one message. Returns once the message is handed to the transport; with ' +
            '`write_timeout` it waits for the socket to drain (TIMEOUT otherwise).',
        },
        {
          name: 'ping',
          signature: 'client:ping()',
          params: [],
          returns: 'true | false, err',
          doc: 'Sends a ping frame. Needs the relay in a browser; direct returns an error naming it.',
        },
        {
          name: 'channel',
          signature: 'client:channel()',
          params: [],
          returns: 'channel',
          doc:
            'The channel of received data messages `{type=, data=}`, in order; the same every ' +
            'call. After the connection ends, buffered messages stay readable, then `receive()` ' +
            'returns `nil, false`.',
        },
        {
          name: 'close',
          signature: 'client:close([code [, reason]])',
          params: [
            {
              name: 'code',
              type: 'number',
              optional: true,
              doc: 'Close code (default 1000): 1000-1014 or 3000-4999, except 1004, 1005, 1006. Others are INVALID: they never go on the wire.',
            },
            { name: 'reason', type: 'string', optional: true, doc: 'At most 123 bytes of UTF-8.' },
          ],
          returns: 'true | false, err',
          doc: 'Starts the close handshake. Closing twice returns `true` (idempotent).',
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
        { name: 'data', type: 'string', doc: 'Message content.' },
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
        range:
          'string -> string; CR/LF or a protocol-owned header (Host, Connection, Upgrade, Sec-WebSocket-*, Content-Length) -> INVALID',
        doc: 'Extra HTTP headers of the handshake (relay transport).',
      },
      {
        name: 'protocols',
        type: 'table',
        default: 'none',
        range: 'array of tokens; empty or containing spaces/commas -> INVALID',
        doc: 'Offered subprotocols, in order of preference.',
      },
      {
        name: 'dial_timeout',
        type: DURATION,
        default: '30s',
        range: DURATION_RANGE,
        doc: 'Connect + handshake deadline.',
      },
      {
        name: 'read_timeout',
        type: DURATION,
        default: '0 (none)',
        range: DURATION_RANGE,
        doc: 'Longest silence between received messages; on expiry the connection and channel close.',
      },
      {
        name: 'write_timeout',
        type: DURATION,
        default: '0 (none)',
        range: DURATION_RANGE,
        doc: 'Longest time one `send` may wait for the socket to drain.',
      },
      {
        name: 'compression',
        type: 'number',
        default: 'COMPRESSION.DISABLED',
        range: '0, 1 or 2 (`websocket.COMPRESSION`), else INVALID',
        doc: 'Compression mode.',
      },
      {
        name: 'compression_threshold',
        type: 'number',
        default: '0',
        range: '0..104857600 (100 MiB), else INVALID',
        doc: 'Messages smaller than this many bytes are sent uncompressed.',
      },
      {
        name: 'read_limit',
        type: 'number',
        default: '33554432 (32 MiB)',
        range: '0..134217728 (0 = the maximum, 128 MiB), else INVALID',
        doc: 'Largest message accepted; a bigger one closes the connection with 1009.',
      },
      {
        name: 'channel_capacity',
        type: 'number',
        default: '100',
        range: '1..10000, else INVALID',
        doc: 'Receive buffer in messages; while full, reading pauses (backpressure), nothing is dropped.',
      },
    ],
  },
  errors: [
    {
      condition: '`websocket.connect` not allowed by the scope (deny, or undefined)',
      kind: 'PERMISSION_DENIED',
      retryable: false,
    },
    {
      condition: '`websocket.connect.url` not allowed for the URL (deny, or undefined)',
      kind: 'PERMISSION_DENIED',
      retryable: false,
    },
    {
      condition: 'bad URL, bad option, bad argument to a method',
      kind: 'INVALID',
      retryable: false,
    },
    {
      condition: 'no runtime context (client from a finished run)',
      kind: 'INTERNAL',
      retryable: false,
    },
    {
      condition: 'connection failed (refused, DNS, TLS, handshake rejected, dial timeout)',
      kind: 'INTERNAL',
      retryable: true,
    },
    { condition: 'invalid connection id', kind: 'INTERNAL', retryable: false },
    {
      condition: 'send on a closed client ("connection closed")',
      kind: 'INTERNAL',
      retryable: false,
    },
    { condition: 'write timeout', kind: 'TIMEOUT', retryable: true },
    {
      condition:
        "a feature the browser's own WebSocket lacks, on the direct transport (custom headers, ping, compression, read_limit, close codes other than 1000 and 3000-4999): the message names the relay",
      kind: 'UNAVAILABLE',
      retryable: false,
    },
  ],
};
