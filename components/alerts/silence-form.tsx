'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { FormButtons } from '@/components/ui/form-buttons';
import { FormError, FormField } from '@/components/ui/form-field';
import { formatDateTime } from '@/components/ui/format';
import { useToast } from '@/components/ui/toast';
import type { LabelMatcher } from '@/server/core/alerts/label-matchers';
import { formErrors } from './form-errors';
import { MatchersEditor } from './matchers-editor';
import { formatMatchers, SILENCE_PRESETS } from './silence-matchers';

interface SilenceFormProps {
  initialMatchers: LabelMatcher[];
  onDone: () => void;
}

/** Matchers (prefilled from an alert's labels), a duration preset and a comment; everyone sees who silenced what and why. */
export function SilenceForm({ initialMatchers, onDone }: SilenceFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [matchers, setMatchers] = useState(initialMatchers);
  const [durationMs, setDurationMs] = useState<number>(SILENCE_PRESETS[1].ms);
  const [comment, setComment] = useState('');
  const silence = useMutation(
    trpc.alerts.silence.mutationOptions({
      onSuccess: (s) => {
        void queryClient.invalidateQueries(trpc.alerts.pathFilter());
        toast({
          title: `Silenced until ${formatDateTime(s.endsAt)}`,
          description: `Alerts matching ${formatMatchers(s.matchers)} notify nobody until then.`,
        });
        onDone();
      },
      onError: (err) => toast(errorToast('Could not create the silence', err)),
    }),
  );
  const errors = formErrors(silence.error, ['matchers', 'comment', 'durationMs']);
  return (
    <form
      data-testid="silence-form"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        silence.mutate({ matchers, durationMs, comment });
      }}
    >
      <MatchersEditor
        label="Matchers"
        matchers={matchers}
        onChange={setMatchers}
        errors={errors.fields}
        emptyMeans="a silence needs at least one"
      />
      <FormError message={errors.fields.matchers} />
      <div role="radiogroup" aria-label="Duration" className="flex flex-wrap items-center gap-1.5 text-sm">
        <span className="mr-1 text-xs font-medium text-slate-700 dark:text-slate-200">For</span>
        {SILENCE_PRESETS.map((p) => (
          <button
            key={p.ms}
            type="button"
            role="radio"
            aria-checked={durationMs === p.ms}
            onClick={() => setDurationMs(p.ms)}
            className={`rounded-full border px-2.5 py-0.5 text-xs font-medium ${
              durationMs === p.ms
                ? 'border-indigo-600 bg-indigo-600 text-white'
                : 'border-slate-300 bg-white text-slate-600 hover:border-slate-400 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300'
            }`}
          >
            {p.label}
          </button>
        ))}
      </div>
      <FormField label="Comment" htmlFor="silence-comment" error={errors.fields.comment}>
        <textarea
          id="silence-comment"
          rows={2}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          placeholder="Why, and until what: “deploying the GPU fleet, back by 3pm”"
          aria-invalid={!!errors.fields.comment || undefined}
          className={INPUT_CLASS}
        />
      </FormField>
      <FormError message={errors.form} />
      <FormButtons submitLabel="Silence" busy={silence.isPending} onCancel={onDone} />
    </form>
  );
}
