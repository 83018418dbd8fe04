// A CLI worker thread: its own Linter, running the jobs the pool sends, one at a time.
import { parentPort, workerData } from 'worker_threads';
import { Linter } from '../engine/linter';
import { ALL_RULES } from '../rules/index';
import { CLI_PARSE_TIMEOUT_MS, LintSettings } from './lintOne';
import { LintContext, lintPackage, summarizeOne } from './lintPackage';
import type { WorkerReply, WorkerRequest, WorkerResponse } from './pool';

if (parentPort) {
  const port = parentPort;
  const settings = workerData as LintSettings;
  const linter = Linter.create(ALL_RULES, CLI_PARSE_TIMEOUT_MS);
  let context: LintContext = { deprecations: [], importPaths: {} };
  // Requests that arrive while one runs wait in order: each handler awaits the one before.
  let previous: Promise<void> = Promise.resolve();
  port.on('message', (request: WorkerRequest) => {
    if (request.context) context = request.context; // before the job: later requests may bring the next batch's
    const jobContext = context;
    previous = previous.then(async () => {
      const ready = await linter;
      const { job } = request;
      const reply: WorkerReply = job.kind === 'summarize'
        ? { kind: 'summarize', summary: await summarizeOne(ready, job.file, settings) }
        : { kind: 'lint', results: await lintPackage(ready, job.job, settings, jobContext) };
      const response: WorkerResponse = { index: request.index, reply };
      port.postMessage(response);
    });
  });
}
