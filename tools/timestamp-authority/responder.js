// An RFC 3161 responder in process: the TSA's key and certificates are loaded once, and each
// query is answered by building the TSTInfo and its CMS SignedData (RFC 5652) and signing with
// node's crypto, in about a millisecond — what `openssl ts -reply` makes, without starting a
// process per query. The token carries what openssl's does with tools/dev-pki.sh's tsa.cnf: the
// policy, SHA-256 over signed attributes with an ESS signing-certificate-v2 (RFC 5035) naming the
// TSA certificate, accuracy of a second, the TSA's name, the nonce, and the certificates when asked.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const der = require('./der');

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

// The digests a query may use (tsa.cnf "digests"), by OID, with their lengths.
const DIGESTS = new Map([
  ['2.16.840.1.101.3.4.2.1', 32], // SHA-256
  ['2.16.840.1.101.3.4.2.2', 48], // SHA-384
  ['2.16.840.1.101.3.4.2.3', 64], // SHA-512
]);

// PKIFailureInfo bits (RFC 3161 2.4.2).
const FAILURE = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16 };

/** The TSA of a tools/dev-pki.sh folder: tsa.crt, tsa.key, ca.crt, tsa.cnf (policy, accuracy) and tsa.serial. */
function createResponder(pkiDirectory) {
  const file = name => path.join(pkiDirectory, name);
  const config = fs.readFileSync(file('tsa.cnf'), 'utf8');
  const setting = name => (config.match(new RegExp(`^\\s*${name}\\s*=\\s*(\\S+)`, 'm')) || [])[1];
  const policy = setting('default_policy');
  if (!policy) throw new Error('tsa.cnf names no default_policy');
  const accuracySeconds = Number.parseInt((setting('accuracy') || 'secs:1').replace(/^secs:/, ''), 10);

  const key = crypto.createPrivateKey(fs.readFileSync(file('tsa.key')));
  const certificate = pemToDer(fs.readFileSync(file('tsa.crt'), 'utf8'))[0];
  const chain = pemToDer(fs.readFileSync(file('ca.crt'), 'utf8'));
  const { issuer, serial, subject } = certificateNames(certificate);

  const serialFile = file('tsa.serial');

  // The attribute naming the TSA certificate is the same in every token: made once.
  const essCertIdV2 = der.sequence(der.sequence(der.sequence(
    der.octets(crypto.createHash('sha256').update(certificate).digest()),
    der.sequence(der.sequence(der.explicit(4, issuer)), serial))));
  const signingCertificateAttribute = attribute(OID.signingCertificateV2, essCertIdV2);
  const certificates = Buffer.concat([certificate, ...chain]);

  /** A DER TimeStampResp for a DER TimeStampReq; never throws for a bad query (it is refused in the reply). */
  function reply(query, now = new Date()) {
    let request;
    try {
      request = parseQuery(query);
    } catch {
      return refusal(FAILURE.badDataFormat, 'The query is not a DER TimeStampReq.');
    }
    if (request.version !== 1) return refusal(FAILURE.badRequest, 'Only version 1 queries are answered.');
    const digestLength = DIGESTS.get(request.hashAlgorithm);
    if (digestLength === undefined) return refusal(FAILURE.badAlg, 'The message imprint\'s algorithm is not accepted.');
    if (request.hashLength !== digestLength) return refusal(FAILURE.badDataFormat, 'The message imprint has the wrong length.');
    if (request.policy && request.policy !== policy) return refusal(FAILURE.unacceptedPolicy, 'The requested policy is not this TSA\'s.');
    if (request.extensions) return refusal(FAILURE.unacceptedExtension, 'No query extension is supported.');

    // The file holds the next serial number, as openssl keeps it, and is read on every reply: so
    // serials stay unique across restarts and between two authorities of one folder (tests start
    // a second one), at the cost of a small file's read and write (~20 µs).
    const serialNumber = BigInt(`0x${fs.readFileSync(serialFile, 'utf8').trim() || '1'}`);
    fs.writeFileSync(serialFile, `${(serialNumber + 1n).toString(16).toUpperCase().padStart(2, '0')}\n`);

    const tstInfo = der.sequence(
      der.integer(1),
      der.oid(policy),
      request.messageImprint,
      der.integer(serialNumber),
      der.generalizedTime(now),
      der.sequence(der.integer(accuracySeconds)),
      ...(request.nonce ? [request.nonce] : []),
      der.explicit(0, der.explicit(4, subject)));

    const signedAttributes = [
      attribute(OID.contentType, der.oid(OID.tstInfo)),
      attribute(OID.signingTime, der.utcTime(now)),
      attribute(OID.messageDigest, der.octets(crypto.createHash('sha256').update(tstInfo).digest())),
      signingCertificateAttribute,
    ];
    // The signature is over the attributes as a DER SET; in the SignerInfo the set is tagged [0].
    const attributeSet = der.setOf(...signedAttributes);
    const signature = crypto.sign('sha256', attributeSet, { key, padding: crypto.constants.RSA_PKCS1_PADDING });
    const signerInfo = der.sequence(
      der.integer(1),
      der.sequence(issuer, serial),
      der.sequence(der.oid(OID.sha256)),
      Buffer.concat([Buffer.from([0xa0]), attributeSet.subarray(1)]),
      der.sequence(der.oid(OID.rsaEncryption), der.nullValue()),
      der.octets(signature));

    const signedData = der.sequence(
      der.integer(3),
      der.setOf(der.sequence(der.oid(OID.sha256))),
      der.sequence(der.oid(OID.tstInfo), der.explicit(0, der.octets(tstInfo))),
      ...(request.certReq ? [der.tlv(0xa0, certificates)] : []),
      der.setOf(signerInfo));
    const token = der.sequence(der.oid(OID.signedData), der.explicit(0, signedData));
    return der.sequence(der.sequence(der.integer(0)), token);
  }

  return { reply };
}

