// Where one sale's milliseconds go inside the running pipeline: marks set by wrapping, for this phase
// only, the journal's commits, the request to SIGN AT, the ESC/POS encoder and the TCP socket to the
// printer (connect, the job, the printer's FIN). Run after the timed samples, so that the wrappers never
// touch the figures.
import http from 'node:http';
import net from 'node:net';
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import { posApiContract } from '../src-shared/pos-api-contract.ts';
import { Journal } from '../src-main/journal/journal.ts';
import { CAFE_SALE, type BenchTill } from './bench-till.ts';
import { median } from './stats.ts';

type Method = (...args: never[]) => unknown;

/** Replaces `object[name]` by a wrapper; returns the undo. */
function wrap<T extends object>(object: T, name: string, around: (original: Method) => Method): () => void {
  const target = object as Record<string, Method>;
  const original = target[name];
  if (typeof original !== 'function') throw new Error(`cannot wrap ${name}: not a function`);
  target[name] = around(original);
  return () => {
    target[name] = original;
  };
}

/** Median milliseconds from the sale's start to each mark, in the order they happen. */
export async function saleTimeline(till: BenchTill, sales: number): Promise<Array<[string, number]>> {
  let marks: Record<string, number> = {};
  const mark = (name: string) => {
    marks[name] ??= performance.now();
  };
  const timed = (start: string, end: string) => (original: Method) =>
    function (this: unknown, ...args: never[]) {
      mark(start);
      const result = original.apply(this, args);
      mark(end);
      return result;
    };
  const undo = [
    wrap(Journal.prototype, 'accept', timed('journal accept start', 'journal accept end')),
    wrap(Journal.prototype, 'markSigned', timed('journal markSigned start', 'journal markSigned end')),
    wrap(
      Journal.prototype,
      'startPrintJob',
      timed('journal startPrintJob start', 'journal startPrintJob end'),
    ),
    wrap(
      Journal.prototype,
      'finishPrintJob',
      timed('journal finishPrintJob start', 'journal finishPrintJob end'),
    ),
    wrap(
      ReceiptPrinterEncoder.prototype,
      'initialize',
      timed('ESC/POS encode start', 'ESC/POS encode start'),
    ),
    wrap(ReceiptPrinterEncoder.prototype, 'encode', timed('ESC/POS encode end', 'ESC/POS encode end')),
    // The sale's PUT goes over node:http (direct-request.ts); ky's calls, should one happen, over fetch.
    wrap(
      http,
      'request',
      (original) =>
        function (this: unknown, ...args: never[]) {
          mark('SIGN AT PUT sent');
          const request = original.apply(this, args) as http.ClientRequest;
          request.once('response', (response: http.IncomingMessage) => {
            mark('SIGN AT answer headers');
            response.once('end', () => mark('SIGN AT answer read'));
          });
          return request;
        },
    ),
    wrap(
      globalThis,
      'fetch',
      (original) =>
        async function (this: unknown, ...args: never[]) {
          mark('SIGN AT request through fetch');
          return original.apply(this, args);
        },
    ),
    wrap(
      net.Socket.prototype,
      'end',
      (original) =>
        function (this: net.Socket, ...args: never[]) {
          // Only the print job ends its socket with data; the printer closes its side once it has it all.
          if (args.length > 0) {
            mark('printer: job handed to the socket');
            this.once('end', () => mark('printer: its FIN (has every byte)'));
          }
          return original.apply(this, args);
        },
    ),
    wrap(
      net.Socket.prototype,
      'connect',
      (original) =>
        function (this: net.Socket, ...args: never[]) {
          mark('printer TCP connect');
          this.once('connect', () => mark('printer TCP connected'));
          this.once('close', () => mark('printer TCP closed'));
          return original.apply(this, args);
        },
    ),
  ];
  const rows: Array<Record<string, number>> = [];
  try {
    for (let index = 0; index < sales; index++) {
      marks = {};
      const started = performance.now();
      await till.handlers.signSale(posApiContract.signSale.input.parse(CAFE_SALE));
      const answered = performance.now();
      const row: Record<string, number> = {};
      for (const [name, at] of Object.entries(marks)) row[name] = at - started;
      row['on paper'] = till.lastPaperAt() - started;
      row['answer'] = answered - started;
      rows.push(row);
      // A pause between sales, as at a counter: nothing of one sale runs on into the next.
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  } finally {
    for (const restore of undo.reverse()) restore();
  }
  const names = Object.keys(rows[0] ?? {});
  return names
    .map((name): [string, number] => [name, median(rows.map((row) => row[name] ?? Number.NaN))])
    .sort((a, b) => a[1] - b[1]);
}
