// Configuration inside a real VS Code: a .godebt.json written, changed or deleted on
// disk and the godebt.* settings re-lint the open files through the client's file
// watcher and the server's settings pull; an open .godebt.json shows its problems.
import * as vscode from 'vscode';
import { diagnosticsWhere, openGo, ruleOf, when, workspaceFile } from './helpers';

const { Error: ERROR, Warning: WARNING, Information: INFO, Hint: HINT } = vscode.DiagnosticSeverity;

describe('godebt configuration in VS Code', () => {
  const configUri = () => workspaceFile('.godebt.json');
  const writeConfig = (text: string) => vscode.workspace.fs.writeFile(configUri(), Buffer.from(text, 'utf8'));
  const settings = () => vscode.workspace.getConfiguration('godebt');
  /** Waits until the debt-marker finding of uri has severity (undefined: until there is none). */
  const marker = (uri: vscode.Uri, severity: vscode.DiagnosticSeverity | undefined, what: string) =>
    diagnosticsWhere(uri, what, (d) => {
      const found = d.find((x) => ruleOf(x) === 'debt-marker');
      return severity === undefined ? !found : found?.severity === severity;
    });

  afterEach(async () => {
    await vscode.workspace.fs.delete(configUri()).then(undefined, () => undefined);
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await settings().update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('re-lints open files when .godebt.json is created, changed and deleted', async () => {
    const { document } = await openGo('service.go');
    await marker(document.uri, INFO, 'debt-marker at its default severity');
    await writeConfig('{\n  // stricter in this project\n  "rules": { "debt-marker": "error" }\n}\n');
    await marker(document.uri, ERROR, 'debt-marker as an error');
    await writeConfig('{ "rules": { "debt-marker": "off" } }\n');
    await marker(document.uri, undefined, 'debt-marker off');
    await vscode.workspace.fs.delete(configUri());
    await marker(document.uri, INFO, 'debt-marker back to its default');
  });

  it('applies godebt.rules and godebt.enable, with .godebt.json above the settings', async () => {
    const { document } = await openGo('service.go');
    await marker(document.uri, INFO, 'debt-marker at its default severity');
    await settings().update('rules', { 'debt-marker': 'warning' }, vscode.ConfigurationTarget.Workspace);
    await marker(document.uri, WARNING, 'debt-marker from the settings');
    await writeConfig('{ "rules": { "debt-marker": "hint" } }\n');
    await marker(document.uri, HINT, 'debt-marker from .godebt.json');
    await settings().update('enable', false, vscode.ConfigurationTarget.Workspace);
    await diagnosticsWhere(document.uri, 'nothing while disabled', (d) => d.length === 0);
  });

  it('shows the problems of an open .godebt.json in it', async () => {
    await writeConfig('{\n  "rules": { "debt-markr": "off" }\n}\n');
    const document = await vscode.workspace.openTextDocument(configUri());
    await vscode.window.showTextDocument(document);
    const [problem] = await diagnosticsWhere(document.uri, 'the unknown rule', (d) => d.some((x) => x.message.startsWith('unknown rule')));
    if (document.getText(problem.range) !== '"debt-markr"') throw new Error(`the problem is at ${JSON.stringify(document.getText(problem.range))}`);
  });

  it('validates .godebt.json against the generated JSON schema (VS Code\'s JSON support)', async () => {
    await writeConfig('{\n  "rules": { "debt-marker": "loud" }\n}\n');
    const document = await vscode.workspace.openTextDocument(configUri());
    await vscode.window.showTextDocument(document);
    // VS Code's own JSON language service reports schema violations; godebt's are tagged source godebt.
    await when('a schema diagnostic on "loud" from VS Code\'s JSON support', [vscode.languages.onDidChangeDiagnostics], () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.source !== 'godebt' && document.getText(d.range) === '"loud"'));
  });
});
