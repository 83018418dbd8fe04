// Waiting on VS Code events (never fixed sleeps): each helper resolves when the
// expected state is reached, and fails with a description after a generous limit.
import * as vscode from 'vscode';

export const EXTENSION_ID = 'godebt.godebt';
const LIMIT_MS = 30000;

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the VS Code suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function godebtDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'godebt');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Resolves once check() returns a value, re-checking whenever an event fires. */
export function when<T>(what: string, events: vscode.Event<unknown>[], check: () => T | undefined | false): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const subscriptions: vscode.Disposable[] = [];
    const finish = (value?: T, error?: Error) => {
      clearTimeout(timer);
      clearInterval(poll);
      subscriptions.forEach((s) => s.dispose());
      if (error) reject(error);
      else resolve(value as T);
    };
    const test = () => {
      try {
        const value = check();
        if (value !== undefined && value !== false) finish(value);
      } catch (err) {
        finish(undefined, err as Error);
      }
    };
    for (const event of events) subscriptions.push(event(test));
    // Some state (extension activation, tabs of webviews) has no event of its own.
    const poll = setInterval(test, 100);
    const timer = setTimeout(() => finish(undefined, new Error(`timed out waiting for ${what}`)), LIMIT_MS);
    test();
  });
}

/** Waits until the godebt diagnostics of uri satisfy predicate, and returns them. */
export function diagnosticsWhere(uri: vscode.Uri, what: string, predicate: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return when(`diagnostics: ${what}`, [vscode.languages.onDidChangeDiagnostics], () => {
    const found = godebtDiagnostics(uri);
    return predicate(found) ? found : undefined;
  });
}

export async function openGo(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

export async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value)) ?? [];
}

export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}
