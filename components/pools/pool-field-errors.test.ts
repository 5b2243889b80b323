import { describe, expect, it } from 'vitest';
import { poolFieldErrors } from './pool-field-errors';

const SHOWN = ['name', 'capabilities', 'maxSize', 'sleepWindows', 'provider', 'providerSettings.image'];

describe('poolFieldErrors', () => {
  it('puts input validation issues next to their fields, numbering list items', () => {
    const error = {
      message: 'name: may contain lowercase letters, digits and - only; sleepWindows.1: bad day',
      data: {
        code: 'BAD_REQUEST',
        issues: [
          { path: 'name', message: 'may contain lowercase letters, digits and - only' },
          { path: 'sleepWindows.1', message: 'bad day' },
          { path: 'idleTimeoutMs', message: 'Too small' },
        ],
      },
    };
    expect(poolFieldErrors(error, SHOWN)).toEqual({
      fields: { name: 'may contain lowercase letters, digits and - only', sleepWindows: 'line 2: bad day' },
      form: 'idleTimeoutMs: Too small',
    });
  });

  it('reads the field from the head of a service message, one per provider setting', () => {
    expect(
      poolFieldErrors({ message: 'maxSize: must be at least minSize', data: { code: 'BAD_REQUEST' } }, SHOWN),
    ).toEqual({ fields: { maxSize: 'must be at least minSize' }, form: null });
    expect(
      poolFieldErrors(
        { message: 'providerSettings: image: is required; imgae: unknown key', data: { code: 'BAD_REQUEST' } },
        SHOWN,
      ),
    ).toEqual({ fields: { 'providerSettings.image': 'is required' }, form: 'providerSettings.imgae: unknown key' });
    expect(
      poolFieldErrors({ message: 'a pool named gpu already exists', data: { code: 'CONFLICT' } }, SHOWN).fields.name,
    ).toMatch(/already exists/);
  });

  it('shows anything else as a whole-form message, and nothing for no error', () => {
    expect(poolFieldErrors({ message: 'admin role required', data: { code: 'FORBIDDEN' } }, SHOWN)).toEqual({
      fields: {},
      form: 'admin role required',
    });
    expect(poolFieldErrors(null, SHOWN)).toEqual({ fields: {}, form: null });
  });
});
