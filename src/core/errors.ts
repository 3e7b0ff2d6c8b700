/** One problem found in a programmer-supplied input (a rule pack, options). */
export interface Problem {
  /** Where: a file name and/or JSON path such as `reject[2].when.in`. */
  readonly path: string;
  readonly message: string;
}

/**
 * The only error leadtidy throws: a programmer error (invalid rule pack, bad options).
 * Bad *data* never throws; it yields issues.
 */
export class LeadtidyError extends Error {
  readonly problems: readonly Problem[];
  readonly kind: 'pack' | 'options' | 'input';

  constructor(kind: 'pack' | 'options' | 'input', summary: string, problems: readonly Problem[] = []) {
    const detail = problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n');
    super(detail ? `${summary}\n${detail}` : summary);
    this.name = 'LeadtidyError';
    this.kind = kind;
    this.problems = problems;
  }
}
