import { z } from 'zod';
import { parseInput } from './route.ts';
import { RECEIPT_TYPES } from './stored-records.ts';
import type { ReceiptListQuery, ReceiptRange } from './emulator-store.ts';

const count = z.coerce.number().int().min(0);

const page = z.object({
  limit: count.max(1000).default(100),
  offset: count.default(0),
});

export function pageQuery(query: URLSearchParams): { limit: number; offset: number } {
  return parseInput(
    page,
    { limit: query.get('limit') ?? undefined, offset: query.get('offset') ?? undefined },
    'query',
  );
}

const receiptList = z.object({
  receipt_types: z.array(z.enum(RECEIPT_TYPES)),
  order_by: z.enum(['receipt_number', 'time_signature']).default('receipt_number'),
  order: z.enum(['ASC', 'DESC']).default('ASC'),
});

export function receiptListQuery(query: URLSearchParams): ReceiptListQuery {
  const parsed = parseInput(
    receiptList,
    {
      // Clients spell the array `receipt_types[]=A&receipt_types[]=B`; a plain repeated key is accepted too.
      receipt_types: [...query.getAll('receipt_types[]'), ...query.getAll('receipt_types')],
      order_by: query.get('order_by') ?? undefined,
      order: query.get('order')?.toUpperCase() ?? undefined,
    },
    'query',
  );
  return { types: parsed.receipt_types, orderBy: parsed.order_by, order: parsed.order, ...pageQuery(query) };
}

const range = z.object({
  start_receipt_number: count.optional(),
  end_receipt_number: count.optional(),
  start_time_signature: count.optional(),
  end_time_signature: count.optional(),
});

export function exportRange(query: URLSearchParams): ReceiptRange {
  const value = (key: string): string | undefined => query.get(key) ?? undefined;
  const parsed = parseInput(
    range,
    {
      start_receipt_number: value('start_receipt_number'),
      end_receipt_number: value('end_receipt_number'),
      start_time_signature: value('start_time_signature'),
      end_time_signature: value('end_time_signature'),
    },
    'query',
  );
  return {
    startReceiptNumber: parsed.start_receipt_number,
    endReceiptNumber: parsed.end_receipt_number,
    startTimeSignature: parsed.start_time_signature,
    endTimeSignature: parsed.end_time_signature,
  };
}
