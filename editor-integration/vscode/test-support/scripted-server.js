#!/usr/bin/env node
'use strict';
// A scripted language server for the client's tests: what the real server cannot be made to do
// on demand. It reports the `serverInfo.version` in $SCRIPTED_SERVER_VERSION (default 0.1.0,
// the release before editor support) and no text-document capabilities, and it has test methods:
//   test/ask {method, params}  sends that request to the client and replies with the client's
//                               whole answer ({result} or {error}), so a test sees what the
//                               client answered to server-to-client requests;
//   test/hang {}               never replies (a test kills the server meanwhile);
//   test/burst {text, count}   replies, then sends `count` notifications `test/said {text, n}`,
//                               writing all the bytes in awkward chunks: one byte, a cut inside
//                               a multi-byte character, several frames in one write.
// Its framing code is deliberately separate from lsp-client.js, so a bug there is not mirrored.

let buffer = Buffer.alloc(0);
let shutdown = false;
let nextId = 1;
const waiting = new Map();

function frame(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

function send(message) {
    process.stdout.write(frame(message));
}

function handle(message) {
    if (message.method === undefined) {
        const answer = waiting.get(message.id);
        if (answer) {
            waiting.delete(message.id);
            answer(message);
        }
        return;
    }
    const reply = (result) => send({ jsonrpc: '2.0', id: message.id, result });
    switch (message.method) {
        case 'initialize':
            reply({
                capabilities: { experimental: { preflight: { methods: ['test/ask', 'test/hang', 'test/burst'] } } },
                serverInfo: { name: 'preflight', version: process.env.SCRIPTED_SERVER_VERSION || '0.1.0' },
            });
            break;
        case 'test/ask': {
            const id = `s${nextId++}`;
            waiting.set(id, (answer) => {
                const whole = {};
                if ('result' in answer) whole.result = answer.result;
                if ('error' in answer) whole.error = answer.error;
                reply(whole);
            });
            send({ jsonrpc: '2.0', id, method: message.params.method, params: message.params.params });
            break;
        }
        case 'test/burst': {
            const { text, count } = message.params;
            const frames = [frame({ jsonrpc: '2.0', id: message.id, result: { count } })];
            for (let n = 0; n < count; n++) frames.push(frame({ jsonrpc: '2.0', method: 'test/said', params: { text, n } }));
            const bytes = Buffer.concat(frames);
            // Cut one byte after the first multi-byte character starts, so it spans two writes.
            const firstBody = bytes.indexOf('\r\n\r\n') + 4;
            let multiByte = firstBody;
            while (multiByte < bytes.length && bytes[multiByte] < 0x80) multiByte++;
            const cuts = [1, firstBody - 2, multiByte + 1, bytes.length];
            let start = 0;
            const writeNext = () => {
                const end = cuts.shift();
                if (end === undefined) return;
                if (end > start) process.stdout.write(bytes.subarray(start, end));
                start = Math.max(start, end);
                setTimeout(writeNext, 15);
            };
            writeNext();
            break;
        }
        case 'test/hang':
            break;
        case 'shutdown':
            shutdown = true;
            reply(null);
            break;
        case 'exit':
            process.exit(shutdown ? 0 : 1);
            break;
        default:
            if (message.id !== undefined) {
                send({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: `method not found: ${message.method}` } });
            }
    }
}

process.stdin.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const match = /Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'));
        const length = match ? Number(match[1]) : 0;
        if (buffer.length < end + 4 + length) return;
        const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
        buffer = buffer.subarray(end + 4 + length);
        handle(JSON.parse(body));
    }
});
process.stdin.on('end', () => process.exit(0));
