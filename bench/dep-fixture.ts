// A DEP7 export of one cash register with `size` really signed receipts, made once and cached under the
// temp dir. RKSV chains every receipt to the signature of the one before, so making it is sequential:
// about a minute per million receipts here. The cache key carries FIXTURE_VERSION: bump it whenever
// what is generated changes.
import { createPrivateKey, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { certificateMaterial, type CryptoMaterial } from '../src-shared/crypto-material.ts';
import { createSelfSignedCertificate } from '../src-main/rksv/certificate.ts';
import { chainValue } from '../src-main/rksv/chain.ts';
import { generateP256KeyPair, signEs256 } from '../src-main/rksv/es256.ts';
import { FAILURE_MARKER_BYTES, JWS_HEADER } from '../src-main/rksv/jws.ts';
import { formatPayload } from '../src-main/rksv/machine-readable-code.ts';
import { ZERO_AMOUNTS, sumAmounts, type RksvAmounts } from '../src-main/rksv/rksv-amounts.ts';
import { CANCELLATION_MARKER, TRAINING_MARKER, encryptCounter } from '../src-main/rksv/turnover-counter.ts';
import { formatViennaTime } from '../src-main/rksv/vienna-time.ts';

const FIXTURE_VERSION = 1;
export const BENCH_CACHE_DIR = join(tmpdir(), 'kassen-companion-bench');
const ALGORITHM_ID = 'R1-AT100';
const KASSEN_ID = 'BENCH-KASSE-1';
const FIRST_RECEIPT_MS = Date.UTC(2023, 0, 2, 7, 0, 0);
const RECEIPT_SPACING_MS = 61_000;
/** Every so many receipts the SCU fails for a few receipts, then a signed zero receipt clears it. */
const OUTAGE_EVERY = 250_000;
const OUTAGE_LENGTH = 5;

export interface DepFixture {
  depPath: string;
  /** The crypto material container, as a file next to the DEP (what `dep:verify --crypto` reads). */
  materialPath: string;
  material: CryptoMaterial;
  kassenId: string;
  receipts: number;
  bytes: number;
  /** True when it came from the cache; the seconds it took to make are kept either way. */
  cached: boolean;
  generationSeconds: number;
}

interface FixtureMeta {
  receipts: number;
  bytes: number;
  generationSeconds: number;
}

type Kind = 'normal' | 'training' | 'cancellation' | 'zero' | 'failed';

function kindOf(index: number, monthChanged: boolean): Kind {
  if (index === 0 || monthChanged) return 'zero';
  const inCycle = index % OUTAGE_EVERY;
  if (inCycle > 0 && inCycle <= OUTAGE_LENGTH && index > OUTAGE_LENGTH) return 'failed';
  if (inCycle === OUTAGE_LENGTH + 1 && index > OUTAGE_LENGTH) return 'zero';
  if (index % 997 === 0) return 'training';
  if (index % 499 === 0) return 'cancellation';
  return 'normal';
}

/** Deterministic, varied amounts: most sales in the standard bucket, some mixed. */
function amountsFor(index: number, kind: Kind): RksvAmounts {
  if (kind === 'zero') return ZERO_AMOUNTS;
  const standard = 50 + ((index * 7919) % 4950);
  const reduced1 = index % 3 === 0 ? 20 + ((index * 104_729) % 1980) : 0;
  const sign = kind === 'cancellation' ? -1 : 1;
  return { standard: sign * standard, reduced1: sign * reduced1, reduced2: 0, zero: 0, special: 0 };
}

const HOUR_MS = 3_600_000;
const viennaOffsets = new Map<number, number>();

/**
 * formatViennaTime, cached per UTC hour: Vienna's offset only changes on the hour, and Intl formatting
 * for each of 1.5 M receipts would be a tenth of the generation time.
 */
function viennaTime(ms: number): string {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = viennaOffsets.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    offset = Date.parse(`${formatViennaTime(new Date(start))}Z`) - start;
    viennaOffsets.set(hour, offset);
  }
  return new Date(ms + offset).toISOString().slice(0, 19);
}

