-- Ends at once with a value: its monitor gets EXIT with result.value.
return { main = function() return "exited normally" end }
