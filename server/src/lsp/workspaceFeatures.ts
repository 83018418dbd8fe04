// The language server's workspace-wide features, wired to the connection in one
// place so server.ts only forwards events: the workspace scan (at start-up and on
// RESCAN_COMMAND, with LSP work-done progress), watched-file updates (the server
// registers the watcher itself when the client allows dynamic registration), the
// debt summary (SUMMARY_REQUEST, SUMMARY_CHANGED_NOTIFICATION) and the baseline's
// effect on diagnostics (baselineFindings: show, dim or hide).
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  Connection, DidChangeWatchedFilesParams, FileChangeType, InitializeParams,
} from 'vscode-languageserver/node';
import {
  BaselineFindings, InitializationOptions, RESCAN_COMMAND, ScanStatus, SUMMARY_CHANGED_NOTIFICATION, SUMMARY_REQUEST,
  SummaryParams, SummaryResult,
} from '../../../protocol';
import { Baseline, BaselineError, compareWithBaseline, loadBaseline } from '../engine/baseline';
import { countLinesOfCode } from '../engine/debt';
import type { Finding } from '../engine/finding';
import { fingerprints } from '../engine/fingerprint';
import { isGoMod } from '../engine/linter';
import { buildSummary, gitChanges, SummarySource } from './summary';
import type { DocumentLint, LintService } from './lintService';
import { WorkspaceScan } from './workspaceScan';

/** SUMMARY_CHANGED_NOTIFICATION waits this long after the last change. */
const SUMMARY_DELAY_MS = 300;
/** git history is read again after this long. */
const HISTORY_TTL_MS = 5 * 60_000;

export interface WorkspaceFeaturesOptions {
  connection: Connection;
  service: () => LintService | undefined;
  params: InitializeParams;
  version: string;
  ruleIds: readonly string[];
  log: (message: string) => void;
}

export class WorkspaceFeatures {
  readonly folders: string[];
  private readonly options: InitializationOptions;
  private readonly scan: WorkspaceScan | undefined;
  private readonly openUris = new Set<string>();
  private summaryTimer: NodeJS.Timeout | undefined;
  private readonly history = new Map<string, { at: number; changes: Promise<Map<string, number> | undefined> }>();
  private baselineCache: { file: string; mtimeMs: number; baseline?: Baseline; error?: string } | undefined;
  private readonly presented = new Map<string, { version: number; key: string; lint: DocumentLint }>();

  constructor(private readonly deps: WorkspaceFeaturesOptions) {
    this.options = (deps.params.initializationOptions ?? {}) as InitializationOptions;
    this.folders = workspaceFolders(deps.params);
    this.scan = this.options.workspaceScan === false || this.folders.length === 0 ? undefined : new WorkspaceScan({
      folders: this.folders,
      storagePath: this.options.storagePath,
      version: deps.version,
      ruleIds: deps.ruleIds,
      log: deps.log,
      onChange: () => this.summaryChanged(),
      onSummary: (file, summary) => deps.service()?.setScanned(file, summary),
    });
  }

  /** Server commands to advertise (none when the client has its own RESCAN_COMMAND). */
  get commands(): string[] {
    return this.options.clientCommands?.includes(RESCAN_COMMAND) ? [] : [RESCAN_COMMAND];
  }

  /** Registers the requests; call once, before listen(). */
  register(): void {
    const { connection } = this.deps;
    connection.onRequest(SUMMARY_REQUEST, (params: SummaryParams | undefined) => this.summary(params ?? {}));
    connection.onRequest(RESCAN_COMMAND, () => this.rescan());
  }

  /** The files whose changes the scan must hear of (the server registers one watcher for all). */
  get watchGlobs(): string[] {
    return this.scan ? ['**/*.go', '**/go.mod'] : [];
  }

  /** After `initialized`: scan. */
  initialized(): void {
    if (this.scan) void this.rescan();
  }

  /** workspace/executeCommand; true when the command was ours. */
  async executeCommand(command: string): Promise<boolean> {
    if (command !== RESCAN_COMMAND) return false;
    await this.rescan();
    return true;
  }

