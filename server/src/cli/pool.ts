// Lints many files on worker threads (each with its own Linter), handing the next file
// to whichever worker is free. Results come back in input order whatever the timing.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileResult, FileTask, LintSettings } from './lintOne';

export interface WorkerRequest {
  index: number;
  task: FileTask;
}

export interface WorkerResponse {
  index: number;
  result: FileResult;
}

/** The worker's code next to this module: dist/cliWorker.js in the bundle, worker.js under out/. */
function workerFile(): string {
  const candidates = [path.join(__dirname, 'cliWorker.js'), path.join(__dirname, 'worker.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the CLI worker is missing (looked for ${candidates.join(' and ')})`);
  return found;
}

export async function lintInWorkers(files: readonly FileTask[], settings: LintSettings, workerCount: number): Promise<FileResult[]> {
  const script = workerFile();
  const results: FileResult[] = new Array(files.length);
  const workers: Worker[] = [];
  let next = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(script, { workerData: settings });
    workers.push(worker);
    let done = false;
    const feed = () => {
      if (next >= files.length) {
        done = true;
        resolve();
        return;
      }
      const request: WorkerRequest = { index: next, task: files[next] };
      next++;
      worker.postMessage(request);
    };
    worker.on('message', (response: WorkerResponse) => {
      results[response.index] = response.result;
      feed();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`a lint worker stopped unexpectedly (exit code ${code})`));
    });
    feed();
  });
  try {
    await Promise.all(Array.from({ length: Math.min(workerCount, files.length) }, runWorker));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
