import { test } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createSelfSignedCertificate, randomSerialHex } from './certificate.ts';
import { generateP256KeyPair } from './es256.ts';

test('builds a certificate that Node parses and that verifies with its own key', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const { der, serialHex } = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: 'Kassen-Companion SIGN AT emulator',
    organization: 'Test Org',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2055-01-01T00:00:00Z'),
  });
  const cert = new X509Certificate(der);
  assert.equal(cert.serialNumber.toLowerCase(), serialHex);
  assert.match(serialHex, /^[1-7][0-9a-f]{15}$/);
  assert.ok(cert.verify(cert.publicKey));
  assert.ok(cert.checkIssued(cert));
  assert.match(cert.subject, /CN=Kassen-Companion SIGN AT emulator/);
  assert.match(cert.subject, /O=Test Org/);
  assert.equal(new Date(cert.validFrom).toISOString(), '2025-01-01T00:00:00.000Z');
  // 2055 needs GeneralizedTime; a wrong encoding would not parse or would give another date.
  assert.equal(new Date(cert.validTo).toISOString(), '2055-01-01T00:00:00.000Z');
  assert.deepEqual(
    cert.publicKey.export({ type: 'spki', format: 'der' }),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  assert.ok(!cert.verify(generateP256KeyPair().publicKey));
});

test('keeps a given serial, including one with the top bit set', () => {
  const { privateKey, publicKey } = generateP256KeyPair();
  const { der } = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: 'x',
    serialHex: '82424e8077297aa3',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
  });
  assert.equal(new X509Certificate(der).serialNumber.toLowerCase(), '82424e8077297aa3');
});

test('random serials differ', () => {
  assert.notEqual(randomSerialHex(), randomSerialHex());
});
