#!/usr/bin/env node
// A loopback RFC 3161 time-stamping authority for development and tests: `openssl ts -reply`
// behind HTTP, as RFC 3161 section 3.4 describes the transport. POST / with a body of type
// application/timestamp-query answers application/timestamp-reply, signed with the TSA
// certificate and key that tools/dev-pki.sh made. Listens on 127.0.0.1 only.
//
//   node tools/timestamp-authority/server.js --pki .local/pki [--port 7072] [--exit-with-stdin]
//
// Prints "timestamp authority: http://127.0.0.1:<port>/" once it listens (--port 0 picks a free
// port). With --exit-with-stdin it stops when its standard input closes, so a test process that
// dies cannot leave it behind.
'use strict';

const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');

const MAX_QUERY_BYTES = 16 * 1024;
const OPENSSL_TIMEOUT_MS = 10000;

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
const pki = path.resolve(options.pki);
// openssl cannot read a query from node's stdio (a socket pair, not a pipe): one query and one
// reply file, reused, since replies are made one at a time.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'timestamp-authority-'));
const queryFile = path.join(work, 'query.tsq');
const replyFile = path.join(work, 'reply.tsr');

// openssl keeps the serial number in a file it rewrites on every reply: replies are made one at a
// time so that no two tokens share a serial number.
let queue = Promise.resolve();
function reply(query) {
  const run = queue.then(() => new Promise((resolve, reject) => {
    fs.writeFileSync(queryFile, query);
    fs.rmSync(replyFile, { force: true });
    const child = spawn('openssl', ['ts', '-reply', '-config', 'tsa.cnf', '-queryfile', queryFile, '-out', replyFile],
      { cwd: pki, stdio: ['ignore', 'ignore', 'pipe'] });
    const errors = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), OPENSSL_TIMEOUT_MS);
    child.stderr.on('data', chunk => errors.push(chunk));
    child.on('error', error => { clearTimeout(timer); reject(error); });
    child.on('close', code => {
      clearTimeout(timer);
      const response = code === 0 && fs.existsSync(replyFile) ? fs.readFileSync(replyFile) : Buffer.alloc(0);
      // openssl prints "Response has been generated." and configuration notes on stderr even when
      // it succeeds; only a failing exit code or no reply is a failure.
      if (response.length > 0) resolve(response);
      else reject(new Error(`openssl ts -reply exited with ${code}: ${Buffer.concat(errors).toString().trim()}`));
    });
  }));
  queue = run.catch(() => undefined);
  return run;
}

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
    reply(Buffer.concat(chunks)).then(
      token => answer(response, 200, 'application/timestamp-reply', token),
      error => {
        process.stderr.write(`timestamp authority: ${error.message}\n`);
        answer(response, 500, 'text/plain', Buffer.from('the time-stamping authority failed\n'));
      });
  });
});

function stop() {
  fs.rmSync(work, { recursive: true, force: true });
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
