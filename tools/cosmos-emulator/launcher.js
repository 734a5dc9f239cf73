#!/usr/bin/env node
"use strict";

// Starts @vercel/cosmosdb-server (pinned in package.json) on loopback over HTTPS and fixes what the
// Microsoft.Azure.Cosmos .NET SDK needs from it. See docs/local-emulators.md for each fix.
//
// How: the package builds its router (lib/routes.js) from the `default` export of each handler
// module when lib/index.js is first required. Handler modules are plain CommonJS objects, so the
// handlers replaced below are swapped in before that first require, and the router picks them up.
//
// Usage: node tools/cosmos-emulator/launcher.js [--port 8081] [--host 127.0.0.1]
// Environment: COSMOS_EMULATOR_PORT, COSMOS_EMULATOR_HOST, COSMOS_EMULATOR_TLS_DIR.

const { execFileSync } = require("child_process");
const fs = require("fs");
const net = require("net");
const path = require("path");
const { preprocess, postprocess, queryPlan, badRequest } = require("./query");
const {
  PACKAGE, lib, notFound, badRequestBody, partitionKeyPaths, partitionKeyHeader, inPartition, lsnState
} = require("./common");
const { batchDocuments } = require("./batch-documents");

const readJson = lib("json").default;
const trueHeader = lib("true-header").default;
const { readOperation } = lib("handler/_document-operations");
const Documents = lib("account/documents").default;
const Items = lib("account/items").default;
// The SQL engine is the package's own dependency: resolve it from there, not from our package.json.
const ENGINE = require.resolve("@zeit/cosmosdb-query", { paths: [path.dirname(require.resolve(PACKAGE))] });
const engine = require(ENGINE);
const { SyntaxError: QuerySyntaxError } = engine;

const REPO_ROOT = path.resolve(__dirname, "..", "..");

