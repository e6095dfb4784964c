-- The relay: registers the name "relay", and for every "echo" message spawns a worker
-- that it monitors (its EXIT comes back on the events channel). A coroutine beside the
-- main loop reports counts every few seconds.
local logger = require("logger")
local time = require("time")

local stats = { messages = 0, workers_spawned = 0 }

local function report_stats()
    while true do
        time.sleep("5s")
        logger:info("stats", { messages = stats.messages, workers_spawned = stats.workers_spawned })
    end
end

local function main()
    local inbox = process.inbox()
    local events = process.events()

    process.registry.register("relay")
    logger:info("relay started", { pid = process.pid() })
    coroutine.spawn(report_stats)

    while true do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            local event = r.value
            if event.kind == process.event.EXIT then
                logger:info("worker exited", { from = event.from })
            end
        else
            local msg = r.value
            if msg:topic() == "echo" then
                local echo = msg:payload():data()
                stats.messages = stats.messages + 1
                local _, err = process.spawn_monitored(
                    "app:worker", "app:processes", echo.sender, echo.data)
                if err then
                    logger:error("spawn failed", { error = tostring(err) })
                else
                    stats.workers_spawned = stats.workers_spawned + 1
                end
            end
        end
    end
end

return { main = main }
