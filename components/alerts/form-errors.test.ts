import { describe, expect, it } from 'vitest';
import { formErrors } from './form-errors';

describe('formErrors', () => {
  it('puts each issue next to its field, the rest on the form', () => {
    const error = {
      message: 'invalid',
      data: {
        issues: [
          { path: 'matchers.1.value', message: 'value: not a valid regular expression: (' },
          { path: 'comment', message: 'say why' },
          { path: 'durationMs', message: 'must be at least a minute' },
        ],
      },
    };
    expect(formErrors(error, ['matchers', 'comment'])).toEqual({
      fields: { 'matchers.1.value': 'value: not a valid regular expression: (', comment: 'say why' },
      form: 'durationMs: must be at least a minute',
    });
  });

  it('shows a refusal with no field on the form', () => {
    expect(formErrors({ message: 'the alert is resolved', data: { code: 'CONFLICT' } }, ['note'])).toEqual({
      fields: {},
      form: 'the alert is resolved',
    });
    expect(formErrors(null, [])).toEqual({ fields: {}, form: null });
  });
});
