-- Error handling (original page: エラー). `.invalid` never resolves, so the connect fails
-- with a retryable errors.INTERNAL ("Internal") error.
-- Names the page leaves undefined:
local url = "wss://unreachable.invalid/ws"

local function connect()
local client, err = websocket.connect(url)
if err then
    if errors.is(err, errors.PERMISSION_DENIED) then
        print("Access denied:", err:message())
    elseif err:retryable() then
        print("Temporary error:", err:message())
    end
    return nil, err
end
return client
end

local client, err = connect()
-- tostring: the platform's print writes nil and booleans as empty strings.
print("kind:", tostring(err and err:kind()), "retryable:", tostring(err and err:retryable()))
if client then client:close() end
