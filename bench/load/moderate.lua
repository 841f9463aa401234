-- wrk script: POST /v1/moderate with review bodies read from the file named by $BODIES
-- (one JSON object per line), cycling through them; each thread starts at a different line.
-- With BODIES empty it sends plain GETs, so the trivial route is measured through the same
-- client code path. Requests are formatted once in init(): the client builds nothing per request.
local requests = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

function init(args)
  local path = os.getenv("BODIES")
  assert(path, "set BODIES to a JSON Lines file of request bodies, or to \"\" for GETs")
  if path == "" then
    requests[1] = wrk.format("GET")
    return
  end
  local headers = { ["Content-Type"] = "application/json" }
  for line in io.lines(path) do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("POST", nil, headers, line)
    end
  end
  assert(#requests > 0, "no request bodies in " .. path)
end

local i = 0
function request()
  i = i + 1
  return requests[((i + (offset or 0)) % #requests) + 1]
end
