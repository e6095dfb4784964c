-- A task {task_id, value}: returns twice its value after a short pause.
local function main(task)
  time.sleep("10ms")
  return task.value * 2
end

return { main = main }
