=Content-Length: 86

{"jsonrpc":"2.0","id":2,"method":"preflight/countTokens","params":{"text":"héllo 世界"}}Content-Length: 80

{"jsonrpc":"2.0","id":3,"method":"preflight/countTokens","params":{"text":"ok"}}