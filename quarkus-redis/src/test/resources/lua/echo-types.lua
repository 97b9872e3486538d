-- returns one value of each Lua type the executor converts: string, integer, false (nil), true, nested table
return {ARGV[1], tonumber(ARGV[2]), false, true, {KEYS[1]}}
