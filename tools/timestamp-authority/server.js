#!/usr/bin/env node
// A loopback RFC 3161 time-stamping authority for development and tests, behind HTTP as RFC 3161
// section 3.4 describes the transport. POST / with a body of type application/timestamp-query
// answers application/timestamp-reply, signed in process (responder.js) with the TSA certificate
// and key that tools/dev-pki.sh made: the key is loaded once, so a reply costs a signature, not
// an `openssl ts -reply` process. `openssl ts -verify` and our verifier accept its tokens.
// Listens on 127.0.0.1 only.
//
//   node tools/timestamp-authority/server.js --pki .local/pki [--port 7072] [--exit-with-stdin]
//
// Prints "timestamp authority: http://127.0.0.1:<port>/" once it listens (--port 0 picks a free
// port). With --exit-with-stdin it stops when its standard input closes, so a test process that
// dies cannot leave it behind.
'use strict';

const http = require('node:http');
const path = require('node:path');
const { createResponder } = require('./responder');

const MAX_QUERY_BYTES = 16 * 1024;

function parseArguments(argv) {
  const options = { pki: '.local/pki', port: 7072, exitWithStdin: false };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--pki': options.pki = argv[++i]; break;
      case '--port': options.port = Number.parseInt(argv[++i], 10); break;
      case '--exit-with-stdin': options.exitWithStdin = true; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port needs a number from 0 to 65535');
  }
  return options;
}

const options = parseArguments(process.argv.slice(2));
const responder = createResponder(path.resolve(options.pki));

function answer(response, status, type, body) {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  response.end(body);
}

const server = http.createServer((request, response) => {
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    answer(response, 405, 'text/plain', Buffer.from('POST a timestamp query\n'));
    return;
  }
  const type = (request.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/timestamp-query') {
    answer(response, 415, 'text/plain', Buffer.from('Content-Type must be application/timestamp-query\n'));
    return;
  }
  const chunks = [];
  let size = 0;
  let refused = false;
  request.on('data', chunk => {
    size += chunk.length;
    if (size > MAX_QUERY_BYTES && !refused) {
      refused = true;
      answer(response, 413, 'text/plain', Buffer.from('timestamp query too large\n'));
      request.destroy();
      return;
    }
    chunks.push(chunk);
  });
  request.on('end', () => {
    if (refused) return;
    let reply;
    try {
      // A query it cannot grant is answered 200 with a rejection status inside, as RFC 3161 asks.
      reply = responder.reply(Buffer.concat(chunks));
    } catch (error) {
      process.stderr.write(`timestamp authority: ${error.message}\n`);
      answer(response, 500, 'text/plain', Buffer.from('the time-stamping authority failed\n'));
      return;
    }
    answer(response, 200, 'application/timestamp-reply', reply);
  });
});

function stop() {
  server.close(() => process.exit(0));
  // Connections kept alive by clients would hold close() open.
  server.closeAllConnections();
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (options.exitWithStdin) {
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

server.listen(options.port, '127.0.0.1', () => {
  process.stdout.write(`timestamp authority: http://127.0.0.1:${server.address().port}/\n`);
});
