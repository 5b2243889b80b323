'use client';

import { useState } from 'react';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { formErrors } from '@/components/alerts/form-errors';
import { MatchersEditor } from '@/components/alerts/matchers-editor';
import { SEVERITIES } from '@/components/alerts/rule-options';
import { FormButtons } from '@/components/ui/form-buttons';
import { FormError, FormField, LABEL_CLASS, TextField } from '@/components/ui/form-field';
import type { ErrorLike } from '@/components/trpc/input-issues';
import { channelInputFromDraft, type ChannelDraft } from './channel-draft';
import { CHANNEL_TYPE_HELP, CHANNEL_TYPES } from './types';

interface ChannelFormProps {
  initial: ChannelDraft;
  submitLabel: string;
  busy: boolean;
  error: ErrorLike | null;
  onSubmit: (input: NonNullable<ReturnType<typeof channelInputFromDraft>['input']>) => void;
  onCancel: () => void;
}

const FIELDS = ['name', 'type', 'url', 'severities', 'matchers', 'repeatIntervalMs', 'enabled'];

/** Name, type, URL, which alerts (severities, label matchers) and how often a firing group is sent again. */
export function ChannelForm({ initial, submitLabel, busy, error, onSubmit, onCancel }: ChannelFormProps) {
  const [d, setD] = useState(initial);
  const set = (patch: Partial<ChannelDraft>) => setD((x) => ({ ...x, ...patch }));
  const [tried, setTried] = useState(false);
  const { problem, input } = channelInputFromDraft(d);
  const server = formErrors(error, FIELDS);
  // The channel service names the field at the head of its message ("url: private addresses are refused…").
  const headed = /^(name|url|type|repeatIntervalMs): ([\s\S]*)$/.exec(server.form ?? '');
  const err = (k: string) => server.fields[k] ?? (headed?.[1] === k ? headed[2] : undefined);
  const formMessage = headed ? null : server.form;
  const repeatError = (tried && problem) || err('repeatIntervalMs') || undefined;

  return (
    <form
      data-testid="channel-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (input) onSubmit(input);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id="channel-name"
          label="Name"
          value={d.name}
          onChange={(name) => set({ name })}
          error={err('name')}
        />
        <FormField label="Type" htmlFor="channel-type" help={CHANNEL_TYPE_HELP[d.type]}>
          <select
            id="channel-type"
            value={d.type}
            onChange={(e) => set({ type: e.target.value as ChannelDraft['type'] })}
            className={INPUT_CLASS}
          >
            {CHANNEL_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </FormField>
        <TextField
          id="channel-url"
          label="URL"
          value={d.url}
          onChange={(url) => set({ url })}
          error={err('url')}
          placeholder="https://hooks.example.com/flightdeck"
          inputClassName="font-mono"
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <fieldset>
          <legend className={LABEL_CLASS}>Severities</legend>
          <div className="flex flex-wrap gap-3 text-sm">
            {SEVERITIES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1.5">
                <input
                  type="checkbox"
                  checked={d.severities.includes(s)}
                  onChange={(e) =>
                    set({ severities: e.target.checked ? [...d.severities, s] : d.severities.filter((x) => x !== s) })
                  }
                />
                {s}
              </label>
            ))}
          </div>
          <p className="mt-0.5 text-[11px] text-slate-500 dark:text-slate-400">None ticked: every severity.</p>
        </fieldset>
        <TextField
          id="channel-repeat"
          label="Repeat while firing, every"
          value={d.repeatText}
          onChange={(repeatText) => set({ repeatText })}
          error={repeatError}
        />
        <label className="inline-flex items-center gap-2 self-end pb-2 text-sm">
          <input type="checkbox" checked={d.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          Enabled
        </label>
      </div>
      <MatchersEditor
        label="Label matchers"
        matchers={d.matchers}
        onChange={(matchers) => set({ matchers })}
        errors={server.fields}
        emptyMeans="every alert of those severities"
      />
      <FormError message={formMessage} />
      <FormButtons submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
