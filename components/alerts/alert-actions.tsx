'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ButtonSpinner } from '@/components/balancing/button-spinner';
import { INPUT_CLASS } from '@/components/balancing/form-styles';
import { useTRPC } from '@/components/trpc/client';
import { errorToast } from '@/components/ui/action-toast';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/form-field';
import { useConfirm } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { SilenceForm } from './silence-form';
import { matchersFromLabels } from './silence-matchers';
import type { AlertDetail } from './types';
import { useAlertsChanged } from './use-alert-mutation';

type Open = null | 'ack' | 'assign' | 'silence';

/** Acknowledge (with a note), assign, silence (prefilled from its labels) and resolve; each says what it did. */
export function AlertActions({ alert: a, me }: { alert: AlertDetail; me: string }) {
  const trpc = useTRPC();
  const toast = useToast();
  const confirm = useConfirm();
  const changed = useAlertsChanged();
  const [open, setOpen] = useState<Open>(null);
  const [note, setNote] = useState('');
  const [to, setTo] = useState(a.assignee ?? me);
  const done = () => {
    changed();
    setOpen(null);
  };
  const ack = useMutation(
    trpc.alerts.acknowledge.mutationOptions({
      onSuccess: () => {
        done();
        setNote('');
        toast({
          title: `Acknowledged “${a.rule}”`,
          description: 'It stays open until its condition clears; repeats stop.',
        });
      },
      onError: (err) => toast(errorToast(`Could not acknowledge “${a.rule}”`, err)),
    }),
  );
  const assign = useMutation(
    trpc.alerts.assign.mutationOptions({
      onSuccess: (_r, v) => {
        done();
        toast({ title: `Assigned “${a.rule}” to ${v.to}` });
      },
      onError: (err) => toast(errorToast(`Could not assign “${a.rule}”`, err)),
    }),
  );
  const resolve = useMutation(
    trpc.alerts.resolve.mutationOptions({
      onSuccess: () => {
        done();
        toast({
          title: `Resolved “${a.rule}”`,
          description: 'If its condition still holds, a new alert opens on the next evaluation.',
        });
      },
      onError: (err) => toast(errorToast(`Could not resolve “${a.rule}”`, err)),
    }),
  );
  const resolved = a.state === 'resolved';
  const busy = ack.isPending || assign.isPending || resolve.isPending;
  const toggle = (what: Open) => setOpen((o) => (o === what ? null : what));

  const askResolve = async () => {
    const yes = await confirm({
      title: `Resolve “${a.rule}” now?`,
      body: 'It closes with your name on it. If the condition still holds, the evaluator opens a new alert on its next pass.',
      confirmLabel: 'Resolve',
    });
    if (yes) resolve.mutate({ id: a.id });
  };

  return (
    <div className="space-y-3" data-testid="alert-actions">
      <div className="flex flex-wrap gap-2">
        <Button
          variant={a.state === 'firing' ? 'primary' : 'secondary'}
          size="sm"
          disabled={busy || a.state !== 'firing'}
          aria-expanded={open === 'ack'}
          title={a.state === 'firing' ? 'Say you are on it; repeats stop' : 'Only a firing alert can be acknowledged'}
          onClick={() => toggle('ack')}
        >
          Acknowledge…
        </Button>
        <Button
          size="sm"
          disabled={busy || resolved}
          aria-expanded={open === 'assign'}
          onClick={() => toggle('assign')}
        >
          Assign…
        </Button>
        <Button
          size="sm"
          disabled={busy || resolved}
          aria-expanded={open === 'silence'}
          onClick={() => toggle('silence')}
        >
          Silence…
        </Button>
        <Button size="sm" disabled={busy || resolved} onClick={() => void askResolve()}>
          {resolve.isPending && <ButtonSpinner />}
          Resolve…
        </Button>
      </div>
      {open === 'ack' && (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            ack.mutate({ id: a.id, ...(note.trim() ? { note: note.trim() } : {}) });
          }}
        >
          <label htmlFor="ack-note" className="block text-xs font-medium text-slate-700 dark:text-slate-200">
            Note (optional, shown in the timeline)
          </label>
          <textarea
            id="ack-note"
            rows={2}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            className={INPUT_CLASS}
            placeholder="Looking into it: …"
          />
          <Button type="submit" variant="primary" size="sm" disabled={ack.isPending}>
            {ack.isPending && <ButtonSpinner />}
            Acknowledge
          </Button>
        </form>
      )}
      {open === 'assign' && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            assign.mutate({ id: a.id, to: to.trim() });
          }}
        >
          <TextField
            id="assign-to"
            className="min-w-48 flex-1"
            label="Assign to (user name)"
            value={to}
            onChange={setTo}
          />
          <Button type="submit" variant="primary" size="sm" disabled={assign.isPending || !to.trim()}>
            {assign.isPending && <ButtonSpinner />}
            Assign
          </Button>
          {to !== me && (
            <Button size="sm" variant="ghost" onClick={() => setTo(me)}>
              Me
            </Button>
          )}
        </form>
      )}
      {open === 'silence' && (
        <SilenceForm initialMatchers={matchersFromLabels(a.labels)} onDone={() => setOpen(null)} />
      )}
    </div>
  );
}
