// A token bucket per client address. The POS API sits on the same PC as the till software, so the
// limit is there to stop a runaway loop or a token guesser, not to meter honest use.
interface RateLimiterOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Requests per second the bucket refills. */
  refillPerSecond: number;
  now?: () => number;
}

interface RateLimiter {
  /** True if the request may proceed (and uses up one token). */
  take(key: string): boolean;
}

export function createRateLimiter({
  capacity,
  refillPerSecond,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, at: t };
      bucket.tokens = Math.min(capacity, bucket.tokens + ((t - bucket.at) / 1000) * refillPerSecond);
      bucket.at = t;
      const allowed = bucket.tokens >= 1;
      if (allowed) bucket.tokens -= 1;
      buckets.set(key, bucket);
      // Full buckets carry no information; dropping them keeps the map from growing with every client.
      if (buckets.size > 1024) for (const [k, b] of buckets) if (b.tokens >= capacity) buckets.delete(k);
      return allowed;
    },
  };
}
