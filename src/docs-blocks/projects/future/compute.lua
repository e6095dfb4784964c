-- task answers at once; slow takes a tenth of a second.
return {
  task = function(data) return { done = true, data = data } end,
  slow = function(data)
    time.sleep("100ms")
    return { done = true, data = data }
  end,
}
