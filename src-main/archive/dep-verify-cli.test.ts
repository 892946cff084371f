// `npm run dep:verify` as an auditor runs it, as a process of its own: on a DEP written by SIGN AT (the
// emulator, with its crypto material), on that DEP with two receipts swapped, one deleted and one amount
// altered (each named by its receipt number), on the BMF demo till's receipts with their AES key, and on
// files that are no DEP. The exit code and the one verdict line say how it went.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DepVerifyReport } from '../../src-shared/dep-verify-report.ts';
import {
  control,
  rawBody,
  signNewReceipt,
  startWithRegister,
  type Setup,
} from '../emulator/emulator-client.test-support.ts';
import { qrToJws } from '../rksv/jws.ts';
import { parseMachineReadableCode } from '../rksv/machine-readable-code.ts';
import {
  TESTVECTORS_ABSENT,
  readTestvector,
  testvectorsPresent,
} from '../rksv/rksv-testvectors.test-support.ts';

const CLI = fileURLToPath(new URL('./dep-verify-cli.ts', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  lines: string[];
}

function runCli(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (stderr !== '' && code !== 2) reject(new Error(`stderr: ${stderr}`));
      else resolve({ code, stdout, lines: stdout.trimEnd().split('\n') });
    });
  });
}

async function runJson(args: string[]): Promise<{ code: number | null; report: DepVerifyReport }> {
  const run = await runCli([...args, '--json']);
  return { code: run.code, report: DepVerifyReport.parse(JSON.parse(run.stdout)) };
}

type Dep = { 'Belege-Gruppe': Array<{ Signaturzertifikat: string; 'Belege-kompakt': string[] }> };

let setup: Setup;
let dir: string;
let dep: Dep;
let depFile: string;
let cryptoFile: string;

before(async () => {
  setup = await startWithRegister();
  dir = await mkdtemp(join(tmpdir(), 'dep-verify-cli-'));
  const sign = (body: unknown) => signNewReceipt(setup, body);
  const faults = async (body: object) =>
    assert.equal((await control(setup.emulator, 'POST', '/faults', body)).status, 200);
  // After the Startbeleg (1): sales 2 and 3, training 4, storno 5, an outage over 6 and 7, the
  // Sammelbeleg 8 that fiskaly makes when signing works again, and sales 9 and 10.
  await sign(
    rawBody('NORMAL', '12.50', { reduced_1: '4.20', reduced_2: '1.30', zero: '2.00', special: '0.49' }),
  );
  await sign(rawBody('NORMAL', '7.70'));
  await sign(rawBody('TRAINING', '50.00'));
  await sign(rawBody('CANCELLATION', '-12.50'));
  await faults({ scu_outage: true });
  await sign(rawBody('NORMAL', '3.00'));
  await sign(rawBody('TRAINING', '1.00'));
  await faults({ scu_outage: false });
  await sign(rawBody('NORMAL', '1.00'));
  await sign(rawBody('NORMAL', '2.00'));
  dep = (await setup.api.ok('GET', `/cash-register/${setup.cashRegisterId}/export`)) as unknown as Dep;
  const material = await control(
    setup.emulator,
    'GET',
    `/cash-register/${setup.cashRegisterId}/crypto-material`,
  );
  depFile = join(dir, 'dep.json');
  cryptoFile = join(dir, 'crypto.json');
  await writeFile(depFile, JSON.stringify(dep));
  await writeFile(cryptoFile, JSON.stringify(material.body));
});
after(async () => {
  await setup.emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** The emulator's DEP with its receipts (all groups, in order) replaced by what `change` makes of them. */
async function variant(name: string, change: (receipts: string[]) => string[]): Promise<string> {
  const receipts = change(dep['Belege-Gruppe'].flatMap((group) => group['Belege-kompakt']));
  const first = dep['Belege-Gruppe'][0];
  assert.ok(first);
  const file = join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ 'Belege-Gruppe': [{ ...first, 'Belege-kompakt': receipts }] }));
  return file;
}

