import { describe, expect, it } from 'vitest';
import { SubmitTasksInput } from '@/server/core/tasks/submit-input';
import { EMPTY_SUBMIT_DRAFT, parseDuration, readSubmitDraft } from './submit-draft';
import { submitFieldErrors } from './submit-field-errors';

const draft = (over: Partial<typeof EMPTY_SUBMIT_DRAFT>) => ({
  ...EMPTY_SUBMIT_DRAFT,
  title: 'Fix the login test',
  ...over,
});

describe('readSubmitDraft', () => {
  it('reads every field the API takes, leaving blank ones to the server defaults', () => {
    const { input, errors } = readSubmitDraft(
      draft({
        prompt: 'make it pass',
        payload: '{"repo": "acme/web"}',
        capabilities: 'typescript, tests  review',
        priority: 'high',
        project: ' web ',
        contextKey: 'repo:web',
        maxAttempts: '5',
        timeout: '30m',
        dependsOn: 'tsk_a tsk_b,tsk_c',
        concurrencyKey: 'repo:web',
        concurrencyLimit: '2',
        idempotencyKey: 'fix-login-1',
      }),
    );
    expect(errors).toEqual({});
    expect(input).toEqual({
      title: 'Fix the login test',
      payload: { repo: 'acme/web', prompt: 'make it pass' },
      capabilities: ['typescript', 'tests', 'review'],
      priority: 'high',
      project: 'web',
      contextKey: 'repo:web',
      maxAttempts: 5,
      timeoutMs: 1_800_000,
      dependsOn: ['tsk_a', 'tsk_b', 'tsk_c'],
      concurrencyKey: 'repo:web',
      concurrencyLimit: 2,
      idempotencyKey: 'fix-login-1',
    });
    expect(SubmitTasksInput.safeParse(input).success).toBe(true);
    expect(readSubmitDraft(draft({})).input).toEqual({
      title: 'Fix the login test',
      payload: null,
      capabilities: [],
      priority: 'normal',
      dependsOn: [],
    });
  });

  it('names what cannot be sent: broken JSON, a prompt beside a payload that is no object or has one, non-numbers', () => {
    expect(readSubmitDraft(draft({ payload: '{nope' })).errors.payload).toMatch(/^not valid JSON/);
    expect(readSubmitDraft(draft({ payload: '[1]', prompt: 'p' })).errors.payload).toBe(
      'must be a JSON object to carry the prompt as well',
    );
    expect(readSubmitDraft(draft({ payload: '{"prompt": "a"}', prompt: 'b' })).errors.prompt).toMatch(
      /has a prompt already/,
    );
    expect(readSubmitDraft(draft({ maxAttempts: 'three', concurrencyLimit: '1.5', timeout: 'soon' })).errors).toEqual({
      maxAttempts: 'must be a whole number',
      concurrencyLimit: 'must be a whole number',
      timeout: 'a duration such as 90s, 30m or 2h',
    });
  });

  it('reads durations with units, a bare number as seconds', () => {
    expect([
      parseDuration('90'),
      parseDuration('90s'),
      parseDuration('1.5h'),
      parseDuration('2 min'),
      parseDuration('500ms'),
      parseDuration('1d'),
    ]).toEqual([90_000, 90_000, 5_400_000, 120_000, 500, 86_400_000]);
    expect(parseDuration('-5s')).toBeNull();
  });
});

describe('submitFieldErrors', () => {
  it('puts input validation issues next to their fields, list entries by position', () => {
    const out = submitFieldErrors({
      message: 'x',
      data: {
        issues: [
          { path: 'maxAttempts', message: 'must be at least 1' },
          { path: 'capabilities.1', message: 'must not be empty' },
          { path: 'timeoutMs', message: 'must be at least 1 second (1000 ms)' },
          { path: 'tasks', message: 'odd' },
        ],
      },
    });
    expect(out).toEqual({
      fields: {
        maxAttempts: 'must be at least 1',
        capabilities: 'capability 2: must not be empty',
        timeout: 'must be at least 1 second (1000 ms)',
      },
      form: 'tasks: odd',
    });
  });

  it('reads the fields named in a message (dependency checks), and keeps any other message whole', () => {
    expect(
      submitFieldErrors({
        message: 'dependsOn.0: task tsk_x not found; dependsOn.2: task tsk_y is failed, so this task could never run',
      }).fields,
    ).toEqual({
      dependsOn: 'dependency 1: task tsk_x not found; dependency 3: task tsk_y is failed, so this task could never run',
    });
    expect(submitFieldErrors({ message: 'internal error (request abc)' })).toEqual({
      fields: {},
      form: 'internal error (request abc)',
    });
  });
});
