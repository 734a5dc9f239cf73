// An RFC 3161 responder in process: the TSA's key and certificates are loaded once, and each
// query is answered with a TSTInfo in a CMS SignedData (RFC 5652) signed with that key — what
// `openssl ts -reply` makes with tools/dev-pki.sh's tsa.cnf, without a process per query: the
// policy, SHA-256 over signed attributes (content-type, signing-time, message-digest and an ESS
// signing-certificate-v2, RFC 5035, naming the TSA certificate), accuracy of a second, the TSA's
// name, the nonce, and the certificates when asked.
//
// Every structure is PKI.js's (pkijs, on asn1js): TimeStampReq, TSTInfo, SignedData, TimeStampResp;
// the signature is node's crypto. PKI.js rather than @peculiar/asn1-tsp and asn1-cms:
// those describe the same structures but neither signs nor has ESS, and their schemas are
// TypeScript decorators, so ESS and the signing would be ours to write. PKI.js has no ESS either;
// the one attribute it lacks, SigningCertificateV2, is three asn1js SEQUENCEs around PKI.js's
// IssuerSerial (signingCertificateV2 below).
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const asn1js = require('asn1js');
const pkijs = require('pkijs');

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

// The digests a query may use (tsa.cnf "digests"), by OID, with their lengths.
const DIGESTS = new Map([
  ['2.16.840.1.101.3.4.2.1', 32], // SHA-256
  ['2.16.840.1.101.3.4.2.2', 48], // SHA-384
  ['2.16.840.1.101.3.4.2.3', 64], // SHA-512
]);

// PKIFailureInfo bits (RFC 3161 2.4.2).
const FAILURE = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16 };

const SHA256 = new pkijs.AlgorithmIdentifier({ algorithmId: '2.16.840.1.101.3.4.2.1' });
const SHA256_WITH_RSA = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() });

// GeneralName's choice for a directoryName.
const DIRECTORY_NAME = 4;

/**
 * The TSA of a tools/dev-pki.sh folder: tsa.crt, tsa.key, ca.crt and tsa.cnf (policy, accuracy).
 */
async function createResponder(pkiDirectory) {
  const file = name => path.join(pkiDirectory, name);
  const config = fs.readFileSync(file('tsa.cnf'), 'utf8');
  const setting = name => (config.match(new RegExp(`^\\s*${name}\\s*=\\s*(\\S+)`, 'm')) || [])[1];
  const policy = setting('default_policy');
  if (!policy) throw new Error('tsa.cnf names no default_policy');
  const accuracySeconds = Number.parseInt((setting('accuracy') || 'secs:1').replace(/^secs:/, ''), 10);

  const key = crypto.createPrivateKey(fs.readFileSync(file('tsa.key')));
  const [certificateDer] = pemToDer(fs.readFileSync(file('tsa.crt'), 'utf8'));
  const certificates = [certificateDer, ...pemToDer(fs.readFileSync(file('ca.crt'), 'utf8'))].map(der => new EncodedCertificate(der));
  const [certificate] = certificates;
  // What is the same in every reply is encoded once: the TSA's name, its identifier as signer,
  // the two signed attributes that do not change and the accuracy (half the cost of a reply
  // was asn1js encoding them again).
  const tsaName = encodedOnce(new pkijs.GeneralName({ type: DIRECTORY_NAME, value: certificate.subject }));
  const signerId = encodedOnce(new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }));
  const contentTypeAttribute = encodedOnce(attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.tstInfo })));
  const signingCertificateAttribute = encodedOnce(signingCertificateV2(certificate, certificateDer));
  const accuracy = encodedOnce(new pkijs.Accuracy({ seconds: accuracySeconds }));

  /** A DER TimeStampResp for a DER TimeStampReq; never rejects for a bad query (it is refused in the reply). */
  async function reply(query, now = new Date()) {
    const request = parseQuery(query);
    if (!request) return refusal(FAILURE.badDataFormat, 'The query is not a DER TimeStampReq.');
    if (request.version !== 1) return refusal(FAILURE.badRequest, 'Only version 1 queries are answered.');
    const { hashAlgorithm, hashedMessage } = request.messageImprint;
    const digestLength = DIGESTS.get(hashAlgorithm.algorithmId);
    if (digestLength === undefined) return refusal(FAILURE.badAlg, 'The message imprint\'s algorithm is not accepted.');
    if (hashedMessage.valueBlock.valueHexView.length !== digestLength) return refusal(FAILURE.badDataFormat, 'The message imprint has the wrong length.');
    if (request.reqPolicy && request.reqPolicy !== policy) return refusal(FAILURE.unacceptedPolicy, 'The requested policy is not this TSA\'s.');
    if (request.extensions) return refusal(FAILURE.unacceptedExtension, 'No query extension is supported.');

    // A random positive 127-bit serial (RFC 3161 asks only that serials be unique per TSA, up to
    // 160 bits): unique across restarts and between two authorities of one folder (tests start
    // a second one) with no shared counter, where tsa.serial's read and write cost half a
    // millisecond a reply.
    const serialBytes = crypto.randomBytes(16);
    serialBytes[0] &= 0x7f;
    const serialNumber = BigInt(`0x${serialBytes.toString('hex')}`);

    // Whole seconds, as openssl writes them with tsa.cnf's clock precision of 0 digits.
    const time = new Date(Math.floor(now.getTime() / 1000) * 1000);
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy,
      messageImprint: request.messageImprint,
      serialNumber: asn1js.Integer.fromBigInt(serialNumber),
      genTime: time,
      accuracy,
      ...(request.nonce ? { nonce: request.nonce } : {}),
      tsa: tsaName,
    }).toSchema().toBER();

    // Given to the constructor, eContent would be cut into a constructed OCTET STRING (BER, for
    // streaming); set afterwards it stays the one primitive OCTET STRING that DER asks.
    const encapContentInfo = new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo });
    encapContentInfo.eContent = new asn1js.OctetString({ valueHex: tstInfo });
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo,
      signerInfos: [new pkijs.SignerInfo({
        version: 1,
        sid: signerId,
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: derOrder([
            contentTypeAttribute,
            attribute(OID.signingTime, new asn1js.UTCTime({ valueDate: time })),
            attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: crypto.createHash('sha256').update(new Uint8Array(tstInfo)).digest() })),
            signingCertificateAttribute,
          ]),
        }),
      })],
      ...(request.certReq ? { certificates } : {}),
    });
    // What SignedData.sign does (RFC 5652 5.4: the signature is over the signed attributes' DER
    // with the SET OF tag), with node's synchronous RSA signature instead of WebCrypto's, whose
    // round trip through the thread pool cost more than the signature; and with the algorithm
    // identifiers as RFC 5754 (SHA-256 without parameters) and RFC 4055 (sha256WithRSAEncryption
    // with NULL) ask, where PKI.js writes them the other way round.
    const signerInfo = signedData.signerInfos[0];
    const signedAttributes = new Uint8Array(signerInfo.signedAttrs.toSchema().toBER());
    signedAttributes[0] = 0x31;
    signerInfo.signature = new asn1js.OctetString({ valueHex: crypto.sign('sha256', signedAttributes, key) });
    signedData.digestAlgorithms = [SHA256];
    signerInfo.digestAlgorithm = SHA256;
    signerInfo.signatureAlgorithm = SHA256_WITH_RSA;

    return encode(new pkijs.TimeStampResp({
      status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }),
      timeStampToken: new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) }),
    }));
  }

  return { reply };
}

