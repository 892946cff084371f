// Searching the journal from the till: by receipt number, receipt id or line text, a time window, an
// amount range and one cash register, newest first, in pages. `cursor` is the opaque `nextCursor` of
// the previous page.
import { z } from 'zod';
import { Receipt } from './receipt.ts';

export const JournalQuery = z
  .strictObject({
    query: z.string().trim().max(80).optional(),
    /** Inclusive. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Exclusive. */
    to: z.iso.datetime({ offset: true }).optional(),
    minCents: z.number().int().optional(),
    maxCents: z.number().int().optional(),
    /**
     * Only this cash register's receipts (SIGN AT's id, `Receipt.cashRegisterId`). The journal keeps every
     * register the app ever had: a demo left behind, a register decommissioned and replaced.
     */
    cashRegisterId: z.string().trim().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(40).optional(),
  })
  .refine((q) => q.minCents === undefined || q.maxCents === undefined || q.minCents <= q.maxCents, {
    message: 'Mindestbetrag ist größer als Höchstbetrag',
    path: ['minCents'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || Date.parse(q.from) < Date.parse(q.to), {
    message: 'Beginn liegt nach dem Ende',
    path: ['from'],
  });
export type JournalQuery = z.output<typeof JournalQuery>;

export const JournalPage = z.object({
  items: z.array(Receipt),
  nextCursor: z.string().nullable(),
});
export type JournalPage = z.infer<typeof JournalPage>;
