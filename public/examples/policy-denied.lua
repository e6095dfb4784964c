-- A connection the security policy denies: websocket.connect returns an error of kind errors.PERMISSION_DENIED ("PermissionDenied")
-- before any socket is opened. The default playground policy's entry deny_admin_paths
-- denies every URL matching '^wss?://[^/]+/admin' (see the Policy tab: edit the registry file
-- there and run this again). The message is the platform's ("not allowed: <url>"); the Policy
-- tab's denied list says which entry decided.
local url = "ws://api.example.com:8080/admin"

local client, err = websocket.connect(url)
if err then
    if errors.is(err, errors.PERMISSION_DENIED) then
        print("Access denied: " .. err:message())
    else
        print("Unexpected error: " .. tostring(err))
    end
else
    print("connected?! " .. tostring(client))
    client:close()
end
