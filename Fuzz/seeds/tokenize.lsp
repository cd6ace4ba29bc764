Content-Length: 101

{"jsonrpc":"2.0","id":4,"method":"preflight/tokenize","params":{"text":"a<|endoftext|>","allowedSpecial":"all"}}