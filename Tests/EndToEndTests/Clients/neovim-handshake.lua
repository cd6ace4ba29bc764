-- Headless Neovim (0.7.2 API: vim.lsp.start_client, vim.wait) as a real LSP client of
-- `preflight serve`: handshake, one custom request, shutdown. Writes a result line to
-- $PREFLIGHT_NVIM_RESULT and quits; the Swift test reads it.
local bin = os.getenv("PREFLIGHT_BIN")
local out = os.getenv("PREFLIGHT_NVIM_RESULT")
local lines = {}
local function say(s) table.insert(lines, s) end
local function finish(code)
  local f = assert(io.open(out, "w"))
  f:write(table.concat(lines, "\n") .. "\n")
  f:close()
  vim.cmd(code == 0 and "qa!" or "cquit")
end

local exited, exit_code = false, nil
local function main()
local client_id = vim.lsp.start_client({
  name = "preflight",
  cmd = { bin, "serve" },
  root_dir = vim.fn.getcwd(),
  on_exit = function(code, _) exited = true; exit_code = code end,
})
if not client_id then say("error: start_client failed"); return finish(1) end

local ok = vim.wait(10000, function()
  local c = vim.lsp.get_client_by_id(client_id)
  return c ~= nil and c.initialized
end, 20)
if not ok then say("error: initialize timed out"); return finish(1) end
local client = vim.lsp.get_client_by_id(client_id)
say("server " .. (client.server_capabilities and "ok" or "no-capabilities"))
say("name " .. tostring(client.name))
local exp = client.server_capabilities.experimental or {}
local methods = (exp.preflight or {}).methods or {}
say("methods " .. table.concat(methods, ","))

local got
client.request("preflight/countTokens", { text = "Hello from Neovim" }, function(err, result)
  got = { err = err, result = result }
end, 0)
if not vim.wait(10000, function() return got ~= nil end, 20) then say("error: request timed out"); return finish(1) end
if got.err then say("error: " .. vim.inspect(got.err)); return finish(1) end
say("tokens " .. tostring(got.result.tokens))
say("tokenizer " .. tostring(got.result.tokenizer))

client.stop()
if not vim.wait(10000, function() return exited end, 20) then say("error: server did not exit"); return finish(1) end
say("exit " .. tostring(exit_code))
return finish(0)
end

local ok, err = pcall(main)
if not ok then say("error: " .. tostring(err)); finish(1) end
