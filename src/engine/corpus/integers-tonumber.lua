-- tonumber with a base, fixed together with 64-bit integers (C's b_str2int in lbaselib).
-- case: tonumber-base-invalid-digit
print(tonumber("102", 2), tonumber("9", 8), tonumber("g", 16))
-- case: tonumber-base-float-string
print(tonumber("1.5", 10), tonumber("1e1", 10))
