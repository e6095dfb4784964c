/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `process` module,
 * its Message and Spawner types, the event tables and `process.registry`
 * (runtime/lua/modules/process; src/runtime/modules/process/). Texts and kinds are the
 * platform's (process-model.md §1.1); what the playground does otherwise says so.
 */
import type { LuaFunctionDoc, LuaModule, LuaParam } from './lua-api-types.ts';

const dest: LuaParam = {
  name: 'dest',
  type: 'string',
  doc: 'A pid (`{app:processes|0x00002}`) or a name registered with `process.registry.register`.',
};
const entryId: LuaParam = {
  name: 'id',
  type: 'string',
  doc: 'The `process.lua` entry to start, `namespace:name`.',
};
const host: LuaParam = {
  name: 'host',
  type: 'string',
  doc: 'The `process.host` or `terminal.host` entry it runs on, e.g. `app:processes`.',
};
const spawnArgs: LuaParam = {
  name: '...',
  type: 'any',
  optional: true,
  doc: "The arguments of the child's `main(...)`, copied at the call (functions and userdata other than errors arrive as nil, with a warning).",
};

type SpawnName = 'spawn' | 'spawn_monitored' | 'spawn_linked' | 'spawn_linked_monitored';

const SPAWN_DOCS: Record<SpawnName, string> = {
  spawn:
    "Starts a process of the entry on the host and returns its pid at once. Fails with `spawn requires at least id and host arguments`, `factory not found: ID` or `host not found: HOST` (NotFound); beyond the playground's bounds (1,100 live processes, 20,000 spawns a run) with kind Unavailable.",
  spawn_monitored:
    'As `spawn`, and monitors the child from its start: its EXIT event (`process.event.EXIT`, with its result) reaches `process.events()` however it ends, even at once.',
  spawn_linked:
    'As `spawn`, and links the child from its start: when either ends with an error, the other gets LINK_DOWN, which ends it (`linked process failed`) unless it traps links (`set_options{trap_links = true}`).',
  spawn_linked_monitored: 'As `spawn`, linked and monitored from the start.',
};

function spawnFn(name: SpawnName, prefix: string, doc = SPAWN_DOCS[name]): LuaFunctionDoc {
  return {
    name,
    signature: `${prefix}${name}(id, host, ...)`,
    params: [entryId, host, spawnArgs],
    returns: 'pid | nil, err',
    doc,
  };
}

/** `gone`: the text when the pid names no live process (unmonitor and unlink do not check). */
function destFn(name: string, doc: string, gone?: string): LuaFunctionDoc {
  const goneText =
    gone === undefined ? '' : ` or \`${gone ? `${gone}: ` : ''}process not found: PID\``;
  return {
    name,
    signature: `process.${name}(dest)`,
    params: [dest],
    returns: 'true | nil, err',
    doc: `${doc} Fails (Invalid) with \`${name} requires a destination argument\`, (NotFound) with \`could not resolve: NAME\`${goneText}.`,
  };
}

function spawnerMethod(name: string, param: LuaParam, doc: string): LuaFunctionDoc {
  return {
    name,
    signature: `spawner:${name}(${param.name})`,
    params: [param],
    returns: 'Spawner',
    doc,
  };
}

const contextParam: LuaParam = {
  name: 'values',
  type: 'table',
  doc: 'String keys and their values (copied); a key of another type raises `context keys must be strings`.',
};
const optionsParam: LuaParam = {
  name: 'options',
  type: 'table',
  doc: 'Spawn options with string keys, e.g. `{network = …}`.',
};
const withContextDoc =
  "A Spawner whose children get these context values (`ctx.get`) over the caller's own.";
const withOptionsDoc =
  'A Spawner with spawn options; the playground keeps them but does not use them, with a warning.';

