// The godebt language server: protocol wiring only. Runs over IPC (VS Code) or stdio
// (`godebt-language-server --stdio`, any editor). Pull diagnostics (LSP 3.17) where the
// client supports them, pushed publishDiagnostics otherwise. Each document is linted
// with its folder's configuration (ConfigStore); a change of the godebt.* settings or
// of a .godebt.json re-lints the open documents.
import * as fs from 'fs';
import { isDeepStrictEqual } from 'util';
import {
  CodeActionKind, createConnection, Diagnostic, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, InitializeParams,
  InitializeResult, ProposedFeatures, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_GLOB, GodebtSettings, OPEN_GUIDANCE_SERVER_COMMAND, RULES_REQUEST, RuleInfo, SETTINGS_SECTION, SHOW_GUIDANCE_COMMAND,
  type InitializationOptions,
} from '../../protocol';
import { guidanceUri, packageVersion } from './engine/guidance';
import { loadGoLanguage } from './engine/goParser';
import { isGoMod } from './engine/linter';
import { codeActionsFor, ConfigFileTarget } from './lsp/codeActions';
import { configDiagnostics, isConfigUri } from './lsp/configDiagnostics';
import { ConfigStore, DocumentConfig, fsPath } from './lsp/configStore';
import { toDiagnostics } from './lsp/diagnostics';
import { DocumentLint, LintService } from './lsp/lintService';
import { WorkspaceFeatures } from './lsp/workspaceFeatures';
import { ALL_RULES } from './rules/index';

/**
 * Pushed diagnostics wait this long after the last change, so that a burst of changes
 * (a multi-cursor edit, a paste then its formatting) is linted once. Keystrokes typed
 * while a lint runs are read together when it ends and the newest version is linted,
 * so a longer pause would only add to every keystroke's latency (it was 25 ms).
 */
const PUSH_DELAY_MS = 5;

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.error(message);
let service: LintService | undefined;
let workspace: WorkspaceFeatures | undefined;
let folders: string[] = [];
let ready: Promise<LintService>;
let pullDiagnostics = false;
let refreshSupport = false;
let canCreateFiles = false;
let watchConfigFiles = false;
let dynamicWatchers = false;
let folderChanges = false;
let guidanceCommand = OPEN_GUIDANCE_SERVER_COMMAND;
const pending = new Map<string, NodeJS.Timeout>();
/**
 * What push mode last sent per open document. A document is linted again at the same
 * version when what it depends on changes (the workspace scan fills the package index,
 * a configuration is saved); when its diagnostics come out the same they are not sent
 * again, which would make the editor redraw them for nothing.
 */
const published = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
/** Open .godebt.json documents: checked as typed; they take effect when saved. */
const configDocuments = new Map<string, TextDocument>();
let pullSettings = false;
const store = new ConfigStore(
  ALL_RULES,
  async (scopeUri) => (pullSettings ? (await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION })) as GodebtSettings : undefined),
  log,
);

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  const { capabilities } = params;
  pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
  refreshSupport = capabilities.workspace?.diagnostics?.refreshSupport === true;
  pullSettings = capabilities.workspace?.configuration === true;
  folderChanges = capabilities.workspace?.workspaceFolders === true;
  canCreateFiles = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  dynamicWatchers = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  watchConfigFiles = !options.watchesConfigFiles && dynamicWatchers;
  if (options.clientCommands?.includes(SHOW_GUIDANCE_COMMAND)) guidanceCommand = SHOW_GUIDANCE_COMMAND;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  store.setFolders(folders);
  ready = loadGoLanguage().then((language) => (service = new LintService(language, ALL_RULES, log)));
  void ready.then((s) => {
    // After a parser fault and restart, lint the open documents again.
    s.onRecovered = () => (pullDiagnostics ? void connection.languages.diagnostics.refresh() : s.openUris().forEach((uri) => schedulePush(uri, 0)));
    // Another file's summary changed what the package index says to these documents.
    s.onIndexChanged = () => {
      const stale = s.stale();
      if (stale.length === 0) return;
      if (pullDiagnostics) {
        if (refreshSupport) void connection.languages.diagnostics.refresh();
      } else {
        for (const uri of stale) schedulePush(uri, PUSH_DELAY_MS);
      }
    };
  });
  await ready;
  workspace = new WorkspaceFeatures({
    connection, params, service: () => service, version: packageVersion(), ruleIds: ALL_RULES.map((r) => r.meta.id), log,
  });
  workspace.register();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [OPEN_GUIDANCE_SERVER_COMMAND, ...workspace.commands] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'godebt', version: packageVersion() },
  };
});

