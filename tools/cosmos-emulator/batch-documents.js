"use strict";

// Fix 11: TransactionalBatch. The .NET SDK sends a batch as POST .../docs with
// x-ms-cosmos-is-batch-request: True, which the package's router hands to its batch-documents
// handler; that handler only reads the JS SDK's JSON bulk format, and the .NET SDK's body is
// HybridRow RecordIO (decoded and encoded in ./batch.js). Each operation runs through the
// package's own document operations — so ETags, _rid/_ts/_self, unique keys, conflicts and the
// LSNs of fix 6 are those of single writes — with the partition key checks of fix 1. The batch is
// atomic as on the service: the first operation that fails stops it, every write before it is
// undone, and the answer is 207 Multi-Status with that operation's status and 424 for all others.

const path = require("path");
const { Readable } = require("stream");
const batch = require("./batch");
const {
  PACKAGE, lib, notFound, badRequestBody, partitionKeyPaths, partitionKeyHeader, inPartition, lsnState
} = require("./common");

const trueHeader = lib("true-header").default;
const rawBody = require(require.resolve("raw-body", { paths: [path.dirname(require.resolve(PACKAGE))] }));
const {
  readOperation, createOperation, upsertOperation, replaceOperation, deleteOperation
} = lib("handler/_document-operations");
const { patchOperation } = lib("handler/_patch-operations");
const originalBatchDocuments = lib("handler/batch-documents").default;

// Microsoft.Azure.Documents.OperationType, as ItemBatchOperation.WriteOperation writes it.
const BATCH_OPERATIONS = { 0: "Create", 1: "Patch", 2: "Read", 4: "Delete", 5: "Replace", 20: "Upsert" };
const WRITES = new Set(["Create", "Patch", "Replace", "Upsert"]);
const PARTITION_KEY_MISMATCH = 1001; // the service's substatus for a document outside the batch's partition

const failure = (statusCode, code, message, subStatusCode = 0) => ({ statusCode, subStatusCode, error: { code, message } });

/** The package answers some failures with an empty body; give each the service's code and a message. */
function failureOf(result) {
  const body = result.body || {};
  const codes = { 400: "BadRequest", 404: "NotFound", 409: "Conflict", 412: "PreconditionFailed" };
  const messages = { 404: "Entity with the specified id does not exist in the system." };
  return failure(result.statusCode, body.code || codes[result.statusCode] || "Error",
    body.message || messages[result.statusCode] || "");
}

/** The document with this id in the operation's logical partition (the whole key compared, as fix 1). */
function findInPartition(collection, id, partition) {
  const result = readOperation(collection, { partitionKey: partition.raw || JSON.stringify([id]), id });
  if (result.statusCode !== 200) return null;
  if (partition.values && !inPartition(result.body, partition.paths, partition.values)) return null;
  return result.body;
}

function parseResourceBody(operation) {
  if (!operation.resourceBody) return { error: failure(400, "BadRequest", "The operation has no resource body.") };
  try {
    return { body: JSON.parse(operation.resourceBody.toString("utf8")) };
  } catch (err) {
    return { error: failure(400, "BadRequest", `The resource body is not JSON: ${err.message}`) };
  }
}

/** Runs one operation of a batch: { statusCode, body } as the package's operations answer, or a failure. */
function runBatchOperation(collection, operation, partition) {
  const kind = BATCH_OPERATIONS[operation.operationType];
  const { raw } = partition;
  const ifMatch = operation.ifMatch;
  if (kind === "Read" || kind === "Delete" || kind === "Patch") {
    if (typeof operation.id !== "string") return failure(400, "BadRequest", `${kind} needs an id.`);
    if (!findInPartition(collection, operation.id, partition)) return failureOf({ statusCode: 404 });
    if (kind === "Read") return readOperation(collection, { partitionKey: raw || JSON.stringify([operation.id]), id: operation.id });
    if (kind === "Delete") return deleteOperation(collection, { partitionKey: raw || JSON.stringify([operation.id]), ifMatch, id: operation.id });
    const { body, error } = parseResourceBody(operation);
    if (error) return error;
    const operations = Array.isArray(body) ? body : body && body.operations;
    if (!Array.isArray(operations)) return failure(400, "BadRequest", "Invalid patch request: check syntax of patch specification.");
    return patchOperation(collection, {
      id: operation.id, partitionKey: raw || JSON.stringify([operation.id]), ifMatch, operations,
      condition: Array.isArray(body) ? undefined : body.condition
    });
  }
  if (kind === "Create" || kind === "Upsert" || kind === "Replace") {
    const { body, error } = parseResourceBody(operation);
    if (error) return error;
    if (!body || typeof body !== "object" || Array.isArray(body)) return failure(400, "BadRequest", "The resource body is not a JSON object.");
    if (partition.values && !inPartition(body, partition.paths, partition.values)) {
      return failure(400, "BadRequest",
        "PartitionKey extracted from document doesn't match the one specified in the header.", PARTITION_KEY_MISMATCH);
    }
    if (kind === "Create") return createOperation(collection, { resourceBody: body });
    if (kind === "Upsert") return upsertOperation(collection, { partitionKey: raw, ifMatch, resourceBody: body });
    if (typeof operation.id !== "string") return failure(400, "BadRequest", "Replace needs an id.");
    if (!findInPartition(collection, operation.id, partition)) return failureOf({ statusCode: 404 });
    if (body.id !== operation.id) return failure(400, "BadRequest", "The id of the document does not match the id of the operation.");
    return replaceOperation(collection, { partitionKey: raw, ifMatch, resourceBody: body });
  }
  return failure(400, "BadRequest", `Operation type ${operation.operationType} is not supported in a batch.`);
}

