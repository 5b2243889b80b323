import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors';

describe('fieldErrors', () => {
  it('puts each validation issue next to the field it names', () => {
    const error = {
      message: 'strategy.weights.load: weight "load" must be a finite number ≥ 0',
      data: {
        code: 'BAD_REQUEST',
        issues: [
          { path: 'strategy.weights.load', message: 'weight "load" must be a finite number ≥ 0' },
          { path: 'decisions', message: 'Too big: expected number to be <=5000' },
          { path: 'scope', message: 'Invalid input' },
        ],
      },
    };
    expect(fieldErrors(error)).toEqual({
      fields: { load: 'weight "load" must be a finite number ≥ 0', decisions: 'Too big: expected number to be <=5000' },
      form: 'scope: Invalid input',
    });
  });

  it('shows any other error as a whole-form message, and nothing for no error', () => {
    expect(fieldErrors({ message: 'admin role required', data: { code: 'FORBIDDEN' } })).toEqual({
      fields: {},
      form: 'admin role required',
    });
    expect(fieldErrors(null)).toEqual({ fields: {}, form: null });
  });
});
