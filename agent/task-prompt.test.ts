import { describe, expect, it } from 'vitest';
import { taskPrompt } from './task-prompt';

describe('taskPrompt', () => {
  it('prefers payload.prompt, then a string payload, then the title', () => {
    expect(taskPrompt({ title: 'T', payload: { prompt: 'do X' } })).toBe('do X');
    expect(taskPrompt({ title: 'T', payload: 'do Y' })).toBe('do Y');
    expect(taskPrompt({ title: 'T', payload: null })).toBe('T');
  });

  it('appends the other payload fields as JSON', () => {
    expect(taskPrompt({ title: 'T', payload: { prompt: 'do X', repo: 'a/b' } })).toBe(
      'do X\n\nTask payload:\n{\n  "repo": "a/b"\n}',
    );
    expect(taskPrompt({ title: 'Fix it', payload: { issue: 7 } })).toBe('Fix it\n\nTask payload:\n{\n  "issue": 7\n}');
  });
});