  /** Re-scans every folder with progress; resolves with the scan's status when it ended. */
  async rescan(): Promise<ScanStatus | undefined> {
    const scan = this.scan;
    if (!scan) return undefined;
    const service = this.deps.service();
    if (service) scan.setConfig(service.config);
    const reporter = await this.deps.connection.window.createWorkDoneProgress();
    reporter.begin('godebt: scanning the workspace', 0, undefined, true);
    let shown = -1;
    await scan.scan({
      report: (done, total) => {
        const percentage = total === 0 ? 100 : Math.floor((done / total) * 100);
        if (percentage === shown) return;
        shown = percentage;
        reporter.report(percentage, `${done}/${total} files`);
      },
      get cancelled() {
        return reporter.token.isCancellationRequested;
      },
    });
    reporter.done();
    return { ...scan.status };
  }

  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    if (params.changes.some((c) => isGoMod(c.uri))) this.deps.service()?.goModChanged();
    if (!this.scan) return;
    for (const change of params.changes) {
      const file = filePath(change.uri);
      if (file) this.scan.changed(file, change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
    }
  }

  didOpen(uri: string): void {
    this.openUris.add(uri);
    this.summaryChanged();
  }

  didChange(): void {
    this.summaryChanged(1000);
  }

  didClose(uri: string): void {
    this.openUris.delete(uri);
    this.presented.delete(uri);
    this.summaryChanged();
  }

  /**
   * The lint of an open document as the editor should show it: findings recorded in
   * the baseline dimmed (severity hint, " (in baseline)") or hidden, per baselineFindings.
   */
  present(uri: string, lint: DocumentLint): DocumentLint {
    const mode: BaselineFindings = this.options.baselineFindings ?? 'dim';
    if (mode === 'show' || lint.findings.length === 0) return lint;
    const baseline = this.baseline();
    if (!baseline?.baseline) return lint;
    const key = `${baseline.file}\0${baseline.mtimeMs}\0${mode}`;
    const cached = this.presented.get(uri);
    if (cached && cached.version === lint.version && cached.key === key) return cached.lint;
    const prints = this.fingerprintsOf(uri, lint.findings);
    if (!prints) return lint;
    const marked = lint.findings.map((finding, i) => ({ finding, fingerprint: prints[i] }));
    const known = new Set(compareWithBaseline(marked, baseline.baseline).unchanged);
    const findings: Finding[] = [];
    for (const entry of marked) {
      if (!known.has(entry)) findings.push(entry.finding);
      else if (mode === 'dim') findings.push({ ...entry.finding, severity: 'hint', message: `${entry.finding.message} (in baseline)` });
    }
    const presented: DocumentLint = { ...lint, findings };
    this.presented.set(uri, { version: lint.version, key, lint: presented });
    return presented;
  }

  async dispose(): Promise<void> {
    clearTimeout(this.summaryTimer);
    await this.scan?.dispose();
  }

  private async summary(params: SummaryParams): Promise<SummaryResult> {
    const service = this.deps.service();
    if (this.scan && service && this.scan.setConfig(service.config)) void this.rescan();
    await this.scan?.settled();
    const sources: SummarySource[] = [];
    const open = new Set<string>();
    for (const uri of this.openUris) {
      const source = this.openSource(uri);
      if (!source) continue;
      open.add(source.path);
      sources.push(source);
    }
    for (const scanned of this.scan?.files.values() ?? []) {
      if (open.has(scanned.path)) continue; // the editor's text wins over the file on disk
      sources.push({
        path: scanned.path, uri: pathToFileURL(scanned.path).href, file: this.shownPath(scanned.folder, scanned.relative),
        linesOfCode: scanned.result.linesOfCode, findings: scanned.result.findings,
      });
    }
    const baseline = this.baseline();
    return buildSummary({
      sources,
      rules: new Map((service?.rules ?? []).map((r) => [r.meta.id, r.meta])),
      params,
      scan: this.scan ? { ...this.scan.status } : { state: 'idle', files: 0, done: 0, cached: 0, finishedAt: 0 },
      changes: await this.changes(),
      baseline: baseline ? { file: baseline.file, baseline: baseline.baseline, error: baseline.error } : undefined,
    });
  }

