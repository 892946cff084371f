// The business as the receipt names it (§ 132a BAO: name, address, VAT id where there is one),
// plus what the merchant adds to paper: a footer line and an optional logo.
import { z } from 'zod';
import { MonochromeBitmap } from './monochrome-bitmap.ts';

export const ReceiptCompany = z.object({
  name: z.string().trim().min(1, 'Firmenname fehlt'),
  /** One or more lines; "\n" separates them on paper. */
  address: z.string(),
  /** UID, e.g. ATU12345678; null for a business without one. */
  vatId: z.string().nullable(),
  footer: z.string().max(500).optional(),
  logo: MonochromeBitmap.optional(),
});
export type ReceiptCompany = z.infer<typeof ReceiptCompany>;
