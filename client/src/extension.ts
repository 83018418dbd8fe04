// The VS Code side of godebt: starts the bundled language server over IPC, opens
// rule guidance pages rendered, and registers the commands. The server does the work.
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { BaselineFindings, CONFIG_FILE_GLOB, InitializationOptions, RULES_REQUEST, RuleInfo, SETTINGS_SECTION, SHOW_GUIDANCE_COMMAND } from '../../protocol';
import { GuidanceViewer } from './guidance';
import { DebtPanelApi, registerDebtPanel } from './panel';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<DebtPanelApi> {
  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = {
    clientCommands: [SHOW_GUIDANCE_COMMAND],
    watchesConfigFiles: true,
    // The result cache lives in the extension's workspace storage, not the OS temp folder.
    storagePath: context.storageUri?.fsPath,
    // Restricted Mode starts no program at all, not even a read-only `git log`.
    gitHistory: vscode.workspace.isTrusted,
    baselineFindings: vscode.workspace.getConfiguration('godebt').get<BaselineFindings>('baselineFindings', 'dim'),
  };
  // The server pulls the godebt.* settings per workspace folder (workspace/configuration);
  // a change of them, or of a .godebt.json on disk, makes it re-lint the open files.
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  context.subscriptions.push(configWatcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'go' },
      { scheme: 'untitled', language: 'go' },
      { scheme: 'file', pattern: '**/go.mod' },
      { scheme: 'file', pattern: CONFIG_FILE_GLOB },
    ],
    initializationOptions,
    diagnosticPullOptions: { onChange: true, onSave: true },
    synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: configWatcher },
  };
  client = new LanguageClient('godebt', 'godebt', serverOptions, clientOptions);

  const guidance = new GuidanceViewer(context.extensionUri);
  context.subscriptions.push(
    guidance,
    vscode.commands.registerCommand(SHOW_GUIDANCE_COMMAND, async (ruleId?: string) => {
      const id = ruleId ?? (await pickRule());
      if (id) await guidance.show(id);
    }),
  );
  const panel = registerDebtPanel(context, client);
  await client.start();
  return panel;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function pickRule(): Promise<string | undefined> {
  if (!client) return undefined;
  const rules = await client.sendRequest<RuleInfo[]>(RULES_REQUEST);
  const items = rules
    .sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))
    .map((rule) => ({ label: rule.id, description: `${rule.category} · ${rule.severity}${rule.fixable ? ' · fix' : ''}`, detail: rule.summary }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'Show the guidance of a godebt rule', matchOnDetail: true });
  return picked?.label;
}
