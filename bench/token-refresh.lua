-- wrk script for bench/token-refresh-cpu.sh: POST token/refresh/ with the refresh token of the previous answer,
-- so every request rotates (one connection: each refresh token is presented once). Fails the run (wrk's
-- "Non-2xx or 3xx responses") as soon as one refresh is refused.
local refresh = os.getenv("BENCH_REFRESH")
local path = os.getenv("BENCH_PATH") or "/api/auth/token/refresh/"

request = function()
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, '{"refresh":"' .. refresh .. '"}')
end

response = function(status, headers, body)
  if status == 200 then
    local next = body:match('"refresh":"([^"]+)"')
    if next then
      refresh = next
    end
  end
end
