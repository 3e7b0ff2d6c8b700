import { describe, expect, test } from 'vitest';
import { issue, isIssueCode } from './codes.js';

describe('issue()', () => {
  test('renders the message from data and takes the catalog severity', () => {
    const i = issue('file.header_duplicate', { header: 'Email', column: 3, name: 'Email (2)' }, { row: 0 });
    expect(i).toEqual({
      code: 'file.header_duplicate',
      severity: 'warning',
      message: 'Header "Email" appears more than once; column 3 renamed "Email (2)".',
      row: 0,
      data: { header: 'Email', column: 3, name: 'Email (2)' },
    });
  });
  test('leaves unknown placeholders and ignores prototype keys', () => {
    expect(issue('file.unsupported_format', {}).message).toBe('Unsupported file format: {format}.');
    expect(issue('file.unsupported_format', JSON.parse('{"__proto__":"x"}')).message).toContain('{format}');
  });
  test('isIssueCode is closed', () => {
    expect(isIssueCode('file.empty')).toBe(true);
    expect(isIssueCode('constructor')).toBe(false);
  });
});
