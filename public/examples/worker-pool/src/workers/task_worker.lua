-- A pool worker: takes "work" messages, answers the sender, and ends on CANCEL. To show
-- the supervision, worker 1 is a flaky one: its third job fails. An error ends the
-- process with an error, which is what sends LINK_DOWN to the pool (a normal end, as
-- after CANCEL, would not).
local time = require("time")

local function main(worker_id)
    local events = process.events()
    local inbox = process.inbox()
    local done = 0

    print("worker " .. worker_id .. " ready")

    while true do
        local r = channel.select { inbox:case_receive(), events:case_receive() }
        if r.channel == events then
            local event = r.value
            if event.kind == process.event.CANCEL then
                print("worker " .. worker_id .. " cancelled")
                return "cancelled"
            end
        else
            local msg = r.value
            if msg:topic() == "work" then
                local job = msg:payload():data()
                if worker_id == 1 and done == 2 then
                    error("worker " .. worker_id .. " crashed on " .. job)
                end
                time.sleep("50ms")
                done = done + 1
                process.send(msg:from(), "result", "worker " .. worker_id .. " completed " .. job)
            end
        end
    end
end

return { main = main }
