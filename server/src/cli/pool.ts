// Lints files on worker threads (each with its own Linter), handing the next file to
// whichever worker is free. Shared by the CLI (one batch, then gone) and the language
// server's workspace scan (a pool kept while there is work, batches that report each
// file as it is done and can be cancelled).
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
  if (!found) throw new Error(`the lint worker is missing (looked for ${candidates.join(' and ')})`);
  return found;
}

interface Job {
  task: FileTask;
  batch: Batch;
  index: number;
}

interface Batch {
  results: (FileResult | undefined)[];
  left: number;
  onResult?: (result: FileResult, index: number) => void;
  cancelled: () => boolean;
  resolve: (results: (FileResult | undefined)[]) => void;
  reject: (err: Error) => void;
  failed: boolean;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

/**
 * A pool of lint workers. Workers start with the first batch (each loads the grammar
 * and compiles the rules' query once) and live until dispose().
 */
export class LintPool {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private disposed = false;
  private script: string | undefined;

  constructor(private readonly settings: LintSettings, private readonly size: number) {}

  /**
   * Lints files; results come back in input order. Files still queued when cancelled()
   * turns true are skipped (their result is undefined). onResult sees each result as
   * soon as it arrives.
   */
  lint(
    files: readonly FileTask[],
    onResult?: (result: FileResult, index: number) => void,
    cancelled: () => boolean = () => false,
  ): Promise<(FileResult | undefined)[]> {
    if (this.disposed) return Promise.reject(new Error('the lint pool was disposed'));
    if (files.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const batch: Batch = { results: new Array(files.length), left: files.length, onResult, cancelled, resolve, reject, failed: false };
      files.forEach((task, index) => this.queue.push({ task, batch, index }));
      try {
        this.grow();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      for (const slot of this.slots) if (!slot.job) this.feed(slot);
    });
  }

  /** Whether files are queued or being linted. */
  get idle(): boolean {
    return this.queue.length === 0 && this.busy() === 0;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) this.finish(job, undefined);
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }

  private grow(): void {
    this.script ??= workerFile();
    while (this.slots.length < Math.min(this.size, this.queue.length + this.busy())) {
      const slot: Slot = { worker: new Worker(this.script, { workerData: this.settings }) };
      slot.worker.on('message', (response: WorkerResponse) => {
        const job = slot.job;
        slot.job = undefined;
        if (job) this.finish(job, response.result);
        this.feed(slot);
      });
      const fail = (err: Error) => {
        const index = this.slots.indexOf(slot);
        if (index < 0) return;
        this.slots.splice(index, 1);
        const job = slot.job;
        slot.job = undefined;
        if (job && !job.batch.failed) {
          job.batch.failed = true;
          job.batch.reject(err);
        }
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`a lint worker stopped unexpectedly (exit code ${code})`)));
      this.slots.push(slot);
    }
  }

  private busy(): number {
    return this.slots.filter((slot) => slot.job).length;
  }

  private feed(slot: Slot): void {
    for (;;) {
      const job = this.queue.shift();
      if (!job) return;
      if (job.batch.failed) continue;
      if (job.batch.cancelled()) {
        this.finish(job, undefined);
        continue;
      }
      slot.job = job;
      const request: WorkerRequest = { index: this.nextId++, task: job.task };
      slot.worker.postMessage(request);
      return;
    }
  }

  private finish(job: Job, result: FileResult | undefined): void {
    const { batch } = job;
    if (batch.failed) return;
    batch.results[job.index] = result;
    if (result) batch.onResult?.(result, job.index);
    if (--batch.left === 0) batch.resolve(batch.results);
  }
}

/** One batch on a pool of workerCount workers, which then stop (the CLI). */
export async function lintInWorkers(files: readonly FileTask[], settings: LintSettings, workerCount: number): Promise<FileResult[]> {
  const pool = new LintPool(settings, workerCount);
  try {
    return (await pool.lint(files)) as FileResult[];
  } finally {
    await pool.dispose();
  }
}
