// A CLI worker thread: its own Linter, linting the files the pool sends, one at a time.
import { parentPort, workerData } from 'worker_threads';
import { Linter } from '../engine/linter';
import { ALL_RULES } from '../rules/index';
import { CLI_PARSE_TIMEOUT_MS, LintSettings, lintOne } from './lintOne';
import type { WorkerRequest, WorkerResponse } from './pool';

if (parentPort) {
  const port = parentPort;
  const settings = workerData as LintSettings;
  const linter = Linter.create(ALL_RULES, CLI_PARSE_TIMEOUT_MS);
  // Listening at once: requests that arrive while the grammar loads wait in order.
  port.on('message', async (request: WorkerRequest) => {
    const ready = await linter;
    if (!ready.usable) await ready.recover(); // the parser faulted on an earlier file
    const response: WorkerResponse = { index: request.index, result: lintOne(ready, request.task, settings) };
    port.postMessage(response);
  });
}
