"use strict";

// The wire format of the Cosmos DB .NET SDK's TransactionalBatch: a HybridRow RecordIO stream of
// BatchOperation rows in the request, and of BatchResult rows in the response.
//
// Written by hand because there is no maintained JavaScript HybridRow library (Microsoft ships
// HybridRow for .NET, C++ and an unfinished Java port only). This is not a general HybridRow
// implementation: it knows the flat row layouts of the two batch schemas and of the RecordIO
// segment and record headers, and the primitive types those use. Anything else is refused.
//
// Sources (HybridRow 1.1.0-preview3, the version Microsoft.Azure.Cosmos 3.x bundles; paths in
// github.com/microsoft/HybridRow, src/Serialization/HybridRow/, unless they say otherwise):
// - Batch schemas: azure-cosmos-dotnet-v3 Microsoft.Azure.Cosmos/src/Batch/HybridRowBatchSchemas.json
// - Who writes what: ItemBatchOperation.cs (WriteOperation), TransactionalBatchOperationResult.cs
//   (ReadOperationResult), ServerBatchRequest.cs and TransactionalBatchResponse.cs (RecordIO).
// - Row layout: Layouts/LayoutBuilder.cs, Layouts/LayoutCompiler.cs, Layouts/Layout.cs, RowBuffer.cs.
// - RecordIO: RecordIO/RecordIOStream.cs, RecordIO/RecordIOFormatter.cs, RecordIO/RecordIOParser.cs,
//   SystemSchemas/SystemSchema.json (Segment, Record), Docs/RecordIO.md.

const zlib = require("zlib");

// HybridRowVersion.cs: every row starts with this byte. HybridRowHeader.cs: then the schema id
// as a little-endian int32 — a 5-byte header.
const HYBRID_ROW_V1 = 0x81;
const HEADER_SIZE = 5;

// Schema ids: SystemSchema.json (Segment, Record) and HybridRowBatchSchemas.json.
const SEGMENT_SCHEMA_ID = 2147473648;
const RECORD_SCHEMA_ID = 2147473649;
const BATCH_OPERATION_SCHEMA_ID = 2145473648;
const BATCH_RESULT_SCHEMA_ID = 2145473649;

// Layouts/LayoutCode.cs: the type code byte that starts every sparse field.
const CODE = {
  Null: 1, BooleanFalse: 2, Boolean: 3, Int8: 5, Int16: 6, Int32: 7, Int64: 8, UInt8: 9, UInt16: 10,
  UInt32: 11, UInt64: 12, VarInt: 13, VarUInt: 14, Float32: 15, Float64: 16, Decimal: 17,
  DateTime: 18, Guid: 19, Utf8: 20, Binary: 21, Float128: 22, UnixDateTime: 23, MongoDbObjectId: 24,
  EndScope: 70
};
const FIXED_SIZE = { int32: 4, uint32: 4 };
const SPARSE_CODE = { int32: CODE.Int32, uint32: CODE.UInt32, float64: CODE.Float64, utf8: CODE.Utf8, binary: CODE.Binary };

// ---------------------------------------------------------------------------------------------
// Layouts, compiled as Layouts/LayoutBuilder.cs does:
// - a row is [header][presence bits][fixed columns][variable columns][sparse fields];
// - every nullable fixed column and every variable column gets one presence bit, allocated in
//   property order (a property without "nullable" is nullable: Schemas/PropertyType.cs);
// - fixed columns follow the bitmask bytes, in property order, each at its type's size;
// - variable columns follow the fixed area, in property order, each present one as a 7-bit
//   varuint byte length and the bytes (RowBuffer.ComputeVariableValueOffset, WriteBinary);
// - path tokens (Layout.cs, StringTokenizer.cs): 0 is the empty string, then 1, 2, ... for the
//   columns in the order fixed, variable, sparse. A sparse field is [type code][path token][value],
//   and at the top level of a row they run to the end of the row (RowBuffer.SparseIteratorMoveNext).