// ---------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const options = {
    port: Number(process.env.COSMOS_EMULATOR_PORT || 8081),
    host: process.env.COSMOS_EMULATOR_HOST || "127.0.0.1",
    tlsDir: process.env.COSMOS_EMULATOR_TLS_DIR || path.join(REPO_ROOT, ".emulators", "cosmos-tls")
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [key, inline] = arg.split("=", 2);
    const value = inline !== undefined ? inline : argv[(i += 1)];
    if (key === "--port") options.port = Number(value);
    else if (key === "--host") options.host = value;
    else throw new Error(`Unknown option ${arg}. Usage: launcher.js [--port N] [--host ADDRESS]`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new Error(`Invalid port: ${options.port}`);
  }
  // The emulator checks no key: anything that can reach it can read and write everything.
  if (!net.isIP(options.host) || !/^(127\.|::1$)/.test(options.host)) {
    throw new Error(`Refusing to listen on ${options.host}: the emulator serves loopback addresses only`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// TLS: the package's own certificate expired long ago; a fresh self-signed one is made here on
// first start (and again when it nears expiry) in a git-ignored folder, so no key is ever committed.

function certificate(tlsDir) {
  const cert = path.join(tlsDir, "cert.pem");
  const key = path.join(tlsDir, "key.pem");
  const valid = () => {
    if (!fs.existsSync(cert) || !fs.existsSync(key)) return false;
    try {
      execFileSync("openssl", ["x509", "-checkend", "86400", "-noout", "-in", cert], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (!valid()) {
    fs.mkdirSync(tlsDir, { recursive: true, mode: 0o700 });
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert],
      { stdio: "ignore" }
    );
    fs.chmodSync(key, 0o600);
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

// ---------------------------------------------------------------------------------------------
// Documents of a partition, for the queries and reads below

function documentsOf(collection, partitionValues) {
  const docs = [...collection.documents._data.values()].map(item => item.read());
  if (!partitionValues) return docs;
  const paths = partitionKeyPaths(collection);
  return docs.filter(doc => inPartition(doc, paths, partitionValues));
}

// ---------------------------------------------------------------------------------------------
// Fix 1: reading a missing id answered 500 (the package dereferenced the missing document).

async function readDocument(account, req, res, { dbId, collId, docId }) {
  const collection = account.database(dbId).collection(collId);
  if (!collection.read()) return notFound(res);
  let values;
  try {
    values = partitionKeyHeader(req);
  } catch (err) {
    return badRequestBody(res, err.message);
  }
  const paths = partitionKeyPaths(collection);
  if (!values && paths.length) {
    return badRequestBody(res, "PartitionKey value must be supplied for this operation.");
  }
  const result = readOperation(collection, {
    // Without key paths the package keys documents by id alone.
    partitionKey: req.headers["x-ms-documentdb-partitionkey"] || JSON.stringify([docId]),
    id: docId
  });
  // The package keys documents by the first key path only; check the whole key as Cosmos DB does.
  if (result.statusCode !== 200 || (values && !inPartition(result.body, paths, values))) {
    return notFound(res);
  }
  res.statusCode = 200;
  return result.body;
}

// ---------------------------------------------------------------------------------------------
// Fixes 2, 3, 4, 5: queries.

/** Continuation tokens are offsets into the full result; the SDK passes them back verbatim. */
const encodeToken = offset => Buffer.from(JSON.stringify({ offset })).toString("base64");

function decodeToken(raw) {
  if (!raw) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(String(raw), "base64").toString());
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through
  }
  throw badRequest(`Invalid continuation token: ${raw}`);
}

async function queryDocuments(account, req, res, { dbId, collId }) {
  let body;
  try {
    body = await readJson(req);
  } catch (err) {
    return badRequestBody(res, `Invalid query body: ${err.message}`);
  }
  if (!body || typeof body.query !== "string") return badRequestBody(res, "missing query");
  const collection = account.database(dbId).collection(collId);
  if (!collection.read()) return notFound(res);
  // Fix 5: with optimistic direct execution the SDK reads this after every page, and "true" makes
  // it drop the pages read so far and restart through the query-plan pipeline. The service says
  // "false" for a query that one partition range answers whole, which is every query here.
  res.setHeader("x-ms-cosmos-query-requiresdistribution", "false");

  try {
    const clauses = preprocess(body.query, body.parameters);
    const engineQuery = collection.documents._getQuery(clauses.sql); // also validates the syntax

    // Fix 3: the SDK on Linux asks the gateway for a plan first; answer with one, not with rows.
    if (trueHeader(req, "x-ms-cosmos-is-query-plan-request")) {
      res.statusCode = 200;
      return queryPlan(clauses);
    }

    // Fix 2: a partition-key header scopes the query to that logical partition, whatever the SQL.
    const docs = documentsOf(collection, partitionKeyHeader(req));
    const parent = collection.read();
    const { result } = engineQuery.exec(docs, {
      parameters: body.parameters,
      udf: collection.documents._userDefinedFunctions(),
      compositeIndexes: (parent.indexingPolicy && parent.indexingPolicy.compositeIndexes) || []
    });
    // Fix 4: DISTINCT, TOP and OFFSET/LIMIT, which the engine does not parse, applied here.
    const rows = postprocess(result, clauses);

    const start = decodeToken(req.headers["x-ms-continuation"]);
    const maxItemCount = parseInt(req.headers["x-ms-max-item-count"], 10);
    const end = maxItemCount > 0 ? start + maxItemCount : rows.length;
    const page = rows.slice(start, end);
    if (end < rows.length) res.setHeader("x-ms-continuation", encodeToken(end));
    res.setHeader("x-ms-item-count", String(page.length));
    res.statusCode = 200;
    return { _rid: parent._rid, Documents: page, _count: page.length };
  } catch (err) {
    if (err instanceof QuerySyntaxError || err.badRequest) return badRequestBody(res, err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Fix 6: the change feed. The package answered every read with everything and etag "1", then 304
// forever. Each write now gets a per-container sequence number (an LSN); the feed returns the
// documents whose latest write is after the LSN in If-None-Match, oldest first, and the etag of a
// page is the LSN of its last document, which the SDK sends back as its continuation.

Documents.prototype._set = function setWithLsn(data) {
  const stored = Items.prototype._set.call(this, data);
  const state = lsnState(this);
  state.last += 1;
  state.byRid.set(stored._rid, state.last);
  return stored;
};

// A deleted document leaves the feed (the feed shows latest versions, not deletes); forget its LSN.
// Replace also passes through here, and _set above then records the new LSN.
Documents.prototype.delete = function deleteWithLsn(idOrRid, partition) {
  const data = this._item("/id", idOrRid, partition).read();
  Items.prototype.delete.call(this, idOrRid, partition);
  if (data) lsnState(this).byRid.delete(data._rid);
};

const quotedLsn = lsn => `"${lsn}"`;

function parseLsn(raw, state) {
  if (!raw) return 0; // ChangeFeedStartFrom.Beginning
  if (raw === "*") return state.last; // ChangeFeedStartFrom.Now
  const lsn = Number(String(raw).replace(/"/g, ""));
  if (!Number.isInteger(lsn) || lsn < 0) throw badRequest(`Invalid change feed continuation: ${raw}`);
  return lsn;
}

function changeFeed(collection, req, res) {
  const state = lsnState(collection.documents);
  const since = parseLsn(req.headers["if-none-match"], state);
  const modifiedSince = req.headers["if-modified-since"] ? Date.parse(req.headers["if-modified-since"]) : null;
  const maxItemCount = parseInt(req.headers["x-ms-max-item-count"], 10);

  const changes = documentsOf(collection, partitionKeyHeader(req))
    .map(doc => ({ doc, lsn: state.byRid.get(doc._rid) || 0 }))
    .filter(({ doc, lsn }) => lsn > since && (modifiedSince === null || doc._ts * 1000 >= modifiedSince))
    .sort((a, b) => a.lsn - b.lsn);
  const page = maxItemCount > 0 ? changes.slice(0, maxItemCount) : changes;

  // The package's request wrapper rewrites status and etag of any response to a request with an
  // A-IM header; the header has been read, so it is dropped to keep the answer given here.
  delete req.headers["a-im"];
  // The SDK parses x-ms-item-count on every change feed answer, 304 included.
  res.setHeader("x-ms-item-count", String(page.length));
  if (page.length === 0) {
    res.statusCode = 304;
    res.setHeader("etag", quotedLsn(since));
    return {};
  }
  const lastLsn = page[page.length - 1].lsn;
  res.statusCode = 200;
  res.setHeader("etag", quotedLsn(lastLsn));
  return {
    _rid: collection.read()._rid,
    Documents: page.map(({ doc, lsn }) => ({ ...doc, _lsn: lsn })),
    _count: page.length
  };
}

const originalReadDocuments = lib("handler/read-documents").default;

async function readDocuments(account, req, res, params) {
  const isChangeFeed = String(req.headers["a-im"] || "").toLowerCase() === "incremental feed";
  if (!isChangeFeed) return originalReadDocuments(account, req, res, params);
  const collection = account.database(params.dbId).collection(params.collId);
  if (!collection.read()) return notFound(res);
  try {
    return changeFeed(collection, req, res);
  } catch (err) {
    if (err.badRequest) return badRequestBody(res, err.message);
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Fix 8: resource ids in the service's base64 alphabet. The package wrote rids (_rid, _self) in
// plain base64, so about one database in 64 (its rid counter ending in 63, e.g. "gAG/AA==") got a
// '/' in its rid. The SDK parses a rid and writes it back with '-' for '/' (as the service does)
// when it addresses a resource by rid, above all GET /dbs/{dbRid}/colls/{collRid}/pkranges before
// every cross-partition query. The package looked "gAG-AA==" up as given, found nothing, and
// answered 404, which the SDK reports as "GetTargetPartitionKeyRanges(...) failed due to stale
// cache". (And a '/' in a _self link splits a path segment in two.) It looked like a race because
// it hit whichever test class happened to create that database on a long-running emulator.
// Rids are now made with '-' (the package keeps them as map keys, so lookups by the SDK's spelling
// match), and parsed with every '-' turned back (the package turned only the first one).

const ResourceId = lib("account/resource-id").default;
ResourceId.toBase64String = buffer => buffer.toString("base64").replace(/\//g, "-");
ResourceId.fromBase64String = s => Buffer.from(String(s).replace(/-/g, "/"), "base64");

// ---------------------------------------------------------------------------------------------
// Fix 9: "Prefer: return=minimal". The SDK sends it for EnableContentResponseOnWrite = false, and
// the service then answers a write with its headers (ETag included) and no body. The package
// ignored it and sent the whole document back, which the SDK then parsed for nothing — on a 15 KB
// assessment, more client CPU than the write itself.

function minimalOnRequest(handler) {
  return async (account, req, res, params) => {
    const body = await handler(account, req, res, params);
    const prefer = String(req.headers.prefer || "").toLowerCase();
    if (!prefer.includes("return=minimal") || res.statusCode >= 400 || !body || !body._etag) return body;
    // The package sets the ETag header from the body it returns: set it here, return no body.
    res.setHeader("etag", body._etag);
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------
// Fix 10: queries in time linear in the container's documents. The engine compiles a query to
// JavaScript whose FROM clause builds its rows with `rows.reduce(($, c) => [...$, { c }], [])`,
// copying the array so far at every document, and strips undefined values from a result array the
// same way: every query cost O(n²) in the documents of the container, whatever it selects (2.7 s
// at 20,000 documents, 25 ms at 4,000). Both now append in place; rows and results are the same.

const engineHelpers = require(path.join(path.dirname(ENGINE), "helpers"));
const engineTransform = require(path.join(path.dirname(ENGINE), "transformer")).default;
const generateCode = require(require.resolve("@babel/generator", { paths: [path.dirname(ENGINE)] })).default;

const isIdentifier = (node, name) => node && node.type === "Identifier" && node.name === name;
const spreadsAccumulator = node =>
  node && node.type === "ArrayExpression" && node.elements.length > 0 &&
  node.elements[0].type === "SpreadElement" && isIdentifier(node.elements[0].argument, "$");

/** `[...$, a, ...b]` as `($.push(a, ...b), $)`: the same array contents, without the copy. */
const appendInPlace = array => ({
  type: "SequenceExpression",
  expressions: [
    {
      type: "CallExpression",
      callee: { type: "MemberExpression", object: { type: "Identifier", name: "$" }, property: { type: "Identifier", name: "push" }, computed: false },
      arguments: array.elements.slice(1)
    },
    { type: "Identifier", name: "$" }
  ]
});

/**
 * Rewrites the engine's accumulating reducers, `xs.reduce(($, …) => [...$, …], [])` and
 * `xs.reduce(($, …) => test ? [...$, …] : $, [])`, to push into the accumulator. The accumulator
 * is the reduce call's own `[]` literal, a new array at every run, so nothing else sees it change.
 */
function linearReducers(node) {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    node.forEach(linearReducers);
    return;
  }
  const [reducer, initial] = node.type === "CallExpression" ? node.arguments : [];
  if (node.callee && node.callee.type === "MemberExpression" && isIdentifier(node.callee.property, "reduce") &&
      reducer && reducer.type === "ArrowFunctionExpression" && isIdentifier(reducer.params[0], "$") &&
      initial && initial.type === "ArrayExpression" && initial.elements.length === 0) {
    const { body } = reducer;
    if (spreadsAccumulator(body)) reducer.body = appendInPlace(body);
    else if (body.type === "ConditionalExpression" && spreadsAccumulator(body.consequent) && isIdentifier(body.alternate, "$")) {
      body.consequent = appendInPlace(body.consequent);
    }
  }
  for (const key of Object.keys(node)) {
    if (key !== "loc" && key !== "start" && key !== "end") linearReducers(node[key]);
  }
}

const QueryPrototype = Object.getPrototypeOf(engine.default("SELECT * FROM c"));
Object.defineProperty(QueryPrototype, "code", {
  configurable: true,
  get() {
    if (!this._code) {
      const jsAst = engineTransform(this.ast);
      linearReducers(jsAst);
      this._code = generateCode(jsAst).code;
    }
    return this._code;
  }
});

// The engine's own recursion goes through this export, so nested arrays are linear too.
engineHelpers.stripUndefined = function stripUndefined(value) {
  if (Array.isArray(value)) {
    const kept = [];
    for (const item of value) if (typeof item !== "undefined") kept.push(stripUndefined(item));
    return kept;
  }
  if (value && typeof value === "object") {
    const kept = {};
    for (const [key, item] of Object.entries(value)) if (typeof item !== "undefined") kept[key] = stripUndefined(item);
    return kept;
  }
  return value;
};

// ---------------------------------------------------------------------------------------------
// Swap the handlers in before the package builds its router (see the top of this file).

for (const name of ["create-document", "upsert-document", "replace-document", "patch-document"]) {
  const module = lib(`handler/${name}`);
  module.default = minimalOnRequest(module.default);
}

lib("handler/read-document").default = readDocument;
lib("handler/query-documents").default = queryDocuments;
lib("handler/read-documents").default = readDocuments;
lib("handler/batch-documents").default = batchDocuments;
const { createHttpsServer } = require(PACKAGE);

// ---------------------------------------------------------------------------------------------
// Start

function start(options) {
  // Fix 7: keepAlive makes the package answer "Connection: keep-alive" instead of "close", so the
  // SDK reuses its TLS connections instead of paying a handshake for every request.
  const server = createHttpsServer({ ...certificate(options.tlsDir), keepAlive: true });
  // Longer than .NET's pooled-connection idle timeout (1 minute), so the server never closes a
  // connection that the client is about to reuse.
  server.keepAliveTimeout = 120000;
  server.headersTimeout = 125000;

  // Each response says which TLS connection carried it and how many requests that connection has
  // served, so tests can prove connection reuse through the SDK.
  let connections = 0;
  server.on("secureConnection", socket => {
    connections += 1;
    socket.emulatorConnectionId = connections;
    socket.emulatorRequests = 0;
  });
  server.prependListener("request", (req, res) => {
    const { socket } = req;
    socket.emulatorRequests = (socket.emulatorRequests || 0) + 1;
    res.setHeader("x-emulator-connection-id", String(socket.emulatorConnectionId || 0));
    res.setHeader("x-emulator-connection-requests", String(socket.emulatorRequests));
  });

  server.on("error", err => {
    console.error(`Cosmos DB emulator failed: ${err.message}`);
    process.exit(1);
  });
  server.listen(options.port, options.host, () => {
    const host = net.isIPv6(options.host) ? `[${options.host}]` : options.host;
    console.log(`Cosmos DB emulator ready on https://${host}:${server.address().port}`);
  });

  const stop = signal => {
    console.log(`Cosmos DB emulator stopping (${signal})`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
    // Do not hang on a client that never lets go.
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  return server;
}

if (require.main === module) {
  try {
    start(parseArgs(process.argv.slice(2)));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
}

module.exports = { start, parseArgs };
