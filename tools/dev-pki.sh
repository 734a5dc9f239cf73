#!/usr/bin/env bash
# Makes a development PKI shaped like production's into DIR (default .local/pki), unless it is
# there already:
#   ca.crt, ca.key        a development CA (the stand-in for the CA that issues our signing
#                         certificates, and for the one behind the time-stamping authority)
#   signing.pfx           a signing certificate issued by that CA, with its key and the CA
#                         certificate, no password (what Signing__PfxPath loads)
#   signer.crt            its public part
#   tsa.crt, tsa.key      the time-stamping authority's certificate (extendedKeyUsage critical
#                         timeStamping, issued by the CA) and key
#   tsa.cnf, tsa.serial   the TSA configuration in `openssl ts -reply`'s format (policy,
#                         accuracy, digests), which tools/timestamp-authority/server.js
#                         answers with, and the serial file that only `openssl ts -reply`
#                         uses (server.js draws random serials)
# Nothing here is a secret of any real system; the folder is git-ignored and never committed.
#   tools/dev-pki.sh [DIR]
set -euo pipefail

dir="${1:-.local/pki}"
if [ -f "$dir/signing.pfx" ] && [ -f "$dir/tsa.cnf" ]; then
  exit 0
fi
command -v openssl >/dev/null || { echo "dev-pki.sh: openssl is required" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
umask 077

organisation="CulturalServerless (development)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days 3650 \
  -subj "/C=VN/O=$organisation/CN=CulturalServerless development CA" \
  -addext "basicConstraints=critical,CA:TRUE" \
  -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -addext "subjectKeyIdentifier=hash" \
  -keyout ca.key -out ca.crt 2>/dev/null

# Issues a certificate from the CA: issue NAME "SUBJECT" EXTENSIONS
issue() {
  local name="$1" subject="$2" extensions="$3"
  printf '%s\n' "$extensions" >"$work/$name.ext"
  openssl req -new -newkey rsa:2048 -nodes -subj "$subject" \
    -keyout "$work/$name.key" -out "$work/$name.csr" 2>/dev/null
  openssl x509 -req -in "$work/$name.csr" -CA ca.crt -CAkey ca.key -set_serial "0x$(openssl rand -hex 16)" \
    -days 730 -sha256 -extfile "$work/$name.ext" -out "$name.crt" 2>/dev/null
}

# A document signer, as the specialised public-service CA issues them: digital signature and
# non-repudiation, not a CA.
issue signer "/C=VN/O=$organisation/CN=CulturalServerless development signer" \
"basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid"
openssl pkcs12 -export -inkey "$work/signer.key" -in signer.crt -certfile ca.crt \
  -name "CulturalServerless development signer" -out signing.pfx -passout pass: 2>/dev/null

# RFC 3161 2.3: the TSA's certificate has exactly one extended key usage, timeStamping, critical.
issue tsa "/C=VN/O=$organisation/CN=CulturalServerless development TSA" \
"basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid"
mv "$work/tsa.key" tsa.key

# The policy is a UUID-based OID (2.25.<uuid>, ITU-T X.667): anyone may mint one, so the
# development TSA claims no real organisation's arc.
cat >tsa.cnf <<'CONF'
[ tsa ]
default_tsa = development_tsa

[ development_tsa ]
dir = .
serial = $dir/tsa.serial
crypto_device = builtin
signer_cert = $dir/tsa.crt
certs = $dir/ca.crt
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 2.25.81997978794147726306849445325628278224
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
CONF
echo 01 >tsa.serial
chmod 644 ca.crt signer.crt tsa.crt
echo "dev-pki.sh: made a development CA, signing certificate and TSA certificate in $dir" >&2
