"use strict";

// What launcher.js and batch-documents.js share: the package's modules, the 404 and 400 answers,
// the partition key checks of fix 1 and the per-container LSNs of fix 6 (docs/local-emulators.md).

const { badRequest } = require("./query");

const PACKAGE = "@vercel/cosmosdb-server";
const lib = name => require(`${PACKAGE}/lib/${name}`);

const notFound = res => {
  res.statusCode = 404;
  return { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
};

const badRequestBody = (res, message) => {
  res.statusCode = 400;
  return { code: "BadRequest", message };
};

/** The collection's partition key paths as property paths, e.g. "/a/b" -> ["a", "b"]. */
function partitionKeyPaths(collection) {
  const { partitionKey } = collection.read() || {};
  return ((partitionKey || {}).paths || [])
    .map(p => p.slice(1).split("/"))
    .filter(p => !(p.length === 1 && p[0] === "_partitionKey"));
}

const valueAt = (doc, keys) => keys.reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), doc);

/**
 * The x-ms-documentdb-partitionkey header as an array of values, or null when there is none.
 * The SDK sends [{}] for PartitionKey.None (documents without a value at the key path).
 */
function partitionKeyHeader(req) {
  let raw = req.headers["x-ms-documentdb-partitionkey"];
  if (Array.isArray(raw)) [raw] = raw;
  if (!raw) return null;
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest(`Invalid x-ms-documentdb-partitionkey header: ${raw}`);
  }
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Whether a document belongs to the logical partition named by the header values. */
function inPartition(doc, paths, values) {
  return paths.every((keys, i) => {
    const expected = values[i];
    const actual = valueAt(doc, keys);
    const isNone = expected !== null && typeof expected === "object" && Object.keys(expected).length === 0;
    return isNone ? actual === undefined : actual === expected;
  });
}

/** The container's write sequence (fix 6): the last LSN and each document's, by _rid. */
const lsnState = docs => {
  if (!docs.emulatorLsn) docs.emulatorLsn = { last: 0, byRid: new Map() };
  return docs.emulatorLsn;
};

module.exports = { PACKAGE, lib, notFound, badRequestBody, partitionKeyPaths, partitionKeyHeader, inPartition, lsnState };