test('the DEP SIGN AT wrote is valid, with its counter checked and every receipt counted', async () => {
  const run = await runCli([depFile, '--crypto', cryptoFile]);
  assert.equal(run.code, 0, run.stdout);
  assert.equal(run.lines.at(-1), 'GÜLTIG: 10 Belege ohne Fehler.');
  assert.ok(
    run.lines.some((line) =>
      /nach Art: +1 Startbeleg, 5 Umsatzbelege, 1 Nullbeleg, 2 Trainingsbelege, 1 Stornobeleg$/.test(line),
    ),
    run.stdout,
  );
  assert.ok(
    run.lines.some((line) => /ausgefallen: +2 Belege mit „Sicherheitseinrichtung ausgefallen“/.test(line)),
  );
  // 20.49 + 7.70 − 12.50 + 3.00 + 1.00 + 2.00: training receipts do not count, the storno does.
  assert.ok(
    run.lines.some((line) => /Umsatzzähler: +21,69 € am Ende \(mit dem AES-Schlüssel geprüft\)/.test(line)),
  );

  const { code, report } = await runJson([depFile, '--crypto', cryptoFile]);
  assert.equal(code, 0);
  assert.equal(report.verdict, 'valid');
  assert.deepEqual(report.findings, []);
  assert.equal(report.summary?.turnoverCounter, '21.69');
  assert.deepEqual(report.summary?.signatures, { checked: 8, unchecked: 0, uncheckedSerials: [] });
  assert.equal(report.summary?.failureMarked, 2);
  assert.ok(report.summary?.timeSpan);
});

/** What the report says about receipt `number` found at `position` in the file. */
function said(report: DepVerifyReport, number: string, position: number): string[] {
  return report.findings
    .filter((f) => f.receiptNumber === number && f.position === position)
    .map((f) => f.message);
}

test('two receipts swapped: both named by number and place, and the chain broken after them', async () => {
  const file = await variant('swap', (r) => [r[0], r[2], r[1], ...r.slice(3)].map(String));
  const { code, report } = await runJson([file, '--crypto', cryptoFile]);
  assert.equal(code, 1);
  assert.deepEqual(said(report, '3', 2), [
    'Lücke, es fehlen die Belege 2–2',
    'Verkettungswert passt nicht zum vorherigen Beleg',
    // Receipt 3 states the counter after 2 and 3: 20,49 € + 7,70 €.
    'Umsatzzähler 28,19 € statt 7,70 €',
  ]);
  assert.deepEqual(said(report, '2', 3), [
    'Belegnummer wiederholt oder rückwärts (zuletzt 3)',
    'Verkettungswert passt nicht zum vorherigen Beleg',
  ]);
  assert.deepEqual(said(report, '4', 4), ['Verkettungswert passt nicht zum vorherigen Beleg']);
  assert.equal(report.findings.length, 6, 'nothing after the swap but the broken chain link');
  const text = await runCli([file, '--crypto', cryptoFile]);
  assert.equal(text.lines.at(-1), 'UNGÜLTIG: 6 Fehler in 10 Belegen.');
  assert.ok(
    text.lines.includes(
      'FEHLER  Beleg Nr. 2 (Position 3 in der Datei, Gruppe 1 Nr. 3): Belegnummer wiederholt oder rückwärts (zuletzt 3)',
    ),
    text.stdout,
  );
});

test('a deleted receipt: the gap is named at the receipt after it, with the counter that lacks its amount', async () => {
  const file = await variant('deletion', (r) => r.filter((_, index) => index !== 4));
  const { code, report } = await runJson([file, '--crypto', cryptoFile]);
  assert.equal(code, 1);
  // Receipt 5 was the storno of 12,50 €; receipt 6 states the counter with it.
  assert.deepEqual(said(report, '6', 5), [
    'Lücke, es fehlen die Belege 5–5',
    'Verkettungswert passt nicht zum vorherigen Beleg',
    'Umsatzzähler 18,69 € statt 31,19 €',
  ]);
  assert.equal(report.findings.length, 3);
  assert.equal(report.summary?.receipts, 9);
});

