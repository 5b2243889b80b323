'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { PRIORITIES, type Priority } from '@/server/core/model';
import { useTRPC } from '@/components/trpc/client';
import { Button } from '@/components/ui/button';

const INPUT = 'w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 dark:border-slate-700 dark:bg-slate-950';

/** Submit one task: title, required capabilities (comma-separated), priority, optional JSON payload. */
export function SubmitTaskForm({ onDone }: { onDone?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [capabilities, setCapabilities] = useState('');
  const [priority, setPriority] = useState<Priority>('normal');
  const [payload, setPayload] = useState('');
  const [payloadError, setPayloadError] = useState<string | null>(null);
  const submit = useMutation(trpc.tasks.submit.mutationOptions({
    onSuccess: () => {
      setTitle('');
      void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
    },
  }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    let parsed: unknown = null;
    if (payload.trim()) {
      try {
        parsed = JSON.parse(payload);
      } catch (err) {
        setPayloadError(`Payload is not valid JSON: ${(err as Error).message}`);
        return;
      }
    }
    setPayloadError(null);
    const caps = capabilities.split(',').map((c) => c.trim()).filter(Boolean);
    submit.mutate({ title, capabilities: caps, priority, payload: parsed });
  }

  const newId = submit.data?.ids[0];
  return (
    <form onSubmit={onSubmit} aria-label="Submit task" className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm sm:col-span-2">
        <span className="mb-1 block font-medium">Title</span>
        <input name="title" required value={title} onChange={(e) => setTitle(e.target.value)} className={INPUT} placeholder="Fix the flaky checkout test" />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">Capabilities</span>
        <input name="capabilities" value={capabilities} onChange={(e) => setCapabilities(e.target.value)} className={INPUT} placeholder="typescript, tests" />
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">Priority</span>
        <select name="priority" value={priority} onChange={(e) => setPriority(e.target.value as Priority)} className={INPUT}>
          {PRIORITIES.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label className="text-sm sm:col-span-2">
        <span className="mb-1 block font-medium">Payload <span className="font-normal text-slate-500">(JSON, optional)</span></span>
        <textarea name="payload" rows={3} value={payload} onChange={(e) => setPayload(e.target.value)} className={`${INPUT} font-mono text-xs`} placeholder='{"repo": "acme/web", "prompt": "…"}' />
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <Button type="submit" variant="primary" disabled={submit.isPending}>{submit.isPending ? 'Submitting…' : 'Submit task'}</Button>
        {onDone && <Button variant="ghost" onClick={onDone}>Close</Button>}
        {(payloadError || submit.error) && <p role="alert" className="text-sm text-red-600">{payloadError ?? submit.error?.message}</p>}
        {newId && !submit.error && (
          <p className="text-sm text-emerald-700 dark:text-emerald-400">Submitted <Link href={`/tasks/${newId}`} className="font-mono underline">{newId}</Link></p>
        )}
      </div>
    </form>
  );
}
