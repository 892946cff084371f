// A document main made as a file (PDF or CSV), base64-encoded: the same answer over IPC and the HTTP
// bridge; the renderer turns it into a download.
import { z } from 'zod';

export const ExportedFile = z.object({
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'text/csv']),
  base64: z.base64(),
});
export type ExportedFile = z.infer<typeof ExportedFile>;