function compileLayout(schemaId, properties) {
  const fixed = [];
  const variable = [];
  const sparse = [];
  let bits = 0;
  let fixedSize = 0;
  for (const [path, type, storage, nullable = true] of properties) {
    const column = { path, type, storage };
    if (storage === "fixed") {
      if (!(type in FIXED_SIZE)) throw new Error(`batch codec: no fixed ${type} column support`);
      column.bit = nullable ? bits++ : -1;
      column.offset = fixedSize; // made absolute below, after the bitmask
      fixedSize += FIXED_SIZE[type];
      fixed.push(column);
    } else if (storage === "variable") {
      column.bit = bits++; // variable columns are always nullable (LayoutCompiler.cs)
      variable.push(column);
    } else {
      sparse.push(column);
    }
  }
  const bitmaskBytes = Math.ceil(bits / 8);
  for (const column of fixed) column.offset += bitmaskBytes;
  const tokens = ["", ...fixed, ...variable, ...sparse].map(c => (typeof c === "string" ? c : c.path));
  return { schemaId, fixed, variable, sparse, tokens, bitmaskBytes, size: bitmaskBytes + fixedSize };
}

const SEGMENT = compileLayout(SEGMENT_SCHEMA_ID, [
  ["length", "int32", "fixed"],
  ["comment", "utf8", "sparse"],
  ["sdl", "utf8", "sparse"],
  ["schema", "schema", "sparse"]
]);

const RECORD = compileLayout(RECORD_SCHEMA_ID, [
  ["length", "int32", "fixed", false],
  ["crc32", "uint32", "fixed", false]
]);

const BATCH_OPERATION = compileLayout(BATCH_OPERATION_SCHEMA_ID, [
  ["operationType", "int32", "fixed"],
  ["resourceType", "int32", "fixed"],
  ["partitionKey", "utf8", "variable"],
  ["effectivePartitionKey", "binary", "variable"],
  ["id", "utf8", "variable"],
  ["binaryId", "binary", "variable"],
  ["resourceBody", "binary", "variable"],
  ["indexingDirective", "utf8", "sparse"],
  ["ifMatch", "utf8", "sparse"],
  ["ifNoneMatch", "utf8", "sparse"],
  ["timeToLiveInSeconds", "int32", "sparse"],
  ["minimalReturnPreference", "bool", "sparse"]
]);

const BATCH_RESULT = compileLayout(BATCH_RESULT_SCHEMA_ID, [
  ["statusCode", "int32", "fixed"],
  ["subStatusCode", "int32", "fixed"],
  ["eTag", "utf8", "variable"],
  ["resourceBody", "binary", "variable"],
  ["retryAfterMilliseconds", "uint32", "sparse"],
  ["requestCharge", "float64", "sparse"]
]);

// ---------------------------------------------------------------------------------------------
// Primitives

/** RowBuffer.Read7BitEncodedUInt: 7 bits a byte, least significant first, high bit = more. */
function readVarUInt(buf, offset) {
  let value = 0;
  let shift = 0;
  let pos = offset;
  for (;;) {
    if (pos >= buf.length) throw new Error("batch codec: truncated varuint");
    const b = buf[pos++];
    value += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return { value, length: pos - offset };
    shift += 7;
    if (shift > 49) throw new Error("batch codec: varuint too long");
  }
}

function varUInt(value) {
  const bytes = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

function header(schemaId) {
  const buf = Buffer.alloc(HEADER_SIZE);
  buf[0] = HYBRID_ROW_V1;
  buf.writeInt32LE(schemaId, 1);
  return buf;
}

function readHeader(buf, offset = 0) {
  if (buf.length < offset + HEADER_SIZE) throw new Error("batch codec: truncated row header");
  if (buf[offset] !== HYBRID_ROW_V1) throw new Error(`batch codec: unknown HybridRow version 0x${buf[offset].toString(16)}`);
  return buf.readInt32LE(offset + 1);
}

// CRC-32 of ISO 3309 / zlib (reflected, polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF):
// src/Core/Core/Crc32.cs. RecordIOParser.cs verifies it on every record it reads, the SDK's
// response parser included, so it must be right. zlib.crc32 exists from Node 20.15 / 22.2.
let crcTable;
function crc32(buf) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(buf) >>> 0;
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of buf) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The values of one row of the given layout: fixed and variable columns, then sparse fields. */
function readRow(buf, layout) {
  const schemaId = readHeader(buf);
  if (schemaId !== layout.schemaId) throw new Error(`batch codec: expected schema ${layout.schemaId}, found ${schemaId}`);
  const start = HEADER_SIZE;
  if (buf.length < start + layout.size) throw new Error("batch codec: row shorter than its layout");
  const present = bit => bit < 0 || (buf[start + (bit >> 3)] & (1 << (bit & 7))) !== 0;
  const values = {};
  for (const column of layout.fixed) {
    if (!present(column.bit)) continue;
    const at = start + column.offset;
    values[column.path] = column.type === "int32" ? buf.readInt32LE(at) : buf.readUInt32LE(at);
  }
  let offset = start + layout.size;
  for (const column of layout.variable) {
    if (!present(column.bit)) continue;
    const { value: length, length: prefix } = readVarUInt(buf, offset);
    const bytes = buf.subarray(offset + prefix, offset + prefix + length);
    if (bytes.length !== length) throw new Error(`batch codec: truncated column ${column.path}`);
    values[column.path] = column.type === "utf8" ? bytes.toString("utf8") : Buffer.from(bytes);
    offset += prefix + length;
  }
  while (offset < buf.length) {
    const code = buf[offset++];
    if (code === CODE.EndScope) break;
    const token = readVarUInt(buf, offset);
    offset += token.length;
    let path;
    if (token.value < layout.tokens.length) {
      path = layout.tokens[token.value];
    } else {
      // A path not in the schema is written inline: token = token count + its UTF-8 length.
      const length = token.value - layout.tokens.length;
      path = buf.toString("utf8", offset, offset + length);
      offset += length;
    }
    const field = readSparseValue(buf, offset, code, path);
    values[path] = field.value;
    offset += field.length;
  }
  return values;
}

