// Shared by the spec validation tests: the issues a spec text raises, and the head of a minimal valid spec.
import { expect } from 'vitest';
import { parseSpec, SpecError, type SpecIssue } from '../../../src/core/evaluation/validate.js';
import { runEvaluation } from '../../../src/core/evaluation/run.js';
import type { Panel } from '../../../src/core/panel/panel.js';

/** The issues parseSpec reports for `text` (fails the test when it reports none). */
export function specIssues(text: string): SpecIssue[] {
  try {
    parseSpec(text, 'spec.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues;
  }
  throw new Error('expected a SpecError');
}

/** A valid spec's data block; tests append sections to it. */
export const OK_SPEC_HEAD = `xinzhi: 1
data:
  file: data.csv
  id: region
  period: year
`;

/** The issues the planning stage of runEvaluation reports for `text` on `panel` (fails when it reports none). */
export async function planIssues(text: string, panel: Panel): Promise<SpecIssue[]> {
  try {
    await runEvaluation(parseSpec(text, 'spec.yaml'), { panel });
  } catch (e) {
    expect(e).toBeInstanceOf(SpecError);
    return (e as SpecError).issues;
  }
  throw new Error('expected a SpecError');
}
