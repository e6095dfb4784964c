-- A worker lives for one line: it gets the client's pid and the text as arguments,
-- answers the client directly and ends (the relay sees its EXIT).
local function main(sender_pid, data)
    process.send(sender_pid, "echo_response", {
        data = string.upper(data),
        worker = process.pid(),
    })
    return 0
end

return { main = main }
