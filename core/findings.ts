/**
 * Findings: a rule broken (or worth a look) in one cell, returned as values, never thrown. Rule ids
 * come from one fixed list; errors are design §3's three, the rest are warnings.
 */

export const RULES = {
  "green-after-gap": "error",
  "amber-before-gap": "error",
  "unknown-colour": "error",
  "unknown-value": "error",
  "level-dropped": "warning",
  "checkpoint-skipped": "warning",
  "typed-value": "warning",
  "statement-changed": "warning",
  "statements-missing": "warning",
  "statements-extra": "warning",
  "band-unknown": "warning",
  "name-missing": "warning",
  "level-unreadable": "warning",
  "checkpoint-unknown": "warning",
  // The appraisal year record beside the ladder (issue 14).
  "target-below-level": "warning",
  "star-step-skipped": "warning",
  "star-date-order": "warning",
  "objective-missing": "warning",
  "current-level-differs": "warning",
  "record-unreadable": "warning",
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = (typeof RULES)[RuleId];

export interface Finding {
  /** A1 reference of the cell, e.g. "C14". */
  cell: string;
  /** The checkpoint column ("Sep", "Mid", "Jul"), or null for findings about the tab as a whole. */
  checkpoint: string | null;
  rule: RuleId;
  severity: Severity;
  /** What is wrong and what to do, in plain words. */
  message: string;
}

export function finding(rule: RuleId, cell: string, checkpoint: string | null, message: string): Finding {
  return { cell, checkpoint, rule, severity: RULES[rule], message };
}

export function errorCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.severity === "error").length;
}
