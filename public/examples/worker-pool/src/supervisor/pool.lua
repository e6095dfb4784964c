-- The supervisor: starts the workers linked to itself and traps links, so a worker that
-- fails arrives here as a LINK_DOWN event instead of taking the pool down with it. The
-- pool then starts a new worker under the same id. Jobs go round to the workers.
local time = require("time")

local function main(worker_count)
    worker_count = worker_count or 3
    process.set_options({ trap_links = true })

    local events = process.events()
    local inbox = process.inbox()
    local workers = {} -- pid -> { id = n }
    local by_id = {}   -- id -> pid
    local restarts = 0

    local function start_worker(id)
        local pid, err = process.spawn_linked("app.workers:task_worker", "app:processes", id)
        if err then
            print("pool: could not start worker " .. id .. ": " .. tostring(err))
            return
        end
        workers[pid] = { id = id }
        by_id[id] = pid
        print("pool: worker " .. id .. " started as " .. pid)
    end

    for id = 1, worker_count do
        start_worker(id)
    end
    print("pool: started with " .. worker_count .. " workers")

    local job = 0
    while true do
        local next_job = time.after("400ms")
        local r = channel.select {
            events:case_receive(),
            inbox:case_receive(),
            next_job:case_receive(),
        }

        if r.channel == events then
            local event = r.value
            if event.kind == process.event.LINK_DOWN then
                local dead = workers[event.from]
                if dead then
                    workers[event.from] = nil
                    by_id[dead.id] = nil
                    restarts = restarts + 1
                    print("pool: worker " .. dead.id .. " died, restarting (restart " .. restarts .. ")")
                    time.sleep("100ms")
                    start_worker(dead.id)
                end
            end
        elseif r.channel == inbox then
            local msg = r.value
            if msg:topic() == "result" then
                print("pool: " .. msg:payload():data())
            end
        else
            -- Hand the next job to the next worker in turn (a restarting one is skipped).
            job = job + 1
            local pid = by_id[(job - 1) % worker_count + 1]
            if pid then
                process.send(pid, "work", "job " .. job)
            end
        end
    end
end

return { main = main }