function attribute(type, value) {
  return der.sequence(der.oid(type), der.setOf(value));
}

// PKIStatus rejection (2) with the reason and the failure bit, as a BIT STRING of that bit.
function refusal(bit, text) {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> (bit % 8);
  const unused = 7 - (bit % 8);
  const status = der.sequence(
    der.integer(2),
    der.sequence(der.tlv(0x0c, Buffer.from(text, 'utf8'))),
    der.tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes])));
  return der.sequence(status);
}

/** TimeStampReq ::= SEQUENCE { version, messageImprint, reqPolicy OID OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE, extensions [0] OPTIONAL } */
function parseQuery(query) {
  const outer = der.read(query);
  if (outer.tag !== 0x30 || outer.end !== query.length) throw new Error('not one SEQUENCE');
  const [version, imprint, ...rest] = der.children(outer, query);
  if (version.tag !== 0x02 || imprint.tag !== 0x30) throw new Error('bad header');
  const [algorithm, hashed] = der.children(imprint, query);
  const [algorithmOid] = der.children(algorithm, query);
  if (algorithmOid.tag !== 0x06 || hashed.tag !== 0x04) throw new Error('bad imprint');
  const request = {
    version: version.content.length === 1 ? version.content[0] : -1,
    messageImprint: Buffer.from(imprint.raw),
    hashAlgorithm: der.decodeOid(algorithmOid.content),
    hashLength: hashed.content.length,
    policy: null,
    nonce: null,
    certReq: false,
    extensions: false,
  };
  for (const item of rest) {
    if (item.tag === 0x06) request.policy = der.decodeOid(item.content);
    else if (item.tag === 0x02) request.nonce = Buffer.from(item.raw);
    else if (item.tag === 0x01) request.certReq = item.content[0] !== 0;
    else if (item.tag === 0xa0) request.extensions = true;
  }
  return request;
}

/** The issuer Name, serialNumber INTEGER and subject Name of a DER certificate, as their DER. */
function certificateNames(certificate) {
  const tbs = der.children(der.read(certificate), certificate)[0];
  const fields = der.children(tbs, certificate);
  const offset = fields[0].tag === 0xa0 ? 1 : 0; // [0] version
  return {
    serial: Buffer.from(fields[offset].raw),
    issuer: Buffer.from(fields[offset + 2].raw),
    subject: Buffer.from(fields[offset + 4].raw),
  };
}

function pemToDer(pem) {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)]
    .map(match => Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}

module.exports = { createResponder };
