/**
 * The harness's drivers: the part a page leaves to a parent (spawn the block's worker, send it
 * what it waits for, watch it end). Each is the Lua of `app.docs:driver`, which spawns the block
 * as `app.docs:block`, monitored, and prints how it ended as `driver: block exited with …`.
 */

/** Lua statements run after the spawn, with `pid` the block's pid. */
export function spawnDriver(options: { args?: string; then?: string; before?: string }): string {
  const args = options.args ? `, ${options.args}` : '';
  return `local function main()
  local events = process.events()
  ${options.before ?? ''}
  local pid = assert(process.spawn_monitored("app.docs:block", "app:processes"${args}))
  ${options.then ?? ''}
  while true do
    local event = events:receive()
    if event.kind == process.event.EXIT and event.from == pid then
      local r = event.result
      print("driver: block exited with " .. (r.error and ("error " .. tostring(r.error)) or tostring(r.value)))
      return
    end
  end
end
return { main = main }`;
}
