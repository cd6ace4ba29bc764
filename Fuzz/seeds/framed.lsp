Content-Length: 52

{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}content-length: 5
Content-Type: x

[1,2]Content-Length: abc

{}