'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { PRIORITIES, type Priority } from '@/server/core/model';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import {
  EMPTY_SUBMIT_DRAFT,
  readSubmitDraft,
  type SubmitDraft,
  type SubmitErrors,
  type SubmitField,
} from './submit-draft';
import { submitFieldErrors } from './submit-field-errors';
import { TaskFormField } from './task-form-field';

const LEGEND = 'mb-2 text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400';

/**
 * Submit one task with every field `tasks.submit` takes. What cannot be sent (broken JSON, a
 * number that is none) is named before sending; the server's verdict lands next to each field.
 */
export function SubmitTaskForm({ onDone }: { onDone?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [draft, setDraft] = useState<SubmitDraft>(EMPTY_SUBMIT_DRAFT);
  const [localErrors, setLocalErrors] = useState<SubmitErrors>({});
  const submit = useMutation(
    trpc.tasks.submit.mutationOptions({
      onSuccess: ({ ids: [id] }, input) => {
        const title = 'title' in input ? input.title : '';
        setDraft((d) => ({ ...d, title: '', prompt: '', idempotencyKey: '' }));
        void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
        toast({
          title: `Submitted task "${title}"`,
          description: id,
          action: { label: 'Open', run: () => router.push(`/tasks/${id}`) },
        });
      },
      onError: (err) => toast({ title: 'The task was not submitted', description: err.message, kind: 'error' }),
    }),
  );
  const server = submitFieldErrors(submit.error);
  const errors: SubmitErrors = { ...server.fields, ...localErrors };

  const field = (name: SubmitField) => ({
    name,
    value: draft[name],
    error: errors[name],
    onChange: (value: string) => {
      if (submit.error) submit.reset();
      setLocalErrors({});
      setDraft((d) => ({ ...d, [name]: value }));
    },
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { input, errors: invalid } = readSubmitDraft(draft);
    setLocalErrors(invalid);
    if (Object.keys(invalid).length) return;
    submit.mutate(input);
  };

  const newId = submit.data?.ids[0];
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Submit task" className="space-y-5">
      <fieldset disabled={submit.isPending} className="grid min-w-0 gap-3 sm:grid-cols-2">
        <legend className={LEGEND}>Task</legend>
        <TaskFormField
          label="Title"
          {...field('title')}
          placeholder="Fix the flaky checkout test"
          className="sm:col-span-2"
        />
        <TaskFormField
          label="Prompt"
          {...field('prompt')}
          rows={3}
          placeholder="What the agent should do"
          className="sm:col-span-2"
          help={
            <>
              Sent as <code className="font-mono">payload.prompt</code>, which agents run (else the title).
            </>
          }
        />
        <TaskFormField
          label="Payload (JSON)"
          {...field('payload')}
          rows={3}
          mono
          className="sm:col-span-2"
          placeholder='{"repo": "acme/web"}'
          help="Optional: anything else the agent needs, as a JSON object."
        />
      </fieldset>
      <fieldset disabled={submit.isPending} className="grid min-w-0 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className={LEGEND}>Routing</legend>
        <TaskFormField
          label="Capabilities"
          {...field('capabilities')}
          placeholder="typescript, tests"
          help="All of them, comma-separated."
        />
        <div className="min-w-0 text-sm">
          <label htmlFor="submit-priority" className="mb-1 block font-medium">
            Priority
          </label>
          <select
            id="submit-priority"
            name="priority"
            value={draft.priority}
            className={INPUT_CLASS}
            aria-invalid={!!errors.priority || undefined}
            onChange={(e) => field('priority').onChange(e.target.value as Priority)}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
          {errors.priority && (
            <p role="alert" className="mt-0.5 text-xs text-red-600 dark:text-red-400">
              {errors.priority}
            </p>
          )}
        </div>
        <TaskFormField
          label="Project"
          {...field('project')}
          placeholder="default"
          help="Fair share between projects."
        />
        <TaskFormField
          label="Context key"
          {...field('contextKey')}
          placeholder="repo:web"
          help="Prefers agents holding this context."
        />
      </fieldset>
      <fieldset disabled={submit.isPending} className="grid min-w-0 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className={LEGEND}>Limits and order</legend>
        <TaskFormField
          label="Max attempts"
          {...field('maxAttempts')}
          numeric
          placeholder="3"
          help="1–100; then it is dead-lettered."
        />
        <TaskFormField
          label="Timeout"
          {...field('timeout')}
          placeholder="30m"
          help="Run-time limit: 90s, 30m, 2h (blank: the server's)."
        />
        <TaskFormField
          label="Concurrency key"
          {...field('concurrencyKey')}
          placeholder="repo:web"
          help="Tasks sharing it run at most…"
        />
        <TaskFormField
          label="Concurrency limit"
          {...field('concurrencyLimit')}
          numeric
          placeholder="1"
          help="…this many at once."
        />
        <TaskFormField
          label="Depends on"
          {...field('dependsOn')}
          mono
          placeholder="tsk_…, tsk_…"
          className="sm:col-span-2"
          help="Task ids that must succeed first; it waits blocked until then."
        />
        <TaskFormField
          label="Idempotency key"
          {...field('idempotencyKey')}
          placeholder="fix-login-1"
          className="sm:col-span-2"
          help="Submitting the same key again returns the existing task."
        />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={submit.isPending}>
          {submit.isPending ? (
            <>
              <ButtonSpinner />
              Submitting…
            </>
          ) : (
            'Submit task'
          )}
        </Button>
        {onDone && (
          <Button variant="ghost" onClick={onDone}>
            Close
          </Button>
        )}
        {server.form && (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400" data-testid="submit-form-error">
            {server.form}
          </p>
        )}
        {newId && !submit.error && (
          <p className="text-sm text-emerald-700 dark:text-emerald-400">
            Submitted{' '}
            <Link href={`/tasks/${newId}`} className="font-mono underline">
              {newId}
            </Link>
          </p>
        )}
      </div>
    </form>
  );
}
