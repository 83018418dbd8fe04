// The floor under the folder scan's wall time: what the CLI's files cost on its two
// worker threads before any rule runs. Three stages, each measured alone:
//   parse  — parse each file and free its tree;
//   walk   — the same, plus a query that matches nothing (the cost of visiting every
//            node of every tree, which any query pays);
//   query  — the same, with the rules' combined query and its matches (no rule code).
// The CLI's wall time minus the last of these is what rules, package summaries,
// results and start-up cost; the scan budget leaves them the difference between the
// budget and the floor. Start-up (loading the grammar, compiling the query) is
// excluded: the figures are the per-file work alone.
import * as fs from 'fs';
import { performance } from 'perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'worker_threads';
import type { Query } from 'web-tree-sitter';
import { readSource } from '../server/src/cli/lintOne';
import { parsedInJob } from '../server/src/cli/lintPackage';
import { parseCliArgs } from '../server/src/cli/options';
import { loadGoLanguage, treeSitter } from '../server/src/engine/goParser';
import { Linter } from '../server/src/engine/linter';
import { ALL_RULES } from '../server/src/rules/index';

export const FLOOR_STAGES = ['parse', 'walk', 'query'] as const;
export type FloorStage = typeof FLOOR_STAGES[number];

/** A pattern that matches nothing in Go code: the query still visits every node. */
const MATCHES_NOTHING = '(labeled_statement (fallthrough_statement) @never)';

interface FloorJob {
  files: string[];
  stage: FloorStage;
}

/**
 * The files the CLI parses: not generated, within its size limit, readable (cli/lintOne.ts
 * decides), and looked at by some rule (cli/lintPackage.ts decides: not the test files
 * without directives).
 */
export function filesTheCliParses(files: readonly string[]): string[] {
  const settings = { fix: false, maxFileSize: parseCliArgs([]).maxFileSize, configs: [{}] };
  return files.filter((file) => {
    const { text } = readSource({ file, config: 0 }, settings);
    return text !== undefined && parsedInJob(ALL_RULES, file, text, settings.configs[0]);
  });
}

/** Wall time (ms) of one stage over the files on `threads` worker threads, start-up excluded. */
export async function measureFloor(files: readonly string[], stage: FloorStage, threads: number): Promise<number> {
  // Largest first, each to the thread with the least so far: the threads finish together.
  const shares = Array.from({ length: threads }, () => ({ files: [] as string[], bytes: 0 }));
  const sized = files.map((file) => ({ file, bytes: fs.statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  for (const { file, bytes } of sized) {
    const share = shares.reduce((least, s) => (s.bytes < least.bytes ? s : least));
    share.files.push(file);
    share.bytes += bytes;
  }
  const workers = shares.map((share) => new Worker(__filename, { workerData: { files: share.files, stage } satisfies FloorJob }));
  try {
    // Each worker says 'ready' once loaded, then works on 'go' and answers with its time.
    await Promise.all(workers.map((w) => once(w)));
    const start = performance.now();
    await Promise.all(workers.map((w) => {
      const done = once(w);
      w.postMessage('go');
      return done;
    }));
    return performance.now() - start;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function once(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function floorWorker(job: FloorJob): Promise<void> {
  const linter = await Linter.create(ALL_RULES);
  const language = await loadGoLanguage(); // the one the linter was built on (loaded once per thread)
  const ownQuery = job.stage === 'walk' ? new (treeSitter().Query)(language, MATCHES_NOTHING) : undefined;
  const query: Query | undefined = ownQuery ?? (job.stage === 'query' ? linter.engine.combinedQuery : undefined);
  const texts = job.files.map((file) => fs.readFileSync(file, 'utf8'));
  parentPort!.once('message', () => {
    let matches = 0;
    for (const text of texts) {
      const tree = linter.runtime.parser.parse(text);
      try {
        if (query) matches += query.matches(tree.rootNode).length;
      } finally {
        tree.delete();
      }
    }
    ownQuery?.delete();
    linter.dispose();
    parentPort!.postMessage(matches);
  });
  parentPort!.postMessage('ready');
}

if (!isMainThread && parentPort) void floorWorker(workerData as FloorJob);
