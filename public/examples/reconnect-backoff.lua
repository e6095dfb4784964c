-- Reconnect with exponential backoff, retrying only errors that say err:retryable().
-- The first host never resolves (`.invalid`), so the retries run out; then the script
-- falls back to the echo server.
local function connect_with_backoff(url, attempts, base_ms)
    local delay = base_ms
    for attempt = 1, attempts do
        local client, err = websocket.connect(url, { dial_timeout = "2s" })
        if client then
            return client
        end
        if not err:retryable() then
            print(string.format("attempt %d: %s (not retryable, giving up)", attempt, err:kind()))
            return nil, err
        end
        print(string.format("attempt %d failed: %s; retrying in %d ms", attempt, err:kind(), delay))
        time.sleep(delay * time.MILLISECOND)
        delay = delay * 2
    end
    return nil, errors.new({ kind = errors.UNAVAILABLE, message = url .. " unreachable", retryable = true })
end

local client, err = connect_with_backoff("wss://flaky.invalid/ws", 3, 100)
if not client then
    print("giving up on primary: " .. tostring(err))
    client = assert(connect_with_backoff("wss://api.example.com/ws", 3, 100))
end

client:send("hello after reconnect")
print("echo: " .. client:channel():receive().data)
client:close()