/**
 * A certificate that goes into a SignedData as the DER it was issued in. PKI.js's Certificate
 * re-parses its TBS part on every toSchema, and asn1js then re-encodes the parsed certificate
 * node by node: together over half the cost of encoding a reply. CMS embeds certificates as they
 * are, so their bytes are written once made.
 */
class EncodedCertificate extends pkijs.Certificate {
  constructor(der) {
    super({ schema: asn1js.fromBER(der).result });
    this.encoded = new EncodedDer(der);
  }

  toSchema() {
    return this.encoded;
  }
}

/**
 * DER bytes written into asn1js's output unchanged. asn1js's own RawData would do, but a
 * constructed block encodes its children into a writer it hands them, which RawData ignores.
 */
class EncodedDer {
  constructor(der) {
    this.der = new Uint8Array(der);
  }

  toBER(sizeOnly, writer) {
    const bytes = this.der.slice().buffer;
    if (!writer) return bytes;
    writer.write(bytes);
    return new ArrayBuffer(0);
  }
}

/** `object` (a PKI.js structure) written from then on as the DER it has now. */
function encodedOnce(object) {
  const encoded = new EncodedDer(object.toSchema().toBER());
  object.toSchema = () => encoded;
  return object;
}

/** The TimeStampReq in `query`, or null where it is not exactly one well-formed TimeStampReq. */
function parseQuery(query) {
  const bytes = new Uint8Array(query.buffer, query.byteOffset, query.byteLength);
  const parsed = asn1js.fromBER(bytes);
  if (parsed.offset !== bytes.byteLength) return null;
  try {
    return new pkijs.TimeStampReq({ schema: parsed.result });
  } catch {
    return null;
  }
}

function attribute(type, value) {
  return new pkijs.Attribute({ type, values: [value] });
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with one ESSCertIDv2 ::=
 * SEQUENCE { certHash OCTET STRING (SHA-256, the default hashAlgorithm, so omitted), issuerSerial }
 * (RFC 5035 section 5.4): the same in every token, so made once.
 */
function signingCertificateV2(certificate, certificateDer) {
  const issuerSerial = new pkijs.IssuerSerial({
    issuer: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: DIRECTORY_NAME, value: certificate.issuer })] }),
    serialNumber: certificate.serialNumber,
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [
    new asn1js.OctetString({ valueHex: crypto.createHash('sha256').update(certificateDer).digest() }),
    issuerSerial.toSchema(),
  ] });
  return attribute(OID.signingCertificateV2, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] }));
}

// DER orders a SET OF by its elements' encodings; PKI.js writes the attributes in the order given.
function derOrder(attributes) {
  const encodings = new Map(attributes.map(a => [a, Buffer.from(a.toSchema().toBER())]));
  return [...attributes].sort((a, b) => Buffer.compare(encodings.get(a), encodings.get(b)));
}

// PKIStatus rejection with the reason and the failure bit: a named-bit BIT STRING, so it ends at
// that bit (DER drops trailing zero bits).
function refusal(bit, text) {
  const bytes = new Uint8Array(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> (bit % 8);
  return encode(new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({
      status: pkijs.PKIStatus.rejection,
      statusStrings: [new asn1js.Utf8String({ value: text })],
      failInfo: new asn1js.BitString({ valueHex: bytes, unusedBits: 7 - (bit % 8) }),
    }),
  }));
}

function encode(object) {
  return Buffer.from(object.toSchema().toBER());
}

function pemToDer(pem) {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)]
    .map(match => Buffer.from(match[1].replace(/\s+/g, ''), 'base64'));
}

module.exports = { createResponder };