function readSparseValue(buf, offset, code, path) {
  const need = n => {
    if (offset + n > buf.length) throw new Error(`batch codec: truncated sparse field ${path}`);
  };
  const fixed = (n, read) => (need(n), { value: read(), length: n });
  switch (code) {
    case CODE.Null: return { value: null, length: 0 };
    case CODE.Boolean: return { value: true, length: 0 }; // the value is the type code itself
    case CODE.BooleanFalse: return { value: false, length: 0 };
    case CODE.Int8: return fixed(1, () => buf.readInt8(offset));
    case CODE.Int16: return fixed(2, () => buf.readInt16LE(offset));
    case CODE.Int32: return fixed(4, () => buf.readInt32LE(offset));
    case CODE.Int64: return fixed(8, () => buf.readBigInt64LE(offset));
    case CODE.UInt8: return fixed(1, () => buf.readUInt8(offset));
    case CODE.UInt16: return fixed(2, () => buf.readUInt16LE(offset));
    case CODE.UInt32: return fixed(4, () => buf.readUInt32LE(offset));
    case CODE.UInt64: return fixed(8, () => buf.readBigUInt64LE(offset));
    case CODE.Float32: return fixed(4, () => buf.readFloatLE(offset));
    case CODE.Float64: return fixed(8, () => buf.readDoubleLE(offset));
    case CODE.VarInt:
    case CODE.VarUInt: {
      const { value, length } = readVarUInt(buf, offset);
      // VarInt is zig-zag encoded (RowBuffer.RotateSignToMsb).
      return { value: code === CODE.VarInt ? (value % 2 ? -(value + 1) / 2 : value / 2) : value, length };
    }
    case CODE.Utf8:
    case CODE.Binary: {
      const { value: length, length: prefix } = readVarUInt(buf, offset);
      need(prefix + length);
      const bytes = buf.subarray(offset + prefix, offset + prefix + length);
      return { value: code === CODE.Utf8 ? bytes.toString("utf8") : Buffer.from(bytes), length: prefix + length };
    }
    default:
      throw new Error(`batch codec: unsupported sparse type code ${code} for ${path}`);
  }
}

