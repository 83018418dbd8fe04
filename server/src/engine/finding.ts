import type { Position, Range } from 'vscode-languageserver-textdocument';
import type { Fix } from './fix';
import type { Category, Severity, Span } from './rule';

/** One reported problem, independent of any protocol. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  effortMinutes: number;
  fix?: Fix;
}

export type { Position, Range };
