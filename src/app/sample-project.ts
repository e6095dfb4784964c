/**
 * What "New project" starts from: the smallest project that shows the process model, a main
 * process that spawns a worker, sends it a message and waits for the answer, laid out as the
 * platform lays a project out (an `_index.yaml` namespace beside the Lua files it names).
 */
import type { ProjectPart } from './project-files.ts';

const INDEX = `# A project: entries of the namespace "app". Run starts the entry picked beside the
# file tabs (by default the open file's). Add files with "+ file" and entries here.
version: "1.0"
namespace: app

entries:
  - name: processes
    kind: process.host
    lifecycle:
      auto_start: true

  # The entry Run starts: main() of main.lua, as the run's main process.
  - name: main
    kind: process.lua
    source: file://main.lua
    method: main
    modules:
      - time

  # Spawned by main; answers one message and ends.
  - name: worker
    kind: process.lua
    source: file://worker.lua
    method: main
`;

const MAIN = `-- The main process: spawns a worker it monitors, sends it a question on the topic
-- "ask", and waits for the answer in its inbox, then for the worker's EXIT event.
local time = require("time")

local function main()
    local inbox = process.inbox()
    local events = process.events()

    local worker, err = process.spawn_monitored("app:worker", "app:processes", "hello")
    if err then
        return nil, "spawn failed: " .. tostring(err)
    end
    print("spawned " .. worker)

    process.send(worker, "ask", { from = process.pid(), question = "what is 6 * 7?" })

    local timeout = time.after("2s")
    local r = channel.select { inbox:case_receive(), timeout:case_receive() }
    if r.channel == timeout then
        return nil, "no answer in time"
    end
    print("answer: " .. r.value:payload():data())

    local event = events:receive()
    if event.kind == process.event.EXIT then
        print("worker exited: " .. event.from)
    end
    return 0
end

return { main = main }
`;

const WORKER = `-- A worker: prints its argument, answers one "ask" message and ends.
local function main(greeting)
    print("worker " .. process.pid() .. " says " .. greeting)
    local msg = process.inbox():receive()
    if msg:topic() == "ask" then
        local ask = msg:payload():data()
        process.send(ask.from, "answer", "42")
    end
    return "done"
end

return { main = main }
`;

export function sampleProject(): ProjectPart {
  return {
    files: [
      { path: '_index.yaml', text: INDEX },
      { path: 'main.lua', text: MAIN },
      { path: 'worker.lua', text: WORKER },
    ],
    activePath: 'main.lua',
    entry: 'app:main',
  };
}
