// Lints packages on worker threads (each with its own Linter), handing the next job to
// whichever worker is free. Shared by the CLI (one run, then gone) and the language
// server's workspace scan (a pool kept while there is work, batches that report each
// file as it is done and can be cancelled). Two kinds of job: summarizing one file (the
// deprecations pre-pass, cli/lintPlan.ts) and linting one package (cli/lintPackage.ts).
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { FileSummary } from '../engine/packageIndex';
import type { FileResult, LintSettings } from './lintOne';
import type { LintContext, PackageJob } from './lintPackage';

export type WorkerJob = { kind: 'summarize'; file: string } | { kind: 'lint'; job: PackageJob };
export type WorkerReply = { kind: 'summarize'; summary?: FileSummary } | { kind: 'lint'; results: FileResult[] };

export interface WorkerRequest {
  index: number;
  /** Sent with a worker's first job of a batch; later jobs of the batch use it too. */
  context?: LintContext & { id: number };
  job: WorkerJob;
}

export interface WorkerResponse {
  index: number;
  reply: WorkerReply;
}

/** What lints packages for cli/lintPlan.ts: a LintPool, or a Linter in this thread (cli/run.ts). */
export interface LintBackend {
  summarize(files: readonly string[], cancelled?: () => boolean): Promise<(FileSummary | undefined)[]>;
  /** Results per job, in job order (undefined: skipped when cancelled); onResult sees each file's as it comes. */
  lint(jobs: readonly PackageJob[], context: LintContext, onResult?: (result: FileResult) => void, cancelled?: () => boolean): Promise<(FileResult[] | undefined)[]>;
  dispose(): Promise<void>;
}

/** The worker's code next to this module: dist/cliWorker.js in the bundle, worker.js under out/. */
function workerFile(): string {
  const candidates = [path.join(__dirname, 'cliWorker.js'), path.join(__dirname, 'worker.js')];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`the lint worker is missing (looked for ${candidates.join(' and ')})`);
  return found;
}

interface Job {
  work: WorkerJob;
  batch: Batch;
  index: number;
}

interface Batch {
  replies: (WorkerReply | undefined)[];
  left: number;
  context?: LintContext & { id: number };
  onReply?: (reply: WorkerReply) => void;
  cancelled: () => boolean;
  resolve: (replies: (WorkerReply | undefined)[]) => void;
  reject: (err: Error) => void;
  failed: boolean;
}

interface Slot {
  worker: Worker;
  job?: Job;
  /** The id of the last context sent to this worker. */
  context?: number;
}

/**
 * A pool of lint workers. Workers start with the first batch (each loads the grammar
 * and compiles the rules' query once) and live until dispose().
 */
export class LintPool implements LintBackend {
  private readonly queue: Job[] = [];
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private nextContext = 0;
  private disposed = false;
  private script: string | undefined;

  constructor(private readonly settings: LintSettings, private readonly size: number) {}

  async summarize(files: readonly string[], cancelled?: () => boolean): Promise<(FileSummary | undefined)[]> {
    const replies = await this.run(files.map((file) => ({ kind: 'summarize', file })), undefined, undefined, cancelled);
    return replies.map((reply) => (reply?.kind === 'summarize' ? reply.summary : undefined));
  }

  async lint(jobs: readonly PackageJob[], context: LintContext, onResult?: (result: FileResult) => void, cancelled?: () => boolean): Promise<(FileResult[] | undefined)[]> {
    const replies = await this.run(jobs.map((job) => ({ kind: 'lint', job })), { ...context, id: this.nextContext++ }, (reply) => {
      if (reply.kind === 'lint') reply.results.forEach((result) => onResult?.(result));
    }, cancelled);
    return replies.map((reply) => (reply?.kind === 'lint' ? reply.results : undefined));
  }

  /**
   * Runs jobs; replies come back in input order. Jobs still queued when cancelled()
   * turns true are skipped (their reply is undefined). onReply sees each reply as soon
   * as it arrives.
   */
  private run(
    work: readonly WorkerJob[],
    context: (LintContext & { id: number }) | undefined,
    onReply?: (reply: WorkerReply) => void,
    cancelled: () => boolean = () => false,
  ): Promise<(WorkerReply | undefined)[]> {
    if (this.disposed) return Promise.reject(new Error('the lint pool was disposed'));
    if (work.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      const batch: Batch = { replies: new Array(work.length), left: work.length, context, onReply, cancelled, resolve, reject, failed: false };
      work.forEach((job, index) => this.queue.push({ work: job, batch, index }));
      try {
        this.grow();
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
        return;
      }
      for (const slot of this.slots) if (!slot.job) this.feed(slot);
    });
  }

  /**
   * Starts every worker now rather than with the first batch: a worker's start-up (the
   * grammar, the compiled query) then overlaps what the caller does before its first
   * batch, such as reading every file (cli/lintPlan.ts).
   */
  warmUp(): void {
    if (this.disposed) return;
    this.grow(this.size);
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

  private grow(wanted = this.queue.length + this.busy()): void {
    this.script ??= workerFile();
    while (this.slots.length < Math.min(this.size, wanted)) {
      const slot: Slot = { worker: new Worker(this.script, { workerData: this.settings }) };
      slot.worker.on('message', (response: WorkerResponse) => {
        const job = slot.job;
        slot.job = undefined;
        if (job) this.finish(job, response.reply);
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
      const { context } = job.batch;
      const request: WorkerRequest = { index: this.nextId++, job: job.work };
      if (context && slot.context !== context.id) {
        request.context = context;
        slot.context = context.id;
      }
      slot.worker.postMessage(request);
      return;
    }
  }

  private finish(job: Job, reply: WorkerReply | undefined): void {
    const { batch } = job;
    if (batch.failed) return;
    batch.replies[job.index] = reply;
    if (reply) batch.onReply?.(reply);
    if (--batch.left === 0) batch.resolve(batch.replies);
  }
}
