// The SHA-256 of a file read as a stream: a journal copy of years of receipts is gigabytes, which must
// neither sit in memory at once nor hold up the till while it is read.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