export const PROCESS_MODULE: LuaModule = {
  name: 'process',
  doc: 'The running process: its pid, messages to and from other processes, spawning, monitors and links, its inbox and events, names. A global in every `process.lua` and `function.lua` entry, and in a lone script (the process `app:main` on the terminal host, with no entries to spawn until it is a project). Each process is its own Lua state: what crosses is copied at the call.',
  global: true,
  functions: [
    {
      name: 'pid',
      signature: 'process.pid()',
      params: [],
      returns: 'string',
      doc: 'The pid of this process, `{host|0x00001}`: `{app:terminal|0x00001}` in a lone script.',
    },
    {
      name: 'id',
      signature: 'process.id()',
      params: [],
      returns: 'string',
      doc: 'The entry this process runs, `namespace:name`: `app:main` in a lone script.',
    },
    {
      name: 'send',
      signature: 'process.send(dest, topic, ...)',
      params: [
        dest,
        { name: 'topic', type: 'string', doc: 'Any topic not starting with `@`.' },
        {
          name: '...',
          type: 'any',
          optional: true,
          doc: 'The values to send, each a Payload of the message; copied at the call (tables deep, error objects whole, other userdata nil with a warning).',
        },
      ],
      returns: 'true | nil, err',
      doc: "Sends a message: it goes to the receiver's `listen` channel of that exact topic, else to its inbox (once `process.inbox()` was called), else waits in its mailbox until one appears; from one sender to one receiver, order is kept. Fails (Invalid) with `send requires at least destination and topic arguments` or `cannot send to @ topics`, (NotFound) with `could not resolve: NAME` or `process not found: PID`; in the playground a full mailbox (10,000 queued messages) fails with kind Unavailable.",
    },
    spawnFn('spawn', 'process.'),
    spawnFn('spawn_monitored', 'process.'),
    spawnFn('spawn_linked', 'process.'),
    spawnFn('spawn_linked_monitored', 'process.'),
    {
      name: 'exec',
      signature: 'process.exec(id, host, ...)',
      params: [entryId, host, spawnArgs],
      returns: 'value | nil, err',
      doc: "Starts the entry like `spawn` and waits for it to end (other tasks of the process run meanwhile): returns the child's first return value, or `nil` and its error. Fails (Invalid) with `exec requires id and host arguments`, `process ID required`, `invalid process ID format (namespace:name required)` or `host ID required`.",
    },
    destFn(
      'terminate',
      'Ends the process at once: its tasks stop, its sockets close, and its monitors get EXIT with the error `process terminated`.',
      '',
    ),
    {
      name: 'cancel',
      signature: 'process.cancel(dest [, reason])',
      params: [
        dest,
        {
          name: 'reason',
          type: 'string',
          optional: true,
          doc: 'Carried by the event (`""` when absent); another type is ignored with a warning (the code takes a reason, not a deadline).',
        },
      ],
      returns: 'true | nil, err',
      doc: 'Asks the process to stop: sends it a CANCEL event (`process.event.CANCEL`) and nothing more; the process decides. Fails (Invalid) with `cancel requires at least destination argument`.',
    },
    destFn(
      'monitor',
      'Watches the process: its EXIT event, with its result, reaches `process.events()` when it ends.',
      'monitor failed',
    ),
    destFn('unmonitor', 'Stops watching the process.'),
    destFn(
      'link',
      'Links the two processes: when either ends with an error, the other gets LINK_DOWN, which ends it unless it traps links.',
      'link failed',
    ),
    destFn('unlink', 'Removes the link.'),
    {
      name: 'get_options',
      signature: 'process.get_options()',
      params: [],
      returns: 'table',
      doc: 'The options of this process: `{trap_links = boolean}` (false at start).',
    },
    {
      name: 'set_options',
      signature: 'process.set_options(options)',
      params: [
        {
          name: 'options',
          type: 'table',
          doc: '`{trap_links = true}`: LINK_DOWN arrives on `process.events()` instead of ending this process.',
        },
      ],
      returns: 'true | false, err',
      doc: 'Sets the options. Fails (Invalid) with `options parameter must be a table`, `trap_links must be a boolean` or `option NAME is not supported` (so `upgradable`, named by the docs, is refused as the code refuses it).',
    },
    {
      name: 'inbox',
      signature: 'process.inbox()',
      params: [],
      returns: 'channel',
      doc: 'The channel of Messages sent to this process (the same channel on every call); messages of topics nobody `listen`s to arrive here, in order. Unbuffered.',
    },
    {
      name: 'events',
      signature: 'process.events()',
      params: [],
      returns: 'channel',
      doc: 'The channel of the process\'s own event tables (EXIT, LINK_DOWN, CANCEL; see "process event"), the same channel on every call. Not the `events` module\'s bus.',
    },
    {
      name: 'listen',
      signature: 'process.listen(topic [, options])',
      params: [
        { name: 'topic', type: 'string', doc: 'The exact topic (no patterns), not `@…`.' },
        {
          name: 'options',
          type: 'table',
          optional: true,
          doc: '`{message = true}`: the channel receives Messages instead of values.',
        },
      ],
      returns: 'channel | nil, err',
      doc: 'A channel (buffer of one) that receives what is sent on this topic: the value (one payload), a table of the values (several) or nil (none). Fails (Invalid) with `topic cannot be empty` or `cannot listen to @ topics`.',
    },
    {
      name: 'unlisten',
      signature: 'process.unlisten(ch)',
      params: [{ name: 'ch', type: 'channel', doc: 'A channel from `process.listen`.' }],
      returns: 'true | false, err',
      doc: 'Stops the subscription; `false, err` (NotFound, `unsubscribe: channel not found`) for a channel it does not know. Raises `channel expected` for another value.',
    },
    {
      name: 'upgrade',
      signature: 'process.upgrade([id], ...)',
      params: [
        {
          name: 'id',
          type: 'string',
          optional: true,
          doc: 'The entry to continue as (nil: the same).',
        },
        { name: '...', type: 'any', optional: true, doc: "The new `main(...)`'s arguments." },
      ],
      returns: '(does not return)',
      doc: 'Stops this code and starts the entry `id` (or the same definition) in its place, with the new arguments, under the same pid: queued messages, names, monitors and links stay; sockets close (1001). An unknown `id` ends the process with `upgrade: create failed: factory not found: ID`. A lone script gets the arguments as `...`.',
    },
    {
      name: 'with_context',
      signature: 'process.with_context(values)',
      params: [contextParam],
      returns: 'Spawner',
      doc: withContextDoc,
    },
    {
      name: 'with_options',
      signature: 'process.with_options(options)',
      params: [optionsParam],
      returns: 'Spawner',
      doc: withOptionsDoc,
    },
  ],
  constants: [],
  tables: [
    {
      name: 'event',
      doc: 'The kinds of the event tables on `process.events()` (read-only).',
      members: [
        {
          name: 'CANCEL',
          value: 'pid.cancel',
          doc: 'Someone called `process.cancel` on this process.',
        },
        { name: 'EXIT', value: 'pid.exit', doc: 'A monitored process ended (every exit).' },
        {
          name: 'LINK_DOWN',
          value: 'pid.link.down',
          doc: 'A linked process ended with an error (seen only when trapping links).',
        },
      ],
    },
    {
      name: 'registry',
      doc: "Names for pids, usable wherever a pid is (`send`, `monitor`, …); a name is released when its process ends. The scopes are the code's numbers; only LOCAL exists in the playground: the cluster scopes register locally, with a warning.",
      members: [
        { name: 'LOCAL', value: 0, doc: 'This node only (the default).' },
        { name: 'EVENTUAL', value: 1, doc: 'Cluster-wide, eventually consistent.' },
        { name: 'CONSISTENT', value: 2, doc: 'Cluster-wide, consistent.' },
        { name: 'STRONG', value: 3, doc: 'Cluster-wide, strongly consistent.' },
      ],
      functions: [
        {
          name: 'register',
          signature: 'process.registry.register(name [, pid [, scope]])',
          params: [
            { name: 'name', type: 'string', doc: 'The name.' },
            { name: 'pid', type: 'string', optional: true, doc: 'Default: this process.' },
            {
              name: 'scope',
              type: 'number',
              optional: true,
              doc: 'A `process.registry` scope; default LOCAL. The playground registers the cluster scopes locally, with a warning.',
            },
          ],
          returns: 'true | nil, err',
          doc: 'Gives the process a name; the same name again for the same pid is a no-op. Fails (AlreadyExists) with `name already registered: NAME` while another live process holds it, (NotFound) for a pid that is not running, (Invalid) for a pid or scope of the wrong type.',
        },
        {
          name: 'lookup',
          signature: 'process.registry.lookup(name)',
          params: [{ name: 'name', type: 'string', doc: 'A registered name.' }],
          returns: 'pid | nil, err',
          doc: 'The pid holding the name; NotFound `name not registered` otherwise.',
        },
        {
          name: 'unregister',
          signature: 'process.registry.unregister(name [, scope])',
          params: [
            { name: 'name', type: 'string', doc: 'A registered name.' },
            {
              name: 'scope',
              type: 'number',
              optional: true,
              doc: 'A `process.registry` scope; ignored in the playground (one local registry).',
            },
          ],
          returns: 'boolean',
          doc: 'Releases the name, whichever process holds it: true, or false when it was not registered.',
        },
      ],
    },
  ],
  classes: [
    {
      name: 'Message',
      doc: 'What `process.inbox()` (and `listen` with `{message = true}`) receives. `tostring(msg)` is `process.Message{topic=T}`.',
      methods: [
        {
          name: 'topic',
          signature: 'msg:topic()',
          params: [],
          returns: 'string',
          doc: 'The topic it was sent on.',
        },
        {
          name: 'from',
          signature: 'msg:from()',
          params: [],
          returns: 'string',
          doc: 'The pid of the sender; `""` for the system (the code: never nil, whatever the docs say).',
        },
        {
          name: 'payload',
          signature: 'msg:payload()',
          params: [],
          returns: 'Payload | table | nil',
          doc: 'The sent values: nil for none, one Payload (`:data()` is the value) for one, a table of Payloads for several (so `msg:payload():data()` fails then).',
        },
      ],
    },
    {
      name: 'Spawner',
      doc: 'How to spawn: context, options, actor, scope, a name, messages sent first. Immutable: each `with_*` returns a new Spawner.',
      methods: [
        spawnerMethod('with_context', contextParam, withContextDoc),
        spawnerMethod('with_options', optionsParam, withOptionsDoc),
        spawnerMethod(
          'with_actor',
          { name: 'actor', type: 'Actor', doc: 'From `security.new_actor` or `security.actor()`.' },
          'The security actor the child runs as (and passes on).',
        ),
        spawnerMethod(
          'with_scope',
          { name: 'scope', type: 'Scope', doc: 'From `security.new_scope` or `security.scope()`.' },
          'The security scope the child runs with.',
        ),
        spawnerMethod(
          'with_name',
          { name: 'name', type: 'string', doc: 'A registry name.' },
          'Spawn-or-signal: the child registers the name; when a live process already holds it, `spawn` returns that pid instead and delivers the queued messages to it.',
        ),
        {
          name: 'with_message',
          signature: 'spawner:with_message(topic, ...)',
          params: [
            { name: 'topic', type: 'string', doc: 'The topic.' },
            { name: '...', type: 'any', optional: true, doc: 'The values, copied at the call.' },
          ],
          returns: 'Spawner',
          doc: 'A message delivered to the spawned (or found) process before any other.',
        },
        spawnFn('spawn', 'spawner:', "As `process.spawn`, with the spawner's settings."),
        spawnFn(
          'spawn_monitored',
          'spawner:',
          "As `process.spawn_monitored`, with the spawner's settings.",
        ),
        spawnFn(
          'spawn_linked',
          'spawner:',
          "As `process.spawn_linked`, with the spawner's settings.",
        ),
        spawnFn(
          'spawn_linked_monitored',
          'spawner:',
          "As `process.spawn_linked_monitored`, with the spawner's settings.",
        ),
        {
          name: 'exec',
          signature: 'spawner:exec(id, host, ...)',
          params: [entryId, host, spawnArgs],
          returns: 'value | nil, err',
          doc: "As `process.exec`, under the spawner's context, actor and scope: starts the entry and waits for it to end; returns its first return value, or `nil` and its error.",
        },
      ],
    },
    {
      name: 'process event',
      doc: 'What `process.events()` receives: a table.',
      methods: [],
      fields: [
        { name: 'kind', type: 'string', doc: 'One of `process.event`.' },
        {
          name: 'from',
          type: 'string',
          doc: 'The pid that ended (EXIT, LINK_DOWN) or that canceled (CANCEL).',
        },
        { name: 'at', type: 'integer', doc: 'When, in Unix seconds.' },
        {
          name: 'result',
          type: 'table',
          optional: true,
          doc: 'EXIT and LINK_DOWN: `{value = first return value, error = error or nil}` (`process terminated`, `linked process failed`, …).',
        },
        {
          name: 'reason',
          type: 'string',
          optional: true,
          doc: 'CANCEL: the reason, `""` by default.',
        },
      ],
    },
  ],
  errors: [
    {
      condition: 'a missing argument, an `@` topic, a bad entry id',
      kind: 'INVALID',
      retryable: false,
    },
    {
      condition: 'unknown entry, host, name or process (`factory not found`, `could not resolve`)',
      kind: 'NOT_FOUND',
      retryable: false,
    },
    { condition: 'a name held by another process', kind: 'ALREADY_EXISTS', retryable: false },
    {
      condition: "a playground bound (live processes, spawns, a receiver's full mailbox)",
      kind: 'UNAVAILABLE',
      retryable: false,
    },
    { condition: "`exec`: the child's own error", kind: '(its own)', retryable: false },
  ],
};