/** One row of the given layout with the given values (undefined/null: absent). */
function writeRow(layout, values) {
  const fixedArea = Buffer.alloc(layout.size);
  const setBit = bit => {
    if (bit >= 0) fixedArea[bit >> 3] |= 1 << (bit & 7);
  };
  for (const column of layout.fixed) {
    const value = values[column.path];
    if (value === undefined || value === null) continue;
    if (column.type === "int32") fixedArea.writeInt32LE(value, column.offset);
    else fixedArea.writeUInt32LE(value, column.offset);
    setBit(column.bit);
  }
  const parts = [header(layout.schemaId), fixedArea];
  for (const column of layout.variable) {
    const value = values[column.path];
    if (value === undefined || value === null) continue;
    const bytes = column.type === "utf8" ? Buffer.from(String(value), "utf8") : value;
    setBit(column.bit);
    parts.push(varUInt(bytes.length), bytes);
  }
  for (const column of layout.sparse) {
    const value = values[column.path];
    if (value === undefined || value === null) continue;
    const token = varUInt(layout.tokens.indexOf(column.path));
    if (column.type === "bool") {
      parts.push(Buffer.from([value ? CODE.Boolean : CODE.BooleanFalse]), token);
      continue;
    }
    parts.push(Buffer.from([SPARSE_CODE[column.type]]), token);
    if (column.type === "float64") {
      const b = Buffer.alloc(8);
      b.writeDoubleLE(value);
      parts.push(b);
    } else if (column.type === "int32" || column.type === "uint32") {
      const b = Buffer.alloc(4);
      if (column.type === "int32") b.writeInt32LE(value);
      else b.writeUInt32LE(value);
      parts.push(b);
    } else {
      const bytes = column.type === "utf8" ? Buffer.from(String(value), "utf8") : value;
      parts.push(varUInt(bytes.length), bytes);
    }
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// RecordIO (Docs/RecordIO.md, RecordIO/RecordIOStream.cs): a segment header row, then for each
// record a record header row (body length, CRC-32 of the body) followed by the body row.
// The SDK writes default(Segment), which is the 10-byte row
//   81 | F0 D8 FF 7F (schema 2147473648) | 01 (length present) | 0A 00 00 00 (length = 10)
// ("length" is marked rowBufferSize: the segment row's own size, not the records'). A record
// header is the 13-byte row 81 | F1 D8 FF 7F | body length (int32) | CRC-32 (uint32); its two
// columns are not nullable, so it has no presence bits.

function readRecordIO(buf) {
  const records = [];
  let offset = 0;
  while (offset < buf.length) {
    const schemaId = readHeader(buf, offset);
    if (schemaId === SEGMENT_SCHEMA_ID) {
      const minimal = buf.subarray(offset, offset + HEADER_SIZE + SEGMENT.size);
      const { length } = readRow(minimal, SEGMENT);
      if (!(length >= HEADER_SIZE + SEGMENT.size) || offset + length > buf.length) {
        throw new Error(`batch codec: bad segment length ${length}`);
      }
      offset += length; // comments or schemas in the segment are of no interest here
    } else if (schemaId === RECORD_SCHEMA_ID) {
      if (records.length === 0 && offset === 0) throw new Error("batch codec: record before any segment");
      const end = offset + HEADER_SIZE + RECORD.size;
      const { length, crc32: expected } = readRow(buf.subarray(offset, end), RECORD);
      const body = buf.subarray(end, end + length);
      if (body.length !== length) throw new Error("batch codec: truncated record");
      if (crc32(body) !== expected) throw new Error("batch codec: record CRC-32 mismatch");
      records.push(body);
      offset = end + length;
    } else {
      throw new Error(`batch codec: unexpected schema ${schemaId} in RecordIO stream`);
    }
  }
  return records;
}

function writeRecordIO(bodies) {
  const segmentLength = HEADER_SIZE + SEGMENT.size;
  const parts = [writeRow(SEGMENT, { length: segmentLength })];
  for (const body of bodies) {
    parts.push(writeRow(RECORD, { length: body.length, crc32: crc32(body) }), body);
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------
// The batch

/** Whether a request body is HybridRow (the .NET SDK) rather than JSON (the JS SDK's bulk). */
const isHybridRow = body => body.length > 0 && body[0] === HYBRID_ROW_V1;

/**
 * The operations of a batch request body, in order: { operationType, resourceType, partitionKey,
 * id, resourceBody (Buffer), ifMatch, ifNoneMatch, indexingDirective, timeToLiveInSeconds,
 * minimalReturnPreference, ... } with absent fields left out.
 */
function decodeBatchRequest(body) {
  return readRecordIO(body).map(record => readRow(record, BATCH_OPERATION));
}

/**
 * A batch response body: one BatchResult per operation, in order. Each result:
 * { statusCode, subStatusCode, eTag, resourceBody (Buffer), retryAfterMilliseconds, requestCharge }.
 */
function encodeBatchResponse(results) {
  return writeRecordIO(results.map(result => writeRow(BATCH_RESULT, result)));
}

/** The encoder the SDK runs for requests, for tests of this module: BatchOperation rows. */
function encodeBatchRequest(operations) {
  return writeRecordIO(operations.map(operation => writeRow(BATCH_OPERATION, operation)));
}

/** The decoder the SDK runs for responses, for tests of this module. */
function decodeBatchResponse(body) {
  return readRecordIO(body).map(record => readRow(record, BATCH_RESULT));
}

module.exports = {
  isHybridRow,
  decodeBatchRequest,
  encodeBatchResponse,
  encodeBatchRequest,
  decodeBatchResponse,
  crc32,
  HYBRID_ROW_V1
};