connection.onInitialized(async () => {
  await syncWorkspaceConfig();
  workspace?.initialized();
  // One watcher for everything: .godebt.json (unless the client watches it itself) and
  // the Go files the workspace scan keeps current.
  const globs = [...(watchConfigFiles ? [CONFIG_FILE_GLOB] : []), ...(dynamicWatchers ? workspace?.watchGlobs ?? [] : [])];
  if (globs.length > 0) {
    connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: globs.map((globPattern) => ({ globPattern })) })
      .catch((err: unknown) => log(`godebt: cannot watch files: ${String(err)}`));
  }
  if (folderChanges) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      folders = (await connection.workspace.getWorkspaceFolders())?.map((f) => f.uri) ?? [];
      store.setFolders(folders);
      relintAll();
    });
  }
});

connection.onDidChangeConfiguration(() => {
  store.settingsChanged();
  relintAll();
});

connection.onDidChangeWatchedFiles((params) => {
  workspace?.didChangeWatchedFiles(params);
  const configChanges = params.changes.filter((c) => isConfigUri(c.uri));
  if (configChanges.length === 0) return;
  for (const change of configChanges) store.configFileChanged(change.uri);
  relintAll();
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  if (isConfigUri(textDocument.uri)) {
    configDocuments.set(textDocument.uri, TextDocument.create(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text));
  } else {
    service?.didOpen(textDocument.uri, textDocument.version, textDocument.text);
    workspace?.didOpen(textDocument.uri);
  }
  schedulePush(textDocument.uri, 0);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  const configDocument = configDocuments.get(textDocument.uri);
  if (configDocument) TextDocument.update(configDocument, contentChanges, textDocument.version);
  else {
    service?.didChange(textDocument.uri, textDocument.version, contentChanges);
    workspace?.didChange();
  }
  schedulePush(textDocument.uri, PUSH_DELAY_MS);
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  clearTimeout(pending.get(textDocument.uri));
  pending.delete(textDocument.uri);
  configDocuments.delete(textDocument.uri);
  service?.didClose(textDocument.uri);
  workspace?.didClose(textDocument.uri);
  published.delete(textDocument.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.languages.diagnostics.on(async (params, token) => {
  const uri = params.textDocument.uri;
  const configDocument = configDocuments.get(uri);
  if (configDocument) return { kind: DocumentDiagnosticReportKind.Full, items: configDiagnostics(configDocument, ALL_RULES) };
  const generation = store.generation;
  const lint = token.isCancellationRequested ? undefined : await lintDocument(uri);
  if (!lint) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  // The package index's key: another file can change the findings of an unchanged document.
  const resultId = `${lint.version}:${generation}:${lint.indexKey?.slice(0, 16) ?? ''}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics(present(uri, lint)) };
});

connection.onCodeAction(async (params) => {
  const uri = params.textDocument.uri;
  const config = await store.forDocument(uri);
  const raw = await lintDocument(uri, config);
  const document = service?.document(uri);
  if (!raw || !document) return [];
  const lint = present(uri, raw);
  return codeActionsFor({
    uri, document, lint, range: params.range, only: params.context.only, guidanceCommand,
    isGo: !isGoMod(fsPath(uri)), configFile: config.configFile ? configTarget(config.configFile) : undefined,
  });
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
  if (await workspace?.executeCommand(command)) return;
  if (command !== OPEN_GUIDANCE_SERVER_COMMAND) return;
  const ruleId = String(args?.[0] ?? '');
  if (!service?.rules.some((r) => r.meta.id === ruleId)) return;
  await connection.window.showDocument({ uri: guidanceUri(ruleId), takeFocus: true });
});

connection.onRequest(RULES_REQUEST, async (): Promise<RuleInfo[]> => {
  const { rules } = await ready;
  return rules.map(({ meta }) => ({
    id: meta.id, category: meta.category, severity: meta.severity, fixable: meta.fixable,
    summary: meta.summary, guidance: guidanceUri(meta.id),
  }));
});

// For the bench's memory soak only: a node started with --expose-gc (which the
// extension never does) collects garbage on request and answers with its RSS, so the
// soak can tell retained memory from where a sample fell in V8's collection cycle.
const collectGarbage = (globalThis as { gc?: () => void }).gc;
if (collectGarbage) {
  connection.onRequest('godebt/collectGarbage', () => {
    collectGarbage();
    const { rss, heapUsed } = process.memoryUsage();
    return { rssMb: rss / (1024 * 1024), heapUsedMb: heapUsed / (1024 * 1024) };
  });
}

connection.onShutdown(async () => {
  for (const timer of pending.values()) clearTimeout(timer);
  await workspace?.dispose();
  service?.dispose();
  service = undefined;
});

/** The document's findings under its configuration; none when godebt is disabled there or the file is excluded. */
async function lintDocument(uri: string, known?: DocumentConfig): Promise<DocumentLint | undefined> {
  const config = known ?? (await store.forDocument(uri));
  const lint = service?.lint(uri, config.config);
  if (!lint || config.enabled && !config.excluded) return lint;
  return { ...lint, findings: [], notice: undefined };
}

/** The .godebt.json to edit for "Disable RULE": the open document's text, else the file's. */
function configTarget(path: string): ConfigFileTarget {
  for (const [uri, document] of configDocuments) {
    if (fsPath(uri) === path) return { path, canCreate: canCreateFiles, current: { text: document.getText(), version: document.version } };
  }
  try {
    return { path, canCreate: canCreateFiles, current: { text: fs.readFileSync(path, 'utf8'), version: null } };
  } catch {
    return { path, canCreate: canCreateFiles };
  }
}

/** After a configuration change: pull clients are asked to pull again; push mode re-publishes. */
function relintAll(): void {
  service?.invalidate();
  void syncWorkspaceConfig();
  if (pullDiagnostics) {
    if (refreshSupport) void connection.languages.diagnostics.refresh();
    return;
  }
  for (const uri of [...(service?.openUris() ?? []), ...configDocuments.keys()]) schedulePush(uri, 0);
}

/** In push mode, lints after a short pause; a newer change replaces the pending run. */
function schedulePush(uri: string, delay: number): void {
  if (pullDiagnostics) return;
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => {
    pending.delete(uri);
    void publish(uri);
  }, delay));
}

async function publish(uri: string): Promise<void> {
  const configDocument = configDocuments.get(uri);
  if (configDocument) {
    await connection.sendDiagnostics({ uri, version: configDocument.version, diagnostics: configDiagnostics(configDocument, ALL_RULES) });
    return;
  }
  const lint = await lintDocument(uri);
  // The document may have changed or closed while the configuration was read.
  if (!lint || lint.version !== service?.version(uri)) return;
  const diagnostics = toDiagnostics(present(uri, lint));
  const last = published.get(uri);
  if (last?.version === lint.version && isDeepStrictEqual(last.diagnostics, diagnostics)) return;
  published.set(uri, { version: lint.version, diagnostics });
  await connection.sendDiagnostics({ uri, version: lint.version, diagnostics });
}

/** Findings recorded in the baseline, dimmed or hidden as configured. */
function present(uri: string, lint: DocumentLint): DocumentLint {
  return workspace ? workspace.present(uri, lint) : lint;
}

/**
 * The workspace scan lints with the configuration of the first workspace folder
 * (LintService.config); open documents use their own folder's (store.forDocument).
 */
async function syncWorkspaceConfig(): Promise<void> {
  if (!service || folders.length === 0) return;
  service.config = (await store.forDocument(`${folders[0].replace(/\/$/, '')}/workspace.go`)).config;
}

connection.listen();