/**
 * What a failed batch must put back: the entries it changed in the package's maps (documents by
 * rid, ids and unique keys, fix 6's LSNs), its rid counter and the last LSN. Each change is
 * journalled as it is made, so undoing costs what the batch did, not the container's size.
 */
function beginBatch(documents) {
  const lsn = lsnState(documents);
  const changes = [];
  const maps = [documents._data, documents._index, lsn.byRid];
  for (const map of maps) {
    // Own properties shadow Map.prototype for this batch only (removed in endBatch).
    map.set = (key, value) => {
      changes.push([map, key, map.has(key), map.get(key)]);
      return Map.prototype.set.call(map, key, value);
    };
    map.delete = key => {
      changes.push([map, key, map.has(key), map.get(key)]);
      return Map.prototype.delete.call(map, key);
    };
  }
  return { changes, maps, lsn, ridCount: documents._ridCount, lastLsn: lsn.last };
}

function endBatch(documents, batchState, failed) {
  const { changes, maps, lsn, ridCount, lastLsn } = batchState;
  for (const map of maps) {
    delete map.set;
    delete map.delete;
  }
  if (!failed) return;
  for (let i = changes.length - 1; i >= 0; i -= 1) {
    const [map, key, had, value] = changes[i];
    if (had) map.set(key, value);
    else map.delete(key);
  }
  documents._ridCount = ridCount;
  lsn.last = lastLsn;
}

/** The BatchResult of an operation that ran: its status, ETag and (unless minimal return was asked for) its document. */
function batchResult(operation, result) {
  if (result.error || result.statusCode >= 400) {
    const { statusCode, subStatusCode, error } = result.error ? result : failureOf(result);
    return { statusCode, subStatusCode, resourceBody: Buffer.from(JSON.stringify(error)), requestCharge: 1 };
  }
  const document = result.statusCode === 204 ? undefined : result.body;
  const minimal = operation.minimalReturnPreference === true && WRITES.has(BATCH_OPERATIONS[operation.operationType]);
  return {
    statusCode: result.statusCode,
    subStatusCode: 0,
    eTag: document ? document._etag : undefined,
    resourceBody: document && !minimal ? Buffer.from(JSON.stringify(document)) : undefined,
    requestCharge: 1
  };
}

/** Answers with a binary body: the package's request wrapper would send JSON.stringify of what a handler returns. */
function sendBinary(res, buffer) {
  const end = res.end;
  res.end = function endWithBinary() {
    res.setHeader("content-type", "application/octet-stream");
    return end.call(res, buffer);
  };
  return {};
}

/** A request whose body, already read here, can be read again by the package's handler. */
function replayed(req, body) {
  const copy = Readable.from([body]);
  copy.headers = req.headers;
  copy.method = req.method;
  copy.url = req.url;
  return copy;
}

async function batchDocuments(account, req, res, params) {
  const body = await rawBody(req);
  // The JS SDK's JSON bulk format, which the package's own handler understands.
  if (!batch.isHybridRow(body)) return originalBatchDocuments(account, replayed(req, body), res, params);

  const collection = account.database(params.dbId).collection(params.collId);
  if (!collection.read()) return notFound(res);
  // The .NET SDK's bulk mode (AllowBulkExecution) sends non-atomic batches across partitions; it is not implemented.
  if (!trueHeader(req, "x-ms-cosmos-batch-atomic")) {
    return badRequestBody(res, "The emulator runs atomic batches (TransactionalBatch) only.");
  }
  let operations;
  let values;
  try {
    operations = batch.decodeBatchRequest(body);
    values = partitionKeyHeader(req);
  } catch (err) {
    return badRequestBody(res, `Invalid batch request: ${err.message}`);
  }
  const paths = partitionKeyPaths(collection);
  if (!values && paths.length) return badRequestBody(res, "PartitionKey value must be supplied for this operation.");
  if (operations.length === 0) return badRequestBody(res, "The batch has no operations.");
  let raw = req.headers["x-ms-documentdb-partitionkey"];
  if (Array.isArray(raw)) [raw] = raw;
  const partition = { raw, values, paths };

  // Everything from here on is synchronous, so no other request sees a batch half done.
  const batchState = beginBatch(collection.documents);
  const results = [];
  let failedAt = -1;
  try {
    for (let i = 0; i < operations.length; i += 1) {
      const result = batchResult(operations[i], runBatchOperation(collection, operations[i], partition));
      results.push(result);
      if (result.statusCode >= 400) {
        failedAt = i;
        break;
      }
    }
  } finally {
    // A throw (a bug here) undoes the batch too, and the package answers it with a 500.
    endBatch(collection.documents, batchState, failedAt >= 0 || results.length < operations.length);
  }
  if (failedAt >= 0) {
    res.statusCode = 207;
    return sendBinary(res, batch.encodeBatchResponse(operations.map((_, i) =>
      (i === failedAt ? results[i] : { statusCode: 424, subStatusCode: 0, requestCharge: 0 }))));
  }
  res.statusCode = 200;
  return sendBinary(res, batch.encodeBatchResponse(results));
}

module.exports = { batchDocuments };
