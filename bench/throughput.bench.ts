// Issue 6, part 2: sustained sales per second through one register's queue (the emulator signs each
// for real, one at a time, as RKSV's chain demands) and through the POS API over HTTP with its bearer
// token. Several clients keep sales coming for a fixed time; every sale is signed and printed.
import { posApiContract, type ShellHandlers } from '../src-shared/pos-api-contract.ts';
import { startPosApiServer } from '../src-main/pos-api/pos-api-server.ts';
import { createPosApiService } from '../src-main/pos-api/pos-api-service.ts';
import { createPosApiShellHandlers } from '../src-main/pos-api/pos-api-shell-handlers.ts';
import { createDesktopSettingsHandlers } from '../src-main/shell/desktop-settings-handlers.ts';
import type { PosApiLimits } from '../src-main/pos-api/pos-api-handler.ts';
import { numberFlag, type BenchContext, type BenchReport, type Benchmark, type Figure } from './benchmark.ts';
import { CAFE_SALE, startBenchTill, type BenchTill } from './bench-till.ts';
import { startRemotePeers } from './remote-peers.ts';
import { median } from './stats.ts';

const CLIENTS = 8;

/** The till's sale as a POS system sends it to `POST /api/v1/receipts`. */
const POS_API_SALE = JSON.stringify({
  type: 'NORMAL',
  items: (CAFE_SALE.lines ?? []).map((line) => ({
    text: line.text,
    quantity: line.quantity,
    unit_price: line.unitPrice,
    vat_rate: line.vatRate,
  })),
  payments: CAFE_SALE.payments,
});

interface Sustained {
  perSecond: number;
  sales: number;
  refused: number;
}

/** `clients` loops each doing `sale` until `seconds` have passed; sales that started in time count. */
async function sustain(clients: number, seconds: number, sale: () => Promise<boolean>): Promise<Sustained> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  let sales = 0;
  let refused = 0;
  let lastEnd = started;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        if (await sale()) sales++;
        else refused++;
        lastEnd = performance.now();
      }
    }),
  );
  return { perSecond: sales / ((lastEnd - started) / 1000), sales, refused };
}

async function startPosApi(till: BenchTill, limits?: Partial<PosApiLimits>) {
  const service = createPosApiService({
    host: till.host,
    handlers: { ...till.handlers, ...shellHandlers() },
    givenToken: null,
    enabledByFlag: true,
    allowNonLoopback: false,
    ...(limits ? { limits } : {}),
  });
  const listening = await startPosApiServer(service, '127.0.0.1', 0, false);
  function shellHandlers(): ShellHandlers {
    return {
      ...createPosApiShellHandlers({
        service: () => service,
        info: () => service.info(listening.origin),
        apply: async () => service.info(listening.origin),
      }),
      ...createDesktopSettingsHandlers(till.host.settings, null),
    };
  }
  const url = `${listening.origin}/api/v1/receipts`;
  const authorization = `Bearer ${service.token().value}`;
  return {
    async sale(): Promise<boolean> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: POS_API_SALE,
      });
      await response.arrayBuffer();
      if (response.status === 429) return false;
      if (!response.ok) throw new Error(`POST /api/v1/receipts answered ${response.status}`);
      return true;
    },
    close: () => listening.close(),
  };
}

export const benchmark: Benchmark = {
  name: 'throughput',
  title: 'Throughput: one register, till and POS API',
  async run(context: BenchContext): Promise<BenchReport> {
    const runs = numberFlag(context, 'throughput-runs', context.quick ? 1 : 3);
    const seconds = numberFlag(context, 'throughput-seconds', context.quick ? 4 : 15);
    const peers = await startRemotePeers();
    const till = await startBenchTill(peers);
    const figures: Figure[] = [];
    const notes: string[] = [];
    const raw: Record<string, unknown> = { clients: CLIENTS, seconds, runs };
    const tillSale = async () => {
      const receipt = await till.handlers.signSale(posApiContract.signSale.input.parse(CAFE_SALE));
      if (receipt.state !== 'signed' || !receipt.printed) throw new Error(`sale ended ${receipt.state}`);
      return true;
    };
    const measure = async (name: string, sale: () => Promise<boolean>): Promise<Sustained[]> => {
      await sustain(CLIENTS, Math.min(2, seconds), sale);
      const results: Sustained[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await sustain(CLIENTS, seconds, sale);
        context.log(
          `${name}, run ${run + 1}/${runs}: ${result.perSecond.toFixed(1)} sales/s (${result.refused} refused)`,
        );
        results.push(result);
      }
      raw[name] = results;
      return results;
    };
    try {
      const queue = await measure('queue', tillSale);
      figures.push({
        label: 'one register’s queue, emulator 0 ms',
        value: median(queue.map((result) => result.perSecond)),
        unit: 'sales/s',
        detail: `${CLIENTS} concurrent callers of signSale, each sale signed and printed`,
      });
      await peers.setLatency(30);
      const slow = await measure('queue30', tillSale);
      figures.push({
        label: 'one register’s queue, emulator 30 ms',
        value: median(slow.map((result) => result.perSecond)),
        unit: 'sales/s',
      });
      await peers.setLatency(0);

      const api = await startPosApi(till);
      try {
        const limited = await measure('posApi', () => api.sale());
        figures.push({
          label: 'POS API, default rate limit',
          value: median(limited.map((result) => result.perSecond)),
          unit: 'sales/s',
          detail: `${CLIENTS} HTTP clients with the bearer token; answers 429 counted as refused`,
        });
        notes.push(
          `the POS API's rate limiter (pos-api-handler.ts DEFAULT_POS_API_LIMITS) refused ${median(limited.map((result) => result.refused))} of the POS clients' requests per run: it caps a client at its refill rate by design.`,
        );
      } finally {
        await api.close();
      }
      const open = await startPosApi(till, { burst: 1_000_000, perSecond: 1_000_000 });
      try {
        const unlimited = await measure('posApiUnlimited', () => open.sale());
        figures.push({
          label: 'POS API, rate limit lifted',
          value: median(unlimited.map((result) => result.perSecond)),
          unit: 'sales/s',
          detail: 'what HTTP + the pipeline carry without the limiter',
        });
      } finally {
        await open.close();
      }
      notes.push(
        `throughput: ${CLIENTS} clients for ${seconds} s per run, median of ${runs} runs after a warm-up.`,
      );
    } finally {
      await till.close();
      await peers.close();
    }
    return { figures, notes, raw };
  },
};
