-- Small answers shaped as the page's blocks read them (a user has a name).
return {
  get_user = function(id) return { id = id, name = "Ada" } end,
  list_users = function() return { { id = 1, name = "Ada" } } end,
  list_posts = function() return {} end,
  get_orders = function(id) return { { id = 7, user = id } } end,
  get_preferences = function() return { dark_mode = true } end,
  fail = function() error("the call fails on purpose") end,
  slow_operation = function(data)
    time.sleep("50ms")
    return data
  end,
}
