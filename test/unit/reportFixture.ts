// A debt summary as the server sends it, for the report generator tests.
import type { SummaryFinding, SummaryResult } from '../../protocol';
import { buildDebtModel } from '../../server/src/engine/debt';
import type { Category, Severity } from '../../server/src/engine/rule';

function finding(ruleId: string, category: Category, severity: Severity, file: string, line: number, effortMinutes: number, message = `${ruleId} here`): SummaryFinding {
  return {
    ruleId, category, severity, message, uri: `file:///ws/${file}`, file,
    range: { start: { line, character: 1 }, end: { line, character: 5 } },
    effortMinutes, fingerprint: `${ruleId}-${file}-${line}`, inBaseline: false,
  };
}

export function sampleSummary(): SummaryResult {
  const findings = [
    finding('error-discarded', 'error-handling', 'warning', 'api/handler.go', 10, 20),
    finding('error-discarded', 'error-handling', 'warning', 'api/handler.go', 30, 20),
    finding('http-client-no-timeout', 'resilience', 'warning', 'api/client.go', 5, 15),
    finding('context-cancel-discarded', 'lifecycle', 'error', 'store/db.go', 7, 10),
    finding('debt-marker', 'maintainability', 'info', 'main.go', 2, 60 * 8 * 3 + 120, 'TODO: <rewrite> | "soon" & later'),
  ];
  const files = ['api/handler.go', 'api/client.go', 'store/db.go', 'main.go'].map((file) => ({
    file, linesOfCode: file === 'main.go' ? 40 : 200, findings: findings.filter((f) => f.file === file),
  }));
  return {
    ...buildDebtModel(files, new Map([['api/handler.go', 4], ['main.go', 1], ['store/db.go', 2]])),
    findings,
    markers: findings.filter((f) => f.ruleId === 'debt-marker'),
    baseline: { file: '.godebt-baseline.json', new: { findings: 2, effortMinutes: 35 }, unchanged: { findings: 3, effortMinutes: 1575 }, fixed: { findings: 1, effortMinutes: 60 } },
    scan: { state: 'idle', files: 4, done: 4, cached: 0, finishedAt: 1 },
    history: true,
  };
}
