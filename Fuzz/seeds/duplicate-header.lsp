=Content-Length: 64
Content-Length: 64

{"jsonrpc":"2.0","id":2,"method":"preflight/models","params":{}}Content-Length: 5
content-length: 7

{"a":1}Content-Length: 44

{"jsonrpc":"2.0","id":4,"method":"shutdown"}