// "godebt: Open Debt Report" (a webview that follows the summary) and "godebt: Export
// Debt Report" (Markdown, self-contained HTML or JSON to a file).
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { SHOW_GUIDANCE_COMMAND } from '../../../protocol';
import type { SummaryResult } from '../../../protocol';
import { ReportMessage, reportHtml } from './reportHtml';
import { reportMarkdown } from './reportMarkdown';
import { SummaryStore } from './store';

export const OPEN_REPORT_COMMAND = 'godebt.openDebtReport';
export const EXPORT_REPORT_COMMAND = 'godebt.exportDebtReport';
export const REPORT_TITLE = 'Go Debt Report';

export type ExportFormat = 'markdown' | 'html' | 'json';

const FORMATS: { format: ExportFormat; label: string; detail: string; extension: string; filter: string }[] = [
  { format: 'markdown', label: 'Markdown', detail: 'Tables for a pull request, a wiki or a chat', extension: 'md', filter: 'Markdown' },
  { format: 'html', label: 'HTML', detail: 'The report with its charts, one self-contained file', extension: 'html', filter: 'HTML' },
  { format: 'json', label: 'JSON', detail: 'The whole summary, for scripts', extension: 'json', filter: 'JSON' },
];

export class DebtReport implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The summary the page shows, as JSON: an unchanged summary does not rewrite the page. */
  private shown: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: SummaryStore, private readonly extensionUri: vscode.Uri, private readonly refresh: () => Promise<void>) {
    this.subscription = store.onDidChange(() => this.render());
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  open(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    this.panel = vscode.window.createWebviewPanel('godebt.debtReport', REPORT_TITLE, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      enableFindWidget: true,
    });
    this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'godebt.svg');
    this.panel.onDidDispose(() => (this.panel = undefined));
    this.panel.webview.onDidReceiveMessage((message: ReportMessage) => this.onMessage(message));
    this.render(true);
  }

  private render(force = false): void {
    if (!this.panel) return;
    const key = JSON.stringify(this.store.full ?? null);
    if (!force && key === this.shown) return;
    this.shown = key;
    this.panel.webview.html = reportHtml(this.store.full, { nonce: nonce(), interactive: true, workspaceName: workspaceName(), generatedAt: new Date() });
  }

  private async onMessage(message: ReportMessage): Promise<void> {
    switch (message.type) {
      case 'refresh': await this.refresh(); break;
      case 'export': await vscode.commands.executeCommand(EXPORT_REPORT_COMMAND); break;
      case 'guidance': await vscode.commands.executeCommand(SHOW_GUIDANCE_COMMAND, message.value); break;
      case 'openFile': {
        const finding = this.store.full?.findings.find((f) => f.file === message.value);
        if (finding) await vscode.window.showTextDocument(vscode.Uri.parse(finding.uri), { viewColumn: vscode.ViewColumn.Beside });
        break;
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.panel?.dispose();
  }
}

/** The report in a format, as text. */
export function exportReport(summary: SummaryResult | undefined, format: ExportFormat, name: string, generatedAt = new Date()): string {
  switch (format) {
    case 'markdown': return reportMarkdown(summary, name, generatedAt);
    case 'html': return reportHtml(summary, { nonce: nonce(), interactive: false, workspaceName: name, generatedAt });
    case 'json': return `${JSON.stringify({ generatedAt: generatedAt.toISOString(), workspace: name, summary: summary ?? null }, null, 2)}\n`;
  }
}

/**
 * Asks for the format and the file (unless given, as tests do), writes the report and
 * returns where. Undefined when the person cancelled.
 */
export async function exportCommand(store: SummaryStore, format?: ExportFormat, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const chosen = format
    ? FORMATS.find((f) => f.format === format)
    : await vscode.window.showQuickPick(FORMATS, { title: 'Export Debt Report', placeHolder: 'Format of the report' });
  if (!chosen) return undefined;
  if (!store.full) await store.refresh();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri = target ?? await vscode.window.showSaveDialog({
    title: 'Export Debt Report',
    saveLabel: 'Export',
    defaultUri: folder ? vscode.Uri.joinPath(folder, `godebt-report.${chosen.extension}`) : undefined,
    filters: { [chosen.filter]: [chosen.extension] },
  });
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(exportReport(store.full, chosen.format, workspaceName()), 'utf8'));
  if (!target) {
    void vscode.window.showInformationMessage(`Debt report written to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then(async (answer) => {
      if (answer !== 'Open') return;
      if (chosen.format === 'html') await vscode.env.openExternal(uri);
      else await vscode.window.showTextDocument(uri);
    });
  }
  return uri;
}

function workspaceName(): string {
  return vscode.workspace.name ?? 'workspace';
}

function nonce(): string {
  return randomBytes(18).toString('base64');
}