test('an altered amount: the signature and the counter of that receipt, the chain of the next', async () => {
  const file = await variant('altered', (r) =>
    r.map((jws, index) => {
      if (index !== 2) return jws;
      const [header, payload, signature] = jws.split('.');
      const text = Buffer.from(payload ?? '', 'base64url').toString('utf8');
      assert.match(text, /:\d\d_7,70_0,00_0,00_0,00_0,00_/);
      const altered = text.replace('_7,70_', '_0,77_');
      return `${header}.${Buffer.from(altered).toString('base64url')}.${signature}`;
    }),
  );
  const { code, report } = await runJson([file, '--crypto', cryptoFile]);
  assert.equal(code, 1);
  assert.deepEqual(said(report, '3', 3), ['Signatur ungültig', 'Umsatzzähler 28,19 € statt 21,26 €']);
  assert.deepEqual(said(report, '4', 4), ['Verkettungswert passt nicht zum vorherigen Beleg']);
  assert.equal(report.findings.length, 3);
  // Without the AES key only the signature and the chain give it away.
  const unkeyed = await runJson([file]);
  assert.deepEqual(said(unkeyed.report, '3', 3), ['Signatur ungültig']);
});

test('the BMF demo till’s receipts with their AES key: valid, 24 with the failure marker', async (t) => {
  if (!testvectorsPresent()) {
    t.skip(TESTVECTORS_ABSENT);
    return;
  }
  const vectors = JSON.parse(await readTestvector('vectors.json')) as {
    bmf_scenario_1: { aes_key_base64: string; final_counter_cents: number };
  };
  const instructions = JSON.parse(await readTestvector('bmf-scenario1-instructions.json')) as {
    cashBoxInstructionList: { typeOfReceipt: string }[];
  };
  // The QR form into JWS; a new Belege-Gruppe wherever the signing device (its serial) changes. The demo
  // does not publish its certificates, so the groups carry none and the signatures stay unchecked.
  const groups: Array<{
    Signaturzertifikat: string;
    Zertifizierungsstellen: string[];
    'Belege-kompakt': string[];
  }> = [];
  let serial: string | null = null;
  for (const qr of (await readTestvector('bmf-scenario1-qr.txt')).split('\n').filter((line) => line !== '')) {
    const code = parseMachineReadableCode(qr);
    if (code.certificateSerial !== serial) {
      serial = code.certificateSerial;
      groups.push({ Signaturzertifikat: '', Zertifizierungsstellen: [], 'Belege-kompakt': [] });
    }
    groups.at(-1)?.['Belege-kompakt'].push(qrToJws(qr));
  }
  const file = join(dir, 'bmf-scenario1.json');
  const material = join(dir, 'bmf-crypto.json');
  await writeFile(file, JSON.stringify({ 'Belege-Gruppe': groups }));
  await writeFile(
    material,
    JSON.stringify({ base64AESKey: vectors.bmf_scenario_1.aes_key_base64, certificateOrPublicKeyMap: {} }),
  );

  const { code, report } = await runJson([file, '--crypto', material]);
  assert.equal(code, 0, report.message);
  assert.equal(report.verdict, 'valid');
  assert.deepEqual(report.findings, []);
  const summary = report.summary;
  assert.ok(summary);
  assert.equal(summary.kassenId, 'CASHBOX-DEMO-1');
  assert.equal(summary.receipts, 81);
  assert.equal(summary.failureMarked, 24);
  assert.equal(summary.turnoverCounter, (vectors.bmf_scenario_1.final_counter_cents / 100).toFixed(2));
  const types = (name: string) =>
    instructions.cashBoxInstructionList.filter((i) => i.typeOfReceipt === name).length;
  assert.deepEqual(summary.byType, {
    start: types('START_BELEG'),
    sale: types('STANDARD_BELEG'),
    zero: types('NULL_BELEG'),
    training: types('TRAINING_BELEG'),
    cancellation: types('STORNO_BELEG'),
  });
  assert.equal(summary.signatures.checked, 0);
  assert.equal(summary.signatures.unchecked, 81 - 24);
  assert.match(
    report.message,
    /^GÜLTIG: 81 Belege ohne Fehler\. Nicht geprüft: 57 Signaturen \(kein Zertifikat oder Schlüssel für 82424e8077297aa3, c5eeae4332ea7712, 495b0098121676e3\)\.$/,
  );

  // With the key, an amount changed in a receipt whose signature cannot be checked is still found.
  const receipt = groups[0]?.['Belege-kompakt'][1] ?? '';
  const [header, payload, signature] = receipt.split('.');
  const text = Buffer.from(payload ?? '', 'base64url')
    .toString('utf8')
    .replace('_0,00_0,00_0,00_0,00_0,00_', '_1,00_0,00_0,00_0,00_0,00_');
  groups[0]?.['Belege-kompakt'].splice(
    1,
    1,
    `${header}.${Buffer.from(text).toString('base64url')}.${signature}`,
  );
  await writeFile(file, JSON.stringify({ 'Belege-Gruppe': groups }));
  const altered = await runJson([file, '--crypto', material]);
  assert.equal(altered.code, 1);
  assert.deepEqual(said(altered.report, 'CASHBOX-DEMO-1-Receipt-ID-2', 2), [
    'Umsatzzähler 0,00 € statt 1,00 €',
  ]);
});

