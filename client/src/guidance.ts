// Guidance pages are bundled Markdown files (docs/rules/<id>.md) shown rendered in
// VS Code's Markdown preview, offline. A diagnostic's code link points at the file
// itself (the only link target VS Code opens from a hover without a prompt); when
// such a page opens as a text editor, it is swapped for its preview.
import * as vscode from 'vscode';

export class GuidanceViewer implements vscode.Disposable {
  private readonly folder: vscode.Uri;
  private readonly subscription: vscode.Disposable;

  constructor(extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    this.subscription = vscode.window.onDidChangeVisibleTextEditors((editors) => {
      for (const editor of editors) if (this.isGuidance(editor.document.uri)) void this.swapForPreview(editor.document.uri);
    });
  }

  pageUri(ruleId: string): vscode.Uri {
    return vscode.Uri.joinPath(this.folder, `${ruleId}.md`);
  }

  async show(ruleId: string): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', this.pageUri(ruleId));
  }

  isGuidance(uri: vscode.Uri): boolean {
    return uri.scheme === this.folder.scheme && uri.path.startsWith(`${this.folder.path}/`) && uri.path.endsWith('.md');
  }

  private async swapForPreview(uri: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()) {
          await vscode.window.tabGroups.close(tab);
        }
      }
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
