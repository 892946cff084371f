// The scanner rule: a run of fast keys ending in Enter is a scan; a person's typing, however quick, is not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ScanBurst, SCAN_MAX_GAP_MS, wholeScan, withoutScan } from './scan-burst.ts';

/** Types `text` starting at `startMs`, one key every `gapMs`, then Enter after `gapMs`; returns enter(). */
function typed(burst: ScanBurst, text: string, gapMs: number, startMs = 1000): string | null {
  let t = startMs;
  for (const char of text) {
    burst.key(char, t);
    t += gapMs;
  }
  return burst.enter(t);
}

test('a scanner (keys 5 ms apart, Enter at the end) is a scan; a person typing "1234" is not', () => {
  assert.equal(typed(new ScanBurst(), '4006381333931', 5), '4006381333931');
  assert.equal(typed(new ScanBurst(), '1234', 120), null, 'a person at 120 ms a key');
  assert.equal(typed(new ScanBurst(), '1234', SCAN_MAX_GAP_MS + 1), null);
  assert.equal(typed(new ScanBurst(), '123', 5), null, 'three keys are too few to tell');
  assert.equal(typed(new ScanBurst(), '1234', SCAN_MAX_GAP_MS), '1234', 'a scanned PLU barcode');
  assert.equal(typed(new ScanBurst(), 'Kaffee Melange', 2), null, 'a word, however fast, is text');
  assert.equal(typed(new ScanBurst(), '12,50', 2), null, 'so is an amount');
});

test('a scan after typed digits is only the scanned part; Shift inside a QR code does not break it', () => {
  const burst = new ScanBurst();
  burst.key('3', 0);
  burst.key(',', 150);
  assert.equal(typed(burst, '96385074', 4, 2000), '96385074');
  const qr = new ScanBurst();
  let t = 0;
  for (const key of ['Shift', '_', 'R', '1', '-', 'A', 'T', '1', 'Shift', '_']) qr.key(key, (t += 3));
  assert.equal(qr.enter(t + 3), '_R1-AT1_');
});

test('Backspace or a pause before Enter makes it typing; each Enter starts afresh', () => {
  const edited = new ScanBurst();
  for (const [i, key] of [...'40063813', 'Backspace'].entries()) edited.key(key, i * 3);
  assert.equal(edited.enter(30), null);
  const paused = new ScanBurst();
  for (const [i, key] of [...'40063813'].entries()) paused.key(key, i * 3);
  assert.equal(paused.enter(21 + 500), null, 'Enter pressed by hand half a second later');
  assert.equal(paused.enter(600), null);
});

test('what the scanner typed into a field comes off it, also when the field kept only its beginning', () => {
  assert.equal(withoutScan('Brot4006381333931', '4006381333931'), 'Brot');
  assert.equal(withoutScan('4006381333931', '4006381333931'), '');
  assert.equal(withoutScan('Brot_R1-AT1', '_R1-AT1_K1_7'), 'Brot', 'a text field of limited length');
});

test('a scan whose first keys came late is taken whole from the field, so none of its digits stay behind', () => {
  // The PC was busy: "40" reached the field more than 50 ms before the rest of 4006381333931.
  assert.equal(wholeScan('4006381333931', '06381333931'), '4006381333931');
  assert.equal(withoutScan('4006381333931', wholeScan('4006381333931', '06381333931')), '');
  assert.equal(wholeScan('3,504006381333931', '6381333931'), '4006381333931', 'typed text before it stays');
  assert.equal(wholeScan('396385074', '96385074'), '96385074', 'a whole EAN-8 after a typed 3 is the EAN-8');
  assert.equal(wholeScan('12341234', '1234'), '1234', 'a PLU barcode: no EAN ends in it');
  const qr = '_R1-AT1_K1_7_2026-12-03T10:00:00_2,80_0,00_0,00_0,00_0,00_abc_def_ghi';
  assert.equal(wholeScan(`Brot${qr}`, qr.slice(12)), qr, 'a receipt code from its "_R1-AT1_"');
  assert.equal(wholeScan(qr, qr), qr);
  assert.equal(wholeScan('Brot', '_x_y'), '_x_y', 'a field that does not end with the run');
});
