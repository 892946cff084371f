// Asks again until the answer is the one a spec waits for (main changes state in the background: a
// setup step, a receipt signed later). Bounded, so that a state that never comes fails the spec.
import { setTimeout as sleep } from 'node:timers/promises';

export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what = 'the state',
): Promise<T> {
  for (let i = 0; i < 800; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(25);
  }
  throw new Error(`${what} never came`);
}
