// The godebt language server: protocol wiring only. Runs over IPC (VS Code) or stdio
// (`godebt-language-server --stdio`, any editor). Pull diagnostics (LSP 3.17) where the
// client supports them, pushed publishDiagnostics otherwise.
import {
  CodeActionKind, createConnection, DocumentDiagnosticReportKind, InitializeParams, InitializeResult,
  ProposedFeatures, TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { OPEN_GUIDANCE_SERVER_COMMAND, RULES_REQUEST, RuleInfo, SHOW_GUIDANCE_COMMAND, type InitializationOptions } from '../../protocol';
import { guidanceUri, packageVersion } from './engine/guidance';
import { loadGoLanguage } from './engine/goParser';
import { codeActionsFor } from './lsp/codeActions';
import { toDiagnostics } from './lsp/diagnostics';
import { LintService } from './lsp/lintService';
import { ALL_RULES } from './rules/index';

/** Pushed diagnostics wait this long after the last keystroke (stale work is dropped). */
const PUSH_DELAY_MS = 25;

const connection = createConnection(ProposedFeatures.all);
const log = (message: string) => connection.console.error(message);
let service: LintService | undefined;
let ready: Promise<LintService>;
let pullDiagnostics = false;
let guidanceCommand = OPEN_GUIDANCE_SERVER_COMMAND;
const pending = new Map<string, NodeJS.Timeout>();

connection.onInitialize(async (params: InitializeParams): Promise<InitializeResult> => {
  pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  if (options.clientCommands?.includes(SHOW_GUIDANCE_COMMAND)) guidanceCommand = SHOW_GUIDANCE_COMMAND;
  ready = loadGoLanguage().then((language) => (service = new LintService(language, ALL_RULES, log)));
  // After a parser fault and restart, lint the open documents again.
  void ready.then((s) => (s.onRecovered = () => (pullDiagnostics ? void connection.languages.diagnostics.refresh() : s.openUris().forEach((uri) => schedulePush(uri, 0)))));
  await ready;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      executeCommandProvider: { commands: [OPEN_GUIDANCE_SERVER_COMMAND] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'godebt', version: packageVersion() },
  };
});

connection.onDidOpenTextDocument(({ textDocument }) => {
  service?.didOpen(textDocument.uri, textDocument.version, textDocument.text);
  schedulePush(textDocument.uri, 0);
});

connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  service?.didChange(textDocument.uri, textDocument.version, contentChanges);
  schedulePush(textDocument.uri, PUSH_DELAY_MS);
});

connection.onDidCloseTextDocument(({ textDocument }) => {
  clearTimeout(pending.get(textDocument.uri));
  pending.delete(textDocument.uri);
  service?.didClose(textDocument.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params, token) => {
  const lint = token.isCancellationRequested ? undefined : service?.lint(params.textDocument.uri);
  if (!lint) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = String(lint.version);
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics(lint) };
});

connection.onCodeAction((params) => {
  const uri = params.textDocument.uri;
  const lint = service?.lint(uri);
  const document = service?.document(uri);
  if (!lint || !document) return [];
  return codeActionsFor({ uri, document, lint, range: params.range, only: params.context.only, guidanceCommand });
});

connection.onExecuteCommand(async ({ command, arguments: args }) => {
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

connection.onShutdown(() => {
  for (const timer of pending.values()) clearTimeout(timer);
  service?.dispose();
  service = undefined;
});

/** In push mode, lints after a short pause; a newer change replaces the pending run. */
function schedulePush(uri: string, delay: number): void {
  if (pullDiagnostics) return;
  clearTimeout(pending.get(uri));
  pending.set(uri, setTimeout(() => {
    pending.delete(uri);
    const lint = service?.lint(uri);
    if (lint) void connection.sendDiagnostics({ uri, version: lint.version, diagnostics: toDiagnostics(lint) });
  }, delay));
}

connection.listen();
