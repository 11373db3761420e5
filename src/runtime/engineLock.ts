/**
 * One run of lesson commands per engine at a time: the snippet suite and the follow-along tests take it. Lessons use fixed names (`--name cache`, Compose project
 * `ds-redis-cluster`, port 6379), so two runs on one engine would trip over each other's containers.
 * A run waits for the lock file of its engine endpoint; a lock whose process is gone is taken over.
 */
import { createHash } from 'node:crypto';
import { openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface EngineLock {
  release(): void;
}

/**
 * Waits until this process holds the lock for `endpoint`. `onWait` is called once, with the holder's pid,
 * if the lock is taken.
 */
export async function lockEngine(endpoint: string, onWait: (holder: number) => void): Promise<EngineLock> {
  const name = createHash('sha256').update(endpoint).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `dockside-snippets-${name}.lock`);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      const release = () => {
        try {
          if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: number;
    try {
      holder = Number(readFileSync(file, 'utf8').trim());
    } catch {
      continue; // released between our two looks
    }
    if (!Number.isInteger(holder) || !alive(holder)) {
      // Its run died without releasing it. Look once more right before removing, so a lock that another
      // waiter has just taken over is not removed by mistake.
      try {
        if (readFileSync(file, 'utf8').trim() === String(holder)) rmSync(file, { force: true });
      } catch {
        // Gone already.
      }
      continue;
    }
    if (!told) {
      onWait(holder);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