test('a file that is no DEP, or unusable crypto material: exit 2 and one line that says why', async () => {
  const cases: Array<[string, string, RegExp]> = [
    [
      'not-json.txt',
      'Kassenbuch 2026\n',
      /^NICHT PRÜFBAR: keine DEP-Datei: kein gültiges JSON: unerwartetes „K“ \(Byte 0\)$/,
    ],
    ['other.json', '{"Belege":[]}', /^NICHT PRÜFBAR: keine DEP-Datei: „Belege-Gruppe“ fehlt$/],
    [
      'cut.json',
      JSON.stringify(dep).slice(0, 500),
      /^NICHT PRÜFBAR: keine DEP-Datei: kein gültiges JSON: die Datei endet mitten im JSON \(Byte 500\)$/,
    ],
    [
      'empty.json',
      '{"Belege-Gruppe":[]}',
      /^NICHT PRÜFBAR: keine DEP-Datei: „Belege-kompakt“ enthält keinen Beleg$/,
    ],
  ];
  for (const [name, content, line] of cases) {
    const file = join(dir, name);
    await writeFile(file, content);
    const run = await runCli([file]);
    assert.equal(run.code, 2, run.stdout);
    assert.match(run.lines.at(-1) ?? '', line);
    assert.equal(run.lines.length, 2, run.stdout);
  }
  const missing = await runCli([join(dir, 'fehlt.json')]);
  assert.equal(missing.code, 2);
  assert.equal(missing.lines.at(-1), `NICHT PRÜFBAR: DEP-Datei nicht gefunden: ${join(dir, 'fehlt.json')}`);

  const badKey = join(dir, 'bad-crypto.json');
  await writeFile(badKey, JSON.stringify({ base64AESKey: 'kurz', certificateOrPublicKeyMap: {} }));
  const material = await runJson([depFile, '--crypto', badKey]);
  assert.equal(material.code, 2);
  assert.equal(material.report.verdict, 'unusable');
  assert.equal(material.report.summary, null);
  assert.equal(
    material.report.message,
    `NICHT PRÜFBAR: Kryptomaterial ${badKey}: base64AESKey ist kein AES-256-Schlüssel (32 Byte in Base64)`,
  );
});
