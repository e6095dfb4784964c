-- The echo client: a process on the terminal host, so io.readline reads the console's
-- input line. Each line goes to the relay by its registered name; the answer comes
-- straight from the worker that handled it.
local io = require("io")
local time = require("time")

local function wait_for_relay()
    -- The relay service starts with the run; give it a moment to register its name.
    local deadline = time.after("5s")
    while not process.registry.lookup("relay") do
        local tick = time.after("50ms")
        local r = channel.select { deadline:case_receive(), tick:case_receive() }
        if r.channel == deadline then
            return false
        end
    end
    return true
end

local function main()
    local inbox = process.inbox()
    if not wait_for_relay() then
        io.print("relay not ready")
        return 1
    end

    io.print("Echo client: type a line and press Enter (an empty line quits).")

    while true do
        io.write("> ")
        local line = io.readline()
        if not line or #line == 0 then
            break
        end

        local ok, err = process.send("relay", "echo", { sender = process.pid(), data = line })
        if err then
            io.print("  error: relay not available")
        else
            local timeout = time.after("2s")
            local r = channel.select { inbox:case_receive(), timeout:case_receive() }
            if r.channel == timeout then
                io.print("  timeout")
            else
                local msg = r.value
                if msg:topic() == "echo_response" then
                    local answer = msg:payload():data()
                    io.print("  " .. answer.data)
                    io.print("  from worker: " .. answer.worker)
                end
            end
        end
    end

    io.print("Goodbye!")
    return 0
end

return { main = main }