async function generate(directory: string, size: number, log: (message: string) => void): Promise<void> {
  const { privateKey, publicKey } = generateP256KeyPair();
  const certificate = createSelfSignedCertificate({
    privateKey,
    publicKey,
    commonName: 'Kassen-Companion bench SCU',
    organization: 'Kassen-Companion',
    notBefore: new Date(Date.UTC(2022, 0, 1)),
    notAfter: new Date(Date.UTC(2032, 0, 1)),
  });
  const certificateBase64 = certificate.der.toString('base64');
  const aesKey = randomBytes(32);
  const material = certificateMaterial(aesKey.toString('base64'), certificate.serialHex, certificateBase64);
  // Re-imported once, as a signer holding its key would (and the emulator does, once per SCU).
  const signingKey = createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' }));

  const partial = join(directory, 'dep.json.partial');
  const out = createWriteStream(partial);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    `{"Belege-Gruppe":[{"Signaturzertifikat":"${certificateBase64}","Zertifizierungsstellen":[],"Belege-kompakt":[`,
  );
  const started = performance.now();
  let previousJws: string | null = null;
  let previousMonth = '';
  let previousTime = '';
  let counter = 0;
  let batch: string[] = [];
  for (let index = 0; index < size; index++) {
    const local = viennaTime(FIRST_RECEIPT_MS + index * RECEIPT_SPACING_MS);
    // The hour that repeats when summer time ends: reuse the previous time, as SIGN AT does.
    const dateTime = local < previousTime ? previousTime : local;
    const month = dateTime.slice(0, 7);
    const kind = kindOf(index, previousMonth !== '' && month !== previousMonth);
    previousMonth = month;
    previousTime = dateTime;
    const amounts = amountsFor(index, kind);
    const receiptNumber = String(index + 1);
    if (kind !== 'training') counter += sumAmounts(amounts);
    const encryptedCounter =
      kind === 'training'
        ? TRAINING_MARKER
        : kind === 'cancellation'
          ? CANCELLATION_MARKER
          : encryptCounter({ aesKey, cashRegisterId: KASSEN_ID, receiptNumber }, BigInt(counter));
    const payload = formatPayload({
      algorithmId: ALGORITHM_ID,
      cashRegisterId: KASSEN_ID,
      receiptNumber,
      dateTime,
      amounts,
      encryptedCounter,
      certificateSerial: certificate.serialHex,
      chainValue: chainValue(previousJws ?? KASSEN_ID),
    });
    const signingInput = `${JWS_HEADER}.${Buffer.from(payload, 'utf8').toString('base64url')}`;
    const signature = kind === 'failed' ? FAILURE_MARKER_BYTES : signEs256(signingKey, signingInput);
    const jws = `${signingInput}.${signature.toString('base64url')}`;
    batch.push(`"${jws}"`);
    previousJws = jws;
    if (batch.length === 10_000 || index === size - 1) {
      await write(`${index + 1 > batch.length ? ',' : ''}${batch.join(',')}`);
      batch = [];
    }
    if ((index + 1) % 100_000 === 0) {
      const rate = (index + 1) / ((performance.now() - started) / 1000);
      log(`DEP fixture: ${index + 1} of ${size} receipts signed (${Math.round(rate)}/s)`);
    }
  }
  await write(']}]}');
  out.end();
  await once(out, 'finish');
  await rename(partial, join(directory, 'dep.json'));
  await writeFile(join(directory, 'crypto-material.json'), JSON.stringify(material));
  const meta: FixtureMeta = {
    receipts: size,
    bytes: (await stat(join(directory, 'dep.json'))).size,
    generationSeconds: (performance.now() - started) / 1000,
  };
  // Written last: its presence marks a complete fixture.
  await writeFile(join(directory, 'meta.json'), JSON.stringify(meta));
}

export async function depFixture(size: number, log: (message: string) => void): Promise<DepFixture> {
  if (!Number.isInteger(size) || size < 10) throw new RangeError(`DEP size ${size}: at least 10 receipts`);
  const directory = join(BENCH_CACHE_DIR, `dep-v${FIXTURE_VERSION}-${size}`);
  let cached = true;
  let meta: FixtureMeta;
  try {
    meta = JSON.parse(await readFile(join(directory, 'meta.json'), 'utf8')) as FixtureMeta;
  } catch {
    cached = false;
    log(`DEP fixture: generating ${size} signed receipts in ${directory} (once; cached afterwards)`);
    await rm(directory, { recursive: true, force: true });
    await mkdir(directory, { recursive: true });
    await generate(directory, size, log);
    meta = JSON.parse(await readFile(join(directory, 'meta.json'), 'utf8')) as FixtureMeta;
  }
  const material = JSON.parse(
    await readFile(join(directory, 'crypto-material.json'), 'utf8'),
  ) as CryptoMaterial;
  return {
    depPath: join(directory, 'dep.json'),
    materialPath: join(directory, 'crypto-material.json'),
    material,
    kassenId: KASSEN_ID,
    receipts: meta.receipts,
    bytes: meta.bytes,
    cached,
    generationSeconds: meta.generationSeconds,
  };
}
