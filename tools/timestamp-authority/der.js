// The little DER (ITU-T X.690) the time-stamping authority needs: reading a timestamp query and
// certificates, and writing a TimeStampResp. Definite lengths only, as DER requires.
'use strict';

/** Reads the element at `offset`: { tag, start (of content), end, raw (whole TLV) }. */
function read(buffer, offset = 0) {
  if (offset + 2 > buffer.length) throw new Error('DER: truncated');
  const tag = buffer[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: multi-byte tags are not used here');
  let length = buffer[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('DER: indefinite or oversized length');
    length = 0;
    for (let i = 0; i < bytes; i++) length = (length * 256) + buffer[start + i];
    start += bytes;
  }
  const end = start + length;
  if (end > buffer.length) throw new Error('DER: length past the end');
  return { tag, start, end, raw: buffer.subarray(offset, end), content: buffer.subarray(start, end) };
}

/** The elements inside a constructed element. */
function children(element, buffer) {
  const items = [];
  for (let at = element.start; at < element.end;) {
    const item = read(buffer, at);
    items.push(item);
    at = item.end;
  }
  return items;
}

function length(n) {
  if (n < 0x80) return Buffer.from([n]);
  const bytes = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag, ...contents) {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
}

const sequence = (...items) => tlv(0x30, ...items);

/** A SET OF, its elements sorted by their encodings as DER asks. */
const setOf = (...items) => tlv(0x31, ...[...items].sort(Buffer.compare));

function oid(dotted) {
  const parts = dotted.split('.').map(part => BigInt(part));
  const bytes = [Number(parts[0] * 40n + parts[1])];
  for (const part of parts.slice(2)) {
    const chunk = [];
    let v = part;
    do { chunk.unshift(Number(v & 0x7fn)); v >>= 7n; } while (v > 0n);
    for (let i = 0; i < chunk.length - 1; i++) chunk[i] |= 0x80;
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function decodeOid(content) {
  const parts = [Math.floor(content[0] / 40), content[0] % 40];
  let v = 0n;
  for (const byte of content.subarray(1)) {
    v = (v << 7n) | BigInt(byte & 0x7f);
    if (!(byte & 0x80)) { parts.push(v); v = 0n; }
  }
  return parts.join('.');
}

/** A non-negative INTEGER, in the fewest bytes, with a leading 0 where the top bit is set. */
function integer(value) {
  let hex = BigInt(value).toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  let bytes = Buffer.from(hex, 'hex');
  if (bytes[0] & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return tlv(0x02, bytes);
}

const octets = bytes => tlv(0x04, bytes);
const nullValue = () => Buffer.from([0x05, 0x00]);
const explicit = (n, ...items) => tlv(0xa0 | n, ...items);

function generalizedTime(date) {
  const pad = (n, w = 2) => String(n).padStart(w, '0');
  const text = `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`
    + `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return tlv(0x18, Buffer.from(text, 'ascii'));
}

function utcTime(date) {
  const pad = n => String(n).padStart(2, '0');
  const text = `${pad(date.getUTCFullYear() % 100)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`
    + `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

module.exports = {
  read, children, tlv, sequence, setOf, oid, decodeOid, integer, octets, nullValue, explicit, generalizedTime, utcTime,
};
