/**
 * Part of the Lua API description (`lua-api.ts`): the plain words help leads with. For the
 * functions people reach for first, one sentence a newcomer reads at a glance and a short
 * example that runs as it is (against the demo hosts); the precise wording of each module's
 * file follows it in hovers, completions and the Reference tab. A function not listed here
 * leads with the first sentence of its own `doc`.
 */
import type { LuaFunctionDoc } from './lua-api-types.ts';

export interface FunctionHelp {
  /** One plain sentence: what the call is for. */
  summary: string;
  /** A few lines of Lua that show it in use. */
  example?: string;
}

/** Keyed by the call as written in the signature: "websocket.connect", "client:send". */
export const FUNCTION_HELP: Record<string, FunctionHelp> = {
  'websocket.connect': {
    summary: 'Opens a WebSocket connection and returns a client, or nil and an error.',
    example: [
      'local websocket = require("websocket")',
      'local client, err = websocket.connect("wss://api.example.com/ws")',
      'if not client then error(err) end',
    ].join('\n'),
  },
  'client:send': {
    summary: 'Sends one text (default) or binary message.',
    example: 'client:send("hello")\nclient:send(string.char(1, 2, 3), websocket.BINARY)',
  },
  'client:ping': {
    summary: 'Sends a ping; the pong shows in the inspector with its round-trip time.',
    example: 'assert(client:ping())',
  },
  'client:channel': {
    summary: 'The channel that receives the messages of this connection, in order.',
    example: [
      'local ch = client:channel()',
      'local msg, ok = ch:receive()',
      'if ok then print(msg.type, msg.data) end',
    ].join('\n'),
  },
  'client:receive': {
    summary: 'Another name for `client:channel()`: it returns the channel, not a message.',
    example: 'local msg = client:receive():receive()',
  },
  'client:close': {
    summary: 'Closes the connection politely and waits for the server to agree.',
    example: 'client:close(1000, "bye")',
  },
  'client:close_info': {
    summary: 'How the connection ended: the close code and reason.',
    example: 'local code, reason = client:close_info()',
  },
  'channel.new': {
    summary: 'Makes a channel that tasks use to pass values to each other.',
    example: 'local ch = channel.new(10)\nch:send("job")\nprint(ch:receive())',
  },
  'channel.select': {
    summary: 'Waits on several channels at once and takes the first that is ready.',
    example: [
      'local r = channel.select({ messages:case_receive(), time.after("5s"):case_receive() })',
      'if r.channel == messages then print(r.value.data) else print("timeout") end',
    ].join('\n'),
  },
  'ch:send': {
    summary: 'Puts a value on the channel, waiting while it is full.',
    example: 'ch:send({ id = 1 })',
  },
  'ch:receive': {
    summary: 'Takes the next value from the channel, waiting until there is one.',
    example: 'local value, ok = ch:receive()\nif not ok then print("closed") end',
  },
  'ch:close': {
    summary: 'Closes the channel; what is already in it can still be received.',
    example: 'ch:close()',
  },
  'time.sleep': {
    summary: 'Pauses this task for a while; other tasks keep running.',
    example: 'time.sleep("500ms")',
  },
  'time.after': {
    summary: 'A channel that receives once after the given time: a timeout for select.',
    example: 'local timeout = time.after("2s")\ntimeout:receive()',
  },
  'time.ticker': {
    summary: 'Fires again and again at a fixed interval until stopped.',
    example: [
      'local ticker = time.ticker("1s")',
      'for i = 1, 3 do ticker:channel():receive() print("tick", i) end',
      'ticker:stop()',
    ].join('\n'),
  },
  'time.now': {
    summary: 'The current time.',
    example: 'print(time.now():format_rfc3339())',
  },
  'json.encode': {
    summary: 'Turns a Lua table or value into JSON text.',
    example: 'local text = json.encode({ type = "subscribe", channel = "prices" })',
  },
  'json.decode': {
    summary: 'Turns JSON text into Lua values, or returns nil and an error.',
    example: 'local msg, err = json.decode(\'{"price": 42}\')\nprint(msg.price)',
  },
  'errors.new': {
    summary: 'Makes an error value with a message and, optionally, a kind.',
    example: 'return nil, errors.new({ message = "no quote", kind = errors.NOT_FOUND })',
  },
  'errors.is': {
    summary: 'Tells whether an error is of a given kind.',
    example: 'if errors.is(err, errors.TIMEOUT) then print("try again") end',
  },
  'coroutine.spawn': {
    summary: 'Runs a function as a task of its own, side by side with the rest of the script.',
    example: [
      'coroutine.spawn(function()',
      '  local msg, ok = ch:receive()',
      '  while ok do print(msg) msg, ok = ch:receive() end',
      'end)',
    ].join('\n'),
  },
  'process.pid': {
    summary: 'The pid of this process, to give to others so they can send to it.',
    example: 'print("I am " .. process.pid() .. ", running " .. process.id())',
  },
  'process.send': {
    summary: 'Sends values to a process (a pid or a registered name) on a topic.',
    example: [
      'process.send(process.pid(), "greeting", "hello")',
      'local msg = process.inbox():receive()',
      'print(msg:topic(), msg:payload():data())',
    ].join('\n'),
  },
  'process.inbox': {
    summary: 'The channel of Messages sent to this process on topics it does not listen to.',
    example: [
      'local inbox = process.inbox()',
      'process.send(process.pid(), "job", { id = 7 })',
      'local msg = inbox:receive()',
      'print(msg:from(), msg:topic(), msg:payload():data().id)',
    ].join('\n'),
  },
  'process.listen': {
    summary: 'A channel of the values sent to this process on one topic.',
    example: [
      'local resize = process.listen("resize")',
      'process.send(process.pid(), "resize", 640, 480)',
      'local size = resize:receive()',
      'print(size[1], size[2])',
    ].join('\n'),
  },
  'process.events': {
    summary: 'The channel of EXIT, LINK_DOWN and CANCEL events for this process.',
    example: [
      'process.cancel(process.pid(), "enough")',
      'local event = process.events():receive()',
      'print(event.kind, event.reason)',
    ].join('\n'),
  },
  'process.spawn_monitored': {
    summary: 'Starts a process and tells you, on `process.events()`, when it ends.',
    example: [
      '-- in a project: app:worker a process.lua entry, app:processes a process.host',
      'local pid = process.spawn_monitored("app:worker", "app:processes", 21)',
      'local event = process.events():receive()',
      'print(event.kind, tostring(event.from == pid), event.result.value)',
    ].join('\n'),
  },
  'process.exec': {
    summary: 'Runs a process to its end and returns its result.',
    example: [
      '-- in a project: app:worker a process.lua entry, app:processes a process.host',
      'local value, err = process.exec("app:worker", "app:processes", 21)',
    ].join('\n'),
  },
  'process.registry.register': {
    summary: 'Gives a process a name that others can send to.',
    example: [
      'process.registry.register("main")',
      'process.send("main", "ping")',
      'print(process.registry.lookup("main"), process.inbox():receive():topic())',
    ].join('\n'),
  },
  'msg:payload': {
    summary: 'The values a message carries: one Payload, or a table of them for several.',
    example: [
      'process.send(process.pid(), "pair", "a", "b")',
      'local payloads = process.inbox():receive():payload()',
      'print(payloads[1]:data(), payloads[2]:data())',
    ].join('\n'),
  },
  'io.print': {
    summary: 'Prints the values on the terminal, separated by tabs.',
    example: 'local io = require("io")\nio.print("total:", 42)',
  },
  'io.readline': {
    summary: 'Waits for the next line typed on the terminal.',
    example: [
      '-- in a project entry on a terminal.host (input: the console line, or stdin)',
      'local line, err = io.readline()',
      'if line then io.print("you said", line) end',
    ].join('\n'),
  },
  'logger:info': {
    summary: 'Logs a message with fields.',
    example:
      'local logger = require("logger")\nlogger:named("api"):info("started", { port = 8080 })',
  },
};

/** "websocket.connect" for "websocket.connect(url [, options])". */
export function callName(fn: LuaFunctionDoc): string {
  return fn.signature.split('(')[0].trim();
}

/** The first sentence of `text`: up to a full stop before a capital (not "e.g. `x`"), or all. */
export function firstSentence(text: string): string {
  const match = /^[^]*?[.!?](?=\s+[A-Z]|$)/.exec(text);
  return match ? match[0] : text;
}

/** The help a function leads with: its listed help, else the first sentence of its doc. */
export function functionHelp(fn: LuaFunctionDoc): FunctionHelp {
  return FUNCTION_HELP[callName(fn)] ?? { summary: firstSentence(fn.doc) };
}
