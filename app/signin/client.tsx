'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTRPC } from '@/components/trpc/client';
import { useToast } from '@/components/ui/toast';

export function SignInForm({ signedOut = false }: { signedOut?: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const told = useRef(false);
  useEffect(() => {
    if (!signedOut || told.current) return;
    told.current = true;
    toast({
      title: 'Signed out',
      description: 'Your session on this browser has ended; sign in again to continue.',
      kind: 'info',
    });
    // A reload of this page should not say it again.
    window.history.replaceState(null, '', '/signin');
  }, [signedOut, toast]);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const signIn = useMutation(trpc.auth.signIn.mutationOptions({ onSuccess: () => router.replace('/') }));

  function submit(e: FormEvent) {
    e.preventDefault();
    signIn.mutate({ username, password });
  }

  return (
    <form
      onSubmit={submit}
      className="w-full max-w-sm space-y-4 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <div>
        <h1 className="text-xl font-semibold">Flightdeck</h1>
        <p className="text-sm text-slate-500">
          Sign in to the control plane. The first start prints the admin password (or set FLIGHTDECK_ADMIN_PASSWORD).
        </p>
      </div>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Username</span>
        <input
          name="username"
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-transparent px-3 py-2 dark:border-slate-700"
        />
      </label>
      <label className="block text-sm">
        <span className="mb-1 block font-medium">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className="w-full rounded-md border border-slate-300 bg-transparent px-3 py-2 dark:border-slate-700"
        />
      </label>
      {signIn.error && (
        <p role="alert" className="text-sm text-red-600">
          {signIn.error.message}
        </p>
      )}
      <button
        type="submit"
        disabled={signIn.isPending}
        className="w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
      >
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