  private openSource(uri: string): SummarySource | undefined {
    const service = this.deps.service();
    const file = filePath(uri);
    const folder = file ? this.folderOf(file) : undefined;
    const lint = service?.lint(uri);
    const document = service?.document(uri);
    if (!file || !folder || !lint || !document) return undefined;
    const relative = toSlashes(path.relative(folder, file));
    const text = document.getText();
    const prints = fingerprints(relative, text, lint.findings);
    return {
      path: file, uri, file: this.shownPath(folder, relative),
      linesOfCode: isGoMod(file) ? 0 : countLinesOfCode(text),
      findings: lint.findings.map((f, i) => ({
        ruleId: f.ruleId, category: f.category, severity: f.severity, message: f.message, range: f.range,
        effortMinutes: f.effortMinutes, fingerprint: prints[i],
      })),
    };
  }

  private fingerprintsOf(uri: string, findings: readonly Finding[]): string[] | undefined {
    const file = filePath(uri);
    const document = this.deps.service()?.document(uri);
    if (!file || !document) return undefined;
    const folder = this.folderOf(file) ?? this.folders.find((f) => !path.relative(f, file).startsWith('..'));
    const relative = folder ? toSlashes(path.relative(folder, file)) : file;
    return fingerprints(relative, document.getText(), findings);
  }

  private folderOf(file: string): string | undefined {
    if (this.scan) return this.scan.folderOf(file);
    return this.folders.find((folder) => {
      const relative = path.relative(folder, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
  }

  private shownPath(folder: string, relative: string): string {
    return this.folders.length > 1 ? `${path.basename(folder)}/${relative}` : relative;
  }

  /** Commits per shown path over the last 90 days; undefined when no folder has git history. */
  private async changes(): Promise<Map<string, number> | undefined> {
    if (this.options.gitHistory === false) return undefined;
    let merged: Map<string, number> | undefined;
    for (const folder of this.folders) {
      let entry = this.history.get(folder);
      if (!entry || Date.now() - entry.at > HISTORY_TTL_MS) {
        entry = { at: Date.now(), changes: gitChanges(folder) };
        this.history.set(folder, entry);
      }
      const changes = await entry.changes;
      if (!changes) continue;
      merged ??= new Map();
      for (const [file, count] of changes) merged.set(this.shownPath(folder, file), count);
    }
    return merged;
  }

  /** The configured baseline (initializationOptions.baseline, else the config's `baseline`), re-read when the file changes. */
  private baseline(): { file: string; mtimeMs: number; baseline?: Baseline; error?: string } | undefined {
    const config = this.deps.service()?.config as { baseline?: unknown } | undefined;
    const configured = this.options.baseline ?? (typeof config?.baseline === 'string' ? config.baseline : undefined);
    if (!configured) return undefined;
    const file = path.resolve(this.folders[0] ?? process.cwd(), configured);
    let mtimeMs = -1;
    try {
      mtimeMs = fs.statSync(file).mtimeMs;
    } catch {
      // loadBaseline says why
    }
    if (this.baselineCache?.file === file && this.baselineCache.mtimeMs === mtimeMs) return this.baselineCache;
    try {
      this.baselineCache = { file, mtimeMs, baseline: loadBaseline(file) };
    } catch (err) {
      const reason = err instanceof BaselineError ? err.message : String(err);
      this.deps.log(`godebt: baseline ${file} ignored: ${reason}`);
      this.baselineCache = { file, mtimeMs, error: reason };
    }
    return this.baselineCache;
  }

  private summaryChanged(delay = SUMMARY_DELAY_MS): void {
    if (this.summaryTimer) return; // one notification per burst; the panel asks for the whole summary
    this.summaryTimer = setTimeout(() => {
      this.summaryTimer = undefined;
      void this.deps.connection.sendNotification(SUMMARY_CHANGED_NOTIFICATION);
    }, delay);
  }
}

function workspaceFolders(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const folders = uris.map(filePath).filter((f): f is string => f !== undefined);
  if (folders.length === 0 && params.rootPath) folders.push(params.rootPath);
  return folders.map((f) => path.resolve(f));
}

function filePath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function toSlashes(file: string): string {
  return file.split(path.sep).join('/');
}
